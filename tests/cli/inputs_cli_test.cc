// Issue 10, "inputs: nothing shrinks silently", through the built binary:
// validate and screen on damaged data folders, import on a damaged export.
// Each case lost or hid data while exiting 0 (or hung) before.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli_fixture.h"

namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;
using clemency::testing_support::CommandRun;
using clemency::testing_support::RunClemency;
using clemency::testing_support::Slurp;

const char kPeople[] =
    "person_id,jurisdiction,birth_date,sex,race,admission_date,infractions_5y\n"
    "A,CA,1960-05-01,M,black,2000-01-01,0\n"
    "C,CA,1950-05-01,F,hispanic,2010-01-01,0\n";
const char kSentences[] =
    "person_id,sentence_id,offense_code,offense_description,sentence_date,sentence_type,term_days,status\n"
    "A,1,CA:PC 187,\"Murder,\nfirst degree\",1999-12-01,lwop,,active\n"
    "C,1,CA:HS 11351,,2009-12-01,determinate,1460,active\n";

std::string WithLineEnds(const std::string& text, const char* eol) {
  std::string out;
  for (char c : text) c == '\n' ? out += eol : out += c;
  return out;
}

class InputsCliTest : public clemency::testing_support::CliFixture {
 protected:
  // A run that must end by itself: `timeout` kills it after 20 s (exit 124).
  CommandRun Bounded(const std::string& args) { return RunClemency(args, dir_, "CLEMENCY_BOUNDED=1 timeout 20"); }
  void Write(const std::string& name, const std::string& text, const std::string& folder = "data") {
    fs::create_directories(dir_ / folder);
    std::ofstream(dir_ / folder / name, std::ios::binary) << text;
  }
  std::string Data(const std::string& folder = "data") const { return (dir_ / folder).string(); }
  CommandRun Validate(const std::string& folder = "data") {
    return Clemency("validate " + Data(folder) + " --as-of 2025-01-01");
  }
};

// CR-only line ends (old Mac exports) read as one header line and 0 rows, exit
// 0; the screening then differed completely. Now it equals the LF screening.
TEST_F(InputsCliTest, CrOnlyFilesScreenAsTheirLfCopies) {
  for (const char* eol : {"\n", "\r"}) {
    const std::string folder = eol[0] == '\n' ? "lf" : "cr";
    Write("people.csv", WithLineEnds(kPeople, eol), folder);
    Write("sentences.csv", WithLineEnds(kSentences, eol), folder);
    const CommandRun r = Clemency("screen --data " + Data(folder) + " --policy redemption-2020 --as-of 2025-01-01 -o " +
                                  (dir_ / ("out-" + folder)).string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("2 people as of 2025-01-01")) << folder;
  }
  EXPECT_EQ(Slurp(dir_ / "out-cr" / "screening.csv"), Slurp(dir_ / "out-lf" / "screening.csv"));
  EXPECT_EQ(Slurp(dir_ / "out-cr" / "reasons.jsonl"), Slurp(dir_ / "out-lf" / "reasons.jsonl"));
}

// A stray quote merged 1,490 rows into one field: "510 rows read = 510 accepted".
TEST_F(InputsCliTest, AStrayQuoteFailsValidateAndSaysWhereItOpened) {
  std::string people = "person_id,jurisdiction,birth_date,sex,race,admission_date,infractions_5y\n"
                       "P0,CA,1960-05-01,M,\"black,2000-01-01,0\n";
  for (int i = 1; i < 30; ++i) people += "P" + std::to_string(i) + ",CA,1960-05-01,M,black,2000-01-01,0\n";
  people += "P30,CA,1960-05-01,M,black\",2000-01-01,0\n";
  Write("people.csv", people);
  Write("sentences.csv", kSentences);
  const CommandRun r = Validate();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("people.csv:2: line 2 byte 20: a quoted field opens here and closes only at line 32 "
                               "column 26, taking in 30 lines that look like rows: a stray quote?"));
}

