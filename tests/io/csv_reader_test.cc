#include "clemency/io/csv_reader.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "clemency/io/csv_chunks.h"
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
  // A second one is text, and an invisible U+FEFF in a value is an error.
  const Parsed p = Parse("\xEF\xBB\xBF\xEF\xBB\xBFx\n");
  EXPECT_TRUE(p.rows.empty());
  EXPECT_EQ(p.errors, (std::vector<std::string>{"1:1: a byte order mark (U+FEFF, invisible) at byte offset 3: remove "
                                                "it (it makes two equal-looking values differ)"}));
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

// Old Mac exports end lines with a CR alone: read as line ends, counted as lines.
TEST(CsvReaderTest, CrOnlyLineEndsAreLineEnds) {
  const Parsed p = Parse("id,name\r1,\"a\rb\"\r\r2,c\r");
  EXPECT_EQ(p.rows, (Rows{{"id", "name"}, {"1", "a\rb"}, {"2", "c"}}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 2, 5}));
  EXPECT_TRUE(p.errors.empty());
  EXPECT_EQ(Parse("a\rb,c\n").rows, (Rows{{"a"}, {"b", "c"}}));
}

// Every way of ending lines gives the same rows and line numbers.
TEST(CsvReaderTest, LineEndStylesAgree) {
  const std::string lf = "h1,h2\n1,\"x\ny\"\n\n2,z\n";
  const Parsed want = Parse(lf);
  for (const char* eol : {"\r\n", "\r"}) {
    std::string other;
    for (char c : lf) c == '\n' ? other += eol : other += c;
    const Parsed got = Parse(other);
    EXPECT_EQ(got.lines, want.lines) << eol;
    ASSERT_EQ(got.rows.size(), want.rows.size()) << eol;
    EXPECT_EQ(got.rows[0], want.rows[0]);
    EXPECT_EQ(got.rows[2], want.rows[2]);
  }
}

struct BadTextCase {
  std::string name;
  std::string data;
  std::string code;
  std::string error;  // "line:col: message" prefix
};

class CsvReaderBadTextTest : public ::testing::TestWithParam<BadTextCase> {};

TEST_P(CsvReaderBadTextTest, RejectsTheRecordWithWhereAndWhy) {
  const BadTextCase& c = GetParam();
  auto r = CsvReader::FromString(c.data);
  CsvRecord rec;
  std::vector<std::string> codes, errors;
  size_t good = 0;
  while (r->Next(rec)) {
    if (rec.ok()) {
      ++good;
      continue;
    }
    codes.push_back(rec.error_code);
    errors.push_back(std::to_string(rec.error_line) + ":" + std::to_string(rec.error_column) + ": " + rec.error);
  }
  ASSERT_EQ(codes.size(), 1u) << c.name;
  EXPECT_EQ(codes[0], c.code);
  EXPECT_EQ(errors[0].substr(0, c.error.size()), c.error) << errors[0];
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvReaderBadTextTest,
    ::testing::Values(
        BadTextCase{"Latin1", "a,b\nx,18\x96" "19\nok,1\n", "bad_encoding",
                    "2:5: invalid UTF-8 (byte 0x96) at byte offset 8: the file must be UTF-8"},
        BadTextCase{"Nul", std::string("a,b\nP\0001,x\n", 10), "bad_encoding", "2:2: a NUL byte (0x00) at byte offset 5"},
        BadTextCase{"NulInQuotes", std::string("a,b\n1,\"x\ny\0\"\n", 13), "bad_encoding", "3:2: a NUL byte"},
        BadTextCase{"Overlong", "a\n\xC0\xAF\n", "bad_encoding", "2:1: invalid UTF-8 (byte 0xC0)"},
        BadTextCase{"Surrogate", "a\n\xED\xA0\x80\n", "bad_encoding", "2:1: invalid UTF-8 (byte 0xED)"},
        BadTextCase{"Truncated", "a\nx\xE2\x82", "bad_encoding", "2:2: invalid UTF-8 (byte 0xE2)"},
        BadTextCase{"BomInValue", "a,b\n1,\xEF\xBB\xBFx\n", "bom_in_text",
                    "2:3: a byte order mark (U+FEFF, invisible) at byte offset 6: remove it"},
        BadTextCase{"BomInHeaderCell", "a,\xEF\xBB\xBF" "b\n1,2\n", "bom_in_text", "1:3: a byte order mark"},
        BadTextCase{"Utf16LeBom", std::string("\xFF\xFE" "a\0,\0b\0\n\0", 10), "utf16",
                    "1:1: the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8"},
        BadTextCase{"Utf16BeNoBom", std::string("\0a\0,\0b\0\n\0" "1\0,\0" "2\0\n", 16), "utf16",
                    "1:1: the file is UTF-16 (a NUL byte every other byte)"}),
    [](const auto& test) { return test.param.name; });

