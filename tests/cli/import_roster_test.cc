// clemency import on the list-literal roster (tests/data/import/list-roster.*):
// every list item is a sentence with exactly its own text (quoted commas,
// apostrophes, double quotes, HTML entities), empty items are unknown values
// that keep the parallel lists paired, the flagged duplicate is skipped and
// listed, and an .xlsx copy of the roster imports byte for byte identically.
// A broken workbook is exit 3 with a message, never a crash.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>

#include "clemency/io/csv_reader.h"
#include "support/run_clemency.h"

namespace clemency {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing_support::RunClemency;
using testing_support::Slurp;

const std::string kData = std::string(CLEMENCY_TEST_DATA) + "/import";

class ImportRosterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("import_roster_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  testing_support::CommandRun Import(const std::string& input, const std::string& out) {
    return RunClemency("import --mapping " + kData + "/list-roster.toml " + input + " -o " + (dir_ / out).string() +
                           " --as-of 2024-01-01",
                       dir_);
  }
  // The roster's CSV copied cell by cell into a workbook, every cell a string;
  // with notes_first, after a sheet of notes that is not the roster.
  std::string WriteXlsxCopy(bool notes_first = false) {
    const std::string path = (dir_ / "list-roster.xlsx").string();
    std::string error;
    auto csv = CsvReader::Open(kData + "/list-roster.csv", &error);
    EXPECT_TRUE(csv) << error;
    lxw_workbook* wb = workbook_new(path.c_str());
    if (notes_first) worksheet_write_string(workbook_add_worksheet(wb, "Notes"), 0, 0, "scraped 2024-01-01", nullptr);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Roster");
    CsvRecord rec;
    for (lxw_row_t row = 0; csv && csv->Next(rec); ++row)
      for (size_t c = 0; c < rec.fields.size(); ++c)
        if (!rec.fields[c].empty())
          worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), std::string(rec.fields[c]).c_str(), nullptr);
    EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
    return path;
  }
  fs::path dir_;
};

TEST_F(ImportRosterTest, EveryItemIsASentenceAndNothingIsMerged) {
  const auto run = Import(kData + "/list-roster.csv", "csv");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("list-roster.csv: 5 rows read = 4 imported + 0 rejected + 1 skipped; 4 people, "
                                 "11 sentences"));
  EXPECT_THAT(run.err, HasSubstr("2 warnings unknown_term"));
  EXPECT_EQ(Slurp(dir_ / "csv" / "people.csv"),
            "person_id,jurisdiction,birth_date,birth_date_precision,sex,race,admission_date,admission_type,facility_id,"
            "infractions_5y,medical_high_risk\n"
            "00412,TN,1961-03-14,,M,black,1994-07-02,unknown,,,\n"
            "00587,TN,1975-11-02,,F,white,2019-01-15,technical_violation,,,\n"
            "00731,TN,1988-08-30,,M,hispanic,2020-04-04,unknown,,,\n"
            "00802,TN,1959-12-25,,M,white,2009-09-09,technical_violation,,,\n");
  const std::string sentences = Slurp(dir_ / "csv" / "sentences.csv");
  EXPECT_EQ(
      sentences.substr(sentences.find('\n') + 1),
      "00412,S1,TN:MURDER FIRST DEGREE,\"Murder, First Degree\",1994-06-01,,life,,,,,,,,active,,,\n"
      "00412,S2,TN:POSSESSION OF CHILD S TOY 2ND,\"Possession of Child's Toy, 2nd\",,,determinate,910,,,,,,,active,,,\n"
      "00412,S3,TN:THEFT OF PROPERTY 1 000,\"Theft of Property >= "
      "$1,000\",1994-05-30,,determinate,1460,,,,,,,active,,,\n"
      "00587,S1,TN:PROBATION REVOCATION THEFT,Probation Revocation - Theft,,,determinate,365,,,,,,,active,,,\n"
      "00587,S2,TN:DRUG TRAFFICKING CONSPIRACY,Drug Trafficking & Conspiracy,,,determinate,,,,,,,,active,,,\n"
      "00587,S3,TN:ESCAPE,Escape,,,determinate,180,,,,,,,active,,,\n"
      "00731,S1,TN:O NEIL S LAW VIOLATION,O'Neil's Law Violation,2020-01-02,,determinate,1095,,,,,,,active,,,\n"
      "00731,S2,TN:ROBBERY AGGRAVATED,\"Robbery \"\"Aggravated\"\"\",2020-02-03,,indeterminate,,,,,,,,active,,,\n"
      "00731,S3,TN:ASSAULT BODILY INJURY,Assault; Bodily Injury,,,determinate,,,,,,,,active,,,\n"
      "00802,S1,TN:SEXUAL BATTERY,Sexual Battery,,,determinate,2920,,,,,,,active,,,\n"
      "00802,S2,TN:PROBATION REVOCATION BURGLARY,Probation Revocation (Burglary),,,determinate,730,,,,,,,active,,,\n");
  EXPECT_EQ(Slurp(dir_ / "csv" / "skipped.csv"),
            "file,line,reason,record\n"
            "list-roster.csv,5,the scraper marked the row as a duplicate,\"00731,Male,H,08/30/1988,04/04/2020,"
            "\"\"['Duplicate scrape of the row "
            "above']\"\",\"\"['Determinate']\"\",\"\"['1Y']\"\",\"\"['']\"\",DUPLICATE\"\n");
  const std::string json = Slurp(dir_ / "csv" / "import.json");
  EXPECT_THAT(json, HasSubstr("\"rows_skipped\": 1"));
  EXPECT_THAT(json, HasSubstr("\"the scraper marked the row as a duplicate\": 1"));
  // The result is an ordinary population.
  const auto validate = RunClemency("validate " + (dir_ / "csv").string() + " --as-of 2024-01-01", dir_);
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
}

