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
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\n[reform.match]\n"
       "enhancements = [\"CA:PC 667.5(b)\"]\n[reform.effect]\nkind = \"delete\"\ntext = \"t\"\n",
       ":14:8: kind \"delete\" is not one of: remove_enhancement, shorten_enhancement, reclassify, cap_term, "
       "lower_minimum, life_to_years, restore_felony, guideline_range"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = \"2020-01-01\"\n",
       ":10:13: \"effective\" must be a date, written 2014-11-05 without quotes"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\n[reform.match]\n"
       "offense_codes = [\"US:21 USC 844\"]\n[reform.effect]\nkind = \"cap_term\"\nmax_days = 10\ntext = \"t\"\n",
       ":12:18: code \"US:21 USC 844\" must start with \"CA:\""},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\n[reform.match]\n"
       "offense_codes = [\"CA:HS 11350(a)\"]\n[reform.effect]\nkind = \"cap_term\"\ntext = \"t\"\n",
       ":13:1: kind = \"cap_term\" needs max_days"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\nmakes_retroactive = [\"y\"]\n"
       "remedy = \"court\"\nremedy_text = \"r\"\n",
       ":11:22: makes_retroactive: \"y\" is not a reform with an effect listed before this one in this file"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\nretroactive = true\n"
       "remedy = \"parliament\"\nremedy_text = \"r\"\n",
       ":12:10: remedy \"parliament\" is not one of: court, board, court_good_cause, court_discretionary"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\ncolour = 1\n",
       ":11:1: unknown key \"colour\" in [[reform]]"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\neffective = 2020-01-01\n[reform.match]\n"
       "offense_codes = [\"CA:HS 11350(a)\"]\n[reform.effect]\nkind = \"cap_term\"\nmax_days = 10\ntext = \"t\"\n",
       ":5:1: reform x has no \"confidence\": say how the law was verified"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"likely\"\neffective = 2020-01-01\n",
       ":9:14: confidence must be one of: primary, secondary, unconfirmed"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\n"
       "retroactive = true\nremedy = \"court\"\nremedy_text = \"r\"\n[reform.window]\nopens = 2020-06-01\n"
       "after = \"clemency\"\ncitation = \"c\"\nconfidence = \"primary\"\n",
       ":16:9: \"after\" needs \"closes\""},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\n"
       "retroactive = true\nremedy = \"court\"\nremedy_text = \"r\"\n[reform.window]\ncloses = 2022-01-01\n"
       "after = \"court\"\nafter_text = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\n",
       ":16:9: after \"court\" is not one of: court_good_cause, court_discretionary, clemency"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\n"
       "[reform.match]\noffense_codes = [\"CA:HS 11350(a)\"]\n[reform.effect]\nkind = \"restore_felony\"\ntext = \"t\"\n",
       ":13:1: kind = \"restore_felony\" needs restores (the reforms it undoes) and max_days"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\n"
       "full_resentencing = true\n[reform.match]\noffense_codes = [\"CA:HS 11350(a)\"]\n[reform.effect]\n"
       "kind = \"cap_term\"\nmax_days = 10\ntext = \"t\"\n",
       ":5:1: reform x: full_resentencing is for a reform with makes_retroactive"},
      {"[[reform]]\nid = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"primary\"\neffective = 2020-01-01\n"
       "[reform.match]\noffense_codes = [\"CA:HS 11350(a)\"]\nenhancements_none = [\"US:21 USC 851(1)\"]\n"
       "[reform.effect]\nkind = \"cap_term\"\nmax_days = 10\ntext = \"t\"\n",
       ":13:22: code \"US:21 USC 851(1)\" must start with \"CA:\""},
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
confidence = "primary"
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
confidence = "primary"
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
confidence = "primary"
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
confidence = "primary"
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
confidence = "primary"
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
  EXPECT_EQ(t.remedy, Remedy::kClemency);
  // Once the opener is in force, the court remedy exists.
  t = Run(s, D("2022-01-01"));
  EXPECT_EQ(t.remedy, Remedy::kCourt);
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
  EXPECT_EQ(t.remedy, Remedy::kClemency);  // whether SB 483's date bound reaches it is unknown too
  EXPECT_NE(t.applied[0].notes[0].text.find("the sentencing date, which is not recorded"), std::string::npos);
  EXPECT_FALSE(t.applied[0].notes[0].from_reform);  // this sentence's data raised it
}

