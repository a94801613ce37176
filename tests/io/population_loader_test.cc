#include "clemency/io/population_loader.h"
#include "clemency/io/population_snapshot.h"

#include <gmock/gmock.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

namespace clemency {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kPeopleHeader =
    "person_id,jurisdiction,birth_date,birth_date_precision,sex,race,admission_date,"
    "admission_type,facility_id,infractions_5y,medical_high_risk\n";
constexpr const char* kSentencesHeader =
    "person_id,sentence_id,offense_code,offense_description,offense_date,sentence_date,"
    "sentence_type,term_days,min_term_days,max_term_days,enhancements,drug_type,drug_grams,"
    "consecutive_to,status,credits_days,projected_release_date,parole_eligibility_date\n";

class LoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/loader_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << text;
  }
  LoadResult Load(const char* as_of = "2025-01-01") {
    LoadOptions o;
    o.as_of = ParseDate(as_of).date;
    return LoadPopulation(dir_, o);
  }
  // Formatted problems of one severity.
  static std::vector<std::string> Messages(const LoadResult& r, Severity s) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems)
      if (p.severity == s) out.push_back(p.Format());
    return out;
  }
  static void ExpectReconciled(const LoadResult& r) {
    for (const FileCounts* f : {&r.people, &r.sentences, &r.facilities})
      EXPECT_EQ(f->rows_read, f->accepted + f->rejected) << f->file;
    EXPECT_EQ(r.rejected.size(), r.people.rejected + r.sentences.rejected + r.facilities.rejected);
  }
  std::string dir_;
};

TEST_F(LoaderTest, CleanPopulationLoads) {
  Write("facilities.csv", "facility_id,name,jurisdiction,design_capacity,housing\nF1,North,CA,100,cell\n");
  Write("people.csv", std::string(kPeopleHeader) +
                          "A,CA,1960-05-01,day,M,black,2000-01-01,new_sentence,F1,2,1\n"
                          "B,CA,1990-02-28,year,F,white,2020-06-01,technical_violation,,,\n");
  Write("sentences.csv", std::string(kSentencesHeader) +
                             "A,1,CA:PC 187,\"Murder, first degree\",1999-01-01,1999-12-01,lwop,,,,,,,,active,,,\n"
                             "B,1,CA:HS 11351,,2019-01-01,2019-05-01,determinate,1460,,,CA:HS 11370.2=1095,methamphetamine,28.5,,active,100,2025-06-01,2024-01-01\n"
                             "B,2,CA:HS 11350,,2019-01-01,2019-05-01,determinate,365,,,,,,1,active,,,\n");
  const LoadResult r = Load();
  ASSERT_FALSE(r.fatal);
  EXPECT_EQ(r.error_count, 0u) << ::testing::PrintToString(Messages(r, Severity::kError));
  EXPECT_EQ(r.warning_count, 0u) << ::testing::PrintToString(Messages(r, Severity::kWarning));
  ExpectReconciled(r);
  const Population& pop = *r.population;
  ASSERT_EQ(pop.people_count(), 2u);
  ASSERT_EQ(pop.sentence_count(), 3u);
  ASSERT_EQ(pop.facility_count(), 1u);
  const uint32_t b = pop.FindPerson("B");
  EXPECT_EQ(pop.people.sex[b], Sex::kF);
  EXPECT_EQ(pop.people.birth_precision[b], BirthPrecision::kYear);
  EXPECT_EQ(pop.people.infractions_5y[b], kMissingInt);
  EXPECT_EQ(pop.people.medical_high_risk[b], kUnknownFlag);
  const IndexRange s = pop.SentencesOf(b);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(pop.sentences.term_days[s.begin], 1460);
  EXPECT_DOUBLE_EQ(pop.sentences.drug_grams[s.begin], 28.5);
  ASSERT_EQ(pop.EnhancementsOf(s.begin).size(), 1u);
  EXPECT_EQ(pop.str(pop.enhancements[pop.EnhancementsOf(s.begin).begin].code), "CA:HS 11370.2");
  EXPECT_EQ(pop.sentences.consecutive_to[s.begin + 1], s.begin);
  EXPECT_EQ(pop.str(pop.sentences.offense_description[pop.SentencesOf(pop.FindPerson("A")).begin]),
            "Murder, first degree");
}

