// End to end: offense codes written as agencies and lawyers write them screen
// exactly as the catalog's own codes do, person by person (CA, US, IA); the
// user's rules folder is used by import, screen and explain through --rules;
// a jurisdiction without a catalog is exit 4 unless --allow-missing-catalog.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "clemency/io/xlsx_reader.h"
#include "support/cli_fixture.h"

namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;
using clemency::testing_support::CommandRun;
using clemency::testing_support::RunClemency;
using clemency::testing_support::Slurp;

class CodeResolutionCliTest : public clemency::testing_support::CliFixture {
 protected:
  void Write(const fs::path& rel, const std::string& text) { WriteAt(rel, text); }
};

constexpr const char* kPeople =
    "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type,infractions_5y\n"
    "ca-firearm,CA,1953-06-01,M,black,2015-01-01,new_sentence,0\n"
    "ca-robbery,CA,1960-06-01,M,white,2010-01-01,new_sentence,0\n"
    "ca-robbery-section,CA,1961-06-01,M,white,2010-01-01,new_sentence,0\n"
    "ca-sale,CA,1975-06-01,F,hispanic,2012-01-01,new_sentence,0\n"
    "ca-sale-section,CA,1976-06-01,F,hispanic,2012-01-01,new_sentence,0\n"
    "ca-attempt,CA,1980-06-01,M,black,2005-01-01,new_sentence,0\n"
    "ca-possession,CA,1962-06-01,M,white,2009-01-01,new_sentence,0\n"
    "ca-dui,CA,1990-06-01,M,white,2019-01-01,technical_violation,1\n"
    "us-crack,US,1970-06-01,M,black,2006-01-01,new_sentence,0\n"
    "us-possession,US,1985-06-01,F,white,2018-01-01,new_sentence,0\n"
    "us-bank,US,1958-06-01,M,white,2001-01-01,new_sentence,0\n"
    "ia-meth,IA,1965-06-01,M,white,2019-01-01,new_sentence,0\n"
    "ia-burglary,IA,1990-06-01,F,black,2020-01-01,technical_violation,0\n";

// person_id, sentence_id, the catalog's code, the code as written, and the rest of the row.
struct Row {
  const char* person;
  const char* catalog_code;
  const char* written_code;
  const char* rest;  // sentence_date,sentence_type,term_days,enhancements,drug_type,drug_grams,status
};
constexpr Row kRows[] = {
    {"ca-firearm", "CA:PC 29800(a)(1)", "PC 29800", "2014-10-01,determinate,1460,,,,active"},
    {"ca-robbery", "CA:PC 211 2nd", "PC211 2ND", "2009-10-01,determinate,5475,CA:PC 12022.5(a)=1460,,,active"},
    {"ca-robbery-section", "CA:PC 211 2nd", "CA:PC 211", "2009-10-01,determinate,1825,,,,active"},
    {"ca-sale", "CA:HS 11352(a)", "HS11352(a)", "2011-10-01,determinate,1460,,,,active"},
    {"ca-sale-section", "CA:HS 11352(a)", "CA:HS 11352", "2011-10-01,determinate,1460,,,,active"},
    {"ca-attempt", "CA:PC 664/187", "PC187 2nd(664)", "2004-10-01,determinate,3285,,,,active"},
    {"ca-possession", "CA:HS 11350(a)", "H&S 11350 (a)", "2008-10-01,determinate,2190,,,,active"},
    {"ca-dui", "CA:VC 23153(a)", "VC23153(a)", "2018-10-01,determinate,1095,,,,active"},
    {"us-crack", "US:21 USC 841(b)(1)(A)", "21 U.S.C. 841(b)(1)(A)", "2005-10-01,determinate,7300,,cocaine_base,60,active"},
    {"us-possession", "US:21 USC 844", "21USC844", "2017-10-01,determinate,365,,,,active"},
    {"us-bank", "US:18 USC 2113(d)", "18 U.S.C.A. 2113 (d)", "2000-10-01,determinate,9125,,,,active"},
    {"ia-meth", "IA:124.401(1)(c)(3)", "Iowa Code 124.401(1)(C)(3)", ",indeterminate,,,,,active"},
    {"ia-burglary", "IA:713.5", "I.C.A. 713.5", ",indeterminate,,,,,active"},
};

