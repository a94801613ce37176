#include "clemency/io/csv_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "clemency/io/csv_writer.h"

namespace clemency {
namespace {

struct Parsed {
  std::vector<std::vector<std::string>> rows;
  std::vector<uint64_t> lines;
  std::vector<std::string> errors;  // "line:col: message"
  std::vector<std::string> raws;
};

Parsed ParseAll(CsvReader& r) {
  Parsed out;
  CsvRecord rec;
  while (r.Next(rec)) {
    if (!rec.ok()) {
      out.errors.push_back(std::to_string(rec.error_line) + ":" + std::to_string(rec.error_column) +
                           ": " + rec.error);
      continue;
    }
    out.rows.emplace_back(rec.fields.begin(), rec.fields.end());
    out.lines.push_back(rec.line);
    out.raws.emplace_back(rec.raw);
  }
  return out;
}

Parsed Parse(std::string_view data) {
  auto r = CsvReader::FromString(data);
  return ParseAll(*r);
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReaderTest, PlainRowsAndEmptyFields) {
  const Parsed p = Parse("a,b,c\n1,,3\n,,\n");
  EXPECT_EQ(p.rows, (Rows{{"a", "b", "c"}, {"1", "", "3"}, {"", "", ""}}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_TRUE(p.errors.empty());
}

TEST(CsvReaderTest, QuotesDoubledQuotesAndEmbeddedNewlines) {
  const Parsed p = Parse("id,text\n1,\"say \"\"hi\"\", ok\"\n2,\"two\nlines\"\n3,\"\"\n4,x\n");
  EXPECT_EQ(p.rows, (Rows{{"id", "text"}, {"1", "say \"hi\", ok"}, {"2", "two\nlines"}, {"3", ""}, {"4", "x"}}));
  // Line numbers count the newline inside the quoted field.
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 2, 3, 5, 6}));
}

TEST(CsvReaderTest, CrlfBomAndNoFinalNewline) {
  const Parsed p = Parse("\xEF\xBB\xBFid,name\r\n1,\"a\r\nb\"\r\n2,c");
  EXPECT_EQ(p.rows, (Rows{{"id", "name"}, {"1", "a\r\nb"}, {"2", "c"}}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 2, 4}));
  EXPECT_EQ(p.raws[0], "id,name");  // no BOM, no CR
}

TEST(CsvReaderTest, BomOnlyAtStartAndOnlyOnce) {
  const Parsed p = Parse("\xEF\xBB\xBF\xEF\xBB\xBFx\n");
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0][0], "\xEF\xBB\xBFx");
}

TEST(CsvReaderTest, TrailingCommaGivesEmptyLastField) {
  EXPECT_EQ(Parse("a,b,\n").rows, (Rows{{"a", "b", ""}}));
  EXPECT_EQ(Parse("a,b,").rows, (Rows{{"a", "b", ""}}));
  EXPECT_EQ(Parse("\"a\",").rows, (Rows{{"a", ""}}));
}

TEST(CsvReaderTest, BlankLinesAreSkippedButCounted) {
  const Parsed p = Parse("a\n\n\r\nb\n\n");
  EXPECT_EQ(p.rows, (Rows{{"a"}, {"b"}}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 4}));
  EXPECT_TRUE(Parse("").rows.empty());
  EXPECT_TRUE(Parse("\n\n").rows.empty());
}

TEST(CsvReaderTest, SyntaxErrorsNameLineAndColumnAndReadingGoesOn) {
  const Parsed p = Parse("a,b\nx,y\"z\n\"q\"r,s\nok,1\n");
  ASSERT_EQ(p.errors.size(), 2u);
  EXPECT_EQ(p.errors[0], "2:4: a quote inside an unquoted field (quote the whole field and double the quote)");
  EXPECT_EQ(p.errors[1], "3:4: unexpected text after a closing quote (expected , or end of line)");
  EXPECT_EQ(p.rows, (Rows{{"a", "b"}, {"ok", "1"}}));
  EXPECT_EQ(p.lines.back(), 4u);
}

TEST(CsvReaderTest, UnterminatedQuoteResumesOnTheNextLine) {
  const Parsed p = Parse("a,b\n1,\"never closed\n2,x\n3,y\n");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0], "2:3: quoted field is never closed (a \" opens it here)");
  EXPECT_EQ(p.rows, (Rows{{"a", "b"}, {"2", "x"}, {"3", "y"}}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 3, 4}));
}

TEST(CsvReaderTest, LoneCarriageReturnInsideAFieldIsData) {
  EXPECT_EQ(Parse("a\rb,c\n").rows, (Rows{{"a\rb", "c"}}));
}

TEST(CsvReaderTest, NonUtf8BytesPassThrough) {
  EXPECT_EQ(Parse("18\x96" "19,x\n").rows, (Rows{{"18\x96" "19", "x"}}));
}

TEST(CsvReaderTest, RawAndOffsetPointAtTheRecord) {
  auto r = CsvReader::FromString("h\n\"a\nb\",c\r\nz\n");
  CsvRecord rec;
  ASSERT_TRUE(r->Next(rec));
  ASSERT_TRUE(r->Next(rec));
  EXPECT_EQ(rec.raw, "\"a\nb\",c");
  EXPECT_EQ(rec.offset, 2u);
  ASSERT_TRUE(r->Next(rec));
  EXPECT_EQ(rec.raw, "z");
  EXPECT_EQ(rec.offset, 11u);
}

TEST(CsvReaderTest, OpenReportsMissingFile) {
  std::string error;
  EXPECT_EQ(CsvReader::Open("/nonexistent/people.csv", &error), nullptr);
  EXPECT_EQ(error, "/nonexistent/people.csv: cannot open: No such file or directory");
}

// Writer -> file -> streaming reader, across many block boundaries: records
// with quotes, newlines, commas and long fields survive byte for byte.
TEST(CsvReaderTest, RoundTripsThroughAFileAcrossBlockBoundaries) {
  std::mt19937_64 rng(7);
  const std::string alphabet = "ab,\"\n\r x";
  Rows expected;
  for (int i = 0; i < 60000; ++i) {
    std::vector<std::string> row;
    const int n = 1 + static_cast<int>(rng() % 5);
    for (int k = 0; k < n; ++k) {
      std::string f;
      const size_t len = rng() % 9 == 0 ? 100 + rng() % 5000 : rng() % 12;
      for (size_t j = 0; j < len; ++j) f.push_back(alphabet[rng() % alphabet.size()]);
      row.push_back(f);
    }
    // A row of one empty field is written as a blank line, which readers skip.
    if (row.size() == 1 && row[0].empty()) row[0] = "e";
    expected.push_back(row);
  }
  // A single record longer than the 4 MiB block forces the buffer to grow.
  expected.push_back({std::string(5 << 20, 'L'), "tail"});
  const std::string path = ::testing::TempDir() + "/roundtrip.csv";
  {
    CsvWriter w(path);
    for (const auto& row : expected) {
      for (const auto& f : row) w.Field(f);
      w.EndRow();
    }
    ASSERT_TRUE(w.Commit()) << w.error();
  }
  std::string error;
  auto r = CsvReader::Open(path, &error);
  ASSERT_NE(r, nullptr) << error;
  const Parsed p = ParseAll(*r);
  EXPECT_TRUE(p.errors.empty());
  ASSERT_EQ(p.rows.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(p.rows[i], expected[i]) << "row " << i;
  EXPECT_EQ(r->bytes_consumed(), r->total_bytes());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace clemency