TEST_F(LoaderTest, EveryKindOfBadPersonRowIsRejectedWithItsReason) {
  Write("people.csv",
        std::string(kPeopleHeader) +
            "P1,CA,1961-02-30,,M,black,2000-01-01,,,,\n"            // 2: no such date
            "P2,CA,1961-02-01,,male,black,2000-01-01,,,,\n"         // 3: bad sex
            "P3,Cal,1961-02-01,,M,black,2000-01-01,,,,\n"           // 4: bad jurisdiction
            "P4,CA,1990-01-01,,M,black,1985-01-01,,,,\n"            // 5: admission before birth
            "P5,CA,1961-02-01,,M,purple,2000-01-01,,,,\n"           // 6: bad race
            "P6,CA,1961-02-01,,M,black,2026-01-01,,,,\n"            // 7: after as-of
            "P7,CA,1961-02-01,,M,black,2000-01-01,parole,,-1,2\n"   // 8: three errors
            ",CA,1961-02-01,,M,black,2000-01-01,,,,\n"              // 9: missing id
            "P9,CA,1961-02-01,,M,black\n"                           // 10: ragged
            "P10,CA,01/02/1961,,M,black,2000-01-01,,,,\n"           // 11: date format
            "OK,CA,1961-02-01,,M,black,2000-01-01,,,,\n");          // 12: fine
  Write("sentences.csv", std::string(kSentencesHeader) +
                             "OK,1,CA:PC 459,,,2000-01-01,determinate,100,,,,,,,active,,,\n"
                             "P1,1,CA:PC 459,,,2000-01-01,determinate,100,,,,,,,active,,,\n");
  const LoadResult r = Load();
  ASSERT_FALSE(r.fatal);
  ExpectReconciled(r);
  EXPECT_EQ(r.people.rows_read, 11u);
  EXPECT_EQ(r.people.accepted, 1u);
  EXPECT_EQ(r.people.rejected, 10u);
  EXPECT_EQ(r.sentences.accepted, 1u);
  EXPECT_EQ(r.sentences.rejected, 1u);
  EXPECT_THAT(Messages(r, Severity::kError),
              ElementsAre(
                  "people.csv:2: column \"birth_date\" value \"1961-02-30\": no such date",
                  "people.csv:3: column \"sex\" value \"male\": expected one of F, M, X, U",
                  "people.csv:4: column \"jurisdiction\" value \"Cal\": expected US or a two-letter state code such as CA (upper case)",
                  "people.csv:5: column \"admission_date\" value \"1985-01-01\": is before birth_date 1990-01-01",
                  "people.csv:6: column \"race\" value \"purple\": expected one of black, white, hispanic, native, asian, pacific, other, unknown",
                  "people.csv:7: column \"admission_date\" value \"2026-01-01\": is after the as-of date 2025-01-01",
                  "people.csv:8: column \"admission_type\" value \"parole\": expected one of new_sentence, technical_violation, new_offense_violation, other, unknown",
                  "people.csv:8: column \"infractions_5y\" value \"-1\": must not be negative",
                  "people.csv:8: column \"medical_high_risk\" value \"2\": expected 0 or 1",
                  "people.csv:9: column \"person_id\" value \"\": a value is required",
                  "people.csv:10: has 6 fields, the header has 11",
                  "people.csv:11: column \"birth_date\" value \"01/02/1961\": expected a date as YYYY-MM-DD",
                  "sentences.csv:3: column \"person_id\" value \"P1\": this person was rejected (people.csv:2)"));
  // rejected.csv material: every reason of the row, and the row as read.
  ASSERT_EQ(r.rejected.size(), 11u);
  EXPECT_EQ(r.rejected[6].line, 8u);
  EXPECT_THAT(r.rejected[6].reason, HasSubstr("\"parole\""));
  EXPECT_THAT(r.rejected[6].reason, HasSubstr("; column \"infractions_5y\""));
  EXPECT_EQ(r.rejected[6].record, "P7,CA,1961-02-01,,M,black,2000-01-01,parole,,-1,2");
  EXPECT_EQ(r.rejected.back().file, "sentences.csv");
}

