// The reform loader and the current-law calculator: every effect kind, the
// range rules (discretion, depends_on, missing drug quantity, off-catalog
// offenses), dates (in force, sentenced before), retroactivity opened by a
// later law, and positioned loader errors. Worked cases for the real reforms
// are in rules/reforms/*.cases.toml (tests/rules).
#include "clemency/law/current_law_term.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace clemency {
namespace {

const char* kRulesDir = CLEMENCY_TEST_DATA "/../../rules";

Date D(const char* s) { return ParseDate(s).date; }

std::string TempPath() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return (std::filesystem::temp_directory_path() /
          (std::string("clemency-reform-test-") + std::to_string(::getpid()) + "-" + info->name() + ".toml"))
      .string();
}

std::optional<ReformSet> LoadText(const std::string& text, std::string* error) {
  const std::string path = TempPath();
  {
    std::ofstream(path) << text;
  }
  auto set = ReformSet::Load(path, error);
  std::filesystem::remove(path);
  return set;
}

constexpr const char* kHead = R"([reforms]
jurisdiction = "CA"
title = "test"
sources = ["test"]
)";

const OffenseCatalog& Ca() {
  static const OffenseCatalog cat = [] {
    std::string error;
    auto c = OffenseCatalog::LoadJurisdiction("CA", &error, kRulesDir);
    if (!c) throw std::runtime_error(error);
    return std::move(*c);
  }();
  return cat;
}

const ReformSet& RealReforms(const char* j) {
  static std::map<std::string, ReformSet> sets;
  auto it = sets.find(j);
  if (it == sets.end()) {
    std::string error;
    auto r = ReformSet::LoadJurisdiction(j, &error, kRulesDir);
    if (!r || r->path().empty()) throw std::runtime_error("no reforms for " + std::string(j) + ": " + error);
    it = sets.emplace(j, std::move(*r)).first;
  }
  return it->second;
}

TEST(ReformSet, RealFilesLoad) {
  for (const char* j : {"CA", "US", "OK"}) {
    const ReformSet& r = RealReforms(j);
    EXPECT_EQ(r.jurisdiction(), j);
    EXPECT_GE(r.reforms().size(), 3u) << j;
    for (const Reform& x : r.reforms()) {
      EXPECT_FALSE(x.citation.empty()) << x.id;
      EXPECT_FALSE(x.effective.missing()) << x.id;
    }
  }
  for (const char* id : {"ca-prop47-2014-drug", "ca-prop36-2012", "ca-sb180-2017", "ca-sb136-2019", "ca-sb483-2021",
                         "ca-sb1393-2018"})
    EXPECT_NE(RealReforms("CA").Find(id), nullptr) << id;
  for (const char* id : {"us-fsa-2010-crack-a", "us-fsa-2018-401-one-prior", "us-fsa-2018-403", "us-fsa-2018-404"})
    EXPECT_NE(RealReforms("US").Find(id), nullptr) << id;
  for (const char* id : {"ok-sq780-2016-possession", "ok-hb1269-2019"})
    EXPECT_NE(RealReforms("OK").Find(id), nullptr) << id;
}

TEST(ReformSet, AJurisdictionWithoutAFileHasNoReforms) {
  std::string error;
  auto r = ReformSet::LoadJurisdiction("WY", &error, kRulesDir);
  ASSERT_TRUE(r.has_value()) << error;
  EXPECT_TRUE(r->reforms().empty());
  EXPECT_TRUE(r->path().empty());
}

struct BadCase {
  const char* body;
  const char* message;  // expected "LINE:COLUMN: message" suffix
};