TEST(CsvReaderTest, Utf8IsAccepted) {
  EXPECT_EQ(Parse("name\nJos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n").rows.size(), 2u);
  EXPECT_TRUE(Parse("name\nJos\xC3\xA9\n").errors.empty());
}

// A stray quote that closes many lines later swallowed 1,490 rows into one
// field: it is an error at the opening quote, and the rows after that line
// are read as rows.
TEST(CsvReaderTest, StrayQuoteThatClosesFarAwayIsAnError) {
  std::string data = "id,a,b,c,d,e,f\n1,x,\"oops,y,z,w,v,u\n";
  for (int i = 2; i < 12; ++i) data += std::to_string(i) + ",x,y,z,w,v,u\n";
  data += "12,x,end\",z,w,v,u\n13,x,y,z,w,v,u\n";
  const Parsed p = Parse(data);
  ASSERT_EQ(p.errors.size(), 2u);
  EXPECT_EQ(p.errors[0],
            "2:5: a quoted field opens here and closes only at line 13 column 9, taking in 11 lines that look like "
            "rows: a stray quote? (a value with a quote must be quoted whole, with the quote doubled)");
  EXPECT_EQ(p.errors[1].substr(0, 5), "13:9:");  // the closing quote, in an unquoted field
  EXPECT_EQ(p.rows.size(), 12u);  // the header, rows 2..11, row 13
  EXPECT_EQ(p.lines.back(), 14u);
}

// Legitimate multi-line notes stay fields: prose lines, a few commas.
TEST(CsvReaderTest, MultiLineNotesAreNotStrayQuotes) {
  std::string notes;
  for (int i = 0; i < 200; ++i) notes += "Seen by the board, again, on appeal.\n";
  const Parsed p = Parse("id,a,b,c,d,e,notes\n1,x,y,z,w,v,\"" + notes + "\"\n2,x,y,z,w,v,u\n");
  EXPECT_TRUE(p.errors.empty());
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 2, 203}));
  // Lines that look like rows, but only one of them: still a field.
  EXPECT_TRUE(Parse("id,a,b,c,d,e,f\n1,\"x\ny\n1,2,3,4,5,6,7\nz\",b,c,d,e,f,g\n").errors.empty());
}

TEST(CsvReaderTest, QuotedFieldWithTooManyLinesIsAStrayQuote) {
  const std::string big(CsvReader::kStrayQuoteLines + 1, '\n');
  const Parsed p = Parse("a,b\n1,\"" + big + "\"\n");
  ASSERT_EQ(p.errors.size(), 2u);
  EXPECT_NE(p.errors[0].find("a stray quote?"), std::string::npos);
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
  EXPECT_EQ(error, "/nonexistent/people.csv: cannot open: no such file");
}

// A FIFO would block the run forever: it is refused at once.
TEST(CsvReaderTest, OpenRefusesAFifoAndADirectory) {
  const std::string fifo = ::testing::TempDir() + "/csv_reader_fifo";
  std::remove(fifo.c_str());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string error;
  EXPECT_EQ(CsvReader::Open(fifo, &error), nullptr);
  EXPECT_EQ(error, fifo + ": not a regular file (a FIFO)");
  std::remove(fifo.c_str());
  EXPECT_EQ(CsvReader::Open(::testing::TempDir(), &error), nullptr);
  EXPECT_NE(error.find("not a regular file (a directory)"), std::string::npos);
}