TEST_F(LoaderTest, DuplicatePersonIdRejectsEveryCopyAndTheirSentences) {
  Write("people.csv", std::string(kPeopleHeader) +
                          "A,CA,1961-02-01,,M,black,2000-01-01,,,,\n"
                          "B,CA,1961-02-01,,M,black,2000-01-01,,,,\n"
                          "A,CA,1971-02-01,,F,white,2010-01-01,,,,\n");
  Write("sentences.csv", std::string(kSentencesHeader) +
                             "A,1,CA:PC 459,,,2010-01-01,determinate,100,,,,,,,active,,,\n"
                             "B,1,CA:PC 459,,,2000-01-01,determinate,100,,,,,,,active,,,\n");
  const LoadResult r = Load();
  ExpectReconciled(r);
  EXPECT_EQ(r.people.accepted, 1u);
  EXPECT_EQ(r.people.rejected, 2u);
  EXPECT_THAT(Messages(r, Severity::kError),
              ElementsAre(
                  "people.csv:2: column \"person_id\" value \"A\": also on line 4; ids must be unique, so both rows are rejected",
                  "people.csv:4: column \"person_id\" value \"A\": also on line 2; ids must be unique, so both rows are rejected",
                  "sentences.csv:2: column \"person_id\" value \"A\": this person was rejected (people.csv:2)"));
  EXPECT_EQ(r.rejected[0].record, "A,CA,1961-02-01,,M,black,2000-01-01,,,,");
  EXPECT_EQ(r.rejected[1].record, "A,CA,1971-02-01,,F,white,2010-01-01,,,,");
  EXPECT_EQ(r.population->FindPerson("A"), kNoIndex);
}

TEST_F(LoaderTest, EveryKindOfBadSentenceRowIsRejectedWithItsReason) {
  Write("people.csv", std::string(kPeopleHeader) + "A,CA,1961-02-01,,M,black,2000-01-01,,,,\n");
  Write("sentences.csv",
        std::string(kSentencesHeader) +
            "A,1,CA:PC 459,,,2000-01-01,determinate,,,,,,,,active,,,\n"                  // 2 no term: kept, unknown
            "A,2,CA:PC 459,,,2000-01-01,determinate,-5,,,,,,,active,,,\n"                // 3 negative
            "A,3,CA:PC 459,,,2000-01-01,indeterminate,,,,,,,,active,,,\n"                // 4 no min: kept, unknown
            "A,4,CA:PC 459,,,2000-01-01,indeterminate,,9000,100,,,,,active,,,\n"         // 5 min>max
            "A,5,CA:PC 459,,,2000-01-01,determinate,100,,,CA:PC 667.5(b)=365,,,,active,,,\n"  // 6 enh>term
            "A,6,CA:PC 459,,,2000-01-01,determinate,900,,,CA:PC 667.5(b),,,,active,,,\n"  // 7 enh syntax
            "A,7,CA:,,,2000-01-01,determinate,100,,,,,,,active,,,\n"                       // 8 prefix only
            "Z,1,CA:PC 459,,,2000-01-01,determinate,100,,,,,,,active,,,\n"                // 9 unknown person
            "A,8,CA:PC 459,,2001-01-01,2000-01-01,determinate,100,,,,,,,active,,,\n"      // 10 offense after sentence
            "A,9,CA:PC 459,,,1950-01-01,determinate,100,,,,,,,active,,,\n"                // 11 before birth
            "A,10,CA:PC 459,,,2000-01-01,determinate,100,,,,,,,pending,,,\n"              // 12 status
            "A,11,CA:PC 459,,,2000-01-01,determinate,100,,,,,lots,,active,,,\n"           // 13 grams
            "A,12,CA:PC 459,,,2000-01-01,determinate,100,,,,,,12,active,,,\n"             // 14 self
            "A,13,CA:PC 459,,,2000-01-01,determinate,100,,,,,,99,active,,,\n"             // 15 missing target
            "A,14,CA:PC 459,,,2000-01-01,determinate,100,,,,,,15,active,,,\n"             // 16 cycle
            "A,15,CA:PC 459,,,2000-01-01,determinate,100,,,,,,14,active,,,\n"             // 17 cycle
            "A,16,CA:PC 459,,,2000-01-01,determinate,100,,,,,,,active,,,\n"               // 18 dup
            "A,16,CA:PC 459,,,2000-01-01,determinate,100,,,,,,,active,,,\n"               // 19 dup
            "A,OK,CA:PC 459,,,2000-01-01,determinate,100,,,,,,,active,,,\n");             // 20 fine
  const LoadResult r = Load();
  ExpectReconciled(r);
  EXPECT_EQ(r.sentences.rows_read, 19u);
  EXPECT_EQ(r.sentences.accepted, 3u);
  const auto errors = Messages(r, Severity::kError);
  EXPECT_THAT(errors, ElementsAre(
      "sentences.csv:3: column \"term_days\" value \"-5\": must not be negative",
      "sentences.csv:5: column \"min_term_days\" value \"9000\": is more than max_term_days 100",
      "sentences.csv:6: column \"enhancements\" value \"CA:PC 667.5(b)=365\": add up to 365 days, more than term_days 100 (which includes them)",
      "sentences.csv:7: column \"enhancements\" value \"CA:PC 667.5(b)\": item \"CA:PC 667.5(b)\": expected CODE=DAYS with DAYS a whole number >= 0",
      "sentences.csv:8: column \"offense_code\" value \"CA:\": expected a statute code, such as \"CA:PC 459\" or \"PC 459\" (the person's jurisdiction is taken)",
      "sentences.csv:9: column \"person_id\" value \"Z\": is not in people.csv",
      "sentences.csv:10: column \"offense_date\" value \"2001-01-01\": is after sentence_date 2000-01-01",
      "sentences.csv:11: column \"sentence_date\" value \"1950-01-01\": is before the person's birth_date 1961-02-01",
      "sentences.csv:12: column \"status\" value \"pending\": expected one of active, served",
      "sentences.csv:13: column \"drug_grams\" value \"lots\": expected a number of grams such as 28.5",
      "sentences.csv:18: column \"sentence_id\" value \"16\": also on line 19 for the same person; both rows are rejected",
      "sentences.csv:19: column \"sentence_id\" value \"16\": also on line 18 for the same person; both rows are rejected",
      "sentences.csv:14: column \"consecutive_to\" value \"12\": a sentence cannot follow itself",
      "sentences.csv:15: column \"consecutive_to\" value \"99\": names no other sentence of this person",
      "sentences.csv:16: column \"consecutive_to\" value \"15\": the consecutive_to chain goes round in a circle",
      "sentences.csv:17: column \"consecutive_to\" value \"14\": the consecutive_to chain goes round in a circle"));
  // rejected rows are listed in line order whatever order they were found in.
  for (size_t i = 1; i < r.rejected.size(); ++i) EXPECT_LT(r.rejected[i - 1].line, r.rejected[i].line);
}