TEST(ReformSet, ErrorsNamePositionAndWhatWasExpected) {
  const BadCase cases[] = {
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\neffective = 2020-01-01\n[reform.match]\n"
       "enhancements = [\"CA:PC 667.5(b)\"]\n[reform.effect]\nkind = \"delete\"\ntext = \"t\"\n",
       ":13:8: kind \"delete\" is not one of: remove_enhancement, shorten_enhancement, reclassify, cap_term, "
       "lower_minimum, life_to_years"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\neffective = \"2020-01-01\"\n",
       ":9:13: \"effective\" must be a date, written 2014-11-05 without quotes"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\neffective = 2020-01-01\n[reform.match]\n"
       "offense_codes = [\"US:21 USC 844\"]\n[reform.effect]\nkind = \"cap_term\"\nmax_days = 10\ntext = \"t\"\n",
       ":11:18: code \"US:21 USC 844\" must start with \"CA:\""},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\neffective = 2020-01-01\n[reform.match]\n"
       "offense_codes = [\"CA:HS 11350(a)\"]\n[reform.effect]\nkind = \"cap_term\"\ntext = \"t\"\n",
       ":12:1: kind = \"cap_term\" needs max_days"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\neffective = 2020-01-01\nmakes_retroactive = [\"y\"]\n"
       "remedy = \"court\"\nremedy_text = \"r\"\n",
       ":10:22: makes_retroactive: \"y\" is not a reform with an effect in this file"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\neffective = 2020-01-01\nretroactive = true\n"
       "remedy = \"parliament\"\nremedy_text = \"r\"\n",
       ":11:10: remedy \"parliament\" is not one of: court, board"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\neffective = 2020-01-01\ncolour = 1\n",
       ":10:1: unknown key \"colour\" in [[reform]]"},
  };
  for (const BadCase& c : cases) {
    std::string error;
    EXPECT_FALSE(LoadText(std::string(kHead) + c.body, &error).has_value()) << c.body;
    EXPECT_NE(error.find(c.message), std::string::npos) << "got: " << error << "\nwanted: " << c.message;
  }
}

// A small reform file exercising each effect kind.
constexpr const char* kReforms = R"TOML(
[[reform]]
id = "remove"
title = "remove prior prison terms"
citation = "c"
effective = 2020-01-01
[reform.match]
enhancements = ["CA:PC 667.5(b)"]
[reform.effect]
kind = "remove_enhancement"
text = "removes"

[[reform]]
id = "strike"
title = "may strike 667(a)"
citation = "c"
effective = 2019-01-01
[reform.match]
enhancements = ["CA:PC 667(a)"]
[reform.effect]
kind = "remove_enhancement"
discretionary = true
text = "may strike"

[[reform]]
id = "reclass"
title = "possession a misdemeanor"
citation = "c"
effective = 2014-11-05
retroactive = true
remedy = "court"
remedy_text = "petition"
[reform.match]
offense_codes = ["CA:HS 11350*"]
person_flags_none = ["super_strike"]
[reform.effect]
kind = "reclassify"
max_days = 365
text = "misdemeanor"

[[reform]]
id = "third"
title = "third strike"
citation = "c"
effective = 2012-11-07
[reform.match]
enhancements = ["CA:PC 667(e)(2)(A)"]
offense_flags_none = ["serious_felony", "violent_felony"]
[reform.effect]
kind = "life_to_years"
doubled_triad = true
text = "doubled"

[[reform]]
id = "opener"
title = "makes remove retroactive"
citation = "c"
effective = 2022-01-01
makes_retroactive = ["remove"]
remedy = "court"
remedy_text = "resentencing"
)TOML";

class Calculator : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    auto r = LoadText(std::string(kHead) + kReforms, &error);
    ASSERT_TRUE(r.has_value()) << error;
    set_ = std::move(*r);
  }
  CurrentLawTerm Run(const ImposedSentence& s, Date as_of, std::vector<const Offense*> person = {}) {
    CurrentLawCalculator calc(&Ca(), set_, as_of);
    if (person.empty()) person.push_back(Ca().Find(s.offense_code));
    return calc.Compute(s, person);
  }
  ReformSet set_;
};

ImposedSentence Determinate(const char* code, int64_t days, const char* sentenced,
                            std::span<const EnhancementDays> enh = {}) {
  ImposedSentence s;
  s.offense_code = code;
  s.type = SentenceType::kDeterminate;
  s.term_days = days;
  s.enhancements = enh;
  s.sentence_date = D(sentenced);
  return s;
}