void WritePopulation(const fs::path& dir, bool as_written) {
  fs::create_directories(dir);
  std::ofstream(dir / "people.csv", std::ios::binary) << kPeople;
  std::ofstream s(dir / "sentences.csv", std::ios::binary);
  s << "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,enhancements,drug_type,drug_grams,status\n";
  for (const Row& r : kRows) {
    std::string rest = r.rest;
    if (as_written) {
      const size_t at = rest.find("CA:PC 12022.5(a)");
      if (at != std::string::npos) rest.replace(at, 16, "P12022.5(A)");  // CDCR's spelling, no prefix
    }
    s << r.person << ",1,\"" << (as_written ? r.written_code : r.catalog_code) << "\"," << rest << "\n";
  }
}

TEST_F(CodeResolutionCliTest, CodesAsWrittenScreenExactlyAsTheCatalogsCodes) {
  WritePopulation(dir_ / "catalog", false);
  WritePopulation(dir_ / "written", true);
  for (const char* which : {"catalog", "written"}) {
    const CommandRun r = Clemency(std::string("screen --data ") + Path(which) +
                                  " --policy redemption-2020 --as-of 2024-06-01 -o " + Path(std::string("out-") + which));
    ASSERT_EQ(r.exit_code, 0) << which << ": " << r.err;
  }
  const std::string catalog = Slurp(dir_ / "out-catalog" / "screening.csv");
  const std::string written = Slurp(dir_ / "out-written" / "screening.csv");
  EXPECT_EQ(written, catalog);
  // candidates.xlsx names each candidate's most serious active offense, as written, with its description.
  std::string error;
  auto xlsx = clemency::XlsxReader::Open((dir_ / "out-written" / "candidates.xlsx").string(), "", &error);
  ASSERT_TRUE(xlsx) << error;
  clemency::CsvRecord rec;
  std::map<std::string, size_t> col;
  std::map<std::string, std::pair<std::string, std::string>> offense_of;  // person_id -> (code, description)
  while (xlsx->Next(rec)) {
    if (col.empty()) {
      for (size_t i = 0; i < rec.fields.size(); ++i) col[std::string(rec.fields[i])] = i;
      ASSERT_TRUE(col.count("offense_code") && col.count("offense") && col.count("review_reason"));
      continue;
    }
    offense_of[std::string(rec.fields[col["person_id"]])] = {std::string(rec.fields[col["offense_code"]]),
                                                              std::string(rec.fields[col["offense"]])};
  }
  EXPECT_EQ(offense_of["ca-firearm"].first, "CA:PC 29800");
  EXPECT_THAT(offense_of["ca-firearm"].second, HasSubstr("firearm"));
  EXPECT_EQ(offense_of["ca-possession"].first, "CA:H&S 11350 (a)");
  // The issue's own example: a 70-year-old serving a firearm-possession term is eligible.
  EXPECT_THAT(written, HasSubstr("ca-firearm,eligible,older"));
  // The reforms applied are the same; reasons.jsonl shows the code as written.
  const std::string reasons = Slurp(dir_ / "out-written" / "reasons.jsonl");
  EXPECT_NE(reasons.find(R"X("offense_code":"CA:H&S 11350 (a)","id":"ca-prop47-2014-drug")X"), std::string::npos);
}

TEST_F(CodeResolutionCliTest, ExplainShowsHowEachCodeResolved) {
  WritePopulation(dir_ / "written", true);
  const CommandRun r = Clemency("explain --data " + Path("written") +
                                " --policy redemption-2020 --as-of 2024-06-01 --person ca-robbery-section");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("CA:PC 211"));
  EXPECT_THAT(r.out, HasSubstr("section -> CA:PC 211 1st, CA:PC 211 2nd (they differ in: triad)"));
  const CommandRun a = Clemency("explain --data " + Path("written") +
                                " --policy redemption-2020 --as-of 2024-06-01 --person ca-attempt");
  EXPECT_THAT(a.out, HasSubstr("normalised -> CA:PC 664/187"));
}

