#include "clemency/law/offense_catalog.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "clemency/io/csv_reader.h"

namespace clemency {
namespace {

const OffenseCatalog& Ca() {
  static const OffenseCatalog cat = [] {
    std::string error;
    auto c = OffenseCatalog::LoadJurisdiction("CA", &error);
    if (!c) throw std::runtime_error(error);
    return std::move(*c);
  }();
  return cat;
}

// Writes text to a temporary .toml file and loads it.
std::string LoadError(const std::string& text, std::string* path_out = nullptr) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("clemency-catalog-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                     "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml");
  {
    std::ofstream out(path);
    out << text;
  }
  std::string error;
  const auto cat = OffenseCatalog::Load(path.string(), &error);
  std::filesystem::remove(path);
  EXPECT_FALSE(cat.has_value());
  if (path_out != nullptr) *path_out = path.string();
  return error;
}

constexpr const char* kGoodEntry = R"(
[[offense]]
code = "CA:PC 459 2nd"
title = "Burglary, second degree"
category = "property"
bjs_offense = "burglary"
triad_months = [16, 24, 36]
citation = "Cal. Penal Code 459"
)";

TEST(OffenseCatalog, CaLoadsWithEnoughOffenses) {
  EXPECT_EQ(Ca().jurisdiction(), "CA");
  EXPECT_GE(Ca().offenses().size(), 40u);
  EXPECT_GE(Ca().enhancements().size(), 5u);
}

TEST(OffenseCatalog, EveryEntryIsCompleteAndValid) {
  std::set<std::string> codes;
  for (const Offense& o : Ca().offenses()) {
    SCOPED_TRACE(o.code);
    EXPECT_EQ(o.code.rfind("CA:", 0), 0u);
    EXPECT_TRUE(codes.insert(o.code).second) << "duplicate code";
    EXPECT_FALSE(o.title.empty());
    EXPECT_FALSE(o.citation.empty());
    EXPECT_NE(std::find(std::begin(kOffenseCategories), std::end(kOffenseCategories), o.category),
              std::end(kOffenseCategories));
    EXPECT_GE(BjsOffenseIndex(o.bjs_offense), 0);
    for (const std::string& f : o.flags) {
      EXPECT_NE(std::find(std::begin(kOffenseFlags), std::end(kOffenseFlags), f), std::end(kOffenseFlags)) << f;
    }
    // Either a triad, a life term, or (conspiracy) neither; never both.
    EXPECT_FALSE(o.life && o.has_triad());
    if (o.has_triad()) {
      EXPECT_LE(o.triad_lower_months, o.triad_middle_months);
      EXPECT_LE(o.triad_middle_months, o.triad_upper_months);
    }
    if (o.life) {
      EXPECT_GT(o.life_min_years, 0);
    }
    EXPECT_EQ(Ca().Find(o.code), &o);
  }
  for (const SentenceEnhancement& e : Ca().enhancements()) {
    SCOPED_TRACE(e.code);
    EXPECT_FALSE(e.citation.empty());
    EXPECT_TRUE(codes.insert(e.code).second) << "duplicate code";
    EXPECT_EQ(Ca().FindEnhancement(e.code), &e);
  }
}

TEST(OffenseCatalog, EveryBjsSubcategoryHasAnOffense) {
  for (std::string_view sub : kBjsOffenses) {
    bool found = false;
    for (const Offense& o : Ca().offenses()) found |= o.bjs_offense == sub;
    EXPECT_TRUE(found) << sub;
  }
}

TEST(OffenseCatalog, KeyStatutes) {
  const Offense* m1 = Ca().Find("CA:PC 187 1st");
  ASSERT_NE(m1, nullptr);
  EXPECT_TRUE(m1->life);
  EXPECT_EQ(m1->life_min_years, 25);
  EXPECT_TRUE(m1->lwop_eligible);
  EXPECT_TRUE(m1->HasFlag("violent_felony"));
  EXPECT_TRUE(m1->HasFlag("super_strike"));
  EXPECT_EQ(m1->bjs_offense, "murder");

  const Offense* rape = Ca().Find("CA:PC 261(a)(2)");
  ASSERT_NE(rape, nullptr);
  EXPECT_EQ(rape->category, "sex");
  EXPECT_TRUE(rape->HasFlag("sex_registrable"));
  EXPECT_TRUE(rape->HasFlag("super_strike"));

  const Offense* poss = Ca().Find("CA:HS 11350(a)");
  ASSERT_NE(poss, nullptr);
  EXPECT_EQ(poss->category, "drug_possession");
  EXPECT_EQ(poss->bjs_offense, "drug_possession");
  EXPECT_FALSE(poss->drugs.empty());

  const Offense* sale = Ca().Find("CA:HS 11352(a)");
  ASSERT_NE(sale, nullptr);
  EXPECT_EQ(sale->category, "drug_distribution");
  EXPECT_EQ(sale->triad_upper_months, 60);

  const Offense* burg = Ca().Find("CA:PC 459 1st");
  ASSERT_NE(burg, nullptr);
  EXPECT_TRUE(burg->HasFlag("serious_felony"));
  EXPECT_FALSE(burg->HasFlag("violent_felony"));

  for (const char* code : {"CA:PC 211 2nd", "CA:PC 245(a)(1)", "CA:PC 215(a)", "CA:PC 207(a)", "CA:PC 487(a)",
                           "CA:VC 10851(a)", "CA:PC 496(a)", "CA:PC 470(a)", "CA:PC 530.5(a)", "CA:HS 11377(a)",
                           "CA:HS 11351", "CA:HS 11378", "CA:HS 11379(a)", "CA:PC 29800(a)(1)", "CA:VC 23153(a)",
                           "CA:PC 422(a)", "CA:VC 2800.2(a)", "CA:PC 290.018(b)", "CA:PC 192(a)", "CA:PC 288(a)"})
    EXPECT_NE(Ca().Find(code), nullptr) << code;
  EXPECT_EQ(Ca().Find("CA:PC 99999"), nullptr);
  EXPECT_EQ(Ca().Find("PC 459 1st"), nullptr);
}

TEST(OffenseCatalog, EnhancementsTheSynthesizerUses) {
  struct Want {
    const char* code;
    int days;
  };
  for (Want w : {Want{"CA:PC 667.5(b)", 365}, Want{"CA:HS 11370.2", 1095}, Want{"CA:PC 667(a)", 1826},
                 Want{"CA:PC 12022.5(a)", 1461}, Want{"CA:PC 12022.53(b)", 3652}, Want{"CA:PC 12022.53(c)", 7305},
                 Want{"CA:PC 12022.53(d)", 9131}}) {
    const SentenceEnhancement* e = Ca().FindEnhancement(w.code);
    ASSERT_NE(e, nullptr) << w.code;
    EXPECT_EQ(e->days, w.days) << w.code;
  }
  ASSERT_NE(Ca().FindEnhancement("CA:PC 667(e)(2)(A)"), nullptr);
  EXPECT_EQ(Ca().FindEnhancement("CA:PC 667(e)(2)(A)")->kind, "scheme");
  EXPECT_EQ(Ca().FindEnhancement("CA:PC 667(e)(1)")->kind, "doubling");
}

TEST(OffenseCatalog, SyntaxErrorGivesFileLineColumn) {
  std::string path;
  const std::string error =
      LoadError("[catalog]\njurisdiction = \"CA\"\n\n[[offense]]\ncode = \"CA:PC 1\ntitle = \"x\"\n", &path);
  // The unterminated string is on line 5: "PATH:5:COLUMN: message".
  const std::string prefix = path + ":5:";
  ASSERT_EQ(error.rfind(prefix, 0), 0u) << error;
  EXPECT_TRUE(std::regex_search(error.substr(prefix.size()), std::regex(R"(^\d+: \S)"))) << error;
}

TEST(OffenseCatalog, BadCategoryPointsAtTheValue) {
  std::string path;
  const std::string error = LoadError(
      "[catalog]\njurisdiction = \"CA\"\n\n[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"x\"\n"
      "category = \"nonsense\"\nbjs_offense = \"fraud\"\ncitation = \"c\"\n",
      &path);
  EXPECT_NE(error.find(path + ":7:12: offense CA:PC 1: category \"nonsense\" is not one of"), std::string::npos)
      << error;
}

TEST(OffenseCatalog, SemanticErrors) {
  const std::string head = "[catalog]\njurisdiction = \"CA\"\n";
  EXPECT_NE(LoadError(head + kGoodEntry + kGoodEntry).find(":13:8: code \"CA:PC 459 2nd\" is listed twice"),
            std::string::npos)
      << LoadError(head + kGoodEntry + kGoodEntry);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\n")
                .find("offense CA:PC 1 has no \"citation\""),
            std::string::npos);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"TX:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\ncitation = \"c\"\n")
                .find("must start with \"CA:\""),
            std::string::npos);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\ncitation = \"c\"\ntriad_months = [36, 24, 16]\n")
                .find("triad_months must be [lower, middle, upper]"),
            std::string::npos);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\ncitation = \"c\"\ntriad = [1, 2, 3]\n")
                .find(":9:1: unknown key \"triad\""),
            std::string::npos);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\ncitation = \"c\"\nflags = [\"violent\"]\n")
                .find("flag \"violent\" is not one of"),
            std::string::npos);
  EXPECT_NE(LoadError("jurisdiction = \"CA\"\n").find("unknown key \"jurisdiction\""), std::string::npos);
  // Codes go unquoted into "CODE=DAYS;..." enhancement lists.
  EXPECT_NE(LoadError(head + kGoodEntry + "[[enhancement]]\ncode = \"CA:PC 1;2\"\ntitle = \"t\"\nkind = \"fixed\"\n"
                             "days = 5\ncitation = \"c\"\n")
                .find(":12:8: code \"CA:PC 1;2\" must not contain"),
            std::string::npos);
}

