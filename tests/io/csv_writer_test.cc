#include "clemency/io/csv_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace clemency {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CsvWriterTest, QuotesOnlyWhatNeedsQuoting) {
  std::string out;
  AppendCsvField(out, "plain");
  out += '|';
  AppendCsvField(out, "a,b");
  out += '|';
  AppendCsvField(out, "say \"hi\"");
  out += '|';
  AppendCsvField(out, "two\nlines");
  out += '|';
  AppendCsvField(out, " padded");
  EXPECT_EQ(out, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\" padded\"");
}

TEST(CsvWriterTest, FileAppearsOnlyOnCommit) {
  const std::string path = ::testing::TempDir() + "/w.csv";
  std::filesystem::remove(path);
  {
    CsvWriter w(path);
    w.Row({"a", "b"});
    w.Field("1").Field(int64_t{-42}).EndRow();
    EXPECT_FALSE(std::filesystem::exists(path));
    ASSERT_TRUE(w.Commit());
  }
  EXPECT_EQ(Slurp(path), "a,b\n1,-42\n");
  EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

TEST(CsvWriterTest, AbandonedWriterLeavesNothing) {
  const std::string path = ::testing::TempDir() + "/abandoned.csv";
  std::filesystem::remove(path);
  {
    CsvWriter w(path);
    w.Row({"x"});
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

TEST(CsvWriterTest, UnwritableDirectoryIsAnError) {
  CsvWriter w("/nonexistent-dir/x.csv");
  EXPECT_FALSE(w.ok());
  EXPECT_NE(w.error().find("cannot create"), std::string::npos);
  EXPECT_FALSE(w.Commit());
}

}  // namespace
}  // namespace clemency