TEST_F(LoaderTest, AnUnrecordedSentenceDateOrMinimumIsUnknownNotAnError) {
  // Agency exports (Iowa's) may lack the sentencing date and an indeterminate minimum.
  Write("people.csv", std::string(kPeopleHeader) + "A,IA,1961-02-01,,M,black,2000-01-01,,,,\n");
  Write("sentences.csv", std::string(kSentencesHeader) +
                             "A,1,IA:711.3,,,,indeterminate,,,,,,,,active,,,\n"
                             "A,2,IA:714.2(5),,,2001-01-01,determinate,,,,,,,,active,,,\n");
  const LoadResult r = Load();
  ExpectReconciled(r);
  EXPECT_EQ(r.sentences.accepted, 2u);
  EXPECT_THAT(Messages(r, Severity::kWarning),
              ElementsAre("sentences.csv:2: warning: column \"sentence_date\" value \"\": not recorded: rules that need the "
                          "sentencing date will be unknown",
                          "sentences.csv:3: warning: column \"term_days\" value \"\": a determinate sentence with no "
                          "recorded length: the term is unknown"));
  EXPECT_TRUE(r.population->sentences.sentence_date[0].missing());
  EXPECT_EQ(r.population->sentences.min_term_days[0], kMissingInt);
  EXPECT_EQ(r.population->sentences.term_days[1], kMissingInt);  // unknown, never zero
}