TEST(OffenseCatalog, MissingFile) {
  std::string error;
  EXPECT_FALSE(OffenseCatalog::Load("/nonexistent/XX.toml", &error).has_value());
  EXPECT_NE(error.find("/nonexistent/XX.toml"), std::string::npos) << error;
  EXPECT_FALSE(OffenseCatalog::LoadJurisdiction("ZZ", &error).has_value());
  EXPECT_NE(error.find("no offense catalog for jurisdiction ZZ"), std::string::npos) << error;
}

// Issue 10: a FIFO given as a rule file (catalog, mapping, reform: every TOML
// read through LoadTomlFile) blocked forever.
TEST(OffenseCatalog, AFifoIsRefusedAtOnce) {
  const std::string path = ::testing::TempDir() + "/catalog_fifo_" + std::to_string(::getpid()) + ".toml";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  std::string error;
  EXPECT_FALSE(OffenseCatalog::Load(path, &error).has_value());
  ::unlink(path.c_str());
  EXPECT_EQ(error, path + ": not a regular file (a FIFO)");
}

// ---------------------------------------------------------------- US, OK, IA

const OffenseCatalog& Catalog(const char* jurisdiction) {
  static std::map<std::string, OffenseCatalog> loaded;
  auto it = loaded.find(jurisdiction);
  if (it == loaded.end()) {
    std::string error;
    auto c = OffenseCatalog::LoadJurisdiction(jurisdiction, &error);
    if (!c) throw std::runtime_error(error);
    it = loaded.emplace(jurisdiction, std::move(*c)).first;
  }
  return it->second;
}