// Near-miss optional headers dropped the column with a warning: 241 eligible became 0.
TEST_F(InputsCliTest, HeadersMatchIgnoringCaseAndSpacesAndANearMissStops) {
  std::string people = kPeople;
  people.replace(people.find("infractions_5y"), 14, " Infractions_5Y");
  Write("people.csv", people);
  Write("sentences.csv", kSentences);
  const CommandRun ok = Validate();
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_THAT(ok.out, HasSubstr("0 errors, 0 warnings"));

  people.replace(people.find(" Infractions_5Y"), 15, "infraction_5y");
  Write("people.csv", people);
  const CommandRun bad = Validate();
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_THAT(bad.err, HasSubstr("people.csv:1: column \"infraction_5y\" is not a column of the schema but close to "
                                 "\"infractions_5y\", which is absent"));
}

// NUL and invalid UTF-8 were accepted, then written into reasons.jsonl (invalid
// JSON) and candidates.xlsx (an id with a NUL cut short).
TEST_F(InputsCliTest, BadTextInPeopleCsvIsRejectedWithWhereItIs) {
  std::string people = kPeople;
  people.insert(people.find("\nC,") + 2, std::string("\0", 1));
  people += "D\xE9,CA,1950-05-01,F,white,2010-01-01,0\n";
  Write("people.csv", people);
  Write("sentences.csv", kSentences);
  const CommandRun r = Validate();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("people.csv:3: line 3 byte 2: a NUL byte (0x00) at byte offset 111: the file must be "
                               "UTF-8 text (save it as CSV UTF-8)"));
  EXPECT_THAT(r.err, HasSubstr("people.csv:4: line 4 byte 2: invalid UTF-8 (byte 0xE9) at byte offset"));
}

TEST_F(InputsCliTest, AUtf16FileSaysSoAndHowToFixIt) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string(kPeople)) utf16 += std::string{c, '\0'};
  Write("people.csv", utf16);
  Write("sentences.csv", kSentences);
  const CommandRun r = Validate();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("people.csv:1:1: header row: the file is UTF-16 (it starts with a UTF-16 byte order "
                               "mark): save it as UTF-8 (in Excel: CSV UTF-8)"));
}

// An error after 10,000 warnings was never shown: "1 errors in 1 rows" and no location.
TEST_F(InputsCliTest, AnErrorAfterTenThousandWarningsIsShown) {
  std::string people = "person_id,jurisdiction,birth_date,sex,race,admission_date\n";
  for (int i = 0; i < 10100; ++i) people += "P" + std::to_string(i) + ",CA,1960-05-01,M,black,2000-01-01\n";
  people += "Q,CA,1960-05-01,Z,black,2000-01-01\n";
  Write("people.csv", people);
  Write("sentences.csv", "person_id,sentence_id,offense_code,sentence_date,sentence_type,status\n");
  const CommandRun r = Clemency("validate " + Data() + " --as-of 2025-01-01 --on-error quarantine -o " +
                                (dir_ / "out").string());
  EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 2000);
  EXPECT_THAT(r.err, HasSubstr("people.csv:10102: column \"sex\" value \"Z\""));
  EXPECT_THAT(r.err, HasSubstr("warnings past the first 10000 are counted, not listed: 100 no_active_sentence"));
  EXPECT_THAT(Slurp(dir_ / "out" / "validation.json"),
              HasSubstr("\"warnings_not_listed\": {\n    \"no_active_sentence\": 100\n  }"));
}

TEST_F(InputsCliTest, AnExactDuplicateRowIsNamed) {
  Write("people.csv", kPeople);
  Write("sentences.csv", std::string(kSentences) + "C,1,CA:HS 11351,,2009-12-01,determinate,1460,active\n");
  const CommandRun r = Validate();
  EXPECT_EQ(r.exit_code, 3);  // the repeated sentence_id rejects both rows
  EXPECT_THAT(r.err, HasSubstr("sentences.csv:5: warning: identical to line 4: an exact duplicate row"));
}