TEST_F(LoaderTest, WarningsKeepTheRow) {
  Write("facilities.csv", "facility_id,design_capacity\nF1,100\n");
  Write("people.csv", std::string(kPeopleHeader) +
                          "A,CA,1961-02-01,,M,black,2000-01-01,,F9,,\n"
                          "B,CA,1961-02-01,,M,black,2000-01-01,,F1,,\n");
  Write("sentences.csv", std::string(kSentencesHeader) +
                             "A,1,US:21 USC 841,,,2000-01-01,life,100,,,,,,,active,,2020-01-01,2021-01-01\n");
  const LoadResult r = Load();
  EXPECT_EQ(r.error_count, 0u);
  EXPECT_THAT(Messages(r, Severity::kWarning),
              ElementsAre(
                  "people.csv:2: warning: column \"facility_id\" value \"F9\": is not in facilities.csv; the facility is treated as unknown",
                  "sentences.csv:2: warning: column \"offense_code\" value \"US:21 USC 841\": is not a CA code, the person's jurisdiction",
                  "sentences.csv:2: warning: column \"term_days\" value \"100\": is not used for a life sentence",
                  "sentences.csv:2: warning: column \"projected_release_date\" value \"2020-01-01\": has passed on the as-of date but the sentence is active",
                  "sentences.csv:2: warning: column \"parole_eligibility_date\" value \"2021-01-01\": is after projected_release_date 2020-01-01",
                  "people.csv:3: warning: column \"person_id\" value \"B\": has no sentences in sentences.csv"));
  EXPECT_EQ(r.population->people_count(), 2u);
}

TEST_F(LoaderTest, FileLevelProblemsAreFatal) {
  Write("people.csv", "person_id,jurisdiction,birth_date,sex,race,sex\n");
  LoadResult r = Load();
  EXPECT_TRUE(r.fatal);
  EXPECT_FALSE(r.population.has_value());
  EXPECT_THAT(Messages(r, Severity::kError),
              ElementsAre("people.csv:1: columns \"sex\" and \"sex\" are both column \"sex\" (names are matched "
                          "ignoring case and surrounding spaces)",
                          "people.csv:1: required column \"admission_date\" is missing from the header"));

  std::filesystem::remove(dir_ + "/people.csv");
  r = Load();
  EXPECT_TRUE(r.fatal);
  EXPECT_THAT(Messages(r, Severity::kError), ElementsAre("people.csv: cannot open: no such file"));

  Write("people.csv", "");
  r = Load();
  EXPECT_THAT(Messages(r, Severity::kError), ElementsAre("people.csv: the file is empty: expected a header row"));
}

TEST_F(LoaderTest, UnknownColumnsAreWarningsAndCsvSyntaxErrorsRejectTheRow) {
  Write("people.csv", "\xEF\xBB\xBFperson_id,jurisdiction,birth_date,sex,race,admission_date,notes\r\n"
                      "A,CA,1961-02-01,M,black,2000-01-01,\"free, text\"\r\n"
                      "B,CA,1961-02-01,M,black,2000-01-01,bad\"quote\r\n");
  Write("sentences.csv", std::string(kSentencesHeader) +
                             "A,1,CA:PC 459,,,2000-01-01,determinate,100,,,,,,,active,,,\n");
  const LoadResult r = Load();
  ExpectReconciled(r);
  EXPECT_EQ(r.people.accepted, 1u);
  EXPECT_THAT(Messages(r, Severity::kWarning),
              ElementsAre("people.csv:1: warning: column \"notes\" value \"\": not a column of the canonical schema; ignored"));
  EXPECT_THAT(Messages(r, Severity::kError),
              ElementsAre("people.csv:3: line 3 byte 39: a quote inside an unquoted field (quote the whole field and double the quote)"));
  EXPECT_EQ(r.rejected[0].record, "B,CA,1961-02-01,M,black,2000-01-01,bad\"quote");
}

// Rows of a small population, written with any line end.
std::string People(const char* eol) {
  std::string s = kPeopleHeader;
  s += "A,CA,1960-05-01,day,M,black,2000-01-01,new_sentence,,2,1\nB,CA,1990-02-28,year,F,white,2020-06-01,,,,\n";
  std::string out;
  for (char c : s) c == '\n' ? out += eol : out += c;
  return out;
}
std::string Sentences(const char* eol) {
  std::string s = kSentencesHeader;
  s += "A,1,CA:PC 187,\"Murder,\nfirst degree\",1999-01-01,1999-12-01,lwop,,,,,,,,active,,,\n"
       "B,1,CA:HS 11350,,2019-01-01,2019-05-01,determinate,365,,,,,,,active,,,\n";
  std::string out;
  for (char c : s) c == '\n' ? out += eol : out += c;
  return out;
}