// The checks every catalog entry must pass, whatever the jurisdiction.
void ExpectValid(const OffenseCatalog& cat) {
  const std::string prefix = cat.jurisdiction() + ":";
  std::set<std::string> codes;
  for (const Offense& o : cat.offenses()) {
    SCOPED_TRACE(o.code);
    EXPECT_EQ(o.code.rfind(prefix, 0), 0u);
    EXPECT_TRUE(codes.insert(o.code).second) << "duplicate code";
    EXPECT_EQ(o.code, std::string(o.code.c_str())) << "NUL in code";
    EXPECT_FALSE(o.title.empty());
    EXPECT_FALSE(o.citation.empty());
    EXPECT_NE(std::find(std::begin(kOffenseCategories), std::end(kOffenseCategories), o.category),
              std::end(kOffenseCategories));
    EXPECT_GE(BjsOffenseIndex(o.bjs_offense), 0);
    EXPECT_GE(o.statutory_min_months, 0);
    if (o.statutory_max_months > 0) {
      EXPECT_LE(o.statutory_min_months, o.statutory_max_months);
      EXPECT_FALSE(o.max_life);
    }
    EXPECT_EQ(o.HasFlag("misdemeanor") && o.statutory_max_months > 24, false);
    EXPECT_EQ(cat.Find(o.code), &o);
  }
  for (const SentenceEnhancement& e : cat.enhancements()) {
    SCOPED_TRACE(e.code);
    EXPECT_TRUE(codes.insert(e.code).second) << "duplicate code";
    EXPECT_FALSE(e.citation.empty());
    EXPECT_EQ(cat.FindEnhancement(e.code), &e);
  }
}

