#include "clemency/synth/calibration.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include "clemency/law/rules_dir.h"
#include "clemency/law/rule_fields.h"
#include "clemency/law/toml.h"

namespace clemency {
namespace {

using rule_file::Cat;
using rule_file::Fail;
using rule_file::LoadError;

const toml::table& Table(const toml::table& parent, std::string_view key, std::string_view where) {
  const toml::node* n = parent.get(key);
  if (n == nullptr) Fail(parent, std::string(where) + Cat(": missing [", key) + "]");
  if (!n->is_table()) Fail(*n, std::string(where) + Cat(".", key) + " must be a table");
  return *n->as_table();
}

const toml::table* OptTable(const toml::table& parent, std::string_view key) {
  const toml::node* n = parent.get(key);
  if (n == nullptr) return nullptr;
  if (!n->is_table()) Fail(*n, Cat("\"", key) + "\" must be a table");
  return n->as_table();
}

double Number(const toml::node& n, std::string_view what) {
  if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = n.as_floating_point()) {
    if (!std::isfinite(f->get())) Fail(n, std::string(what) + " must be a finite number");
    return f->get();
  }
  Fail(n, std::string(what) + " must be a number");
}

double Num(const toml::table& t, std::string_view key, std::string_view where) {
  const toml::node* n = t.get(key);
  if (n == nullptr) Fail(t, std::string(where) + Cat(": missing \"", key) + "\"");
  return Number(*n, std::string(where) + Cat(".", key));
}

double Share(const toml::table& t, std::string_view key, std::string_view where) {
  const double v = Num(t, key, where);
  if (v < 0 || v > 1) Fail(*t.get(key), std::string(where) + Cat(".", key) + " must be between 0 and 1");
  return v;
}

int64_t Int(const toml::node& n, std::string_view what) {
  const auto* i = n.as_integer();
  if (i == nullptr) Fail(n, std::string(what) + " must be an integer");
  return i->get();
}

std::string Str(const toml::table& t, std::string_view key, std::string_view where) {
  const toml::node* n = t.get(key);
  if (n == nullptr) Fail(t, std::string(where) + Cat(": missing \"", key) + "\"");
  const auto* s = n->as_string();
  if (s == nullptr) Fail(*n, std::string(where) + Cat(".", key) + " must be a string");
  return s->get();
}

std::string OptStr(const toml::table& t, std::string_view key) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return "";
  const auto* s = n->as_string();
  if (s == nullptr) Fail(*n, Cat("\"", key) + "\" must be a string");
  return s->get();
}

const toml::array& Array(const toml::node& n, std::string_view what, size_t size) {
  const auto* a = n.as_array();
  if (a == nullptr) Fail(n, std::string(what) + " must be an array");
  if (size != 0 && a->size() != size)
    Fail(n, std::string(what) + " must have " + std::to_string(size) + " values, not " +
                std::to_string(a->size()));
  return *a;
}

template <size_t N>
std::array<double, N> NumArray(const toml::node& n, std::string_view what) {
  const toml::array& a = Array(n, what, N);
  std::array<double, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = Number(*a.get(i), what);
  return out;
}

template <size_t N>
std::array<int64_t, N> IntArray(const toml::node& n, std::string_view what) {
  const toml::array& a = Array(n, what, N);
  std::array<int64_t, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = Int(*a.get(i), what);
  return out;
}

std::vector<std::string> StrArray(const toml::table& t, std::string_view key, std::string_view where) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (n == nullptr) return out;
  for (const toml::node& item : Array(*n, std::string(where) + Cat(".", key), 0)) {
    const auto* s = item.as_string();
    if (s == nullptr) Fail(item, std::string(where) + Cat(".", key) + " must hold strings");
    out.push_back(s->get());
  }
  return out;
}

LogNormalParams Params(const toml::node& n, std::string_view what) {
  const auto a = NumArray<2>(n, what);
  if (a[0] <= 0 || a[1] <= 0 || a[1] > 3)
    Fail(n, std::string(what) + " must be [median > 0, 0 < sigma <= 3]");
  return {a[0], a[1]};
}

Date DateValue(const toml::table& t, std::string_view key, std::string_view where) {
  const std::string s = Str(t, key, where);
  const DateParseResult r = ParseDate(s);
  if (!r.ok())
    Fail(*t.get(key), std::string(where) + Cat(".", key) + ": " +
                          std::string(DescribeDateParseError(r.error)));
  return r.date;
}

bool IsStateKey(std::string_view k) {
  return k.size() == 2 && k[0] >= 'A' && k[0] <= 'Z' && k[1] >= 'A' && k[1] <= 'Z';
}

