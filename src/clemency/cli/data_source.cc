#include "clemency/cli/data_source.h"

#include <fmt/format.h>

#include <filesystem>

#include "clemency/cli/commands.h"
#include "clemency/cli/progress.h"
#include "clemency/io/population_snapshot.h"

namespace clemency {

bool DataSourceExists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec) || std::filesystem::is_regular_file(path, ec);
}

bool IsSnapshotSource(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

int LoadDataSource(const std::string& path, const LoadOptions& options, const char* command, LoadResult* result) {
  if (!IsSnapshotSource(path)) {
    *result = LoadPopulation(path, options);
    EndTerminalProgress();
    return kExitOk;
  }
  OpenedSnapshot snapshot;
  std::string error;
  if (!OpenSnapshot(path, &snapshot, &error)) {
    fmt::print(stderr, "clemency {}: --data {}\n", command, error);
    return kExitBadData;
  }
  if (options.as_of < snapshot.as_of) {
    fmt::print(stderr,
               "clemency {}: --data {}: the snapshot was checked as of {}, after --as-of {}: its dates were not "
               "checked against {}; screen as of {} or later, or save a snapshot as of {}\n",
               command, path, snapshot.as_of.ToString(), options.as_of.ToString(), options.as_of.ToString(),
               snapshot.as_of.ToString(), options.as_of.ToString());
    return kExitUsage;
  }
  *result = std::move(snapshot.load);
  return kExitOk;
}

int SaveDataSnapshot(const LoadResult& result, Date as_of, const std::string& path, const char* command) {
  std::string error;
  if (!SaveSnapshot(result, as_of, path, &error)) {
    fmt::print(stderr, "clemency {}: --save {}: {}\n", command, path, error);
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace clemency