TEST(OffenseCatalog, UsOkIaLoadAndAreValid) {
  for (const char* j : {"US", "OK", "IA"}) {
    SCOPED_TRACE(j);
    const OffenseCatalog& cat = Catalog(j);
    EXPECT_EQ(cat.jurisdiction(), j);
    ExpectValid(cat);
  }
  EXPECT_GE(Catalog("US").offenses().size(), 30u);
  EXPECT_GE(Catalog("OK").offenses().size(), 20u);
  EXPECT_GE(Catalog("IA").offenses().size(), 333u);
  // The flag mask of the fact table is 64 bits wide.
  EXPECT_LT(std::size(kOffenseFlags), 32u);
}

TEST(OffenseCatalog, FederalCodesTheReformsNeed) {
  const OffenseCatalog& us = Catalog("US");
  const Offense* a = us.Find("US:21 USC 841(b)(1)(A)");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->category, "drug_distribution");
  EXPECT_EQ(a->statutory_min_months, 120);
  EXPECT_TRUE(a->max_life);
  EXPECT_EQ(a->statutory_max_months, 0);
  EXPECT_TRUE(a->has_statutory_range());
  EXPECT_EQ(a->felony_class, "A");
  EXPECT_NE(std::find(a->drugs.begin(), a->drugs.end(), "cocaine_base"), a->drugs.end());

  const Offense* b = us.Find("US:21 USC 841(b)(1)(B)");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->statutory_min_months, 60);
  EXPECT_EQ(b->statutory_max_months, 480);
  const Offense* c = us.Find("US:21 USC 841(b)(1)(C)");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->statutory_min_months, 0);
  EXPECT_EQ(c->statutory_max_months, 240);

  const Offense* poss = us.Find("US:21 USC 844");
  ASSERT_NE(poss, nullptr);
  EXPECT_EQ(poss->category, "drug_possession");

  const Offense* first = us.Find("US:18 USC 924(c)(1)(A)");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->statutory_min_months, 60);
  EXPECT_TRUE(first->max_life);
  EXPECT_TRUE(first->HasFlag("fsa_ineligible"));
  const Offense* stacked = us.Find("US:18 USC 924(c)(1)(C)");
  ASSERT_NE(stacked, nullptr);
  EXPECT_EQ(stacked->statutory_min_months, 300);

  const Offense* felon = us.Find("US:18 USC 922(g)");
  ASSERT_NE(felon, nullptr);
  EXPECT_EQ(felon->statutory_max_months, 120);
  EXPECT_EQ(us.Find("US:18 USC 924(e)")->statutory_min_months, 180);

  EXPECT_TRUE(us.Find("US:18 USC 1951")->HasFlag("crime_of_violence"));
  EXPECT_TRUE(us.Find("US:18 USC 2113(d)")->HasFlag("crime_of_violence"));
  EXPECT_TRUE(us.Find("US:18 USC 1111")->HasFlag("fsa_ineligible"));
  EXPECT_FALSE(us.Find("US:18 USC 1343")->HasFlag("crime_of_violence"));
  for (const char* code : {"US:18 USC 2241", "US:18 USC 2251", "US:18 USC 2252", "US:18 USC 2252A"}) {
    const Offense* o = us.Find(code);
    ASSERT_NE(o, nullptr) << code;
    EXPECT_EQ(o->category, "sex") << code;
    EXPECT_TRUE(o->HasFlag("sex_registrable")) << code;
  }
  for (const char* code : {"US:21 USC 846", "US:21 USC 960(b)(1)", "US:21 USC 960(b)(2)", "US:18 USC 2113(a)",
                           "US:8 USC 1326", "US:18 USC 1343"})
    EXPECT_NE(us.Find(code), nullptr) << code;

  const SentenceEnhancement* one = us.FindEnhancement("US:21 USC 851(1)");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->kind, "fixed");
  EXPECT_EQ(one->days, 3652);
  const SentenceEnhancement* two = us.FindEnhancement("US:21 USC 851(2)");
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(two->kind, "scheme");
  EXPECT_EQ(two->days, 0);
}

