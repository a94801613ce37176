// The .xlsx reader (io/xlsx_reader.h) on real workbooks: one written by
// libxlsxwriter (shared strings, numbers, booleans, dates with a date style,
// blank and sparse rows, a second sheet), hand-made archives for what that
// writer never produces (inline and rich strings, the 1904 date system,
// formula results, error cells, cells without references), and broken
// workbooks, each with its message.
#include "clemency/io/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>

namespace clemency {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

fs::path ScratchDir() { return fs::path(::testing::TempDir()) / ("xlsx_reader_" + std::to_string(::getpid())); }

fs::path Scratch(const std::string& name) {
  fs::create_directories(ScratchDir());
  return ScratchDir() / name;
}

class RemoveScratch : public ::testing::Environment {
 public:
  void TearDown() override { fs::remove_all(ScratchDir()); }
};
const auto* const kRemoveScratch = ::testing::AddGlobalTestEnvironment(new RemoveScratch);

// Every row as "LINE: a|b|c".
std::vector<std::string> Rows(XlsxReader& r) {
  std::vector<std::string> out;
  CsvRecord rec;
  while (r.Next(rec)) {
    std::string s = std::to_string(rec.line) + ":";
    for (size_t i = 0; i < rec.fields.size(); ++i) s += (i ? "|" : " ") + std::string(rec.fields[i]);
    out.push_back(s);
  }
  return out;
}

std::string WriteRealWorkbook() {
  const std::string path = Scratch("real.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "mm/dd/yyyy");
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "$#,##0.00");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Roster");
  const char* header[] = {"ID", "Name", "Admit", "Count", "Flag", "Note"};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  worksheet_write_string(ws, 1, 0, "1001", nullptr);
  worksheet_write_string(ws, 1, 1, "O'Hara, Pat \"PJ\"", nullptr);
  lxw_datetime admit = {2001, 1, 5, 0, 0, 0};
  worksheet_write_datetime(ws, 1, 2, &admit, date);
  worksheet_write_number(ws, 1, 3, 3, nullptr);
  worksheet_write_boolean(ws, 1, 4, 1, nullptr);
  worksheet_write_blank(ws, 1, 5, date);  // a styled empty cell is still empty
  // Row 3 is left blank: skipped. Row 4 is sparse.
  worksheet_write_number(ws, 3, 0, 1002, nullptr);
  worksheet_write_number(ws, 3, 3, 2.5, money);
  worksheet_write_boolean(ws, 3, 4, 0, nullptr);
  worksheet_write_string(ws, 3, 5, "line one\nline two", nullptr);
  worksheet_write_number(ws, 4, 0, 45000, nullptr);  // a day number without a date style stays a number
  worksheet_write_number(ws, 4, 2, 44543.75, date);  // the time of day is dropped
  lxw_worksheet* other = workbook_add_worksheet(wb, "Other");
  worksheet_write_string(other, 0, 0, "only", nullptr);
  worksheet_write_string(other, 2, 1, "here", nullptr);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

TEST(XlsxReaderTest, ReadsAWorkbookWrittenByLibxlsxwriter) {
  const std::string path = WriteRealWorkbook();
  std::string error;
  auto r = XlsxReader::Open(path, "", &error);
  ASSERT_TRUE(r) << error;
  EXPECT_THAT(Rows(*r), ElementsAre("1: ID|Name|Admit|Count|Flag|Note", "2: 1001|O'Hara, Pat \"PJ\"|2001-01-05|3|TRUE|",
                                    "4: 1002|||2.5|FALSE|line one\nline two", "5: 45000||2021-12-13|||"));
  EXPECT_EQ(r->io_error(), "");
  auto other = XlsxReader::Open(path, "other", &error);  // sheet names match in any case
  ASSERT_TRUE(other) << error;
  EXPECT_THAT(Rows(*other), ElementsAre("1: only", "3: |here"));
  EXPECT_FALSE(XlsxReader::Open(path, "Missing", &error));
  EXPECT_EQ(error, path + ": no worksheet \"Missing\" (the workbook has: Roster, Other)");
}

TEST(XlsxReaderTest, RawIsTheRowAsCsv) {
  std::string error;
  auto r = XlsxReader::Open(WriteRealWorkbook(), "", &error);
  ASSERT_TRUE(r) << error;
  CsvRecord rec;
  ASSERT_TRUE(r->Next(rec));
  ASSERT_TRUE(r->Next(rec));
  EXPECT_EQ(rec.raw, "1001,\"O'Hara, Pat \"\"PJ\"\"\",2001-01-05,3,TRUE,");
}

// A hand-made archive: parts by name.
std::string Archive(const std::string& name, const std::vector<std::pair<std::string, std::string>>& parts) {
  const std::string path = Scratch(name).string();
  int code = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  EXPECT_NE(z, nullptr);
  for (const auto& [part, text] : parts) {
    zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
    EXPECT_GE(zip_file_add(z, part.c_str(), s, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  return path;
}

const std::string kWorkbook1904 =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/>)"
    R"(<sheets><sheet name="Data" sheetId="7" r:id="rId3"/></sheets></workbook>)";
const std::string kRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId3" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>)";
const std::string kStyles =
    R"(<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>)"
    R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
const std::string kShared = R"(<sst><si><t>plain</t></si><si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r>)"
                            R"(<rPh><t>PHONETIC</t></rPh></si></sst>)";

TEST(XlsxReaderTest, ReadsInlineRichFormulaErrorAnd1904Cells) {
  const std::string sheet =
      R"(<worksheet><sheetData>)"
      R"(<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve">line </t></r></is></c></row>)"
      R"(<row><c t="str"><f>A1&amp;"x"</f><v>fx</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2021-12-13T00:00:00</v></c><c s="1"><v>0</v></c><c s="2"><v>0.5</v></c><c s="3"><v>43812</v></c></row>)"
      R"(<row r="9"><c r="XFD9" t="b"><v>1</v></c></row>)"
      R"(</sheetData></worksheet>)";
  const std::string path = Archive("hand.xlsx", {{"xl/workbook.xml", kWorkbook1904},
                                                 {"xl/_rels/workbook.xml.rels", kRels},
                                                 {"xl/styles.xml", kStyles},
                                                 {"xl/sharedStrings.xml", kShared},
                                                 {"xl/worksheets/data.xml", sheet}});
  std::string error;
  auto r = XlsxReader::Open(path, "", &error);
  ASSERT_TRUE(r) << error;
  CsvRecord rec;
  ASSERT_TRUE(r->Next(rec));
  EXPECT_EQ(rec.line, 2u);
  EXPECT_THAT(rec.fields, ElementsAre("plain", "rich text", "inline "));
  ASSERT_TRUE(r->Next(rec));
  EXPECT_EQ(rec.line, 3u);
  // 1904 system: day 0 is 1904-01-01; 43812 is 2023-12-14. A time format is not a date.
  EXPECT_THAT(rec.fields, ElementsAre("fx", "#N/A", "2021-12-13", "1904-01-01", "0.5", "2023-12-14"));
  ASSERT_TRUE(r->Next(rec));
  EXPECT_EQ(rec.line, 9u);
  EXPECT_EQ(rec.fields.size(), 16384u);
  EXPECT_EQ(rec.fields.back(), "TRUE");
  EXPECT_FALSE(r->Next(rec));
  EXPECT_EQ(r->io_error(), "");
}

const std::string kWorkbook =
    R"(<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1" xmlns:r="r"/></sheets></workbook>)";

std::string SheetError(const std::string& name, const std::string& sheet) {
  std::string error;
  auto r = XlsxReader::Open(Archive(name, {{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", sheet}}), "",
                            &error);
  if (!r) return "open: " + error;
  CsvRecord rec;
  while (r->Next(rec)) {
  }
  return r->io_error();
}

TEST(XlsxReaderTest, BrokenWorkbooksGiveClearMessages) {
  std::string error;
  const std::string not_zip = Scratch("not.xlsx").string();
  std::ofstream(not_zip) << "ID,Name\n1,a\n";
  EXPECT_FALSE(XlsxReader::Open(not_zip, "", &error));
  EXPECT_EQ(error, not_zip + ": not an .xlsx workbook (expected a zip archive: Not a zip archive)");
  EXPECT_FALSE(XlsxReader::Open(Scratch("absent.xlsx").string(), "", &error));
  EXPECT_THAT(error, ::testing::HasSubstr("absent.xlsx: cannot open: "));
  const std::string no_workbook = Archive("empty.xlsx", {{"readme.txt", "x"}});
  EXPECT_FALSE(XlsxReader::Open(no_workbook, "", &error));
  EXPECT_EQ(error, no_workbook + ": no part xl/workbook.xml in the archive");

  EXPECT_EQ(SheetError("m1.xlsx", "<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>"),
            "xl/worksheets/sheet1.xml:1:41: malformed XML: mismatched tag");
  EXPECT_EQ(SheetError("m2.xlsx", R"(<worksheet><sheetData><row><c t="s"><v>4</v></c></row></sheetData></worksheet>)"),
            "xl/worksheets/sheet1.xml:1:45: shared string \"4\" does not exist (the workbook has 0)");
  EXPECT_EQ(SheetError("m3.xlsx", R"(<worksheet><sheetData><row><c r="A0"><v>1</v></c></row></sheetData></worksheet>)"),
            "xl/worksheets/sheet1.xml:1:28: cell reference \"A0\": expected a column A to XFD and a row 1 to 1048576");
  EXPECT_EQ(SheetError("m4.xlsx", R"(<worksheet><sheetData><row r="x"/></sheetData></worksheet>)"),
            "xl/worksheets/sheet1.xml:1:23: row number \"x\": expected 1 to 1048576");
  EXPECT_EQ(SheetError("m5.xlsx", "<worksheet><sheetData>"),
            "xl/worksheets/sheet1.xml:1:23: malformed XML: no element found");
}

// Issue 10: the same text rules as a CSV file. A byte order mark inside a cell
// (invisible) makes the row an error record naming the cell; bytes that are
// not UTF-8 are malformed XML; a FIFO is refused before libzip blocks on it.
TEST(XlsxReaderTest, BadCellTextIsAnErrorRecord) {
  const std::string sheet =
      R"(<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>ID</t></is></c></row>)"
      "<row r=\"7\"><c t=\"inlineStr\"><is><t>1</t></is></c><c t=\"inlineStr\"><is><t>\xEF\xBB\xBFP1</t></is></c></row>"
      R"(</sheetData></worksheet>)";
  std::string error;
  auto r = XlsxReader::Open(Archive("bom.xlsx", {{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", sheet}}),
                            "", &error);
  ASSERT_TRUE(r) << error;
  CsvRecord rec;
  ASSERT_TRUE(r->Next(rec));
  EXPECT_TRUE(rec.ok());
  ASSERT_TRUE(r->Next(rec));
  EXPECT_FALSE(rec.ok());
  EXPECT_EQ(rec.error_code, "bom_in_text");
  EXPECT_EQ(rec.error_line, 7u);
  EXPECT_EQ(rec.error_column, 2u);
  EXPECT_EQ(rec.error, "cell B7: a byte order mark (U+FEFF, invisible) at byte 1 of the cell: remove it");

  EXPECT_EQ(SheetError("latin1.xlsx", "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>Bl\xE9</t></is></c></row>"
                                      "</sheetData></worksheet>"),
            "xl/worksheets/sheet1.xml:1:54: malformed XML: not well-formed (invalid token)");

  const std::string fifo = Scratch("pipe.xlsx").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_FALSE(XlsxReader::Open(fifo, "", &error));
  EXPECT_EQ(error, fifo + ": not a regular file (a FIFO)");
}

}  // namespace
}  // namespace clemency
