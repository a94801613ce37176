// Issue 10, outputs: a run's files are all from that run, or absent
// (docs/outputs.md). Drives the built binary on a 2,000-person synthetic
// population: concurrent runs, kills at random points, SIGTERM/SIGINT, a
// full disk (a small tmpfs, where mount is permitted), permissions,
// unwritable paths, a foreign OUT, import into its input's folder, and the
// data folder's manifest checked by screen.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "clemency/io/output_dir.h"
#include "support/run_clemency.h"

namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;
using clemency::testing_support::CommandRun;
using clemency::testing_support::RunClemency;
using clemency::testing_support::Slurp;

// Each test has its own folder (ctest runs tests as parallel processes).
const fs::path& Scratch() {
  static const fs::path dir = [] {
    const fs::path d = fs::path(::testing::TempDir()) / "output_folder_test" /
                       ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

// The synthetic population, generated once per test process.
std::string Data() {
  static const std::string data = [] {
    const fs::path d = Scratch() / "data";
    const CommandRun r = RunClemency("synth --people 2000 --seed 3 --as-of 2026-01-01 -o " + d.string(), Scratch());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return d.string();
  }();
  return data;
}

std::string ScreenArgs(const std::string& policy, const fs::path& out) {
  return "screen --data " + Data() + " --policy " + policy + " --as-of 2026-01-01 -o " + out.string();
}

// Starts the binary with args (split on spaces), output discarded.
pid_t Spawn(const std::string& args) {
  std::vector<std::string> parts{CLEMENCY_BINARY};
  for (size_t at = 0; at < args.size();) {
    const size_t sp = args.find(' ', at);
    parts.push_back(args.substr(at, sp == std::string::npos ? std::string::npos : sp - at));
    at = sp == std::string::npos ? args.size() : sp + 1;
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv;
    for (std::string& p : parts) argv.push_back(p.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

std::vector<std::string> StagingLeftovers(const fs::path& out) {
  std::vector<std::string> found;
  const std::string prefix = "." + out.filename().string() + ".clemency-staging-";
  for (const auto& e : fs::directory_iterator(out.parent_path()))
    if (e.path().filename().string().starts_with(prefix)) found.push_back(e.path().string());
  return found;
}

bool Verifies(const fs::path& dir, std::string* error) {
  bool absent = false;
  return clemency::VerifyOutputDir(dir.string(), &absent, error);
}

class OutputFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = Scratch() / "t";
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ASSERT_FALSE(Data().empty());
  }
  CommandRun Clemency(const std::string& args) { return RunClemency(args, dir_); }
  // A reference run of policy into dir_/ref-POLICY; returns its manifest.json.
  std::string Reference(const std::string& policy) {
    const CommandRun r = Clemency(ScreenArgs(policy, dir_ / ("ref-" + policy)));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Slurp(dir_ / ("ref-" + policy) / "manifest.json");
  }
  fs::path dir_;
};

TEST_F(OutputFolderTest, TwoConcurrentScreensOneFailsCleanly) {
  const std::string a = Reference("redemption-2020"), b = Reference("clemency-project-2014");
  const fs::path out = dir_ / "out";
  int refused = 0;
  for (int round = 0; round < 5; ++round) {
    const pid_t p1 = Spawn(ScreenArgs("redemption-2020", out));
    const pid_t p2 = Spawn(ScreenArgs("clemency-project-2014", out));
    const int s1 = Wait(p1), s2 = Wait(p2);
    ASSERT_TRUE(WIFEXITED(s1) && WIFEXITED(s2));
    const int e1 = WEXITSTATUS(s1), e2 = WEXITSTATUS(s2);
    EXPECT_TRUE((e1 == 0 || e1 == 2) && (e2 == 0 || e2 == 2) && (e1 == 0 || e2 == 0)) << e1 << " " << e2;
    refused += (e1 == 2) + (e2 == 2);
    std::string error;
    EXPECT_TRUE(Verifies(out, &error)) << error;
    const std::string m = Slurp(out / "manifest.json");
    EXPECT_TRUE(m == a || m == b);
    if (e1 == 2) {
      EXPECT_EQ(m, b);  // the folder is the run that succeeded
    }
    if (e2 == 2) {
      EXPECT_EQ(m, a);
    }
  }
  EXPECT_GT(refused, 0) << "the two runs never overlapped";
  EXPECT_TRUE(StagingLeftovers(out).empty());
}

TEST_F(OutputFolderTest, ASecondRunFailsAtOnceWhileTheLockIsHeld) {
  const fs::path out = dir_ / "out";
  const int fd = ::open((dir_ / ".out.clemency-lock").c_str(), O_RDWR | O_CREAT, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  const CommandRun r = Clemency(ScreenArgs("redemption-2020", out));
  ::close(fd);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("clemency screen: " + out.string() + ": another clemency run is writing this folder now"));
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(OutputFolderTest, RerunKilledAtRandomPointsLeavesTheOldOrTheNewRun) {
  const std::string policies[2] = {"redemption-2020", "clemency-project-2014"};
  const std::string manifests[2] = {Reference(policies[0]), Reference(policies[1])};
  const fs::path out = dir_ / "out";
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(Clemency(ScreenArgs(policies[0], out)).exit_code, 0);
  // Kill anywhere from the start to well after a whole run's time.
  const int run_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::steady_clock::now() - t0).count());
  std::uniform_int_distribution<int> delay(0, 2 * run_ms + 20);
  std::mt19937 rng(10);
  int current = 0, replaced = 0;
  for (int i = 0; i < 20; ++i) {
    const pid_t pid = Spawn(ScreenArgs(policies[1 - current], out));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng)));
    ::kill(pid, SIGKILL);
    Wait(pid);
    std::string error;
    ASSERT_TRUE(Verifies(out, &error)) << "after kill " << i << ": " << error;
    const std::string m = Slurp(out / "manifest.json");
    ASSERT_TRUE(m == manifests[0] || m == manifests[1]) << "after kill " << i;
    const int now = m == manifests[0] ? 0 : 1;
    replaced += now != current;
    current = now;
  }
  // The next run removes the leftovers of killed runs.
  ASSERT_EQ(Clemency(ScreenArgs(policies[0], out)).exit_code, 0);
  EXPECT_TRUE(StagingLeftovers(out).empty());
  EXPECT_EQ(Slurp(out / "manifest.json"), manifests[0]);
  EXPECT_GT(replaced, 0) << "no run completed: the kills covered only the start";
}