// An old Mac export (CR only) read as one header line and 0 rows, exit 0.
TEST_F(LoaderTest, CrOnlyFilesLoadAsTheirLfCopies) {
  for (const char* eol : {"\n", "\r", "\r\n"}) {
    Write("people.csv", People(eol));
    Write("sentences.csv", Sentences(eol));
    const LoadResult r = Load();
    ASSERT_FALSE(r.fatal);
    EXPECT_EQ(r.error_count, 0u) << ::testing::PrintToString(Messages(r, Severity::kError));
    EXPECT_EQ(r.people.accepted, 2u);
    EXPECT_EQ(r.sentences.accepted, 2u);
    const Population& pop = *r.population;
    const uint32_t b = pop.FindPerson("B");
    ASSERT_NE(b, kNoIndex);
    EXPECT_EQ(pop.people.source_line[b], 3u);
    EXPECT_EQ(pop.sentences.source_line[pop.SentencesOf(b).begin], 4u);  // the quoted line end counts
  }
}

// A stray quote that closed 1,490 rows later: "510 rows read = 510 accepted".
TEST_F(LoaderTest, StrayQuoteIsAnErrorAndTheRowsAfterItAreRead) {
  std::string people = kPeopleHeader;
  people += "P0,CA,1960-05-01,day,M,black,2000-01-01,\"new_sentence,,2,1\n";
  for (int i = 1; i <= 20; ++i) people += "P" + std::to_string(i) + ",CA,1960-05-01,day,M,black,2000-01-01,,,2,1\n";
  people += "P21,CA,1960-05-01,day,M,black,2000-01-01,x\",,2,1\n";
  Write("people.csv", people);
  Write("sentences.csv", kSentencesHeader);
  const LoadResult r = Load();
  ExpectReconciled(r);
  EXPECT_EQ(r.people.rows_read, 22u);
  EXPECT_EQ(r.people.accepted, 20u);
  const auto errors = Messages(r, Severity::kError);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_THAT(errors[0], HasSubstr("people.csv:2: line 2 byte 41: a quoted field opens here and closes only at "
                                   "line 23 column 43, taking in 21 lines that look like rows: a stray quote?"));
  EXPECT_THAT(errors[1], HasSubstr("people.csv:23: line 23 byte 43: a quote inside an unquoted field"));
  EXPECT_EQ(r.count_by_code.at("error stray_quote"), 1u);
}

struct HeaderCase {
  std::string name;
  std::string infractions_header;  // replaces "infractions_5y"
  std::string error;               // "" when the file loads with the column
};

class LoaderHeaderTest : public LoaderTest, public ::testing::WithParamInterface<HeaderCase> {};