TableSource ReadSource(const toml::table& root, std::string_view key) {
  const toml::table& t = Table(root, key, "calibration");
  TableSource s;
  s.key = key;
  s.file = Str(t, "file", key);
  s.title = Str(t, "title", key);
  s.version = Str(t, "version", key);
  s.reference_date = OptStr(t, "reference_date");
  s.note = OptStr(t, "note");
  return s;
}

// Reads "[KEY.states]" rows: STATE = value, with `read` turning a node into a value.
template <typename T, typename F>
void ReadStates(const toml::table& root, std::string_view key,
                std::map<std::string, T, std::less<>>& out, F read) {
  const toml::table& states = Table(Table(root, key, "calibration"), "states", key);
  for (auto&& [k, v] : states) {
    if (!IsStateKey(k.str()) && k.str() != "STATE")
      Fail(v, std::string(key) + ".states: \"" + std::string(k.str()) +
                  "\" is not a two-letter state code");
    out.emplace(std::string(k.str()), read(v, std::string(key) + "." + std::string(k.str())));
  }
}

void LoadTables(const toml::table& root, Calibration& cal) {
  for (std::string_view key : {"table4", "table8", "table11", "table16", "table18", "table21", "appendix1"})
    cal.sources.push_back(ReadSource(root, key));

  ReadStates(root, "table4", cal.sentenced, [](const toml::node& n, const std::string& what) {
    auto a = IntArray<3>(n, what);
    if (a[0] <= 0 || a[1] < 0 || a[2] < 0 || a[1] + a[2] != a[0])
      Fail(n, what + ": expected [total, male, female] with male + female = total");
    return a;
  });
  ReadStates(root, "table8", cal.admissions, [](const toml::node& n, const std::string& what) {
    auto a = IntArray<3>(n, what);
    if (a[0] <= 0 || a[1] < 0 || a[2] < 0)
      Fail(n, what + ": expected [total, new court commitments, supervision violations]");
    return a;
  });

  // Table 11.
  const toml::table& t11 = Table(root, "table11", "calibration");
  if (const toml::node* bands = t11.get("bands"); bands == nullptr ||
                                                  Array(*bands, "table11.bands", kNumAgeBands).size() != kNumAgeBands)
    Fail(t11, "table11: missing bands");
  static constexpr std::string_view kRaceKeys[] = {"white", "black", "hispanic", "native", "asian", "other", "all"};
  static constexpr std::string_view kSexKeys[] = {"male", "female"};
  const toml::table& counts = Table(t11, "counts", "table11");
  for (int s = 0; s < 2; ++s) {
    const toml::table& col = Table(t11, kSexKeys[s], "table11");
    const toml::table& cnt = Table(counts, kSexKeys[s], "table11.counts");
    for (int r = 0; r <= kNumBjsRaces; ++r) {
      const std::string what = Cat("table11.", kSexKeys[s]) + Cat(".", kRaceKeys[r]);
      const toml::node* n = col.get(kRaceKeys[r]);
      if (n == nullptr) Fail(col, what + " is missing");
      cal.age_percent[s][r] = NumArray<kNumAgeBands>(*n, what);
      cal.race_counts[s][r] = static_cast<int64_t>(Num(cnt, kRaceKeys[r], "table11.counts"));
    }
  }

  // Table 16.
  const toml::table& t16 = Table(root, "table16", "calibration");
  {
    const std::vector<std::string> subs = StrArray(t16, "subcategories", "table16");
    if (subs.size() != kNumBjsOffenses) Fail(t16, "table16.subcategories must list the 17 subcategories");
    for (size_t i = 0; i < kNumBjsOffenses; ++i)
      if (subs[i] != kBjsOffenses[i])
        Fail(*t16.get("subcategories"), "table16.subcategories[" + std::to_string(i) + "] must be \"" +
                                            std::string(kBjsOffenses[i]) + "\"");
    const toml::table& pct = Table(t16, "percent", "table16");
    const toml::table& cnt = Table(t16, "counts", "table16");
    auto col = [&](std::string_view key) {
      const toml::node* n = pct.get(key);
      if (n == nullptr) Fail(pct, Cat("table16.percent.", key) + " is missing");
      return NumArray<kNumBjsOffenses>(*n, Cat("table16.percent.", key));
    };
    cal.offense_percent_all = col("all");
    cal.offense_count_all = static_cast<int64_t>(Num(cnt, "all", "table16.counts"));
    for (int s = 0; s < 2; ++s) {
      cal.offense_percent_sex[s] = col(kSexKeys[s]);
      cal.offense_count_sex[s] = static_cast<int64_t>(Num(cnt, kSexKeys[s], "table16.counts"));
    }
    for (int r = 0; r < kNumBjsRaces; ++r) {
      if (r == kBjsOther) continue;
      cal.offense_percent_race[r] = col(kRaceKeys[r]);
      cal.offense_count_race[r] = static_cast<int64_t>(Num(cnt, kRaceKeys[r], "table16.counts"));
    }
  }

  ReadStates(root, "table18", cal.offense_mix, [](const toml::node& n, const std::string& what) {
    const auto a = NumArray<6>(n, what);
    Calibration::OffenseMix m;
    m.custody_total = static_cast<int64_t>(a[0]);
    double sum = 0;
    for (int c = 0; c < kNumBjsCategories; ++c) {
      m.percent[c] = a[c + 1];
      if (a[c + 1] < 0) Fail(n, what + ": percentages must not be negative");
      sum += a[c + 1];
    }
    if (sum < 50 || sum > 101) Fail(n, what + ": the category percentages should add up to about 100");
    return m;
  });
  ReadStates(root, "table21", cal.capacity, [](const toml::node& n, const std::string& what) {
    if (!n.is_table()) Fail(n, what + " must be an inline table");
    const toml::table& t = *n.as_table();
    Calibration::Capacity c;
    for (auto&& [k, v] : t) {
      const int64_t x = Int(v, what + "." + std::string(k.str()));
      if (k.str() == "rated") c.rated = x;
      else if (k.str() == "operational") c.operational = x;
      else if (k.str() == "design") c.design = x;
      else if (k.str() == "custody") c.custody = x;
      else Fail(v, what + ": unknown capacity type \"" + std::string(k.str()) + "\"");
    }
    return c;
  });
  ReadStates(root, "appendix1", cal.race_by_state, [](const toml::node& n, const std::string& what) {
    return IntArray<11>(n, what);
  });
}

