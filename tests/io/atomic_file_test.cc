// AtomicFile (issue 10): each writer has its own partial file, created
// exclusively and readable by its owner only, so two writers of one path
// never mix their bytes and a half-written file is never exposed.
#include "clemency/io/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace clemency {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(AtomicFile, TwoWritersOfOnePathDoNotShareAPartialFile) {
  const fs::path dir = fs::path(::testing::TempDir()) / "atomic_file_two_writers";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "out.csv").string();
  AtomicFile a(path), b(path);
  ASSERT_TRUE(a.ok()) << a.error();
  ASSERT_TRUE(b.ok()) << b.error();
  a.Write(std::string(5000, 'a'));
  b.Write(std::string(3000, 'b'));
  EXPECT_TRUE(a.Commit()) << a.error();
  EXPECT_EQ(Slurp(path), std::string(5000, 'a'));
  EXPECT_TRUE(b.Commit()) << b.error();
  EXPECT_EQ(Slurp(path), std::string(3000, 'b'));
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);  // no partial file left
}

TEST(AtomicFile, FileIsOwnerOnlyWhateverTheUmask) {
  const fs::path dir = fs::path(::testing::TempDir()) / "atomic_file_mode";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const mode_t old = ::umask(022);
  std::string error;
  const bool ok = WriteFileAtomically((dir / "x.json").string(), "{}\n", &error);
  ::umask(old);
  ASSERT_TRUE(ok) << error;
  struct stat st;
  ASSERT_EQ(::stat((dir / "x.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
}

}  // namespace
}  // namespace clemency