TEST_F(CodeResolutionCliTest, MissingCatalogIsExit4UnlessAllowed) {
  Write("tn/people.csv", "person_id,jurisdiction,birth_date,sex,race,admission_date\nT1,TN,1950-01-01,M,white,2000-01-01\n");
  Write("tn/sentences.csv",
        "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status\n"
        "T1,1,39-13-402,1999-06-01,determinate,9000,active\n");
  const CommandRun refused = Clemency("screen --data " + Path("tn") + " --policy redemption-2020 --as-of 2024-06-01 -o " + Path("out"));
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_THAT(refused.err, HasSubstr("no offense catalog for TN: looked for "));
  EXPECT_THAT(refused.err, HasSubstr("offenses/TN.toml"));
  EXPECT_THAT(refused.err, HasSubstr("--rules"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "screening.csv"));
  const CommandRun allowed = Clemency("screen --data " + Path("tn") + " --policy redemption-2020 --as-of 2024-06-01 -o " +
                                      Path("out") + " --allow-missing-catalog");
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_THAT(Slurp(dir_ / "out" / "screening.csv"), HasSubstr("T1,needs_review"));
  // A policy scoped through a parameter (second-look: D.C. by default) warns when it covers nobody.
  const CommandRun scoped = Clemency("screen --data " + Path("tn") + " --policy second-look --as-of 2024-06-01 -o " +
                                     Path("out-scoped") + " --allow-missing-catalog");
  EXPECT_EQ(scoped.exit_code, 0) << scoped.err;
  EXPECT_THAT(scoped.err, HasSubstr("policy second-look applies only in DC, and nobody in the data is there"));
}