void LoadAssumptions(const toml::table& root, Assumptions& a) {
  const toml::table& as = Table(root, "assumptions", "calibration");

  const toml::table& race = Table(as, "race", "assumptions");
  a.pacific_share_of_asian_default = Share(race, "pacific_share_of_asian_default", "assumptions.race");
  a.race_min_coverage = Share(race, "min_coverage", "assumptions.race");

  const toml::table& age = Table(as, "age", "assumptions");
  a.over_65_mean_excess_years = Num(age, "over_65_mean_excess_years", "assumptions.age");
  a.max_age = static_cast<int>(Num(age, "max_age", "assumptions.age"));
  if (a.over_65_mean_excess_years <= 0 || a.max_age < 70 || a.max_age > 110)
    Fail(age, "assumptions.age: over_65_mean_excess_years must be > 0 and max_age in 70..110");

  const toml::table& life = Table(as, "life", "assumptions");
  for (auto&& [k, v] : life) {
    if (!v.is_table()) continue;
    const toml::table& t = *v.as_table();
    const std::string w = "assumptions.life." + std::string(k.str());
    LifeShares ls{Share(t, "lwop", w), Share(t, "life_with_parole", w), Share(t, "virtual_life", w),
                  Share(t, "death", w)};
    if (ls.lwop + ls.life_with_parole + ls.virtual_life + ls.death > 0.9)
      Fail(t, w + ": the life shares add up to more than 0.9");
    a.life.emplace(std::string(k.str()), ls);
  }
  if (a.life.count("default") == 0) Fail(life, "assumptions.life: missing [assumptions.life.default]");

  const toml::table& lm = Table(as, "life_model", "assumptions");
  a.propensity_serious_or_violent = Num(lm, "propensity_serious_or_violent", "assumptions.life_model");
  a.propensity_other = Num(lm, "propensity_other", "assumptions.life_model");
  a.one_strike_25_share = Share(lm, "one_strike_25_share", "assumptions.life_model");
  a.max_conversion_probability = Share(lm, "max_conversion_probability", "assumptions.life_model");
  a.non_serious_third_strike_before = DateValue(lm, "non_serious_third_strike_before", "assumptions.life_model");

  const toml::table& stay = Table(as, "stay", "assumptions");
  for (size_t i = 0; i < kNumBjsOffenses; ++i) {
    const toml::node* n = stay.get(kBjsOffenses[i]);
    if (n == nullptr) Fail(stay, Cat("assumptions.stay: missing ", kBjsOffenses[i]));
    a.stay[i] = Params(*n, Cat("assumptions.stay.", kBjsOffenses[i]));
  }
  for (auto [key, out] : {std::pair<std::string_view, LogNormalParams*>{"life_with_parole", &a.stay_life_with_parole},
                          {"lwop", &a.stay_lwop},
                          {"technical_violation", &a.stay_technical}}) {
    const toml::node* n = stay.get(key);
    if (n == nullptr) Fail(stay, Cat("assumptions.stay: missing ", key));
    *out = Params(*n, Cat("assumptions.stay.", key));
  }

  const toml::table& cr = Table(as, "credits", "assumptions");
  a.served_violent = Share(cr, "violent_felony", "assumptions.credits");
  a.served_second_strike = Share(cr, "second_strike", "assumptions.credits");
  a.served_other = Share(cr, "other", "assumptions.credits");
  a.minimum_term_days = static_cast<int>(Num(cr, "minimum_term_days", "assumptions.credits"));
  a.term_allowance_violent_years = Num(cr, "term_allowance_violent_years", "assumptions.credits");
  a.term_allowance_other_years = Num(cr, "term_allowance_other_years", "assumptions.credits");
  if (a.term_allowance_violent_years < 0 || a.term_allowance_other_years < 0)
    Fail(cr, "assumptions.credits: term allowances must not be negative");
  if (a.served_violent <= 0 || a.served_second_strike <= 0 || a.served_other <= 0 || a.minimum_term_days < 1)
    Fail(cr, "assumptions.credits: served fractions must be > 0 and minimum_term_days >= 1");

  const toml::table& adm = Table(as, "admission", "assumptions");
  a.technical_relative_stay = Num(adm, "technical_relative_stay", "assumptions.admission");
  a.new_offense_relative_stay = Num(adm, "new_offense_relative_stay", "assumptions.admission");
  const toml::table& tsv = Table(adm, "technical_share_of_violations", "assumptions.admission");
  for (auto&& [k, v] : tsv) {
    if (k.str() == "source") continue;
    const double x = Number(v, "technical_share_of_violations." + std::string(k.str()));
    if (x < 0 || x > 1) Fail(v, "technical_share_of_violations values must be between 0 and 1");
    a.technical_share_of_violations.emplace(std::string(k.str()), x);
  }
  if (a.technical_share_of_violations.count("default") == 0)
    Fail(tsv, "technical_share_of_violations: missing default");

  const toml::table& sen = Table(as, "sentences", "assumptions");
  {
    const toml::node* n = sen.get("count_distribution");
    if (n == nullptr) Fail(sen, "assumptions.sentences: missing count_distribution");
    double sum = 0;
    for (const toml::node& x : Array(*n, "count_distribution", 0)) {
      a.count_distribution.push_back(Number(x, "count_distribution"));
      if (a.count_distribution.back() < 0) Fail(x, "count_distribution must not be negative");
      sum += a.count_distribution.back();
    }
    if (a.count_distribution.empty() || a.count_distribution.size() > 9 || std::abs(sum - 1) > 1e-6)
      Fail(*n, "count_distribution must hold 1 to 9 shares adding up to 1");
  }
  a.consecutive_share = Share(sen, "consecutive_share", "assumptions.sentences");

  if (const toml::table* st = OptTable(as, "strikes")) {
    for (auto&& [k, v] : *st) {
      if (!v.is_table()) continue;
      const toml::table& t = *v.as_table();
      const std::string w = "assumptions.strikes." + std::string(k.str());
      StrikeRules r;
      r.second_strike_share = Share(t, "second_strike_share", w);
      r.second_strike_code = Str(t, "second_strike_code", w);
      r.third_strike_code = Str(t, "third_strike_code", w);
      r.one_strike_code = Str(t, "one_strike_code", w);
      r.third_strike_min_years = static_cast<int>(Num(t, "third_strike_min_years", w));
      a.strikes.emplace(std::string(k.str()), r);
    }
  }

  if (const toml::table* ow = OptTable(as, "offense_weights")) {
    for (auto&& [k, v] : *ow) {
      if (!v.is_table()) continue;
      auto& m = a.offense_weights[std::string(k.str())];
      for (auto&& [code, w] : *v.as_table()) {
        if (code.str() == "source") continue;
        const double x = Number(w, "offense weight");
        if (x < 0) Fail(w, "offense weights must not be negative");
        m.emplace(std::string(code.str()), x);
      }
    }
  }

  const toml::table& enh = Table(as, "enhancements", "assumptions");
  for (auto&& [k, v] : enh) {
    if (k.str() == "source") continue;
    const auto* arr = v.as_array();
    if (arr == nullptr || !arr->is_array_of_tables())
      Fail(v, "assumptions.enhancements." + std::string(k.str()) + " must be an array of tables");
    auto& rules = a.enhancement_rules[std::string(k.str())];
    for (const toml::node& n : *arr) {
      const toml::table& t = *n.as_table();
      const std::string w = "assumptions.enhancements." + std::string(k.str());
      EnhancementRule r;
      r.code = Str(t, "code", w);
      r.probability = Share(t, "probability", w);
      r.kinds = StrArray(t, "kinds", w);
      r.applies_to = StrArray(t, "applies_to", w);
      r.requires_flag = OptStr(t, "requires_flag");
      if (t.get("sentenced_before") != nullptr) r.sentenced_before = DateValue(t, "sentenced_before", w);
      r.max_count = static_cast<int>(Num(t, "max_count", w));
      if (r.max_count < 1 || r.max_count > 3) Fail(t, w + ": max_count must be 1, 2 or 3");
      for (const std::string& s : r.applies_to)
        if (s != "*" && BjsOffenseIndex(s) < 0)
          Fail(t, w + ": \"" + s + "\" is not a BJS offense subcategory");
      static constexpr std::string_view kKinds[] = {"determinate", "virtual_life", "indeterminate",
                                                    "life", "third_strike", "one_strike"};
      for (const std::string& s : r.kinds)
        if (std::find(std::begin(kKinds), std::end(kKinds), s) == std::end(kKinds))
          Fail(t, w + ": \"" + s + "\" is not a sentence kind");
      rules.push_back(std::move(r));
    }
  }

  const toml::table& dr = Table(as, "drugs", "assumptions");
  for (auto&& [k, v] : Table(dr, "weights", "assumptions.drugs")) {
    const double x = Number(v, "drug weight");
    if (x < 0) Fail(v, "drug weights must not be negative");
    a.drug_weights.emplace(std::string(k.str()), x);
  }
  a.possession_grams = Params(*dr.get("possession_grams"), "assumptions.drugs.possession_grams");
  a.distribution_grams = Params(*dr.get("distribution_grams"), "assumptions.drugs.distribution_grams");
  a.missing_drug_type_share = Share(dr, "missing_type_share", "assumptions.drugs");
  a.missing_grams_share = Share(dr, "missing_grams_share", "assumptions.drugs");

  const toml::table& p = Table(as, "person", "assumptions");
  a.missing_share = Share(p, "missing_share", "assumptions.person");
  a.infractions_mean_at_35 = Num(p, "infractions_mean_at_35", "assumptions.person");
  a.infractions_age_slope = Num(p, "infractions_age_slope", "assumptions.person");
  a.medical_logit_at_50 = Num(p, "medical_logit_at_50", "assumptions.person");
  a.medical_logit_slope = Num(p, "medical_logit_slope", "assumptions.person");
  a.year_precision_share = Share(p, "year_precision_share", "assumptions.person");
  a.offense_date_missing_share = Share(p, "offense_date_missing_share", "assumptions.person");
  a.projected_release_missing_share = Share(p, "projected_release_missing_share", "assumptions.person");
  a.facility_missing_share = Share(p, "facility_missing_share", "assumptions.person");
  a.admission_type_missing_share = Share(p, "admission_type_missing_share", "assumptions.person");

  const toml::table& f = Table(as, "facilities", "assumptions");
  a.people_per_facility = static_cast<int>(Num(f, "people_per_facility", "assumptions.facilities"));
  if (a.people_per_facility < 100) Fail(f, "assumptions.facilities.people_per_facility must be at least 100");
  const toml::table& hw = Table(f, "housing_weights", "assumptions.facilities");
  a.housing_weights = {Num(hw, "cell", "housing_weights"), Num(hw, "dorm", "housing_weights"),
                       Num(hw, "mixed", "housing_weights")};
}