TEST(OffenseCatalog, OklahomaSq780Codes) {
  const OffenseCatalog& ok = Catalog("OK");
  const Offense* poss = ok.Find("OK:63 O.S. 2-402");
  ASSERT_NE(poss, nullptr);
  EXPECT_EQ(poss->category, "drug_possession");
  EXPECT_EQ(poss->bjs_offense, "drug_possession");
  EXPECT_FALSE(poss->drugs.empty());
  for (const char* code : {"OK:21 O.S. 1704", "OK:21 O.S. 1705", "OK:21 O.S. 1713", "OK:59 O.S. 1512",
                           "OK:21 O.S. 1621", "OK:21 O.S. 1541.2"}) {
    const Offense* o = ok.Find(code);
    ASSERT_NE(o, nullptr) << code;
    EXPECT_EQ(o->category, "property") << code;
  }
  for (const char* code : {"OK:63 O.S. 2-401", "OK:63 O.S. 2-415"})
    EXPECT_EQ(ok.Find(code)->category, "drug_distribution") << code;
  for (const char* code : {"OK:21 O.S. 701.7", "OK:21 O.S. 791", "OK:21 O.S. 801", "OK:21 O.S. 1431",
                           "OK:21 O.S. 1435", "OK:21 O.S. 645", "OK:47 O.S. 11-902", "OK:21 O.S. 1283",
                           "OK:21 O.S. 644"})
    EXPECT_NE(ok.Find(code), nullptr) << code;
  EXPECT_TRUE(ok.Find("OK:21 O.S. 701.7")->max_life);
  EXPECT_TRUE(ok.Find("OK:21 O.S. 701.7")->HasFlag("ok_85_percent"));
  EXPECT_TRUE(ok.Find("OK:21 O.S. 644")->HasFlag("domestic_violence"));
}