TEST_F(Calculator, RemovedEnhancementsShortenTheTermAndALaterLawOpensACourtRemedy) {
  const EnhancementDays enh[] = {{"CA:PC 667.5(b)", 365}, {"CA:PC 667.5(b)", 365}};
  const ImposedSentence s = Determinate("CA:PC 459 1st", 2190, "2015-04-20", enh);
  // Before the reform: nothing applies.
  EXPECT_FALSE(Run(s, D("2019-12-31")).changed());
  // In force, not yet retroactive: the excess is real but only clemency reaches it.
  CurrentLawTerm t = Run(s, D("2021-06-01"));
  ASSERT_EQ(t.applied.size(), 1u);
  EXPECT_EQ(t.low, 1460);
  EXPECT_EQ(t.high, 1460);
  EXPECT_EQ(t.excess_min, 730);
  EXPECT_EQ(t.excess_max, 730);
  EXPECT_EQ(t.remedy, "clemency");
  // Once the opener is in force, the court remedy exists.
  t = Run(s, D("2022-01-01"));
  EXPECT_EQ(t.remedy, "court");
  EXPECT_EQ(set_.reforms()[static_cast<size_t>(t.applied[0].opened_by)].id, "opener");
  // A sentence imposed after the reform already reflects it.
  EXPECT_FALSE(Run(Determinate("CA:PC 459 1st", 2190, "2020-01-01", enh), D("2025-01-01")).changed());
}

TEST_F(Calculator, AnUnrecordedSentencingDateMakesTheReductionARange) {
  const EnhancementDays enh[] = {{"CA:PC 667.5(b)", 365}};
  ImposedSentence s = Determinate("CA:PC 459 1st", 1460, "2015-01-01", enh);
  s.sentence_date = Date();
  const CurrentLawTerm t = Run(s, D("2025-01-01"));
  ASSERT_EQ(t.applied.size(), 1u);
  EXPECT_EQ(t.low, 1095);
  EXPECT_EQ(t.high, 1460);
  EXPECT_EQ(t.excess_min, 0);
  EXPECT_EQ(t.excess_max, 365);
  EXPECT_EQ(t.remedy, "clemency");  // whether SB 483's date bound reaches it is unknown too
  EXPECT_NE(t.applied[0].notes[0].find("the sentencing date, which is not recorded"), std::string::npos);
}

TEST_F(Calculator, ADiscretionaryReformGivesARangeAndNoCertainExcess) {
  const EnhancementDays enh[] = {{"CA:PC 667(a)", 1826}};
  const CurrentLawTerm t = Run(Determinate("CA:PC 211 2nd", 3287, "2016-01-01", enh), D("2025-01-01"));
  EXPECT_EQ(t.low, 3287 - 1826);
  EXPECT_EQ(t.high, 3287);
  EXPECT_EQ(t.excess_min, 0);
  EXPECT_EQ(t.excess_max, 1826);
  EXPECT_EQ(t.remedy, "clemency");
}

TEST_F(Calculator, ReclassificationCapsTheWholeTermUnlessAPersonFlagDisqualifies) {
  const EnhancementDays enh[] = {{"CA:PC 667.5(b)", 365}};
  const ImposedSentence s = Determinate("CA:HS 11350(a)", 1460, "2013-05-01", enh);
  CurrentLawTerm t = Run(s, D("2025-01-01"));
  ASSERT_EQ(t.applied.size(), 2u);  // remove, then reclassify (file order)
  EXPECT_EQ(t.high, 365);
  EXPECT_EQ(t.excess_min, 1095);
  EXPECT_TRUE(t.reclassified);
  EXPECT_EQ(t.remedy, "court");
  // A super strike anywhere in the person's record disqualifies.
  t = Run(s, D("2025-01-01"), {Ca().Find("CA:HS 11350(a)"), Ca().Find("CA:PC 187 1st")});
  ASSERT_EQ(t.applied.size(), 1u);
  EXPECT_EQ(set_.reforms()[static_cast<size_t>(t.applied[0].reform)].id, "remove");
  // An offense not in the catalog might be one: the reduction becomes a range.
  t = Run(s, D("2025-01-01"), {Ca().Find("CA:HS 11350(a)"), nullptr});
  EXPECT_EQ(t.low, 365);
  EXPECT_EQ(t.high, 1095);
  EXPECT_FALSE(t.reclassified);
  EXPECT_FALSE(t.applied.back().notes.empty());
}