// Iterative proportional fitting of a rows x cols table to row and column sums.
void Rake2(std::vector<std::vector<double>>& x, const std::vector<double>& rows,
           const std::vector<double>& cols, int passes) {
  for (int it = 0; it < passes; ++it) {
    for (size_t i = 0; i < x.size(); ++i) {
      const double s = std::accumulate(x[i].begin(), x[i].end(), 0.0);
      if (s > 0)
        for (double& v : x[i]) v *= rows[i] / s;
    }
    for (size_t j = 0; j < cols.size(); ++j) {
      double s = 0;
      for (auto& row : x) s += row[j];
      if (s > 0)
        for (auto& row : x) row[j] *= cols[j] / s;
    }
  }
}

template <size_t N>
void Normalize(std::array<double, N>& a) {
  double s = 0;
  for (double v : a) s += v;
  if (s > 0)
    for (double& v : a) v /= s;
}

}  // namespace

int BjsCategoryIndex(std::string_view category) {
  for (int i = 0; i < kNumBjsCategories; ++i)
    if (kBjsCategories[i] == category) return i;
  return -1;
}

LifeShares Assumptions::LifeFor(std::string_view jurisdiction) const {
  auto it = life.find(jurisdiction);
  if (it == life.end()) it = life.find("default");
  return it == life.end() ? LifeShares{} : it->second;
}