TEST(OffenseCatalog, IowaKeyCodes) {
  const OffenseCatalog& ia = Catalog("IA");
  const Offense* meth = ia.Find("IA:124.401(1)(c)(6)");
  ASSERT_NE(meth, nullptr);
  EXPECT_EQ(meth->category, "drug_distribution");
  EXPECT_EQ(meth->felony_class, "C");
  EXPECT_EQ(meth->statutory_max_months, 120);
  const Offense* poss = ia.Find("IA:124.401(5)(c)");
  ASSERT_NE(poss, nullptr);
  EXPECT_EQ(poss->category, "drug_possession");
  EXPECT_EQ(poss->statutory_max_months, 60);
  const Offense* murder = ia.Find("IA:707.2");
  ASSERT_NE(murder, nullptr);
  EXPECT_TRUE(murder->max_life);
  EXPECT_EQ(murder->felony_class, "A");
  EXPECT_TRUE(murder->HasFlag("forcible_felony"));
  const Offense* sex2 = ia.Find("IA:709.3");
  ASSERT_NE(sex2, nullptr);
  EXPECT_EQ(sex2->category, "sex");
  EXPECT_EQ(sex2->bjs_offense, "rape_sexual_assault");
  EXPECT_TRUE(sex2->HasFlag("sex_registrable"));
  EXPECT_TRUE(sex2->HasFlag("forcible_felony"));
  EXPECT_EQ(sex2->statutory_max_months, 300);
  EXPECT_FALSE(ia.Find("IA:708.4(2)")->HasFlag("forcible_felony"));  // 702.11(2) exception
  EXPECT_TRUE(ia.Find("IA:708.4(1)")->HasFlag("forcible_felony"));
  const Offense* theft3 = ia.Find("IA:714.2(3)");
  ASSERT_NE(theft3, nullptr);
  EXPECT_EQ(theft3->felony_class, "aggravated_misdemeanor");
  EXPECT_EQ(theft3->statutory_max_months, 24);
  EXPECT_TRUE(theft3->HasFlag("misdemeanor"));
  EXPECT_EQ(ia.Find("IA:321J.2(2)(c)")->bjs_offense, "dui");
  EXPECT_TRUE(ia.Find("IA:692A.111-B")->HasFlag("registrant"));
  // DOC's own code forms are kept verbatim.
  for (const char* code : {"IA:706.3,A", "IA:124.406(1A", "IA:None", "IA:0999", "IA:709.4(2C,4)"})
    EXPECT_NE(ia.Find(code), nullptr) << code;
}

// Iowa DOC (Offense Type, Offense Subtype) -> category, as in the header of
// rules/offenses/IA.toml and scripts/gen-iowa-catalog.py.
std::string IowaCategory(const std::string& type, const std::string& subtype) {
  if (type == "Violent") return subtype == "Sex" ? "sex" : "violent";
  if (type == "Property") return "property";
  if (type == "Drug") return subtype == "Drug Possession" ? "drug_possession" : "drug_distribution";
  if (type == "Public Order") return "public_order";
  if (type == "Other") return subtype == "Other Violent" ? "violent" : "other";
  if (type == "None") return "other";
  return "";
}

// The categories any subtype of an Offense Type maps to.
std::set<std::string> IowaTypeCategories(const std::string& type) {
  if (type == "Violent") return {"violent", "sex"};
  if (type == "Drug") return {"drug_possession", "drug_distribution"};
  if (type == "Other") return {"other", "violent"};
  return {IowaCategory(type, "")};
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

// Reads an Iowa DOC prison-population CSV and checks every row's Offense Code
// against the IA catalog. Returns the distinct codes seen.
std::set<std::string> CheckIowaFile(const std::string& path, size_t* rows) {
  std::set<std::string> codes;
  std::string error;
  auto reader = CsvReader::Open(path, &error);
  EXPECT_NE(reader, nullptr) << error;
  if (!reader) return codes;
  CsvRecord rec;
  EXPECT_TRUE(reader->Next(rec)) << path;
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rec.fields.size(); ++i) {
    std::string name = Trim(rec.fields[i]);
    if (name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);
    col[name] = i;
  }
  for (const char* c : {"Offense Code", "Offense Type", "Offense Subtype"})
    EXPECT_EQ(col.count(c), 1u) << path << ": no column " << c;
  if (col.size() < 3) return codes;
  const size_t kCode = col["Offense Code"], kType = col["Offense Type"], kSub = col["Offense Subtype"];
  // Codes whose rows carry more than one Offense Type; the catalog follows the
  // most frequent (see the comments on these entries in IA.toml).
  const std::set<std::tuple<std::string, std::string, std::string>> kMixed = {
      {"713.3", "Violent", "Sex"}, {"7099", "Other", "Other Criminal"}};
  const OffenseCatalog& ia = Catalog("IA");
  while (reader->Next(rec)) {
    EXPECT_TRUE(rec.ok()) << path << ":" << rec.line << ": " << rec.error;
    if (rec.fields.size() <= std::max({kCode, kType, kSub})) {
      ADD_FAILURE() << path << ":" << rec.line << ": short row";
      continue;
    }
    ++*rows;
    const std::string code = Trim(rec.fields[kCode]);
    const std::string type = Trim(rec.fields[kType]), sub = Trim(rec.fields[kSub]);
    codes.insert(code);
    const Offense* o = ia.Find("IA:" + code);
    if (o == nullptr) {
      ADD_FAILURE() << path << ":" << rec.line << ": offense code \"" << code << "\" is not in IA.toml";
      continue;
    }
    EXPECT_EQ(IowaTypeCategories(type).count(o->category), 1u)
        << path << ":" << rec.line << ": " << code << " (" << type << "/" << sub << ") is " << o->category;
    if (kMixed.count({code, type, sub}) == 0) {
      EXPECT_EQ(o->category, IowaCategory(type, sub))
          << path << ":" << rec.line << ": " << code << " (" << type << "/" << sub << ")";
    }
  }
  EXPECT_TRUE(reader->io_error().empty()) << reader->io_error();
  return codes;
}