TEST_F(Calculator, ThirdStrikeForANonSeriousFelonyBecomesTheDoubledTriad) {
  ImposedSentence s;
  s.offense_code = "CA:HS 11350(a)";  // possession: triad 16/24/36 months
  s.type = SentenceType::kIndeterminate;
  s.min_term_days = 9131;
  const EnhancementDays enh[] = {{"CA:PC 667(e)(2)(A)", 0}};
  s.enhancements = enh;
  s.sentence_date = D("2005-03-01");
  const CurrentLawTerm t = Run(s, D("2013-01-01"));  // before the reclassification
  ASSERT_EQ(t.applied.size(), 1u);
  EXPECT_EQ(t.imposed, kLifeTerm);
  EXPECT_EQ(t.low, 2 * 487);   // 2 x 16 months at 365.25/12 days
  EXPECT_EQ(t.high, 2 * 1096);  // 2 x 36 months
  EXPECT_EQ(t.excess_min, 9131 - 2192);  // the 25-year minimum against the highest new term
  EXPECT_EQ(t.excess_max, kUnknownTerm);
  // A serious felony keeps its third-strike term.
  s.offense_code = "CA:PC 459 1st";
  EXPECT_FALSE(Run(s, D("2013-01-01")).changed());
}

TEST_F(Calculator, TermTextIsPlain) {
  EXPECT_EQ(TermText(1095), "1,095 days");
  EXPECT_EQ(TermText(1), "1 day");
  EXPECT_EQ(TermText(kLifeTerm), "life");
  EXPECT_EQ(TermText(kUnknownTerm), "unknown");
}

// The real federal rules: a lowered minimum is a range; life becomes 25 years to life.
TEST(RealReforms, FederalCrackAndStacking) {
  CurrentLawCalculator calc(nullptr, RealReforms("US"), D("2025-01-01"));
  ImposedSentence s;
  s.offense_code = "US:21 USC 841(b)(1)(A)";
  s.term_days = 3652;
  s.drug_type = "cocaine_base";
  s.drug_grams = 60;
  s.sentence_date = D("2008-06-01");
  CurrentLawTerm t = calc.Compute(s, {});
  ASSERT_EQ(t.applied.size(), 1u);
  EXPECT_EQ(t.low, 1826);
  EXPECT_EQ(t.high, 3652);
  EXPECT_EQ(t.remedy, "court");  // section 404
  s.drug_grams = 300;  // still a 10-year quantity
  EXPECT_FALSE(calc.Compute(s, {}).changed());
  s.drug_grams = -1;  // not recorded: the reform may apply
  t = calc.Compute(s, {});
  ASSERT_FALSE(t.applied.empty());
  EXPECT_NE(t.applied[0].notes[0].find("drug quantity"), std::string::npos);
  s.drug_grams = 60;
  s.sentence_date = D("2011-01-01");  // already under the 2010 Act
  EXPECT_FALSE(calc.Compute(s, {}).changed());

  ImposedSentence c;
  c.offense_code = "US:18 USC 924(c)(1)(C)";
  c.term_days = 9131;
  c.sentence_date = D("2005-01-01");
  t = calc.Compute(c, {});
  EXPECT_EQ(t.low, 1826);
  EXPECT_EQ(t.high, 9131);
  EXPECT_EQ(t.remedy, "clemency");  // section 403 is not retroactive

  ImposedSentence life;
  life.offense_code = "US:21 USC 841(b)(1)(A)";
  life.type = SentenceType::kLife;
  const EnhancementDays two[] = {{"US:21 USC 851(2)", 0}};
  life.enhancements = two;
  life.sentence_date = D("2003-01-01");
  t = calc.Compute(life, {});
  EXPECT_EQ(t.low, 9131);
  EXPECT_EQ(t.high, kLifeTerm);
  EXPECT_EQ(t.excess_min, 0);
  EXPECT_EQ(t.excess_max, kUnknownTerm);
}

}  // namespace
}  // namespace clemency