TEST_F(ImportRosterTest, AnXlsxCopyImportsIdentically) {
  ASSERT_EQ(Import(kData + "/list-roster.csv", "csv").exit_code, 0);
  const auto run = Import(WriteXlsxCopy(), "xlsx");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("list-roster.xlsx: 5 rows read = 4 imported + 0 rejected + 1 skipped"));
  for (const char* file : {"people.csv", "sentences.csv"}) {
    const std::string from_csv = Slurp(dir_ / "csv" / file);
    EXPECT_FALSE(from_csv.empty());
    EXPECT_EQ(Slurp(dir_ / "xlsx" / file), from_csv) << file;
  }
}

TEST_F(ImportRosterTest, TheMappingCanNameTheSheet) {
  ASSERT_EQ(Import(kData + "/list-roster.csv", "csv").exit_code, 0);
  const std::string xlsx = WriteXlsxCopy(true);
  // The first sheet holds notes: without sheet = "Roster" the header is wrong.
  const auto first = Import(xlsx, "first");
  EXPECT_EQ(first.exit_code, 3);
  EXPECT_THAT(first.err,
              HasSubstr("list-roster.xlsx:1: column \"TDOC ID\" named by the mapping is missing from the header"));
  const fs::path mapping = dir_ / "roster-sheet.toml";
  std::ofstream(mapping) << "sheet = \"roster\"\n" << Slurp(kData + "/list-roster.toml");
  const auto run = RunClemency(
      "import --mapping " + mapping.string() + " " + xlsx + " -o " + (dir_ / "named").string() + " --as-of 2024-01-01",
      dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Slurp(dir_ / "named" / "sentences.csv"), Slurp(dir_ / "csv" / "sentences.csv"));
  // Line numbers are the sheet's row numbers; the record is the row as CSV.
  EXPECT_THAT(Slurp(dir_ / "named" / "skipped.csv"),
              HasSubstr("list-roster.xlsx,5,the scraper marked the row as a duplicate,\"00731,Male,H,"));
}

TEST_F(ImportRosterTest, ABrokenWorkbookIsExit3WithAMessage) {
  const fs::path bad = dir_ / "broken.xlsx";
  std::ofstream(bad) << "PK\x03\x04 this is not really a workbook";
  const auto run = Import(bad.string(), "out");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("broken.xlsx: not an .xlsx workbook (expected a zip archive: "));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "people.csv"));
}

}  // namespace
}  // namespace clemency