TEST(OffenseCatalog, IowaCoversEveryRealOffenseCode) {
  const std::filesystem::path dir = std::filesystem::path(CLEMENCY_SHARED_DIR) / "data/real/iowa-prison-pop";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    GTEST_SKIP() << dir.string() << " is absent; IowaCoversTheCheckedInSample covers a sample";
  std::set<std::string> codes;
  size_t rows = 0, files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".csv") continue;
    ++files;
    for (const std::string& c : CheckIowaFile(e.path().string(), &rows)) codes.insert(c);
  }
  EXPECT_EQ(files, 3u);
  EXPECT_GT(rows, 20000u);
  EXPECT_GE(codes.size(), 333u);
  // And nothing in the catalog is missing from the data: it is generated from it.
  EXPECT_EQ(codes.size(), Catalog("IA").offenses().size());
}

TEST(OffenseCatalog, IowaCoversTheCheckedInSample) {
  size_t rows = 0;
  const std::set<std::string> codes = CheckIowaFile(CLEMENCY_TEST_DATA "/iowa/sample.csv", &rows);
  EXPECT_GE(rows, 50u);
  EXPECT_GE(codes.size(), 40u);
  EXPECT_EQ(codes.count("706.3,A"), 1u);
  EXPECT_EQ(codes.count("124.406(1A"), 1u);
}

TEST(OffenseCatalog, NewKeysLoad) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("clemency-catalog-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                     "-new-keys.toml");
  {
    std::ofstream out(path);
    out << "[catalog]\njurisdiction = \"IA\"\n"
           "[[offense]]\ncode = \"IA:706.3,A\"\ntitle = \"t\"\ncategory = \"violent\"\n"
           "bjs_offense = \"other_violent\"\ncitation = \"c\"\nfelony_class = \"C\"\n"
           "statutory_min_months = 36\nstatutory_max_months = 120\nflags = [\"forcible_felony\"]\n"
           "[[offense]]\ncode = \"IA:707.2\"\ntitle = \"t\"\ncategory = \"violent\"\n"
           "bjs_offense = \"murder\"\ncitation = \"c\"\nmax_life = true\nstatutory_min_months = 0\n"
           "[[offense]]\ncode = \"IA:1\"\ntitle = \"t\"\ncategory = \"other\"\n"
           "bjs_offense = \"other_unspecified\"\ncitation = \"c\"\n";
  }
  std::string error;
  const auto cat = OffenseCatalog::Load(path.string(), &error);
  std::filesystem::remove(path);
  ASSERT_TRUE(cat.has_value()) << error;
  const Offense* c = cat->Find("IA:706.3,A");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->felony_class, "C");
  EXPECT_EQ(c->statutory_min_months, 36);
  EXPECT_EQ(c->statutory_max_months, 120);
  EXPECT_FALSE(c->max_life);
  EXPECT_TRUE(c->has_statutory_range());
  EXPECT_TRUE(cat->Find("IA:707.2")->max_life);
  EXPECT_TRUE(cat->Find("IA:707.2")->has_statutory_range());
  EXPECT_FALSE(cat->Find("IA:1")->has_statutory_range());
  EXPECT_TRUE(cat->Find("IA:1")->felony_class.empty());
}