// A near-miss optional header dropped the column with a warning: 241 eligible
// became 0. Headers match ignoring case and spaces; a near miss stops the load.
TEST_P(LoaderHeaderTest, HeadersMatchIgnoringCaseAndSpacesAndNearMissesStop) {
  std::string header = kPeopleHeader;
  header.replace(header.find("infractions_5y"), 14, GetParam().infractions_header);
  Write("people.csv", header + "A,CA,1960-05-01,day,M,black,2000-01-01,new_sentence,,7,1\n");
  Write("sentences.csv", std::string(kSentencesHeader) +
                             "A,1,CA:PC 187,,1999-01-01,1999-12-01,lwop,,,,,,,,active,,,\n");
  const LoadResult r = Load();
  if (GetParam().error.empty()) {
    ASSERT_FALSE(r.fatal) << ::testing::PrintToString(Messages(r, Severity::kError));
    EXPECT_EQ(r.warning_count, 0u) << ::testing::PrintToString(Messages(r, Severity::kWarning));
    EXPECT_EQ(r.population->people.infractions_5y[0], 7);
  } else {
    EXPECT_TRUE(r.fatal);
    EXPECT_THAT(Messages(r, Severity::kError), ElementsAre(GetParam().error));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LoaderHeaderTest,
    ::testing::Values(
        HeaderCase{"Exact", "infractions_5y", ""}, HeaderCase{"Capitalised", "Infractions_5y", ""},
        HeaderCase{"Spaces", "  INFRACTIONS_5Y ", ""}, HeaderCase{"Tab", "\tinfractions_5y", ""},
        HeaderCase{"Singular", "infraction_5y",
                   "people.csv:1: column \"infraction_5y\" is not a column of the schema but close to "
                   "\"infractions_5y\", which is absent: rename it to \"infractions_5y\" (or, if it is another "
                   "column, to a name not so close)"},
        HeaderCase{"TwoEdits", "Infractions 5 y",
                   "people.csv:1: column \"Infractions 5 y\" is not a column of the schema but close to "
                   "\"infractions_5y\", which is absent: rename it to \"infractions_5y\" (or, if it is another "
                   "column, to a name not so close)"},
        HeaderCase{"TwiceAfterNormalising", "infractions_5y,Infractions_5Y",
                   "people.csv:1: columns \"infractions_5y\" and \"Infractions_5Y\" are both column "
                   "\"infractions_5y\" (names are matched ignoring case and surrounding spaces)"}),
    [](const auto& test) { return test.param.name; });

// A column that resembles one already present is another column: a warning.
TEST_F(LoaderTest, ACloseNameBesideTheRealColumnIsOnlyUnknown) {
  std::string header = kPeopleHeader;
  header.replace(header.size() - 1, 1, ",infraction_5y\n");
  Write("people.csv", header + "A,CA,1960-05-01,day,M,black,2000-01-01,new_sentence,,7,1,x\n");
  Write("sentences.csv", kSentencesHeader);
  const LoadResult r = Load();
  EXPECT_FALSE(r.fatal);
  EXPECT_EQ(r.count_by_code.at("warning unknown_column"), 1u);
}

// NUL and invalid UTF-8 were accepted and written into reasons.jsonl and the
// workbook; a UTF-16 file was "missing columns". Each is now named.
TEST_F(LoaderTest, BadTextRejectsTheRowWithWhereItIs) {
  std::string people = People("\n");
  people.replace(people.find("\nB,") + 2, 0, std::string("\0", 1));  // B -> B\0
  people += "C\x96,CA,1960-05-01,day,M,black,2000-01-01,,,,\n";
  Write("people.csv", people);
  Write("sentences.csv", kSentencesHeader);
  const LoadResult r = Load();
  ExpectReconciled(r);
  EXPECT_EQ(r.people.accepted, 1u);
  EXPECT_THAT(Messages(r, Severity::kError),
              ElementsAre(HasSubstr("people.csv:3: line 3 byte 2: a NUL byte (0x00) at byte offset 197: the file "
                                    "must be UTF-8 text"),
                          HasSubstr("people.csv:4: line 4 byte 2: invalid UTF-8 (byte 0x96) at byte offset")));
  EXPECT_EQ(r.count_by_code.at("error bad_encoding"), 2u);
}

TEST_F(LoaderTest, Utf16FileSaysSo) {
  std::string utf16 = "\xFF\xFE";
  for (char c : People("\r\n")) utf16 += std::string{c, '\0'};
  Write("people.csv", utf16);
  Write("sentences.csv", kSentencesHeader);
  const LoadResult r = Load();
  EXPECT_TRUE(r.fatal);
  EXPECT_THAT(Messages(r, Severity::kError),
              ElementsAre("people.csv:1:1: header row: the file is UTF-16 (it starts with a UTF-16 byte order "
                          "mark): save it as UTF-8 (in Excel: CSV UTF-8)"));
}

// The problem store stopped at 10,000: an error after 10,000 warnings was
// counted but never shown. Errors are always kept; warnings past the cap are
// counted by kind.
TEST_F(LoaderTest, AnErrorAfterTenThousandWarningsIsKept) {
  std::string people = kPeopleHeader;
  const int n = static_cast<int>(kMaxStoredWarnings) + 5;
  for (int i = 0; i < n; ++i) people += "P" + std::to_string(i) + ",CA,1960-05-01,day,M,black,2000-01-01,,,,\n";
  people += "BAD,CA,1960-05-01,day,Z,black,2000-01-01,,,,\n";
  Write("people.csv", people);
  Write("sentences.csv", kSentencesHeader);
  const LoadResult r = Load();
  EXPECT_EQ(r.warning_count, static_cast<uint64_t>(n));  // no_active_sentence, one each
  EXPECT_EQ(r.error_count, 1u);
  const auto errors = Messages(r, Severity::kError);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr(fmt::format("people.csv:{}: column \"sex\" value \"Z\"", n + 2)));
  EXPECT_EQ(Messages(r, Severity::kWarning).size(), kMaxStoredWarnings);
  EXPECT_EQ(r.unlisted_warnings, (std::map<std::string, uint64_t>{{"no_active_sentence", 5}}));
}

