// CsvReader's running SHA-256 (issue 10): the hash of the bytes actually
// read, given only once the whole file was read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "clemency/io/csv_reader.h"
#include "clemency/io/sha256.h"

namespace clemency {
namespace {

TEST(CsvReaderSha256, IsTheHashOfTheWholeFileOnceRead) {
  const std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / "csv_reader_sha256.csv";
  std::string text = "a,b\n";
  for (int i = 0; i < 200000; ++i) text += std::to_string(i) + ",\"x\ny\"\n";  // several blocks
  std::ofstream(path, std::ios::binary) << text;
  std::string error;
  auto reader = CsvReader::Open(path.string(), &error);
  ASSERT_TRUE(reader) << error;
  CsvRecord rec;
  ASSERT_TRUE(reader->Next(rec));
  EXPECT_EQ(reader->sha256(), "");  // not all read yet
  while (reader->Next(rec)) {
  }
  Sha256 expected;
  expected.Update(text);
  EXPECT_EQ(reader->sha256(), expected.Hex());
  EXPECT_EQ(reader->sha256(), Sha256File(path.string()));
  EXPECT_EQ(CsvReader::FromString(text)->sha256(), "");
}

}  // namespace
}  // namespace clemency
