// --data: a population folder of CSV files (io/population_loader.h) or a
// snapshot saved by --save (io/population_snapshot.h), told apart by what the
// path is: a folder is loaded, a file is opened as a snapshot (its magic
// decides, not its name). One place for every command that reads --data.
#ifndef CLEMENCY_CLI_DATA_SOURCE_H_
#define CLEMENCY_CLI_DATA_SOURCE_H_

#include <string>

#include "clemency/io/population_loader.h"

namespace clemency {

// True when path is a folder or a regular file (so worth loading).
bool DataSourceExists(const std::string& path);
// True when path is a file, to be opened as a snapshot.
bool IsSnapshotSource(const std::string& path);

// Loads the folder, or opens the snapshot, into *result. Returns kExitOk, or
// the exit code after printing why on stderr: a refused snapshot is invalid
// input (3); a snapshot checked as of a later date than options.as_of is a
// usage error (2), since its rows were not checked against the earlier date.
int LoadDataSource(const std::string& path, const LoadOptions& options, const char* command, LoadResult* result);

// --save FILE: writes the loaded population as a snapshot; kExitOk or the
// exit code after printing why.
int SaveDataSnapshot(const LoadResult& result, Date as_of, const std::string& path, const char* command);

}  // namespace clemency

#endif  // CLEMENCY_CLI_DATA_SOURCE_H_
