// For tests that run the built `clemency` binary (CLEMENCY_BINARY, defined by
// clemency_test): run it with arguments, capture exit code, stdout and stderr
// through files in a scratch directory, and read files whole.
#ifndef CLEMENCY_TESTS_SUPPORT_RUN_CLEMENCY_H_
#define CLEMENCY_TESTS_SUPPORT_RUN_CLEMENCY_H_

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace clemency::testing_support {

struct CommandRun {
  int exit_code;  // -1 when the binary did not exit normally
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `clemency ARGS` (ARGS as a shell would split them); stdout and stderr
// go through scratch_dir/stdout and scratch_dir/stderr. env: "NAME=VALUE ..."
// set for this run only.
inline CommandRun RunClemency(const std::string& args, const std::filesystem::path& scratch_dir,
                              const std::string& env = "") {
  const std::string out = (scratch_dir / "stdout").string(), err = (scratch_dir / "stderr").string();
  const std::string cmd = (env.empty() ? "" : "env " + env + " ") + std::string(CLEMENCY_BINARY) + " " + args + " >" + out +
                          " 2>" + err;
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(out), Slurp(err)};
}

}  // namespace clemency::testing_support

#endif  // CLEMENCY_TESTS_SUPPORT_RUN_CLEMENCY_H_