// "No such file" was reported for a permission problem. Root reads any file,
// so as root the open is tried by a child process running as nobody.
TEST(CsvReaderTest, OpenSaysPermissionDenied) {
  const std::string path = ::testing::TempDir() + "/csv_reader_noperm.csv";
  { std::ofstream(path) << "a\n"; }
  ::chmod(path.c_str(), 0);
  auto denied = [&] {
    std::string error;
    return CsvReader::Open(path, &error) == nullptr && error == path + ": cannot open: permission denied";
  };
  if (::geteuid() != 0) {
    EXPECT_TRUE(denied());
  } else {
    const pid_t pid = ::fork();
    if (pid == 0) {
      if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(2);
      ::_exit(denied() ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 2) GTEST_SKIP() << "cannot become nobody here";
    EXPECT_EQ(WEXITSTATUS(status), 0);
  }
  std::remove(path.c_str());
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
      // Long fields without line ends: many lines in one field look like a stray quote.
      const bool long_field = rng() % 9 == 0;
      const std::string_view letters = long_field ? std::string_view("ab,\" x") : alphabet;
      const size_t len = long_field ? 100 + rng() % 5000 : rng() % 12;
      for (size_t j = 0; j < len; ++j) f.push_back(letters[rng() % letters.size()]);
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

// data read as two chunks cut at `cut`, as the loader reads a file on two
// threads: the first reader stops at the cut, the second starts there.
struct TwoChunks {
  Parsed first, second;
  bool clean = false;          // the first stopped on a record boundary at the cut
  uint64_t line_at_stop = 0;   // its line() there
};

TwoChunks ReadTwoChunks(std::string_view data, size_t cut) {
  TwoChunks out;
  auto a = CsvReader::OverBytes(data);
  a->StopAt(cut);
  out.first = ParseAll(*a);
  out.clean = a->stopped_at_boundary();
  out.line_at_stop = a->line();
  auto b = CsvReader::OverBytes(data);
  b->StartAt(cut, 1 + CountLineEnds(data, 0, cut), a->header_commas());
  out.second = ParseAll(*b);
  return out;
}

// Both chunks together are the one-reader result, with the same lines.
void ExpectSameAsOneReader(std::string_view data, size_t cut) {
  const Parsed whole = Parse(data);
  const TwoChunks t = ReadTwoChunks(data, cut);
  ASSERT_TRUE(t.clean) << "cut " << cut;
  EXPECT_EQ(t.line_at_stop, 1 + CountLineEnds(data, 0, cut));
  Parsed joined = t.first;
  joined.rows.insert(joined.rows.end(), t.second.rows.begin(), t.second.rows.end());
  joined.lines.insert(joined.lines.end(), t.second.lines.begin(), t.second.lines.end());
  joined.errors.insert(joined.errors.end(), t.second.errors.begin(), t.second.errors.end());
  EXPECT_EQ(joined.rows, whole.rows) << "cut " << cut;
  EXPECT_EQ(joined.lines, whole.lines) << "cut " << cut;
  EXPECT_EQ(joined.errors, whole.errors) << "cut " << cut;
}

TEST(CsvReaderChunkTest, OverBytesReadsInPlaceLikeFromString) {
  const std::string data = "id,text\n1,\"say \"\"hi\"\"\"\n2,\"two\nlines\"\n3,x";
  auto r = CsvReader::OverBytes(data);
  const Parsed p = ParseAll(*r);
  EXPECT_EQ(p.rows, Parse(data).rows);
  EXPECT_EQ(p.lines, Parse(data).lines);
  EXPECT_EQ(r->bytes_consumed(), data.size());
}

TEST(CsvReaderChunkTest, CutsAfterLineEndsNeverBetweenCrAndLf) {
  const std::string data = "a,b\r\n1,2\r3,4\n5,6";
  EXPECT_EQ(CutAfterLineEnd(data, 0), 5u);
  EXPECT_EQ(CutAfterLineEnd(data, 3), 5u);  // at the CR of CR LF
  EXPECT_EQ(CutAfterLineEnd(data, 4), 5u);  // at its LF
  EXPECT_EQ(CutAfterLineEnd(data, 5), 9u);  // a lone CR
  EXPECT_EQ(CutAfterLineEnd(data, 13), data.size());
  EXPECT_EQ(CountLineEnds(data, 0, data.size()), 3u);
  EXPECT_EQ(ChunkStarts(data, 5, data.size(), 2), (std::vector<size_t>{5, 13}));
  EXPECT_EQ(ChunkStarts(data, 13, data.size(), 4), (std::vector<size_t>{13}));
}

TEST(CsvReaderChunkTest, EveryCutAfterALineEndOutsideQuotesReadsAsOneReader) {
  const std::string data = "\xEF\xBB\xBFid,name\r\n1,\"a\r\nb\"\r\n\r\n\n2,c\r3,\"d\"\"e\"\r\r\n4,f\n\n5,g";
  for (size_t cut = 1; cut < data.size(); ++cut) {
    if (data[cut - 1] != '\n' && data[cut - 1] != '\r') continue;
    if (data[cut - 1] == '\r' && data[cut] == '\n') continue;
    if (cut < 12 || cut == 18) continue;  // inside the BOM and header, or the quoted a\r\nb
    ExpectSameAsOneReader(data, cut);
  }
}

TEST(CsvReaderChunkTest, BlankLinesAtTheCut) {
  const std::string data = "a,b\n1,2\n\n\n3,4\n";
  for (size_t cut : {8u, 9u, 10u}) ExpectSameAsOneReader(data, cut);
}

TEST(CsvReaderChunkTest, CrOnlyLines) {
  const std::string data = "a,b\r1,2\r3,4\r5,6";
  for (size_t cut : {8u, 12u}) ExpectSameAsOneReader(data, cut);
}

TEST(CsvReaderChunkTest, ALastRecordWithoutLineEnd) {
  const std::string data = "a,b\n1,2\n3,\"x\ny\"";
  ExpectSameAsOneReader(data, 8);
  const TwoChunks t = ReadTwoChunks(data, 8);
  EXPECT_EQ(t.second.rows, (Rows{{"3", "x\ny"}}));
  EXPECT_EQ(t.second.lines, (std::vector<uint64_t>{3}));
}

TEST(CsvReaderChunkTest, AQuoteAcrossTheCutIsNotABoundary) {
  const std::string data = "a,b\n1,\"x\ny\"\n2,z\n";
  const size_t cut = 9;  // after the newline inside the quotes
  const TwoChunks t = ReadTwoChunks(data, cut);
  EXPECT_FALSE(t.clean);
  EXPECT_EQ(t.first.rows, (Rows{{"a", "b"}, {"1", "x\ny"}}));
  // Told to read on, the first reader gives the rest as one reader would.
  auto a = CsvReader::OverBytes(data);
  a->StopAt(cut);
  Parsed first = ParseAll(*a);
  ASSERT_FALSE(a->stopped_at_boundary());
  a->StopAt(SIZE_MAX);
  const Parsed rest = ParseAll(*a);
  EXPECT_EQ(rest.rows, (Rows{{"2", "z"}}));
  EXPECT_EQ(rest.lines, (std::vector<uint64_t>{4}));
}

TEST(CsvReaderChunkTest, AStrayQuoteRecoveryAcrossTheCut) {
  // The stray quote's record ends at the line where it opened; reading goes
  // on from there, so a cut inside what it swallowed is still a boundary.
  std::string data = "a,b,c,d,e,f\n1,\"2,3,4,5,6\n";
  for (int i = 0; i < 4; ++i) data += "7,8,9,10,11,12\n";
  data += "x\",y,3,4,5,6\n";
  for (size_t cut = 12; cut < data.size(); cut = CutAfterLineEnd(data, cut)) ExpectSameAsOneReader(data, cut);
  // An unterminated quote: its recovery is the line where it opened too.
  const std::string open = "a,b\n1,\"x\n2,y\n3,z\n";
  for (size_t cut : {4u, 9u, 13u}) ExpectSameAsOneReader(open, cut);
}

}  // namespace
}  // namespace clemency