// A FIFO given as an input blocked forever.
TEST_F(InputsCliTest, AFifoInputIsRefusedAtOnce) {
  Write("people.csv", kPeople);
  ASSERT_EQ(::mkfifo((dir_ / "data" / "sentences.csv").c_str(), 0600), 0);
  const CommandRun v = Bounded("validate " + Data() + " --as-of 2025-01-01");
  EXPECT_EQ(v.exit_code, 3);
  EXPECT_THAT(v.err, HasSubstr("sentences.csv: not a regular file (a FIFO)"));

  const fs::path fifo = dir_ / "policy.toml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  fs::remove(dir_ / "data" / "sentences.csv");
  Write("sentences.csv", kSentences);
  const CommandRun s = Bounded("screen --data " + Data() + " --policy " + fifo.string() + " --as-of 2025-01-01 -o " +
                               (dir_ / "o").string());
  EXPECT_NE(s.exit_code, 124) << "timed out";
  EXPECT_NE(s.exit_code, 0);

  const std::string mapping = std::string(CLEMENCY_TEST_DATA) + "/../../rules/mappings/example-doc.toml";
  const CommandRun i = Bounded("import --mapping " + mapping + " " + fifo.string() + " -o " + (dir_ / "i").string() +
                               " --as-of 2021-12-31");
  EXPECT_EQ(i.exit_code, 3);
  EXPECT_THAT(i.err, HasSubstr("policy.toml: not a regular file (a FIFO)"));
  const CommandRun m = Bounded("import --mapping " + fifo.string() + " " + Data() + "/people.csv -o " +
                               (dir_ / "m").string() + " --as-of 2021-12-31");
  EXPECT_EQ(m.exit_code, 2);
  EXPECT_THAT(m.err, HasSubstr("policy.toml: not a regular file (a FIFO)"));
}

// "No such file" was reported for a permission problem. Root reads any file,
// so as root the binary runs as nobody (setpriv).
TEST_F(InputsCliTest, AnUnreadableInputSaysPermissionDenied) {
  Write("people.csv", kPeople);
  Write("sentences.csv", kSentences);
  ::chmod((dir_ / "data" / "people.csv").c_str(), 0);
  const std::string as_nobody =
      ::geteuid() == 0 ? "CLEMENCY_AS=nobody setpriv --reuid=65534 --regid=65534 --clear-groups" : "";
  if (!as_nobody.empty() && std::system("setpriv --reuid=65534 --regid=65534 --clear-groups true") != 0)
    GTEST_SKIP() << "cannot run as nobody here";
  const CommandRun r = RunClemency("validate " + Data() + " --as-of 2025-01-01", dir_, as_nobody);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("people.csv: cannot open: permission denied"));
}

// An import CSV: the same text rules, and exact duplicate rows are named.
TEST_F(InputsCliTest, ImportRejectsBadTextAndNamesDuplicateRows) {
  const std::string mapping = std::string(CLEMENCY_TEST_DATA) + "/../../rules/mappings/example-doc.toml";
  const std::string example = Slurp(std::string(CLEMENCY_TEST_DATA) + "/import/example-doc.csv");
  const size_t second = example.find('\n') + 1;
  const std::string row = example.substr(second, example.find('\n', second) + 1 - second);
  std::string bad = example;
  bad.insert(second + 1, std::string("\0", 1));
  Write("nul.csv", bad, "in");
  const CommandRun r = Clemency("import --mapping " + mapping + " " + (dir_ / "in" / "nul.csv").string() + " -o " +
                                (dir_ / "o").string() + " --as-of 2021-12-31");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("nul.csv:2:2: a NUL byte (0x00) at byte offset"));

  Write("dup.csv", example + row, "in");
  const CommandRun d = Clemency("import --mapping " + mapping + " " + (dir_ / "in" / "dup.csv").string() + " -o " +
                                (dir_ / "d").string() + " --as-of 2021-12-31 --on-error quarantine");
  EXPECT_EQ(d.exit_code, 0) << d.err;
  EXPECT_THAT(d.err, HasSubstr("1 warnings duplicate_row, e.g. dup.csv:"));
  EXPECT_THAT(d.err, HasSubstr("identical to line 2: an exact duplicate row, imported again"));
}

}  // namespace