TEST_F(Calculator, ADiscretionaryReformGivesARangeAndNoCertainExcess) {
  const EnhancementDays enh[] = {{"CA:PC 667(a)", 1826}};
  const CurrentLawTerm t = Run(Determinate("CA:PC 211 2nd", 3287, "2016-01-01", enh), D("2025-01-01"));
  EXPECT_EQ(t.low, 3287 - 1826);
  EXPECT_EQ(t.high, 3287);
  EXPECT_EQ(t.excess_min, 0);
  EXPECT_EQ(t.excess_max, 1826);
  EXPECT_EQ(t.remedy, Remedy::kClemency);
}

TEST_F(Calculator, ReclassificationCapsTheWholeTermUnlessAPersonFlagDisqualifies) {
  const EnhancementDays enh[] = {{"CA:PC 667.5(b)", 365}};
  const ImposedSentence s = Determinate("CA:HS 11350(a)", 1460, "2013-05-01", enh);
  CurrentLawTerm t = Run(s, D("2025-01-01"));
  ASSERT_EQ(t.applied.size(), 2u);  // remove, then reclassify (file order)
  EXPECT_EQ(t.high, 365);
  EXPECT_EQ(t.excess_min, 1095);
  EXPECT_TRUE(t.reclassified);
  EXPECT_EQ(t.remedy, Remedy::kCourt);
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

// The ids of the applied reforms whose size is counted (guideline amendments
// are listed, not counted).
std::vector<std::string> Counted(const CurrentLawTerm& t, const ReformSet& set) {
  std::vector<std::string> ids;
  for (const AppliedReform& a : t.applied) {
    const Reform& r = set.reforms()[static_cast<size_t>(a.reform)];
    if (r.effect->kind != EffectKind::kGuidelineRange) ids.push_back(r.id);
  }
  return ids;
}

const AppliedReform* Applied(const CurrentLawTerm& t, const ReformSet& set, std::string_view id) {
  for (const AppliedReform& a : t.applied)
    if (set.reforms()[static_cast<size_t>(a.reform)].id == id) return &a;
  return nullptr;
}

using Ids = std::vector<std::string>;

// The real federal rules: a lowered minimum is a range; life becomes 25 years to life.
TEST(RealReforms, FederalCrackAndStacking) {
  const ReformSet& us = RealReforms("US");
  CurrentLawCalculator calc(nullptr, us, D("2025-01-01"));
  ImposedSentence s;
  s.offense_code = "US:21 USC 841(b)(1)(A)";
  s.term_days = 3652;
  s.drug_type = "cocaine_base";
  s.drug_grams = 60;
  s.sentence_date = D("2008-06-01");
  CurrentLawTerm t = calc.Compute(s, {});
  EXPECT_EQ(Counted(t, us), Ids{"us-fsa-2010-crack-a"});
  EXPECT_EQ(t.low, 1826);
  EXPECT_EQ(t.high, 3652);
  EXPECT_EQ(t.remedy, Remedy::kCourt);  // section 404
  s.drug_grams = 300;  // still a 10-year quantity
  EXPECT_TRUE(Counted(calc.Compute(s, {}), us).empty());
  s.drug_grams = -1;  // not recorded: the reform may apply
  t = calc.Compute(s, {});
  ASSERT_NE(Applied(t, us, "us-fsa-2010-crack-a"), nullptr);
  EXPECT_NE(Applied(t, us, "us-fsa-2010-crack-a")->notes[0].text.find("drug quantity"), std::string::npos);
  EXPECT_FALSE(Applied(t, us, "us-fsa-2010-crack-a")->notes[0].from_reform);
  s.drug_grams = 60;
  s.sentence_date = D("2013-01-01");  // after Dorsey: already under the 2010 Act
  EXPECT_TRUE(Counted(calc.Compute(s, {}), us).empty());

  ImposedSentence c;
  c.offense_code = "US:18 USC 924(c)(1)(C)";
  c.term_days = 9131;
  c.sentence_date = D("2005-01-01");
  t = calc.Compute(c, {});
  EXPECT_EQ(t.low, 1826);
  EXPECT_EQ(t.high, 9131);
  EXPECT_EQ(t.remedy, Remedy::kClemency);  // section 403 is not retroactive
  const EnhancementDays brandished[] = {{"US:18 USC 924(c)(1)(A)(ii) brandished", 0}};
  c.enhancements = brandished;
  t = calc.Compute(c, {});
  EXPECT_EQ(Counted(t, us), Ids{"us-fsa-2018-403-brandished"});
  EXPECT_EQ(t.low, 2557);  // 924(c)(1)(A)(ii): 7 years

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

// Section 404 with 851 priors: the FSA moves the count to a lower subsection,
// where the later reforms see it (now_code).
TEST(RealReforms, CrackWithPriorsFallsToTheLowerSubsection) {
  const ReformSet& us = RealReforms("US");
  CurrentLawCalculator calc(nullptr, us, D("2025-01-01"));
  ImposedSentence life;
  life.offense_code = "US:21 USC 841(b)(1)(A)";
  life.type = SentenceType::kLife;
  life.drug_type = "cocaine_base";
  life.drug_grams = 60;
  const EnhancementDays two[] = {{"US:21 USC 851(2)", 0}};
  life.enhancements = two;
  life.offense_date = D("2004-03-15");
  life.sentence_date = D("2005-02-01");
  CurrentLawTerm t = calc.Compute(life, {});
  EXPECT_EQ(Counted(t, us), (Ids{"us-fsa-2010-crack-a-two-priors", "us-fsa-2018-401-b-prior"}));
  const AppliedReform* fsa = Applied(t, us, "us-fsa-2010-crack-a-two-priors");
  EXPECT_EQ(fsa->low, 3652);  // 841(b)(1)(B) with a prior: 10 years to life
  EXPECT_EQ(fsa->high, kLifeTerm);
  EXPECT_EQ(fsa->remedy, Remedy::kCourt);
  EXPECT_EQ(Applied(t, us, "us-fsa-2018-401-b-prior")->remedy, Remedy::kClemency);
  EXPECT_EQ(t.low, 1826);  // if the priors no longer qualify: the 5-year base minimum
  EXPECT_EQ(t.remedy, Remedy::kCourt);

  ImposedSentence b;
  b.offense_code = "US:21 USC 841(b)(1)(B)";
  b.term_days = 3652;
  b.drug_type = "cocaine_base";
  b.drug_grams = 20;
  const EnhancementDays one[] = {{"US:21 USC 851(1)", 0}};
  b.enhancements = one;
  b.offense_date = D("2007-10-01");
  b.sentence_date = D("2008-06-01");
  t = calc.Compute(b, {});
  EXPECT_EQ(Counted(t, us), Ids{"us-fsa-2010-crack-b-prior"});  // now (C): 401's (B) tier does not apply
  EXPECT_EQ(t.low, 0);

  // Section 404 turns on the offense date, not the sentencing date.
  ImposedSentence late;
  late.offense_code = "US:21 USC 841(b)(1)(A)";
  late.term_days = 3652;
  late.drug_type = "cocaine_base";
  late.drug_grams = 60;
  late.offense_date = D("2010-05-01");
  late.sentence_date = D("2011-09-01");
  t = calc.Compute(late, {});
  EXPECT_EQ(Counted(t, us), Ids{"us-fsa-2010-crack-a"});
  EXPECT_EQ(t.remedy, Remedy::kCourt);
  late.offense_date = D("2010-09-01");
  EXPECT_TRUE(Counted(calc.Compute(late, {}), us).empty());
  late.offense_date = Date();  // unrecorded, sentenced after 3 Aug 2010: a range, no court remedy
  t = calc.Compute(late, {});
  ASSERT_NE(Applied(t, us, "us-fsa-2010-crack-a"), nullptr);
  EXPECT_NE(Applied(t, us, "us-fsa-2010-crack-a")->notes[0].text.find("the offense date"), std::string::npos);
  EXPECT_EQ(t.remedy, Remedy::kClemency);
}

// A guideline amendment is listed with its remedy, which opens on its date, and is not counted.
TEST(RealReforms, GuidelineAmendmentsOpenOnTheirDateAndAreNotCounted) {
  const ReformSet& us = RealReforms("US");
  ImposedSentence s;
  s.offense_code = "US:18 USC 922(g)";
  s.term_days = 2922;
  s.sentence_date = D("2019-05-01");
  CurrentLawCalculator before(nullptr, us, D("2024-01-15"));
  CurrentLawTerm t = before.Compute(s, {});
  ASSERT_NE(Applied(t, us, "us-ussg-821-status-points"), nullptr);
  EXPECT_EQ(Applied(t, us, "us-ussg-821-status-points")->remedy, Remedy::kClemency);
  EXPECT_EQ(t.remedy, Remedy::kNone);  // nothing counted
  EXPECT_EQ(t.low, 2922);
  EXPECT_EQ(t.excess_max, 0);
  CurrentLawCalculator after(nullptr, us, D("2024-03-01"));
  t = after.Compute(s, {});
  EXPECT_EQ(Applied(t, us, "us-ussg-821-status-points")->remedy, Remedy::kCourtDiscretionary);
  EXPECT_EQ(Applied(t, us, "us-ussg-821-zero-point")->remedy, Remedy::kCourtDiscretionary);
  s.sentence_date = D("2024-01-10");  // already under the amended guideline
  EXPECT_FALSE(after.Compute(s, {}).changed());
}

// California since 2024: closed windows, AB 600, SB 483's full resentencing, Prop 36 (2024).
TEST(RealReforms, CaliforniaWindowsAndDiscretionaryRemedies) {
  const ReformSet& ca = RealReforms("CA");
  ImposedSentence drug;
  drug.offense_code = "CA:HS 11350(a)";
  drug.term_days = 1095;
  drug.sentence_date = D("2014-03-01");
  CurrentLawTerm t = CurrentLawCalculator(&Ca(), ca, D("2022-11-01")).Compute(drug, {});
  EXPECT_EQ(t.remedy, Remedy::kCourt);
  t = CurrentLawCalculator(&Ca(), ca, D("2023-01-01")).Compute(drug, {});
  EXPECT_EQ(t.remedy, Remedy::kCourtGoodCause);  // PC 1170.18(j): due by 4 Nov 2022
  EXPECT_NE(Applied(t, ca, "ca-prop47-2014-drug")->notes.back().text.find("closed on 2022-11-04"), std::string::npos);
  EXPECT_TRUE(Applied(t, ca, "ca-prop47-2014-drug")->notes.back().from_reform);  // the same for every sentence: policy.json
  EXPECT_EQ(t.high, 365);
  t = CurrentLawCalculator(&Ca(), ca, D("2025-01-01")).Compute(drug, {});
  EXPECT_EQ(Counted(t, ca), (Ids{"ca-prop47-2014-drug", "ca-prop36-2024-drug"}));
  EXPECT_EQ(t.low, 365);
  EXPECT_EQ(t.high, 1095);  // with two drug priors, a felony again (HS 11395)
  EXPECT_EQ(t.remedy, Remedy::kCourtGoodCause);

  ImposedSentence robbery;  // SB 1393: clemency before AB 600, the court's own motion after
  robbery.offense_code = "CA:PC 211 2nd";
  robbery.term_days = 3652;
  const EnhancementDays prior[] = {{"CA:PC 667(a)", 1826}};
  robbery.enhancements = prior;
  robbery.sentence_date = D("2016-05-01");
  EXPECT_EQ(CurrentLawCalculator(&Ca(), ca, D("2023-06-01")).Compute(robbery, {}).remedy, Remedy::kClemency);
  t = CurrentLawCalculator(&Ca(), ca, D("2025-01-01")).Compute(robbery, {});
  EXPECT_EQ(t.remedy, Remedy::kCourtDiscretionary);
  EXPECT_EQ(t.low, 1826);

  ImposedSentence burglary;  // a stayed prison prior: full resentencing opens SB 1393 at court
  burglary.offense_code = "CA:PC 459 1st";
  burglary.term_days = 4016;
  const EnhancementDays stayed[] = {{"CA:PC 667(a)", 1826}, {"CA:PC 667.5(b)", 0}};
  burglary.enhancements = stayed;
  burglary.sentence_date = D("2015-04-20");
  t = CurrentLawCalculator(&Ca(), ca, D("2025-07-01")).Compute(burglary, {});
  EXPECT_EQ(Counted(t, ca), (Ids{"ca-sb1393-2018", "ca-sb136-2019"}));
  EXPECT_EQ(Applied(t, ca, "ca-sb1393-2018")->remedy, Remedy::kCourt);
  EXPECT_EQ(Applied(t, ca, "ca-sb136-2019")->remedy, Remedy::kCourt);
  EXPECT_EQ(t.low, 2190);
  EXPECT_EQ(t.high, 4016);  // the court may refuse a lesser term, PC 1172.75(d)(1)
}

TEST(ReformSet, AReviewedJurisdictionNeedsNoReforms) {
  std::string error;
  auto ia = ReformSet::LoadJurisdiction("IA", &error, kRulesDir);
  ASSERT_TRUE(ia.has_value()) << error;
  EXPECT_TRUE(ia->reforms().empty());
  EXPECT_EQ(ia->reviewed_through().ToString(), "2026-12-02");
  EXPECT_FALSE(LoadText(kHead, &error).has_value());
  EXPECT_NE(error.find("no [[reform]] entries"), std::string::npos) << error;
}

}  // namespace
}  // namespace clemency