TEST_F(OutputFolderTest, SigtermAndSigintRemoveTheStagingFolder) {
  for (int sig : {SIGTERM, SIGINT}) {
    const fs::path out = dir_ / ("out" + std::to_string(sig));
    const pid_t pid = Spawn(ScreenArgs("redemption-2020", out));
    bool seen = false;
    for (int i = 0; i < 2000 && !seen; ++i) {
      seen = !StagingLeftovers(out).empty();
      if (!seen) std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    ASSERT_TRUE(seen) << "no staging folder appeared";
    ::kill(pid, sig);
    const int status = Wait(pid);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << status;
    EXPECT_TRUE(StagingLeftovers(out).empty()) << "signal " << sig;
    EXPECT_FALSE(fs::exists(out));
  }
}

TEST_F(OutputFolderTest, FullDiskIsExit2AndLeavesTheOldRun) {
  const fs::path mnt = dir_ / "mnt";
  fs::create_directories(mnt);
  if (std::system(("mount -t tmpfs -o size=256k tmpfs " + mnt.string() + " 2>/dev/null").c_str()) != 0)
    GTEST_SKIP() << "mount is not permitted here";
  struct Unmount {
    fs::path p;
    ~Unmount() { (void)std::system(("umount " + p.string()).c_str()); }
  } unmount{mnt};
  // A small earlier run fits; the 2,000-person one does not.
  const fs::path small = dir_ / "small";
  ASSERT_EQ(Clemency("synth --people 5 --seed 1 --as-of 2026-01-01 -o " + small.string()).exit_code, 0);
  const fs::path out = mnt / "out";
  CommandRun r = Clemency("screen --data " + small.string() + " --policy redemption-2020 --as-of 2026-01-01 -o " +
                          out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string before = Slurp(out / "manifest.json");
  r = Clemency(ScreenArgs("redemption-2020", out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("clemency screen: cannot write " + out.string() + ": "));
  EXPECT_THAT(r.err, HasSubstr("No space left on device"));
  EXPECT_THAT(r.err, HasSubstr(out.string() + " is left as it was"));
  EXPECT_EQ(Slurp(out / "manifest.json"), before);
  std::string error;
  EXPECT_TRUE(Verifies(out, &error)) << error;
  EXPECT_TRUE(StagingLeftovers(out).empty());
}

TEST_F(OutputFolderTest, FilesAreOwnerOnlyUnderUmask022) {
  const mode_t old = ::umask(022);
  const fs::path out = dir_ / "out";
  const CommandRun r = Clemency(ScreenArgs("redemption-2020", out));
  ::umask(old);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct stat st;
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0700u);
  int files = 0;
  for (const auto& e : fs::directory_iterator(out)) {
    ASSERT_EQ(::stat(e.path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0600u) << e.path();
    ++files;
  }
  EXPECT_EQ(files, 7);  // screening.csv, reasons.jsonl, policy.json, summary.json, candidates.xlsx, report.html, manifest.json
  ASSERT_EQ(::stat(Data().c_str(), &st), 0);  // synth's folder too
  EXPECT_EQ(st.st_mode & 07777, 0700u);
}

TEST_F(OutputFolderTest, UnwritableOutputPathIsExit2) {
  std::ofstream(dir_ / "afile") << "x";
  CommandRun r = Clemency(ScreenArgs("redemption-2020", dir_ / "afile" / "out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr((dir_ / "afile" / "out").string() + ": cannot create its parent folder"));
  EXPECT_THAT(r.err, HasSubstr("Not a directory"));
  r = Clemency(ScreenArgs("redemption-2020", dir_ / "afile"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("exists and is not a folder; refusing to replace it"));
  r = Clemency("synth --people 5 --as-of 2026-01-01 -o /proc/clemency-test-out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("clemency synth: /proc/clemency-test-out: cannot write there"));
}

TEST_F(OutputFolderTest, AFolderWithOtherFilesIsRefusedAndKept) {
  const fs::path out = dir_ / "mine";
  fs::create_directories(out);
  std::ofstream(out / "notes.txt") << "my notes";
  std::ofstream(out / "screening.csv") << "x";
  const CommandRun r = Clemency(ScreenArgs("redemption-2020", out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(out.string() + ": holds notes.txt, which is not a file of an earlier clemency output"));
  EXPECT_EQ(Slurp(out / "notes.txt"), "my notes");
  EXPECT_EQ(Slurp(out / "screening.csv"), "x");
}

TEST_F(OutputFolderTest, ImportRefusesAnOutputFolderHoldingItsInput) {
  const fs::path in = dir_ / "export";
  fs::create_directories(in);
  fs::copy_file(std::string(CLEMENCY_TEST_DATA) + "/import/example-doc.csv", in / "people.csv");
  const std::string before = Slurp(in / "people.csv");
  const std::string mapping = std::string(CLEMENCY_TEST_DATA) + "/../../rules/mappings/example-doc.toml";
  for (const fs::path& out : {in, dir_}) {
    const CommandRun r = Clemency("import --mapping " + mapping + " " + (in / "people.csv").string() + " -o " +
                                  out.string() + " --as-of 2021-12-31 --on-error quarantine");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr("clemency import: -o " + out.string() + " holds the input"));
    EXPECT_EQ(Slurp(in / "people.csv"), before);
  }
}

TEST_F(OutputFolderTest, ScreenAndValidateRefuseToReplaceTheirDataFolder) {
  const fs::path data = dir_ / "data";
  fs::copy(Data(), data);
  CommandRun r = Clemency("screen --data " + data.string() + " --policy redemption-2020 --as-of 2026-01-01 -o " +
                          data.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("clemency screen: -o " + data.string() + " holds the --data folder"));
  r = Clemency("validate " + data.string() + " --as-of 2026-01-01 -o " + dir_.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("clemency validate: -o " + dir_.string() + " holds the folder"));
  EXPECT_TRUE(fs::exists(data / "people.csv"));
  std::string error;
  EXPECT_TRUE(Verifies(data, &error)) << error;
}

TEST_F(OutputFolderTest, ScreenComparesTheDataWithItsManifest) {
  const fs::path data = dir_ / "data";
  fs::copy(Data(), data);
  std::ofstream(data / "people.csv", std::ios::app) << "\n";  // a blank line: same rows, other bytes
  CommandRun r = Clemency("screen --data " + data.string() + " --policy redemption-2020 --as-of 2026-01-01 -o " +
                          (dir_ / "out").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("warning: clemency screen: " + data.string() + "/people.csv differs from " +
                               data.string() + "/manifest.json"));
  EXPECT_THAT(Slurp(dir_ / "out" / "summary.json"), HasSubstr("\"data_manifest_mismatches\": ["));
  fs::remove(data / "facilities.csv");
  r = Clemency("explain --data " + data.string() + " --policy redemption-2020 --as-of 2026-01-01 --person P0000001");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("facilities.csv is missing, but " + data.string() + "/manifest.json names it"));
}

TEST_F(OutputFolderTest, InputHashesAreThoseOfTheBytesRead) {
  const CommandRun r = Clemency(ScreenArgs("redemption-2020", dir_ / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string summary = Slurp(dir_ / "out" / "summary.json");
  std::vector<clemency::ManifestFile> files;
  bool absent = false;
  std::string error;
  ASSERT_TRUE(clemency::ReadManifest(Data(), &files, &absent, &error)) << error;
  for (const clemency::ManifestFile& f : files)
    EXPECT_THAT(summary, HasSubstr("\"" + f.name + "\": \"" + f.sha256 + "\""));
}

}  // namespace