TEST(OffenseCatalog, StatutoryRangeErrors) {
  // Lines 3-8 hold the entry; the key under test is on line 9.
  const std::string entry =
      "[catalog]\njurisdiction = \"CA\"\n[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"t\"\n"
      "category = \"other\"\nbjs_offense = \"fraud\"\ncitation = \"c\"\n";
  std::string path;
  std::string error = LoadError(entry + "statutory_min_months = 60\nstatutory_max_months = 24\n", &path);
  EXPECT_EQ(error, path + ":9:24: offense CA:PC 1: statutory_min_months (60) is greater than "
                          "statutory_max_months (24)");
  error = LoadError(entry + "statutory_min_months = -1\n", &path);
  EXPECT_EQ(error, path + ":9:24: \"statutory_min_months\" must be between 0 and 1200");
  error = LoadError(entry + "statutory_max_months = -12\n", &path);
  EXPECT_EQ(error, path + ":9:24: \"statutory_max_months\" must be between 0 and 1200");
  error = LoadError(entry + "max_life = true\nstatutory_max_months = 120\n", &path);
  EXPECT_EQ(error, path + ":10:24: offense CA:PC 1: give statutory_max_months or max_life = true, not both");
  error = LoadError(entry + "max_life = \"yes\"\n", &path);
  EXPECT_EQ(error, path + ":9:12: \"max_life\" must be true or false");
  error = LoadError(entry + "felony_class = \"\"\n", &path);
  EXPECT_EQ(error, path + ":9:16: \"felony_class\" must be a non-empty string");
  error = LoadError(entry + "flags = [\"forcible_felony\", \"forcible_felony\"]\n", &path);
  EXPECT_NE(error.find(":9:29: offense CA:PC 1: flag \"forcible_felony\" is repeated"), std::string::npos) << error;
}

TEST(OffenseCatalog, ListCharactersAllowedInOffenseCodesOnly) {
  const std::string head = "[catalog]\njurisdiction = \"CA\"\n";
  // An enhancement code goes into "CODE=DAYS;..." lists: no comma.
  std::string path;
  const std::string error = LoadError(head + kGoodEntry +
                                          "[[enhancement]]\ncode = \"CA:PC 1,2\"\ntitle = \"t\"\nkind = \"fixed\"\n"
                                          "days = 5\ncitation = \"c\"\n",
                                      &path);
  EXPECT_EQ(error, path + ":12:8: code \"CA:PC 1,2\" must not contain , \" ; = or control characters");
  // An offense code is a field of its own: a description used as a code may hold them.
  const std::string offense = LoadError(head + "[[offense]]\ncode = \"CA:Theft \\\">= $5,000\"\ntitle = \"t\"\n"
                                               "category = \"other\"\nbjs_offense = \"fraud\"\ncitation = \"c\"\n",
                                        &path);
  EXPECT_EQ(offense, path + ":4:8: code \"CA:Theft \">= $5,000\" must not contain \" or control characters");
}

TEST(OffenseCatalog, BjsCategories) {
  EXPECT_EQ(BjsCategoryOf("murder"), "violent");
  EXPECT_EQ(BjsCategoryOf("other_violent"), "violent");
  EXPECT_EQ(BjsCategoryOf("burglary"), "property");
  EXPECT_EQ(BjsCategoryOf("drug_other"), "drug");
  EXPECT_EQ(BjsCategoryOf("dui"), "public_order");
  EXPECT_EQ(BjsCategoryOf("other_unspecified"), "other_unspecified");
  EXPECT_EQ(BjsCategoryOf("nope"), "");
}

}  // namespace
}  // namespace clemency