// A campaign's own folder: a Tennessee catalog with description patterns, a
// mapping and a policy, none of them in the source tree.
TEST_F(CodeResolutionCliTest, UsersRulesFolderIsUsedByImportScreenAndExplain) {
  Write("myrules/offenses/TN.toml", R"X([catalog]
jurisdiction = "TN"
title = "Tennessee offenses of one roster"
[[offense]]
code = "TN:39-13-402"
title = "Aggravated robbery"
category = "violent"
bjs_offense = "robbery"
flags = ["violent_felony"]
citation = "Tenn. Code Ann. 39-13-402"
[[pattern]]
description = 'theft of property'
category = "property"
bjs_offense = "larceny_theft"
not_flags = ["violent_felony", "sex_registrable"]
citation = "Tenn. Code Ann. 39-14-103 (theft); 39-14-105 (grading by value)"
)X");
  Write("myrules/mappings/tn.toml", R"X(name = "A Tennessee roster"
catalog = "TN"
[people]
person_id = { column = "ID" }
jurisdiction = { value = "TN" }
birth_date = { column = "DOB" }
sex = { value = "M" }
race = { value = "unknown" }
admission_date = { column = "Admitted" }
[sentences]
sentence_id = { sequence = "S" }
offense_code = { column = "Code", prefix = "TN:" }
offense_description = { column = "Offense" }
sentence_type = { value = "determinate" }
term_days = { column = "Days" }
status = { value = "active" }
)X");
  Write("myrules/policies/tn-older.toml", R"X(id = "tn-older"
title = "Older Tennesseans, no violent felony"
citation = "A campaign's own criteria"
jurisdictions = ["TN"]
eligibility = "is_older and not violent"
priority = "years(age)"
[[criteria]]
id = "is_older"
text = "Aged 60 or older"
citation = "The campaign's criterion"
expr = "age >= 60 years"
[[criteria]]
id = "violent"
text = "Serving a violent felony"
citation = "Tenn. Code Ann. 40-35-501"
expr = 'any(s.active and s.flags has "violent_felony")'
)X");
  Write("roster.csv",
        "ID,DOB,Admitted,Code,Offense,Days\n"
        "T1,1950-01-01,2000-01-01,39-13-402,Aggravated Robbery,9000\n"
        "T2,1955-03-01,2019-01-01,UNK,\"Theft of Property >= $5,000\",2000\n"
        "T3,1990-03-01,2019-01-01,UNK,\"Theft of Property >= $5,000\",2000\n");
  const std::string rules = " --rules " + Path("myrules");
  // The mapping by name through --rules, and a mapping in a plain folder with its catalog beside it.
  const CommandRun by_name = Clemency("import --mapping tn " + Path("roster.csv") + " -o " + Path("tn-by-name") +
                                      " --as-of 2024-06-01" + rules);
  ASSERT_EQ(by_name.exit_code, 0) << by_name.err;
  fs::create_directories(dir_ / "plain" / "offenses");
  fs::copy_file(dir_ / "myrules/mappings/tn.toml", dir_ / "plain/tn.toml");
  fs::copy_file(dir_ / "myrules/offenses/TN.toml", dir_ / "plain/offenses/TN.toml");
  const CommandRun beside = Clemency("import --mapping " + Path("plain/tn.toml") + " " + Path("roster.csv") + " -o " +
                                     Path("tn-beside") + " --as-of 2024-06-01");
  ASSERT_EQ(beside.exit_code, 0) << beside.err;
  EXPECT_EQ(Slurp(dir_ / "tn-beside" / "sentences.csv"), Slurp(dir_ / "tn-by-name" / "sentences.csv"));
  EXPECT_THAT(Slurp(dir_ / "tn-beside" / "import.json"), HasSubstr("plain/offenses/TN.toml"));
  const CommandRun imp = Clemency("import --mapping " + Path("myrules/mappings/tn.toml") + " " + Path("roster.csv") +
                                  " -o " + Path("tn") + " --as-of 2024-06-01");
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  const CommandRun screen = Clemency("screen --data " + Path("tn") + " --policy tn-older --as-of 2024-06-01 -o " + Path("out") + rules);
  ASSERT_EQ(screen.exit_code, 0) << screen.err;
  const std::string csv = Slurp(dir_ / "out" / "screening.csv");
  EXPECT_THAT(csv, HasSubstr("T2,eligible"));
  EXPECT_THAT(csv, HasSubstr("T1,not_eligible"));
  EXPECT_THAT(csv, HasSubstr("T3,not_eligible"));
  const std::string summary = Slurp(dir_ / "out" / "summary.json");
  for (const char* file : {"offenses/TN.toml", "policies/tn-older.toml"}) {
    const size_t at = summary.find(std::string("\"file\": \"") + file + "\"");
    ASSERT_NE(at, std::string::npos) << file;
    const std::string origin = "\"origin\": \"user\"";
    EXPECT_EQ(summary.compare(summary.find("\"origin\"", at), origin.size(), origin), 0) << file;
  }
  EXPECT_THAT(summary, HasSubstr("\"file\": \"jurisdictions/TN.toml\""));
  const CommandRun explain = Clemency("explain --data " + Path("tn") + " --policy tn-older --as-of 2024-06-01 --person T2" + rules);
  ASSERT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_THAT(explain.out, HasSubstr("description_pattern 'theft of property'"));
  // Without the folder, neither the policy nor the catalog is found.
  EXPECT_EQ(Clemency("screen --data " + Path("tn") + " --policy tn-older --as-of 2024-06-01 -o " + Path("out2")).exit_code, 2);
  // CLEMENCY_RULES_DIR does what --rules does.
  const CommandRun env = RunClemency("screen --data " + Path("tn") + " --policy tn-older --as-of 2024-06-01 -o " + Path("out3"), dir_,
                                     "CLEMENCY_RULES_DIR=" + Path("myrules"));
  EXPECT_EQ(env.exit_code, 0) << env.err;
  EXPECT_EQ(Slurp(dir_ / "out3" / "screening.csv"), csv);
}

}  // namespace
