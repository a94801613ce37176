#include "clemency/cli/command_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "clemency/cli/commands.h"

namespace clemency {

const std::vector<std::string> kScreenOutputNames = {"screening.csv", "reasons.jsonl", "policy.json", "summary.json",
                                                     "candidates.xlsx", "report.html", "rejected.csv"};
const std::vector<std::string> kSynthOutputNames = {"people.csv", "sentences.csv", "facilities.csv", "jurisdictions.csv"};
const std::vector<std::string> kSimulateOutputNames = {"projection.csv", "projection_summary.json", "releases.csv",
                                                        "report.html"};

bool OutputHolds(const std::string& out, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto normal = [&ec](const std::string& p) {
    fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec).lexically_normal();
    return c.has_filename() ? c : c.parent_path();
  };
  const fs::path o = normal(out), p = normal(path);
  return std::mismatch(o.begin(), o.end(), p.begin(), p.end()).first == o.end();
}

CommandOutput::CommandOutput(std::string command, std::string out, bool staged)
    : command_(std::move(command)), out_(std::move(out)), staged_(staged) {}

int CommandOutput::Open(const std::vector<std::string>& known) {
  std::string error;
  if (staged_) {
    if (folder_.Open(out_, known, &error)) return kExitOk;
    fmt::print(stderr, "clemency {}: {}\n", command_, error);
    return kExitUsage;
  }
  std::error_code ec;
  std::filesystem::create_directories(out_, ec);
  if (!ec) return kExitOk;
  fmt::print(stderr, "clemency {}: {}: cannot create: {}\n", command_, out_, ec.message());
  return kExitUsage;
}

int CommandOutput::Fail(const std::string& error) const {
  fmt::print(stderr, "clemency {}: cannot write {}: {}; {} is left as it was\n", command_, out_,
             staged_ ? folder_.Describe(error) : error, out_);
  return kExitUsage;
}

int CommandOutput::Commit(const ManifestInfo& info) {
  std::string error;
  if (staged_ ? folder_.Commit(info, &error) : WriteManifest(out_, info, &error)) return kExitOk;
  return Fail(error);
}

}  // namespace clemency