// An exact duplicate row doubled a person's sentences without a word.
TEST_F(LoaderTest, AnExactDuplicateSentenceRowIsNamed) {
  Write("people.csv", People("\n"));
  std::string sentences = Sentences("\n");
  sentences += "B,1,CA:HS 11350,,2019-01-01,2019-05-01,determinate,365,,,,,,,active,,,\n";
  Write("sentences.csv", sentences);
  const LoadResult r = Load();
  ExpectReconciled(r);
  EXPECT_THAT(Messages(r, Severity::kWarning),
              testing::Contains("sentences.csv:5: warning: identical to line 4: an exact duplicate row (an export "
                                "fault?); its sentence_id is then a duplicate too"));
  EXPECT_EQ(r.count_by_code.at("warning duplicate_row"), 1u);
}

// A FIFO as an input blocked the run forever.
TEST_F(LoaderTest, AFifoIsRefusedAtOnce) {
  Write("people.csv", People("\n"));
  ASSERT_EQ(::mkfifo((dir_ + "/sentences.csv").c_str(), 0600), 0);
  const LoadResult r = Load();
  EXPECT_TRUE(r.fatal);
  EXPECT_THAT(Messages(r, Severity::kError), ElementsAre("sentences.csv: not a regular file (a FIFO)"));
}

// Everything a load gives, as text: problems, counts, rejected rows, and the
// population as its snapshot's bytes.
std::string Everything(const LoadResult& r, const std::string& snapshot) {
  std::string out;
  for (const Problem& p : r.problems)
    out += fmt::format("{} {} {}\n", p.severity == Severity::kError ? "E" : "W", p.Format(), p.byte_column);
  for (const auto& [code, n] : r.unlisted_warnings) out += fmt::format("unlisted {} {}\n", code, n);
  for (const auto& [code, n] : r.count_by_code) out += fmt::format("count {} {}\n", code, n);
  out += fmt::format("errors {} warnings {} fatal {}\n", r.error_count, r.warning_count, r.fatal);
  for (const FileCounts* f : {&r.people, &r.sentences, &r.facilities})
    out += fmt::format("{} {} {} {} {} {} {}\n", f->file, f->present, f->rows_read, f->accepted, f->rejected, f->bytes,
                       f->sha256);
  for (const RejectedRow& x : r.rejected) out += fmt::format("{}:{} [{}] [{}]\n", x.file, x.line, x.reason, x.record);
  if (r.population) {
    std::string error;
    EXPECT_TRUE(SaveSnapshot(r, ParseDate("2025-01-01").date, snapshot, &error)) << error;
    std::ifstream in(snapshot, std::ios::binary);
    out += std::string(std::istreambuf_iterator<char>(in), {});
  }
  return out;
}

TEST(LoaderThreadsTest, AMessyPopulationLoadsTheSameOnAnyNumberOfThreads) {
  // Quotes with doubled quotes and line ends, a stray quote and an unclosed
  // quote near the middle of sentences.csv, CR LF, CR and LF line ends, blank
  // lines, bad UTF-8, duplicate ids and rows, and a last row without a line end.
  const std::string dir = std::string(CLEMENCY_TEST_DATA) + "/../io/messy_population";
  const std::string snapshot = ::testing::TempDir() + "/loader_threads.snapshot";
  LoadOptions o;
  o.as_of = ParseDate("2025-01-01").date;
  o.threads = 1;
  const LoadResult one = LoadPopulation(dir, o);
  ASSERT_TRUE(one.population);
  EXPECT_GT(one.error_count, 40u);
  EXPECT_EQ(one.sentences.sha256.size(), 64u);
  const std::string expected = Everything(one, snapshot);
  EXPECT_THAT(expected, HasSubstr("stray_quote"));
  EXPECT_THAT(expected, HasSubstr("never closed"));
  // Many thread counts put the cuts in many places, inside quotes too.
  for (unsigned threads = 2; threads <= 40; ++threads) {
    o.threads = threads;
    EXPECT_EQ(Everything(LoadPopulation(dir, o), snapshot), expected) << threads << " threads";
  }
}

}  // namespace
}  // namespace clemency