double Assumptions::TechnicalShareOfViolationsFor(std::string_view jurisdiction) const {
  auto it = technical_share_of_violations.find(jurisdiction);
  if (it == technical_share_of_violations.end()) it = technical_share_of_violations.find("default");
  return it == technical_share_of_violations.end() ? 0.5 : it->second;
}

const StrikeRules* Assumptions::StrikesFor(std::string_view jurisdiction) const {
  auto it = strikes.find(jurisdiction);
  return it == strikes.end() ? nullptr : &it->second;
}

std::optional<Calibration> Calibration::Load(const std::string& path, std::string* error) {
  Calibration cal;
  const bool loaded = rule_file::LoadTomlFile(path, error, [&](const toml::table& root) {
    LoadTables(root, cal);
    LoadAssumptions(root, cal.assumptions);
  });
  if (!loaded) return std::nullopt;
  return cal;
}

std::string Calibration::DefaultPath(const std::string& rules_dir) {
  const std::string dir = rules_dir.empty() ? RulesDir() : rules_dir;
  return (std::filesystem::path(dir) / "calibration" / "bjs-prisoners-2022.toml").string();
}

bool Calibration::HasJurisdiction(std::string_view j) const {
  return IsStateKey(j) && sentenced.count(j) != 0 && offense_mix.count(j) != 0;
}

