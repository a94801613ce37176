// A test fixture for tests that run the `clemency` binary: a fresh scratch
// folder per test (dir_, with an empty dir_/data), and helpers to write files
// into it and run the binary there (support/run_clemency.h).
#ifndef CLEMENCY_TESTS_SUPPORT_CLI_FIXTURE_H_
#define CLEMENCY_TESTS_SUPPORT_CLI_FIXTURE_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "support/run_clemency.h"

namespace clemency::testing_support {

// A fresh, empty folder for the running test: TempDir/SUITE_NAME_PID (a '/' of
// a parameterized name becomes '_'), emptied first if an earlier run left it.
inline std::filesystem::path FreshScratchDir() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "_" + info->name() + "_" + std::to_string(::getpid());
  for (char& ch : name)
    if (ch == '/') ch = '_';
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Writes text to path as bytes, creating its folder.
inline void WriteText(const std::filesystem::path& path, std::string_view text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class CliFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = FreshScratchDir();
    std::filesystem::create_directories(dir_ / "data");
  }
  CommandRun Clemency(const std::string& args, const std::string& env = "") const {
    return RunClemency(args, dir_, env);
  }
  // Writes text to dir_/rel, creating its folder.
  void WriteAt(const std::filesystem::path& rel, std::string_view text) const { WriteText(dir_ / rel, text); }
  std::string Path(const std::filesystem::path& rel) const { return (dir_ / rel).string(); }

  std::filesystem::path dir_;
};

}  // namespace clemency::testing_support

#endif  // CLEMENCY_TESTS_SUPPORT_CLI_FIXTURE_H_