std::vector<std::string> Calibration::Jurisdictions() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : sentenced)
    if (HasJurisdiction(k)) out.push_back(k);
  return out;
}

std::optional<JurisdictionModel> BuildJurisdictionModel(const Calibration& cal,
                                                        std::string_view jurisdiction,
                                                        std::string* error) {
  if (!cal.HasJurisdiction(jurisdiction)) {
    if (error != nullptr)
      *error = Cat("the calibration has no Table 4 and Table 18 data for \"", jurisdiction) + "\"";
    return std::nullopt;
  }
  const Assumptions& as = cal.assumptions;
  JurisdictionModel m;
  m.jurisdiction = jurisdiction;
  const auto& t4 = cal.sentenced.find(jurisdiction)->second;
  m.p_female = static_cast<double>(t4[2]) / static_cast<double>(t4[0]);

  // --- Race given sex. Seven classes: the BJS races plus unknown.
  constexpr int kUnknown7 = 6;
  std::vector<std::vector<double>> sr(2, std::vector<double>(7, 0.0));
  for (int s = 0; s < 2; ++s)
    for (int r = 0; r < kNumBjsRaces; ++r) sr[s][r] = static_cast<double>(cal.race_counts[s][r]);
  double pacific_share = as.pacific_share_of_asian_default;
  if (auto it = cal.race_by_state.find(jurisdiction); it != cal.race_by_state.end()) {
    const auto& c = it->second;  // total, white, black, hispanic, native, asian, pacific, two+, other, unknown, dnr
    auto val = [&](int i) { return c[i] < 0 ? 0.0 : static_cast<double>(c[i]); };
    double covered = 0;
    for (int i = 1; i <= 10; ++i) covered += val(i);
    const bool usable = c[3] > 0 && covered >= as.race_min_coverage * static_cast<double>(c[0]);
    if (c[5] >= 0 && c[6] >= 0 && c[5] + c[6] > 0)
      pacific_share = static_cast<double>(c[6]) / static_cast<double>(c[5] + c[6]);
    if (usable) {
      m.state_race_margin = true;
      const std::vector<double> cols = {val(1), val(2), val(3), val(4), val(5) + val(6),
                                        val(7) + val(8), val(9) + val(10)};
      const double total = std::accumulate(cols.begin(), cols.end(), 0.0);
      std::vector<double> col_share(7);
      for (int r = 0; r < 7; ++r) col_share[r] = cols[r] / total;
      if (col_share[kUnknown7] > 0)
        for (int s = 0; s < 2; ++s)
          sr[s][kUnknown7] = 0.01 * static_cast<double>(cal.race_counts[s][kNumBjsRaces]);
      Rake2(sr, {1 - m.p_female, m.p_female}, col_share, 200);
    } else {
      m.notes.push_back("race: Appendix Table 1 record not usable; national Table 11 race mix used");
    }
  }
  // Core Race order: black, white, hispanic, native, asian, pacific, other, unknown.
  for (int s = 0; s < 2; ++s) {
    const double tot = std::accumulate(sr[s].begin(), sr[s].end(), 0.0);
    auto share = [&](int r) { return tot > 0 ? sr[s][r] / tot : 0.0; };
    m.p_race[s] = {share(kBjsBlack), share(kBjsWhite), share(kBjsHispanic), share(kBjsNative),
                   share(kBjsAsian) * (1 - pacific_share), share(kBjsAsian) * pacific_share,
                   share(kBjsOther), share(kUnknown7)};
  }
  // The BJS column each core race draws its age and offense rows from;
  // kNumBjsRaces means the "all" column of the sex.
  static constexpr int kColumnOf[kNumRaces] = {kBjsBlack, kBjsWhite, kBjsHispanic, kBjsNative,
                                               kBjsAsian, kBjsAsian, kBjsOther, kNumBjsRaces};

  // --- Age band given sex and race (Table 11).
  for (int s = 0; s < 2; ++s)
    for (int r = 0; r < kNumRaces; ++r) {
      for (int b = 0; b < kNumAgeBands; ++b) m.p_age_band[s][r][b] = cal.age_percent[s][kColumnOf[r]][b];
      Normalize(m.p_age_band[s][r]);
    }

  // --- Offense subcategory given sex and race: national three-way IPF of
  // (sex, race, offense) to the Table 16 sex and race margins and the Table 11
  // sex-by-race counts.
  constexpr int K = static_cast<int>(kNumBjsOffenses);
  auto normalized = [](const std::array<double, kNumBjsOffenses>& pct) {
    std::array<double, kNumBjsOffenses> p = pct;
    Normalize(p);
    return p;
  };
  const auto p_all = normalized(cal.offense_percent_all);
  std::array<std::array<double, kNumBjsOffenses>, 2> m_sex{};
  for (int s = 0; s < 2; ++s) {
    const auto p = normalized(cal.offense_percent_sex[s]);
    for (int k = 0; k < K; ++k) m_sex[s][k] = p[k] * static_cast<double>(cal.offense_count_sex[s]);
  }
  std::array<std::array<double, kNumBjsOffenses>, kNumBjsRaces> m_race{};
  double named_total = 0;
  for (int r = 0; r < kNumBjsRaces; ++r) {
    if (r == kBjsOther) continue;
    const auto p = normalized(cal.offense_percent_race[r]);
    for (int k = 0; k < K; ++k) m_race[r][k] = p[k] * static_cast<double>(cal.offense_count_race[r]);
    named_total += static_cast<double>(cal.offense_count_race[r]);
  }
  const double all_total = static_cast<double>(cal.offense_count_all);
  const double other_total = std::max(all_total - named_total, 0.01 * all_total);
  {
    // "Other" races are the residual of the all-prisoners column; a negative
    // residual (rounding) is floored at a tenth of the all-prisoners share.
    std::array<double, kNumBjsOffenses> resid{};
    for (int k = 0; k < K; ++k) {
      double named = 0;
      for (int r = 0; r < kNumBjsRaces; ++r)
        if (r != kBjsOther) named += m_race[r][k];
      resid[k] = std::max(p_all[k] * all_total - named, 0.1 * p_all[k] * other_total);
    }
    Normalize(resid);
    for (int k = 0; k < K; ++k) m_race[kBjsOther][k] = resid[k] * other_total;
  }
  // Sex-by-race counts (Table 11, 2022) raked to Table 16's sex and race totals.
  std::vector<std::vector<double>> n_sr(2, std::vector<double>(kNumBjsRaces));
  for (int s = 0; s < 2; ++s)
    for (int r = 0; r < kNumBjsRaces; ++r) n_sr[s][r] = static_cast<double>(cal.race_counts[s][r]);
  {
    std::vector<double> race_tot(kNumBjsRaces);
    for (int r = 0; r < kNumBjsRaces; ++r)
      race_tot[r] = std::accumulate(m_race[r].begin(), m_race[r].end(), 0.0);
    std::vector<double> sex_tot = {static_cast<double>(cal.offense_count_sex[0]),
                                   static_cast<double>(cal.offense_count_sex[1])};
    const double rt = std::accumulate(race_tot.begin(), race_tot.end(), 0.0);
    const double st = sex_tot[0] + sex_tot[1];
    for (double& v : race_tot) v *= st / rt;
    Rake2(n_sr, sex_tot, race_tot, 200);
  }
  // Three-way table x[s][r][k].
  std::array<std::array<std::array<double, kNumBjsOffenses>, kNumBjsRaces>, 2> x{};
  for (int s = 0; s < 2; ++s)
    for (int r = 0; r < kNumBjsRaces; ++r)
      for (int k = 0; k < K; ++k) {
        const double ps = m_sex[s][k] / static_cast<double>(cal.offense_count_sex[s]);
        const double pr = m_race[r][k] / std::accumulate(m_race[r].begin(), m_race[r].end(), 0.0);
        x[s][r][k] = p_all[k] > 0 ? n_sr[s][r] * ps * pr / p_all[k] : 0.0;
      }
  for (int pass = 0; pass < 100; ++pass) {
    for (int s = 0; s < 2; ++s)  // (sex, offense) margin
      for (int k = 0; k < K; ++k) {
        double cur = 0;
        for (int r = 0; r < kNumBjsRaces; ++r) cur += x[s][r][k];
        if (cur > 0)
          for (int r = 0; r < kNumBjsRaces; ++r) x[s][r][k] *= m_sex[s][k] / cur;
      }
    for (int r = 0; r < kNumBjsRaces; ++r)  // (race, offense) margin
      for (int k = 0; k < K; ++k) {
        const double cur = x[0][r][k] + x[1][r][k];
        if (cur > 0)
          for (int s = 0; s < 2; ++s) x[s][r][k] *= m_race[r][k] / cur;
      }
    for (int s = 0; s < 2; ++s)  // (sex, race) margin
      for (int r = 0; r < kNumBjsRaces; ++r) {
        const double cur = std::accumulate(x[s][r].begin(), x[s][r].end(), 0.0);
        if (cur > 0)
          for (int k = 0; k < K; ++k) x[s][r][k] *= n_sr[s][r] / cur;
      }
  }
  for (int s = 0; s < 2; ++s)
    for (int r = 0; r < kNumRaces; ++r) {
      if (kColumnOf[r] == kNumBjsRaces) {
        m.p_offense[s][r] = m_sex[s];  // unknown race: the sex column alone
      } else {
        m.p_offense[s][r] = x[s][kColumnOf[r]];
      }
      Normalize(m.p_offense[s][r]);
    }

  // --- The state's category mix (Table 18): reweight each category's
  // subcategories by one factor until the population-wide mix matches.
  const auto& mix = cal.offense_mix.find(jurisdiction)->second;
  for (int c = 0; c < kNumBjsCategories; ++c) m.target_category[c] = mix.percent[c];
  Normalize(m.target_category);
  std::array<int, kNumBjsOffenses> cat_of{};
  for (int k = 0; k < K; ++k) cat_of[k] = BjsCategoryIndex(BjsCategoryOf(kBjsOffenses[k]));
  auto weight = [&](int s, int r) { return (s == kFemale ? m.p_female : 1 - m.p_female) * m.p_race[s][r]; };
  std::array<double, kNumBjsCategories> cur{};
  for (int pass = 0; pass < 200; ++pass) {
    cur.fill(0);
    for (int s = 0; s < 2; ++s)
      for (int r = 0; r < kNumRaces; ++r)
        for (int k = 0; k < K; ++k) cur[cat_of[k]] += weight(s, r) * m.p_offense[s][r][k];
    double worst = 0;
    for (int c = 0; c < kNumBjsCategories; ++c) worst = std::max(worst, std::abs(cur[c] - m.target_category[c]));
    if (worst < 1e-9) break;
    for (int s = 0; s < 2; ++s)
      for (int r = 0; r < kNumRaces; ++r) {
        for (int k = 0; k < K; ++k) {
          const int c = cat_of[k];
          m.p_offense[s][r][k] *= cur[c] > 0 ? m.target_category[c] / cur[c] : 0.0;
        }
        Normalize(m.p_offense[s][r]);
      }
  }
  for (int c = 0; c < kNumBjsCategories; ++c)
    if (m.target_category[c] > 0 && cur[c] == 0)
      m.notes.push_back("offense: no subcategory can carry the Table 18 share of " +
                        std::string(kBjsCategories[c]));
  m.expected_offense.fill(0);
  for (int s = 0; s < 2; ++s)
    for (int r = 0; r < kNumRaces; ++r)
      for (int k = 0; k < K; ++k) m.expected_offense[k] += weight(s, r) * m.p_offense[s][r][k];

  // --- Admission types of the stock (Table 8 flows x relative stays).
  {
    auto it = cal.admissions.find(jurisdiction);
    if (it == cal.admissions.end()) {
      it = cal.admissions.find("STATE");
      m.notes.push_back("admissions: no Table 8 row; state totals used");
    }
    if (it != cal.admissions.end()) {
      const auto& a = it->second;
      const double flows = static_cast<double>(a[1] + a[2]);
      const double viol = flows > 0 ? static_cast<double>(a[2]) / flows : 0;
      const double tech_frac = as.TechnicalShareOfViolationsFor(jurisdiction);
      const double tech = viol * tech_frac * as.technical_relative_stay;
      const double newoff = viol * (1 - tech_frac) * as.new_offense_relative_stay;
      const double fresh = 1 - viol;
      const double tot = tech + newoff + fresh;
      m.stock_technical = tech / tot;
      m.stock_new_offense = newoff / tot;
    }
  }

  // --- Facility crowding (Table 21): custody over the lowest capacity measure
  // reported, preferring design capacity.
  if (auto it = cal.capacity.find(jurisdiction); it != cal.capacity.end() && it->second.custody > 0) {
    const auto& c = it->second;
    const int64_t cap = c.design > 0 ? c.design : c.rated > 0 ? c.rated : c.operational;
    if (cap > 0) m.custody_to_design = static_cast<double>(c.custody) / static_cast<double>(cap);
  } else {
    m.notes.push_back("capacity: no Table 21 capacity; design capacity = population");
  }
  m.life = as.LifeFor(jurisdiction);
  return m;
}

}  // namespace clemency
