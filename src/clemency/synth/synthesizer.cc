#include "clemency/synth/synthesizer.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <filesystem>
#include <map>
#include <span>
#include <thread>
#include <tuple>

#include "clemency/core/codes.h"
#include "clemency/core/input_schema.h"
#include "clemency/io/atomic_file.h"
#include "clemency/io/csv_writer.h"
#include "clemency/law/rules_dir.h"

namespace clemency {
namespace {

// ------------------------------------------------------------------ random numbers

uint64_t SplitMix64(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// xoshiro256** (Blackman and Vigna, public domain), one stream per person.
class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream) {
    uint64_t a = seed;
    uint64_t b = SplitMix64(a) ^ stream;
    for (uint64_t& v : s_) v = SplitMix64(b);
  }
  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, 1).
  double U() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [0, n), n >= 1.
  int64_t Int(int64_t n) { return n <= 1 ? 0 : static_cast<int64_t>(U() * static_cast<double>(n)); }
  // Uniform integer in [lo, hi].
  int64_t Between(int64_t lo, int64_t hi) { return hi <= lo ? lo : lo + Int(hi - lo + 1); }
  bool Chance(double p) { return U() < p; }
  // Standard normal (Marsaglia's polar method).
  double Normal() {
    for (;;) {
      const double u = 2 * U() - 1;
      const double v = 2 * U() - 1;
      const double s = u * u + v * v;
      if (s > 0 && s < 1) return u * std::sqrt(-2 * std::log(s) / s);
    }
  }
  double Exponential(double mean) { return -std::log(1 - U()) * mean; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

template <typename C>
int SampleCdf(const C& cdf, double u) {
  const int n = static_cast<int>(std::size(cdf));
  for (int i = 0; i < n - 1; ++i)
    if (u < cdf[i]) return i;
  return n - 1;
}

template <typename C>
void ToCdf(C& p) {
  double sum = 0;
  for (double v : p) sum += v;
  double acc = 0;
  for (double& v : p) {
    acc += sum > 0 ? v / sum : 0;
    v = acc;
  }
  if (std::size(p) > 0) *(std::end(p) - 1) = 1.0;
}

// ------------------------------------------------------------------ formatting

void AppendDate(std::string& out, int32_t days) { AppendIsoDate(out, Date::FromDays(days)); }

void AppendInt(std::string& out, int64_t v) {
  char b[24];
  const auto r = std::to_chars(b, b + sizeof b, v);
  out.append(b, static_cast<size_t>(r.ptr - b));
}

void AppendPaddedId(std::string& out, char prefix, int64_t n, int width) {
  char b[32];
  const auto r = std::to_chars(b, b + sizeof b, n);
  const int len = static_cast<int>(r.ptr - b);
  out.push_back(prefix);
  for (int i = len; i < width; ++i) out.push_back('0');
  out.append(b, static_cast<size_t>(len));
}

std::string CsvField(std::string_view s) {
  std::string out;
  AppendCsvField(out, s);
  return out;
}

constexpr int32_t kNone = INT32_MIN;
constexpr double kDaysPerYear = 365.25;

// ------------------------------------------------------------------ the model

enum Kind : uint8_t { kDet, kVirtual, kIndet, kLifeKind, kThird, kOne, kLwopKind, kDeathKind, kNumKinds };
constexpr std::string_view kKindNames[kNumKinds] = {"determinate", "virtual_life", "indeterminate", "life",
                                                    "third_strike", "one_strike", "lwop", "death"};
constexpr std::string_view kTypeOfKind[kNumKinds] = {"determinate",   "determinate", "indeterminate",
                                                     "life",          "indeterminate", "indeterminate",
                                                     "lwop",          "death"};
bool IsLifer(Kind k) { return k == kIndet || k == kLifeKind || k == kThird || k == kOne; }

struct CodeInfo {
  const Offense* off = nullptr;
  int sub = 0;
  bool violent = false;      // violent_felony
  bool serious_or_violent = false;
  bool one_strike = false;   // a sex offense that One Strike covers
  bool possession = false;
  double p_lwop = 0, p_death = 0, p_conv = 0, p_virtual = 0;
  int32_t min_base_days = 0;
  int32_t middle_days = 0;
  // The longest determinate term drawn for this offense: the upper triad term
  // (doubled for a second strike) plus an allowance for enhancements and
  // consecutive counts.
  int64_t max_term_days = 0;
  int64_t max_term_days_second = 0;
  std::vector<double> drug_cdf;
  std::vector<std::string> drug_csv;
  std::string code_csv, desc_csv;
};

struct ResolvedRule {
  const SentenceEnhancement* def = nullptr;
  double probability = 0;
  uint32_t kinds = 0;
  uint32_t subs = 0;
  std::string flag;
  int32_t before = INT32_MAX;
  int max_count = 1;
  std::string code_csv;
};

struct EnhItem {
  const ResolvedRule* rule;
  int32_t days;
};

struct ChunkOut {
  std::string people;
  std::string sentences;
  int64_t sentence_rows = 0;
  int64_t clamped = 0;      // time served drawn by the fallback
  int64_t downgraded = 0;   // non-serious third strikes made determinate
};

class Generator {
 public:
  Generator(const SynthOptions& opt, const Calibration& cal, const OffenseCatalog& cat,
            const JurisdictionModel& model)
      : opt_(opt), as_(cal.assumptions), cat_(cat), m_(model) {}

  bool Prepare(std::string* error, std::vector<std::string>* notes);
  void Generate(int64_t begin, int64_t end, ChunkOut& out) const;
  void WriteFacilities(CsvWriter& w) const;
  int64_t facility_count() const { return static_cast<int64_t>(fac_ids_.size()); }

 private:
  // One person as drawn, before the rows are written.
  struct Drawn {
    struct Extra {
      const CodeInfo* code;
      bool consecutive;
      int64_t term;
    };
    std::string pid;
    int sex = 0, race = 0, age = 0;
    Date birth, birth18;
    int sub = 0;  // BJS offense of the lead
    const CodeInfo* lead = nullptr;
    Kind kind = kDet;
    AdmissionType adm_type = AdmissionType::kNewSentence;
    bool tech = false, second_strike = false;
    int64_t served = 0;
    double stay = 0;
    int32_t admission = 0;
    int32_t sentence_day = 0;
    int32_t original_served = 0;  // technical violators: days served before release to supervision
    double frac = 0;              // the share of a term served
    int64_t aggregate = 0;        // determinate: the whole term, consecutive counts included
    int32_t release_day = 0;
    Extra extras[8];
    int n_extra = 0;
    bool det_lead = false;
    int64_t lead_term = 0;
    std::vector<EnhItem> enh;
    int64_t enh_days = 0, min_term = kNone, doubling = 0;
  };
  struct SentenceCells;

  bool PrepareStrikes(std::string* error);
  void PrepareDemographics();
  void PrepareCodes();
  bool PrepareCodeCdfs(std::string* error);
  std::vector<double> CodeProbabilities() const;
  void PrepareLifeShares(const std::vector<double>& p_code, std::vector<std::string>* notes);
  void PrepareAdmissionTypes();
  bool PrepareEnhancementRules(std::string* error);
  void PrepareFacilities();
  void GenerateOne(int64_t index, ChunkOut& out) const;
  void DrawWho(Rng& rng, Drawn& d) const;
  void DrawLead(Rng& rng, Drawn& d) const;
  void DrawTimeServed(Rng& rng, Drawn& d, ChunkOut& out) const;
  void DrawLeadTerm(Rng& rng, Drawn& d) const;
  void DrawTechnicalViolatorsSentence(Rng& rng, Drawn& d) const;
  void DrawExtras(Rng& rng, Drawn& d) const;
  void DrawEnhancements(Rng& rng, Drawn& d) const;
  void WritePerson(Rng& rng, const Drawn& d, std::string& people) const;
  int32_t WriteLeadSentence(SentenceCells& w) const;
  void WriteExtraSentence(SentenceCells& w, int j, int32_t lead_offense, int& prev_consecutive) const;
  double StockStayDays(const LogNormalParams& p, Rng& rng) const {
    const double mu = std::log(p.median) + p.sigma * p.sigma;
    return std::min(std::exp(mu + p.sigma * rng.Normal()), 80.0) * kDaysPerYear;
  }
  double CohortStayDays(const LogNormalParams& p, Rng& rng) const {
    return std::min(std::exp(std::log(p.median) + p.sigma * rng.Normal()), 80.0) * kDaysPerYear;
  }
  int SampleCode(int sub, Rng& rng) const {
    const auto& cdf = code_cdf_[sub];
    return code_idx_[sub][SampleCdf(cdf, rng.U())];
  }
  double ServedFraction(const CodeInfo& c, bool second_strike) const {
    if (c.violent) return as_.served_violent;
    return second_strike ? as_.served_second_strike : as_.served_other;
  }
  int32_t ApplyRules(Kind kind, const CodeInfo& c, int32_t sentence_day, int64_t room, Rng& rng,
                     std::vector<EnhItem>& out) const;
  void AppendDrug(std::string& out, const CodeInfo& c, Rng& rng) const;

  const SynthOptions& opt_;
  const Assumptions& as_;
  const OffenseCatalog& cat_;
  const JurisdictionModel& m_;
  const StrikeRules* strikes_ = nullptr;
  const SentenceEnhancement* second_strike_def_ = nullptr;
  const SentenceEnhancement* third_strike_def_ = nullptr;
  const SentenceEnhancement* one_strike_def_ = nullptr;
  std::string second_csv_, third_csv_, one_csv_;

  std::vector<CodeInfo> codes_;
  std::array<std::vector<double>, kNumBjsOffenses> code_cdf_;
  std::array<std::vector<int>, kNumBjsOffenses> code_idx_;
  std::array<std::array<double, kNumRaces>, 2> race_cdf_{};
  std::array<std::array<std::array<double, kNumAgeBands>, kNumRaces>, 2> age_cdf_{};
  std::array<std::array<std::array<double, kNumBjsOffenses>, kNumRaces>, 2> off_cdf_{};
  std::vector<double> count_cdf_;
  std::vector<ResolvedRule> rules_;
  std::map<std::string, double, std::less<>> drug_weights_;
  double p_tech_ = 0, p_newoff_ = 0;  // given not LWOP/death
  int32_t as_of_ = 0;
  int32_t prop36_ = 0;
  int id_width_ = 7;
  std::string jur_csv_;

  // Facilities.
  std::vector<std::string> fac_ids_;
  std::vector<std::string> fac_names_;
  std::vector<int64_t> fac_capacity_;
  std::vector<int> fac_housing_;
  std::vector<double> fac_cdf_male_, fac_cdf_female_;
  std::vector<int> fac_male_, fac_female_;
};

bool Generator::Prepare(std::string* error, std::vector<std::string>* notes) {
  as_of_ = opt_.as_of.days();
  prop36_ = as_.non_serious_third_strike_before.days();
  jur_csv_ = CsvField(opt_.jurisdiction);
  for (int64_t n = opt_.people; n >= 10'000'000; n /= 10) ++id_width_;
  if (!PrepareStrikes(error)) return false;
  PrepareDemographics();
  PrepareCodes();
  if (!PrepareCodeCdfs(error)) return false;
  PrepareLifeShares(CodeProbabilities(), notes);
  PrepareAdmissionTypes();
  if (!PrepareEnhancementRules(error)) return false;
  PrepareFacilities();
  return true;
}

// The strike enhancements of the jurisdiction's assumptions, in its catalog.
bool Generator::PrepareStrikes(std::string* error) {
  strikes_ = as_.StrikesFor(opt_.jurisdiction);
  if (strikes_ != nullptr) {
    for (auto [code, def, csv] : {std::tuple{&strikes_->second_strike_code, &second_strike_def_, &second_csv_},
                                  std::tuple{&strikes_->third_strike_code, &third_strike_def_, &third_csv_},
                                  std::tuple{&strikes_->one_strike_code, &one_strike_def_, &one_csv_}}) {
      *def = cat_.FindEnhancement(*code);
      if (*def == nullptr) {
        *error = "assumptions.strikes." + opt_.jurisdiction + ": \"" + *code + "\" is not an enhancement in " +
                 cat_.path();
        return false;
      }
      *csv = CsvField(*code);
    }
  }
  return true;
}

void Generator::PrepareDemographics() {
  // Demographic CDFs.
  for (int s = 0; s < 2; ++s) {
    race_cdf_[s] = m_.p_race[s];
    ToCdf(race_cdf_[s]);
    for (int r = 0; r < kNumRaces; ++r) {
      age_cdf_[s][r] = m_.p_age_band[s][r];
      ToCdf(age_cdf_[s][r]);
      off_cdf_[s][r] = m_.p_offense[s][r];
      ToCdf(off_cdf_[s][r]);
    }
  }
  count_cdf_ = as_.count_distribution;
  ToCdf(count_cdf_);
  drug_weights_ = as_.drug_weights;

}

// Each offense of the catalog with what generation needs of it.
void Generator::PrepareCodes() {
  for (const Offense& o : cat_.offenses()) {
    CodeInfo c;
    c.off = &o;
    c.sub = BjsOffenseIndex(o.bjs_offense);
    c.violent = o.HasFlag("violent_felony");
    c.serious_or_violent = c.violent || o.HasFlag("serious_felony");
    c.one_strike = o.category == "sex" && c.violent;
    c.possession = o.category == "drug_possession";
    c.min_base_days = o.has_triad() ? static_cast<int32_t>(std::lround(o.triad_lower_months * kDaysPerYear / 12))
                                    : as_.minimum_term_days;
    c.middle_days = o.has_triad() ? static_cast<int32_t>(std::lround(o.triad_middle_months * kDaysPerYear / 12))
                                  : 2 * as_.minimum_term_days;
    const double upper_years = o.has_triad() ? o.triad_upper_months / 12.0 : 3.0;
    const double allowance_years = c.violent ? as_.term_allowance_violent_years : as_.term_allowance_other_years;
    c.max_term_days = std::llround((upper_years + allowance_years) * kDaysPerYear);
    c.max_term_days_second = std::llround((2 * upper_years + allowance_years) * kDaysPerYear);
    for (const std::string& d : o.drugs) {
      auto it = drug_weights_.find(d);
      c.drug_cdf.push_back(it == drug_weights_.end() ? 1.0 : it->second);
      c.drug_csv.push_back(CsvField(d));
    }
    ToCdf(c.drug_cdf);
    c.code_csv = CsvField(o.code);
    c.desc_csv = CsvField(o.title);
    codes_.push_back(std::move(c));
  }
}

// Offense codes by BJS subcategory, with the assumption weights.
bool Generator::PrepareCodeCdfs(std::string* error) {
  const auto wit = as_.offense_weights.find(opt_.jurisdiction);
  const std::map<std::string, double, std::less<>>* weights =
      wit == as_.offense_weights.end() ? nullptr : &wit->second;
  for (int k = 0; k < static_cast<int>(kNumBjsOffenses); ++k) {
    bool any_weight = false;
    for (size_t i = 0; i < codes_.size(); ++i)
      if (codes_[i].sub == k && weights != nullptr && weights->count(codes_[i].off->code) != 0) any_weight = true;
    for (size_t i = 0; i < codes_.size(); ++i) {
      if (codes_[i].sub != k) continue;
      double w = 1.0;
      if (any_weight) {
        auto it = weights->find(codes_[i].off->code);
        w = it == weights->end() ? 0.0 : it->second;
      }
      if (w <= 0) continue;
      code_cdf_[k].push_back(w);
      code_idx_[k].push_back(static_cast<int>(i));
    }
    if (code_idx_[k].empty()) {
      if (m_.expected_offense[k] > 0) {
        *error = cat_.path() + ": no offense (with a weight) for BJS subcategory \"" +
                 std::string(kBjsOffenses[k]) + "\", which the calibration needs";
        return false;
      }
      continue;
    }
    ToCdf(code_cdf_[k]);
  }
  return true;
}

// The probability of each code in the whole population.
std::vector<double> Generator::CodeProbabilities() const {
  std::vector<double> p_code(codes_.size(), 0.0);
  for (int k = 0; k < static_cast<int>(kNumBjsOffenses); ++k) {
    double prev = 0;
    for (size_t j = 0; j < code_idx_[k].size(); ++j) {
      p_code[static_cast<size_t>(code_idx_[k][j])] = m_.expected_offense[k] * (code_cdf_[k][j] - prev);
      prev = code_cdf_[k][j];
    }
  }

  return p_code;
}

// Life-type probabilities per code so that the population hits the targets.
void Generator::PrepareLifeShares(const std::vector<double>& p_code, std::vector<std::string>* notes) {
  const LifeShares& t = m_.life;
  double eligible = 0, statutory = 0;
  for (size_t i = 0; i < codes_.size(); ++i)
    if (codes_[i].off->lwop_eligible) eligible += p_code[i];
  double p_lwop = 0, p_death = 0;
  if (eligible > 0) {
    p_lwop = std::min(t.lwop / eligible, 0.9);
    p_death = std::min(t.death / eligible, 0.95 - p_lwop);
  } else if (t.lwop + t.death > 0) {
    notes->push_back("life: no offense is lwop_eligible, so no LWOP or death sentences");
  }
  if (eligible > 0 && (p_lwop * eligible < t.lwop - 1e-9 || p_death * eligible < t.death - 1e-9))
    notes->push_back("life: the LWOP/death targets exceed what lwop_eligible offenses can carry");
  for (size_t i = 0; i < codes_.size(); ++i) {
    CodeInfo& c = codes_[i];
    if (!c.off->life) continue;
    if (c.off->lwop_eligible) {
      c.p_lwop = p_lwop;
      c.p_death = p_death;
    }
    statutory += p_code[i] * (1 - c.p_lwop - c.p_death);
  }
  const double need = t.life_with_parole - statutory;
  if (need > 0 && strikes_ != nullptr) {
    double mass = 0;
    for (size_t i = 0; i < codes_.size(); ++i) {
      const CodeInfo& c = codes_[i];
      if (c.off->life) continue;
      mass += p_code[i] * (c.serious_or_violent ? as_.propensity_serious_or_violent : as_.propensity_other);
    }
    const double k = mass > 0 ? need / mass : 0;
    double got = 0;
    for (size_t i = 0; i < codes_.size(); ++i) {
      CodeInfo& c = codes_[i];
      if (c.off->life) continue;
      c.p_conv = std::min(as_.max_conversion_probability,
                          k * (c.serious_or_violent ? as_.propensity_serious_or_violent : as_.propensity_other));
      got += p_code[i] * c.p_conv;
    }
    if (got < need - 1e-6) notes->push_back("life: the life-with-parole target is above what conversions can reach");
  } else if (need < -1e-6) {
    notes->push_back("life: offenses with statutory life terms alone exceed the life-with-parole target");
  } else if (need > 0) {
    notes->push_back("life: no strike rules for " + opt_.jurisdiction + "; life-with-parole target not met");
  }
  {
    double mass = 0;
    for (size_t i = 0; i < codes_.size(); ++i)
      if (!codes_[i].off->life && codes_[i].violent) mass += p_code[i];
    const double pv = mass > 0 ? t.virtual_life / mass : 0;
    for (CodeInfo& c : codes_)
      if (!c.off->life && c.violent) c.p_virtual = std::min(pv, 0.95 - c.p_conv);
  }

}

// Admission types given the sentence is not LWOP, death or virtual life.
void Generator::PrepareAdmissionTypes() {
  const LifeShares& t = m_.life;
  const double p_no_parole = t.lwop + t.death + t.virtual_life;
  p_tech_ = std::min(m_.stock_technical / (1 - p_no_parole), 1.0);
  p_newoff_ = std::min(m_.stock_new_offense / (1 - p_no_parole), 1.0 - p_tech_);

}

bool Generator::PrepareEnhancementRules(std::string* error) {
  if (auto it = as_.enhancement_rules.find(opt_.jurisdiction); it != as_.enhancement_rules.end()) {
    for (const EnhancementRule& r : it->second) {
      ResolvedRule rr;
      rr.def = cat_.FindEnhancement(r.code);
      if (rr.def == nullptr) {
        *error = "assumptions.enhancements." + opt_.jurisdiction + ": \"" + r.code +
                 "\" is not an enhancement in " + cat_.path();
        return false;
      }
      rr.probability = r.probability;
      for (const std::string& k : r.kinds)
        for (int i = 0; i < kNumKinds; ++i)
          if (kKindNames[i] == k) rr.kinds |= 1U << i;
      for (const std::string& s : r.applies_to) {
        if (s == "*") rr.subs = ~0U;
        else rr.subs |= 1U << BjsOffenseIndex(s);
      }
      rr.flag = r.requires_flag;
      if (!r.sentenced_before.missing()) rr.before = r.sentenced_before.days();
      rr.max_count = r.max_count;
      rr.code_csv = CsvField(r.code);
      rules_.push_back(std::move(rr));
    }
  }

  return true;
}

// Facilities: about one per people_per_facility people; total design
// capacity = people / (custody / design capacity); women in their own
// facilities when there are at least four.
void Generator::PrepareFacilities() {
  Rng rng(opt_.seed, 0);
  const int64_t n_fac = std::max<int64_t>(1, std::llround(static_cast<double>(opt_.people) / as_.people_per_facility));
  const int64_t total_cap = std::max<int64_t>(n_fac, std::llround(static_cast<double>(opt_.people) / m_.custody_to_design));
  const int64_t n_female = n_fac >= 4 && m_.p_female > 0 ? std::max<int64_t>(1, std::llround(static_cast<double>(n_fac) * m_.p_female)) : 0;
  const int64_t female_cap = n_female > 0 ? std::max<int64_t>(n_female, std::llround(static_cast<double>(total_cap) * m_.p_female)) : 0;
  auto apportion = [&](int64_t count, int64_t cap) {
    std::vector<double> w(static_cast<size_t>(count));
    double sum = 0;
    for (double& v : w) sum += (v = 0.6 + 0.8 * rng.U());
    std::vector<int64_t> out(w.size());
    int64_t used = 0;
    for (size_t i = 0; i < w.size(); ++i) used += out[i] = std::max<int64_t>(1, static_cast<int64_t>(static_cast<double>(cap) * w[i] / sum));
    for (size_t i = 0; used < cap; i = (i + 1) % out.size(), ++used) ++out[i];
    return out;
  };
  const std::vector<int64_t> male_caps = apportion(n_fac - n_female, total_cap - female_cap);
  const std::vector<int64_t> female_caps = n_female > 0 ? apportion(n_female, female_cap) : std::vector<int64_t>{};
  std::array<double, 3> housing_cdf = as_.housing_weights;
  ToCdf(housing_cdf);
  const int width = std::max(3, static_cast<int>(std::to_string(n_fac).size()));
  auto add = [&](int64_t cap, bool women) {
    const int64_t n = static_cast<int64_t>(fac_ids_.size()) + 1;
    std::string id;
    id.append(opt_.jurisdiction).push_back('-');
    AppendPaddedId(id, 'F', n, width);
    fac_ids_.push_back(id);
    std::string name = opt_.jurisdiction + (women ? " Synthetic Women's Facility " : " Synthetic State Prison ");
    AppendPaddedId(name, '#', n, width);
    fac_names_.push_back(name);
    fac_capacity_.push_back(cap);
    fac_housing_.push_back(SampleCdf(housing_cdf, rng.U()));
    (women ? fac_female_ : fac_male_).push_back(static_cast<int>(fac_ids_.size()) - 1);
    (women ? fac_cdf_female_ : fac_cdf_male_).push_back(static_cast<double>(cap));
  };
  for (int64_t c : male_caps) add(c, false);
  for (int64_t c : female_caps) add(c, true);
  ToCdf(fac_cdf_male_);
  ToCdf(fac_cdf_female_);
}

void Generator::WriteFacilities(CsvWriter& w) const {
  for (size_t i = 0; i < fac_ids_.size(); ++i) {
    w.Field(fac_ids_[i]).Field(fac_names_[i]).Field(opt_.jurisdiction).Field(fac_capacity_[i]);
    w.Field(kHousing.Name(static_cast<Housing>(fac_housing_[i])));
    w.EndRow();
  }
}

int32_t Generator::ApplyRules(Kind kind, const CodeInfo& c, int32_t sentence_day, int64_t room, Rng& rng,
                              std::vector<EnhItem>& out) const {
  int32_t total = 0;
  for (const ResolvedRule& r : rules_) {
    if ((r.kinds & (1U << kind)) == 0 || (r.subs & (1U << c.sub)) == 0) continue;
    if (!r.flag.empty() && !c.off->HasFlag(r.flag)) continue;
    if (sentence_day >= r.before) continue;
    if (!rng.Chance(r.probability)) continue;
    const double u = rng.U();
    const int count = std::min(r.max_count, u < 0.7 ? 1 : u < 0.9 ? 2 : 3);
    int32_t days = r.def->days;
    if (r.def->kind == "choice" && !r.def->choices_days.empty())
      days = r.def->choices_days[static_cast<size_t>(rng.Int(static_cast<int64_t>(r.def->choices_days.size())))];
    for (int i = 0; i < count && days <= room; ++i) {
      room -= days;
      total += days;
      out.push_back({&r, days});
    }
  }
  return total;
}

void Generator::AppendDrug(std::string& out, const CodeInfo& c, Rng& rng) const {
  // drug_type,drug_grams
  if (c.drug_csv.empty()) {
    out += ",,";
    return;
  }
  const bool type_known = !rng.Chance(as_.missing_drug_type_share);
  const size_t which = static_cast<size_t>(SampleCdf(c.drug_cdf, rng.U()));
  if (type_known) out += c.drug_csv[which];
  out.push_back(',');
  const LogNormalParams& g = c.possession ? as_.possession_grams : as_.distribution_grams;
  const double grams = std::exp(std::log(g.median) + g.sigma * rng.Normal());
  if (!rng.Chance(as_.missing_grams_share)) {
    const int64_t tenths = std::max<int64_t>(1, std::llround(std::min(grams, 1e6) * 10));
    AppendInt(out, tenths / 10);
    out.push_back('.');
    out.push_back(static_cast<char>('0' + tenths % 10));
  }
  out.push_back(',');
}

void Generator::Generate(int64_t begin, int64_t end, ChunkOut& out) const {
  out.people.reserve(static_cast<size_t>(end - begin) * 90);
  out.sentences.reserve(static_cast<size_t>(end - begin) * 330);
  for (int64_t i = begin; i < end; ++i) GenerateOne(i, out);
}

void Generator::DrawWho(Rng& rng, Drawn& d) const {
  const Date as_of = opt_.as_of;
  d.sex = rng.Chance(m_.p_female) ? kFemale : kMale;
  d.race = SampleCdf(race_cdf_[d.sex], rng.U());
  const int band = SampleCdf(age_cdf_[d.sex][d.race], rng.U());
  if (band + 1 < kNumAgeBands) {
    d.age = static_cast<int>(rng.Between(kAgeBandLow[band], kAgeBandLow[band + 1] - 1));
  } else {
    do {
      d.age = kAgeBandLow[band] + static_cast<int>(rng.Exponential(as_.over_65_mean_excess_years));
    } while (d.age > as_.max_age);
  }
  for (int tries = 0; tries < 4; ++tries) {
    const Date hi = as_of.PlusYears(-d.age);
    const Date lo = as_of.PlusYears(-(d.age + 1)).PlusDays(1);
    d.birth = lo.PlusDays(rng.Int(DaysBetween(lo, hi) + 1));
    if (AgeOn(d.birth, as_of) == d.age) break;
  }
  d.birth18 = d.birth.PlusYears(18);
}

// The most serious offense, the kind of sentence and how the stay began.
void Generator::DrawLead(Rng& rng, Drawn& d) const {
  d.sub = SampleCdf(off_cdf_[d.sex][d.race], rng.U());
  d.lead = &codes_[static_cast<size_t>(SampleCode(d.sub, rng))];
  const CodeInfo& lead = *d.lead;
  const double u = rng.U();
  if (lead.off->life) {
    if (u < lead.p_lwop) d.kind = kLwopKind;
    else if (u < lead.p_lwop + lead.p_death) d.kind = kDeathKind;
    else d.kind = lead.off->life_kind == "life" ? kLifeKind : kIndet;
  } else if (u < lead.p_conv) {
    d.kind = lead.one_strike ? kOne : kThird;
  } else if (u < lead.p_conv + lead.p_virtual) {
    d.kind = kVirtual;
  } else {
    d.kind = kDet;
  }
  d.adm_type = AdmissionType::kNewSentence;
  if (d.kind != kLwopKind && d.kind != kDeathKind && d.kind != kVirtual) {
    const double v = rng.U();
    if (v < p_tech_) d.adm_type = AdmissionType::kTechnicalViolation;
    else if (v < p_tech_ + p_newoff_) d.adm_type = AdmissionType::kNewOffenseViolation;
  }
  d.tech = d.adm_type == AdmissionType::kTechnicalViolation;
  d.second_strike = d.kind == kDet && strikes_ != nullptr && rng.Chance(strikes_->second_strike_share);
}

// Time served so far: uniform over a length-biased stay, resampled (not
// clamped) until the admission falls on or after the 18th birthday.
void Generator::DrawTimeServed(Rng& rng, Drawn& d, ChunkOut& out) const {
  const CodeInfo& lead = *d.lead;
  const int64_t max_served = std::max<int64_t>(0, DaysBetween(d.birth18, opt_.as_of));
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool nonserious_third = d.kind == kThird && !lead.serious_or_violent && !d.tech;
    const int64_t min_served = nonserious_third ? std::max<int64_t>(0, as_of_ - prop36_ + 121) : 0;
    const LogNormalParams& params = d.tech                ? as_.stay_technical
                                    : d.kind == kDet      ? as_.stay[static_cast<size_t>(d.sub)]
                                    : IsLifer(d.kind)     ? as_.stay_life_with_parole
                                                          : as_.stay_lwop;
    const int64_t max_term = d.kind == kDet && !d.tech ? (d.second_strike ? lead.max_term_days_second : lead.max_term_days)
                                                       : INT64_MAX;
    const double frac_now = ServedFraction(lead, d.second_strike);
    bool ok = false;
    for (int tries = 0; tries < 200 && !ok; ++tries) {
      d.stay = StockStayDays(params, rng);
      d.served = static_cast<int64_t>(rng.U() * d.stay);
      ok = d.served <= max_served && d.served >= min_served && d.stay / frac_now <= static_cast<double>(max_term);
    }
    if (ok) break;
    if (nonserious_third) {  // too young to have been sentenced before Prop 36
      d.kind = kDet;
      ++out.downgraded;
      continue;
    }
    d.served = rng.Int(max_served + 1);
    d.stay = std::max(d.stay, static_cast<double>(d.served) + 1);
    ++out.clamped;
    break;
  }
  d.admission = static_cast<int32_t>(as_of_ - d.served);
}

// The lead sentence's dates and terms.
void Generator::DrawLeadTerm(Rng& rng, Drawn& d) const {
  const CodeInfo& lead = *d.lead;
  const int32_t birth18_day = d.birth18.days();
  d.frac = d.kind == kVirtual ? as_.served_violent : ServedFraction(lead, d.second_strike);
  if (!d.tech) {
    const int64_t lag = rng.Between(0, std::min<int64_t>(120, std::max<int64_t>(0, d.admission - birth18_day)));
    d.sentence_day = static_cast<int32_t>(d.admission - lag);
    if (d.kind == kDet) {
      d.aggregate = std::max<int64_t>(static_cast<int64_t>(std::ceil(d.stay / d.frac)), as_.minimum_term_days);
    } else if (d.kind == kVirtual) {
      const double years = 50 + 50 * rng.U();
      d.aggregate = std::max<int64_t>(std::llround(years * kDaysPerYear),
                                      static_cast<int64_t>(std::ceil((static_cast<double>(d.served) + 366) / d.frac)));
    }
  } else {
    DrawTechnicalViolatorsSentence(rng, d);
  }
  // The agency's projected release: the whole determinate term after
  // credits, or the end of the drawn stay (technical violators, lifers).
  const int64_t stay_days = std::max<int64_t>(static_cast<int64_t>(std::ceil(d.stay)), d.served + 1);
  d.release_day = static_cast<int32_t>(
      d.admission + (!d.tech && (d.kind == kDet || d.kind == kVirtual)
                         ? std::max<int64_t>(static_cast<int64_t>(std::ceil(static_cast<double>(d.aggregate) * d.frac)),
                                             d.served + 1)
                         : stay_days));
}

// Back in prison on a technical violation: the sentence was imposed before an
// earlier stay and a period on supervision.
void Generator::DrawTechnicalViolatorsSentence(Rng& rng, Drawn& d) const {
  const CodeInfo& lead = *d.lead;
  const int32_t birth18_day = d.birth18.days();
  double first = 0;
  if (d.kind == kDet || d.kind == kVirtual) {
    const double t0 = CohortStayDays(as_.stay[static_cast<size_t>(d.sub)], rng);
    d.aggregate = d.kind == kVirtual
                      ? std::llround((50 + 50 * rng.U()) * kDaysPerYear)
                      : std::clamp<int64_t>(static_cast<int64_t>(std::ceil(t0 / d.frac)), as_.minimum_term_days,
                                            std::max<int64_t>(as_.minimum_term_days,
                                                              d.second_strike ? lead.max_term_days_second : lead.max_term_days));
    first = std::min(t0, static_cast<double>(d.aggregate) * d.frac) * (0.5 + 0.5 * rng.U());
  } else {
    const int years = d.kind == kThird || d.kind == kOne ? 25 : std::max(lead.off->life_min_years, 7);
    first = years * kDaysPerYear + rng.U() * 10 * kDaysPerYear;
  }
  const int64_t on_supervision = rng.Between(90, 1095);
  int64_t sd = d.admission - static_cast<int64_t>(first) - on_supervision;
  if (sd < birth18_day) sd = birth18_day + rng.Int(std::max<int64_t>(1, d.admission - birth18_day - 90));
  d.sentence_day = static_cast<int32_t>(std::min<int64_t>(sd, d.admission));
  d.original_served = static_cast<int32_t>(
      std::max<int64_t>(0, std::min<int64_t>(static_cast<int64_t>(first), d.admission - d.sentence_day)));
}

// Extra counts (1-4 sentences in all; the lead is the longest).
void Generator::DrawExtras(Rng& rng, Drawn& d) const {
  const int n_sent = SampleCdf(count_cdf_, rng.U()) + 1;
  d.n_extra = 0;
  d.det_lead = d.kind == kDet || d.kind == kVirtual;
  int64_t consec_total = 0;
  int64_t consec_longest = 0;
  for (int j = 1; j < n_sent && d.n_extra < 8; ++j) {
    const CodeInfo* c = nullptr;
    for (int tries = 0; tries < 6 && c == nullptr; ++tries) {
      const CodeInfo& cand = codes_[static_cast<size_t>(SampleCode(SampleCdf(off_cdf_[d.sex][d.race], rng.U()), rng))];
      if (!cand.off->life) c = &cand;
    }
    if (c == nullptr) continue;
    Drawn::Extra e{c, d.det_lead && rng.Chance(as_.consecutive_share), 0};
    if (e.consecutive) {
      e.term = std::max<int64_t>(c->middle_days / 3, 243);  // one-third of the middle term (PC 1170.1(a))
      // The lead keeps at least its lower term and stays the longest.
      const int64_t longest = std::max(consec_longest, e.term);
      if (d.aggregate - consec_total - e.term < std::max<int64_t>(d.lead->min_base_days, longest)) {
        e.consecutive = false;
      } else {
        consec_total += e.term;
        consec_longest = longest;
      }
    }
    d.extras[d.n_extra++] = e;
  }
  d.lead_term = d.aggregate - consec_total;
}

// Enhancements on the lead sentence, a lifer's minimum, a second strike's doubling.
void Generator::DrawEnhancements(Rng& rng, Drawn& d) const {
  const CodeInfo& lead = *d.lead;
  if (d.kind == kDet || d.kind == kVirtual) {
    d.enh_days = ApplyRules(d.kind, lead, d.sentence_day, d.lead_term - lead.min_base_days, rng, d.enh);
  } else if (IsLifer(d.kind)) {
    const int years = d.kind == kThird ? (strikes_ != nullptr ? strikes_->third_strike_min_years : 25)
                      : d.kind == kOne ? (rng.Chance(as_.one_strike_25_share) ? 25 : 15)
                                       : lead.off->life_min_years;
    const Date sd = Date::FromDays(d.sentence_day);
    d.enh_days = ApplyRules(d.kind, lead, d.sentence_day, INT64_MAX / 4, rng, d.enh);
    d.min_term = DaysBetween(sd, sd.PlusYears(years)) + d.enh_days;
  }
  if (d.second_strike && second_strike_def_ != nullptr) d.doubling = (d.lead_term - d.enh_days) / 2;
}

void Generator::WritePerson(Rng& rng, const Drawn& d, std::string& P) const {
  P += d.pid;
  P.push_back(',');
  P += jur_csv_;
  P.push_back(',');
  if (rng.Chance(as_.year_precision_share)) {
    AppendDate(P, Date::FromCivil(d.birth.year(), 7, 1).days());
    P += ",year,";
  } else {
    AppendDate(P, d.birth.days());
    P += ",,";
  }
  P += kSex.Name(d.sex == kFemale ? Sex::kF : Sex::kM);
  P.push_back(',');
  P += kRace.Name(static_cast<Race>(d.race));
  P.push_back(',');
  AppendDate(P, d.admission);
  P.push_back(',');
  if (!rng.Chance(as_.admission_type_missing_share)) P += kAdmissionType.Name(d.adm_type);
  P.push_back(',');
  if (!rng.Chance(as_.facility_missing_share) && !fac_ids_.empty()) {
    const bool women = d.sex == kFemale && !fac_female_.empty();
    const auto& cdf = women ? fac_cdf_female_ : fac_cdf_male_;
    const auto& idx = women ? fac_female_ : fac_male_;
    if (!idx.empty()) P += fac_ids_[static_cast<size_t>(idx[static_cast<size_t>(SampleCdf(cdf, rng.U()))])];
  }
  P.push_back(',');
  if (!rng.Chance(as_.missing_share)) {
    const double mean = as_.infractions_mean_at_35 * std::exp(as_.infractions_age_slope * (d.age - 35));
    const double q = mean / (1 + mean);
    const int64_t k = q > 0 ? std::min<int64_t>(60, static_cast<int64_t>(std::log(1 - rng.U()) / std::log(q))) : 0;
    AppendInt(P, k);
  }
  P.push_back(',');
  if (!rng.Chance(as_.missing_share)) {
    const double z = as_.medical_logit_at_50 + as_.medical_logit_slope * (d.age - 50);
    P.push_back(rng.Chance(1 / (1 + std::exp(-z))) ? '1' : '0');
  }
  P.push_back('\n');
}

// The cells of a person's sentence rows.
struct Generator::SentenceCells {
  const Generator& g;
  const Drawn& d;
  Rng& rng;
  std::string& S;

  // The offense came 30 days to max_lag days before `before`, and not before
  // the 14th birthday (juveniles tried as adults).
  int32_t OffenseDay(int32_t before, int64_t max_lag) {
    if (rng.Chance(g.as_.offense_date_missing_share)) return kNone;
    const int32_t floor = d.birth.PlusYears(14).days();
    int64_t day = before - rng.Between(30, max_lag);
    if (day < floor) day = std::min(floor, before);
    return static_cast<int32_t>(day);
  }
  // person_id through sentence_date, with the comma after it.
  void Begin(const CodeInfo& c, int n, int32_t off_day, int32_t sent_day) {
    S += d.pid;
    S += ",S";
    AppendInt(S, n);
    S.push_back(',');
    S += c.code_csv;
    S.push_back(',');
    S += c.desc_csv;
    S.push_back(',');
    if (off_day != kNone) AppendDate(S, off_day);
    S.push_back(',');
    AppendDate(S, sent_day);
    S.push_back(',');
  }
  void OptionalInt(int64_t v) {
    if (v != kNone) AppendInt(S, v);
    S.push_back(',');
  }
  void OptionalDate(int64_t day) {
    if (day != kNone) AppendDate(S, static_cast<int32_t>(day));
  }
  void Enhancement(bool& first, const std::string& code_csv, int64_t days) {
    if (!first) S.push_back(';');
    first = false;
    S += code_csv;
    S.push_back('=');
    AppendInt(S, days);
  }
};

// Returns the lead's offense day (kNone when not recorded).
int32_t Generator::WriteLeadSentence(SentenceCells& w) const {
  const Drawn& d = w.d;
  const CodeInfo& lead = *d.lead;
  std::string& S = w.S;
  const bool det = d.kind == kDet || d.kind == kVirtual;
  const int32_t lead_offense = w.OffenseDay(d.sentence_day, 720);
  w.Begin(lead, 1, lead_offense, d.sentence_day);
  S += kTypeOfKind[d.kind];
  S.push_back(',');
  w.OptionalInt(det ? d.lead_term : kNone);  // term_days
  w.OptionalInt(d.min_term);                 // min_term_days
  S.push_back(',');                          // max_term_days: life maximum
  // The list is written unquoted: OffenseCatalog::Load rejects codes with a
  // comma, quote, ';' or '='.
  bool first = true;
  if (d.kind == kThird && third_strike_def_ != nullptr) w.Enhancement(first, third_csv_, 0);
  if (d.kind == kOne && one_strike_def_ != nullptr) w.Enhancement(first, one_csv_, 0);
  if (d.doubling > 0) w.Enhancement(first, second_csv_, d.doubling);
  for (const EnhItem& e : d.enh) w.Enhancement(first, e.rule->code_csv, e.days);
  S.push_back(',');
  AppendDrug(S, lead, w.rng);
  S.push_back(',');  // consecutive_to
  S += "active,";
  if (det && !w.rng.Chance(as_.missing_share)) {  // credits_days
    const int64_t days_so_far = d.tech ? d.original_served : d.served;
    AppendInt(S, std::llround(static_cast<double>(days_so_far) * (1 / d.frac - 1)));
  }
  S.push_back(',');
  // projected_release_date, parole_eligibility_date
  if (det && !w.rng.Chance(as_.projected_release_missing_share)) w.OptionalDate(d.release_day);
  S.push_back(',');
  if (d.kind == kDet && !d.tech && !lead.violent) {
    // Nonviolent parole consideration (Cal. Const. art. I, 32(a)(1)) after the
    // full term of the primary offense, with credits.
    const int64_t primary = (d.second_strike ? (d.lead_term - d.enh_days) / 2 : d.lead_term - d.enh_days);
    const int64_t day = d.admission + static_cast<int64_t>(std::ceil(static_cast<double>(primary) * d.frac));
    if (day < d.release_day) w.OptionalDate(day);
  } else if ((d.kind == kIndet || d.kind == kLifeKind || d.kind == kThird || d.kind == kOne) && !d.tech) {
    w.OptionalDate(d.admission + d.min_term);  // minimum eligible parole date
  }
  S.push_back('\n');
  return lead_offense;
}

// Extra count j (the sentence S(j+2)); prev_consecutive is the sentence the
// next consecutive count follows.
void Generator::WriteExtraSentence(SentenceCells& w, int j, int32_t lead_offense, int& prev_consecutive) const {
  const Drawn& d = w.d;
  Rng& rng = w.rng;
  std::string& S = w.S;
  const Drawn::Extra& e = d.extras[j];
  const CodeInfo& c = *e.code;
  const int n = j + 2;
  const double f = ServedFraction(c, false);
  int64_t term = e.term;
  if (!e.consecutive) {
    if (d.det_lead) {
      term = std::clamp<int64_t>(std::llround(static_cast<double>(d.lead_term) * (0.25 + 0.65 * rng.U())),
                                 std::min<int64_t>(as_.minimum_term_days, d.lead_term), d.lead_term);
    } else {
      term = rng.Between(as_.minimum_term_days, std::llround(15 * kDaysPerYear));
    }
  }
  const int64_t own_stay = static_cast<int64_t>(std::ceil(static_cast<double>(term) * f));
  bool active = true;
  if (!e.consecutive) active = d.tech ? own_stay > d.original_served + d.served : own_stay > d.served;
  w.Begin(c, n, w.OffenseDay(lead_offense != kNone ? lead_offense : d.sentence_day, 365), d.sentence_day);
  S += "determinate,";
  AppendInt(S, term);
  S += ",,,";  // min, max
  std::vector<EnhItem> enh;
  ApplyRules(kDet, c, d.sentence_day, term - c.min_base_days, rng, enh);
  bool first = true;
  for (const EnhItem& x : enh) w.Enhancement(first, x.rule->code_csv, x.days);
  S.push_back(',');
  AppendDrug(S, c, rng);
  if (e.consecutive) {
    S.push_back('S');
    AppendInt(S, prev_consecutive);
    prev_consecutive = n;
  }
  S.push_back(',');
  S += active ? "active," : "served,";
  if (!rng.Chance(as_.missing_share)) {
    const int64_t so_far = active ? (d.tech ? d.original_served : d.served) : own_stay;
    AppendInt(S, std::llround(static_cast<double>(std::min(so_far, own_stay)) * (1 / f - 1)));
  }
  S.push_back(',');
  if (active) {
    const int64_t rel = d.det_lead ? d.release_day : d.admission + own_stay;
    if (rel > as_of_ && !rng.Chance(as_.projected_release_missing_share)) w.OptionalDate(rel);
  }
  S += ",\n";
}

// One person: every draw in a fixed order from the person's own stream, so
// the rows are the same whatever the thread count.
void Generator::GenerateOne(int64_t index, ChunkOut& out) const {
  Rng rng(opt_.seed, static_cast<uint64_t>(index) + 1);
  Drawn d;
  d.pid = opt_.id_prefix;
  AppendPaddedId(d.pid, 'P', index + 1, id_width_);
  DrawWho(rng, d);
  DrawLead(rng, d);
  DrawTimeServed(rng, d, out);
  DrawLeadTerm(rng, d);
  DrawExtras(rng, d);
  DrawEnhancements(rng, d);
  WritePerson(rng, d, out.people);
  SentenceCells w{*this, d, rng, out.sentences};
  const int32_t lead_offense = WriteLeadSentence(w);
  ++out.sentence_rows;
  int prev_consecutive = 1;  // the sentence a consecutive count follows
  for (int j = 0; j < d.n_extra; ++j) {
    WriteExtraSentence(w, j, lead_offense, prev_consecutive);
    ++out.sentence_rows;
  }
}

SynthResult Fail(SynthStatus status, std::string message) {
  SynthResult r;
  r.status = status;
  r.error = std::move(message);
  return r;
}

void GenerateInto(const Generator& gen, const SynthOptions& options, SynthFiles& files, SynthResult& result,
                  const ProgressCallback& progress) {
  // Chunks of people are generated in parallel rounds and written in order.
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1U, 2U));
  constexpr int64_t kChunk = 16384;
  const int64_t n = options.people;
  std::vector<ChunkOut> round(static_cast<size_t>(threads));
  int64_t clamped = 0, downgraded = 0;
  for (int64_t start = 0; start < n; start += kChunk * threads) {
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      const int64_t b = start + t * kChunk;
      const int64_t e = std::min(n, b + kChunk);
      round[static_cast<size_t>(t)] = ChunkOut{};
      if (b >= e) continue;
      if (t + 1 == threads || e == n) {
        gen.Generate(b, e, round[static_cast<size_t>(t)]);
      } else {
        workers.emplace_back([&gen, &round, t, b, e] { gen.Generate(b, e, round[static_cast<size_t>(t)]); });
      }
    }
    for (std::thread& w : workers) w.join();
    for (ChunkOut& c : round) {
      files.people.Write(c.people);
      files.sentences.Write(c.sentences);
      result.sentences += c.sentence_rows;
      clamped += c.clamped;
      downgraded += c.downgraded;
    }
    if (progress) progress("synthesizing", static_cast<uint64_t>(std::min(n, start + kChunk * threads)),
                           static_cast<uint64_t>(n));
  }
  gen.WriteFacilities(files.facilities);
  // Fallbacks are reported only when they are frequent enough to move a
  // calibrated share (more than 0.5% of people).
  if (clamped * 200 > n)
    result.notes.push_back(std::to_string(clamped) +
                           " people: no admission at 18 or older in 200 draws; time served drawn uniformly instead");
  if (downgraded * 200 > n)
    result.notes.push_back(std::to_string(downgraded) +
                           " non-serious third strikes made determinate (too young to be sentenced before Prop 36)");
  result.people += n;
  result.facilities += gen.facility_count();
}

}  // namespace

SynthResult SynthesizeInto(const SynthOptions& options, const Calibration& calibration, const OffenseCatalog& catalog,
                           SynthFiles& files, const ProgressCallback& progress) {
  if (options.people <= 0) return Fail(SynthStatus::kUsage, "--people must be at least 1");
  if (options.people > 100'000'000) return Fail(SynthStatus::kUsage, "--people must be at most 100000000");
  if (options.as_of.missing()) return Fail(SynthStatus::kUsage, "an as-of date is required");
  if (options.as_of.year() < 1950 || options.as_of.year() > 2200)
    return Fail(SynthStatus::kUsage, "the as-of date must be between 1950 and 2200");
  if (!calibration.HasJurisdiction(options.jurisdiction)) {
    std::string list;
    for (const std::string& j : calibration.Jurisdictions()) list += (list.empty() ? "" : " ") + j;
    return Fail(SynthStatus::kUsage, "unknown jurisdiction \"" + options.jurisdiction +
                                         "\"; the calibration covers: " + list);
  }
  if (catalog.jurisdiction() != options.jurisdiction)
    return Fail(SynthStatus::kRules, "the offense catalog " + catalog.path() + " is for " +
                                         catalog.jurisdiction() + ", not " + options.jurisdiction);
  std::string error;
  const auto model = BuildJurisdictionModel(calibration, options.jurisdiction, &error);
  if (!model) return Fail(SynthStatus::kRules, error);
  SynthResult result;
  result.notes = model->notes;
  Generator gen(options, calibration, catalog, *model);
  if (!gen.Prepare(&error, &result.notes)) return Fail(SynthStatus::kRules, error);
  GenerateInto(gen, options, files, result, progress);
  return result;
}

SynthFiles::SynthFiles(const std::string& dir)
    : people((std::filesystem::path(dir) / "people.csv").string()),
      sentences((std::filesystem::path(dir) / "sentences.csv").string()),
      facilities((std::filesystem::path(dir) / "facilities.csv").string()) {
  auto header = [](std::span<const std::string_view> cols) {
    std::string h;
    for (std::string_view c : cols) {
      if (!h.empty()) h.push_back(',');
      h += c;
    }
    h.push_back('\n');
    return h;
  };
  people.Write(header(ColumnNames(InputFile::kPeople)));
  sentences.Write(header(ColumnNames(InputFile::kSentences)));
  facilities.Row(ColumnNames(InputFile::kFacilities));
}

bool SynthFiles::ok() const { return people.ok() && sentences.ok() && facilities.ok(); }

std::string SynthFiles::error() const {
  for (const std::string* e : {&people.error(), &sentences.error(), &facilities.error()})
    if (!e->empty()) return *e;
  return "";
}

bool SynthFiles::Commit() { return facilities.Commit() && sentences.Commit() && people.Commit(); }

SynthResult Synthesize(const SynthOptions& options, const Calibration& calibration, const OffenseCatalog& catalog,
                       const ProgressCallback& progress) {
  if (options.out_dir.empty()) return Fail(SynthStatus::kUsage, "an output directory is required");
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return Fail(SynthStatus::kIo, options.out_dir + ": cannot create the directory: " + ec.message());
  SynthFiles files(options.out_dir);
  if (!files.ok()) return Fail(SynthStatus::kIo, files.error());
  SynthResult result = SynthesizeInto(options, calibration, catalog, files, progress);
  if (result.ok() && !files.Commit()) return Fail(SynthStatus::kIo, files.error());
  return result;
}



SynthResult Synthesize(const SynthOptions& options, const ProgressCallback& progress) {
  const std::string cal_path = Calibration::DefaultPath(options.rules_dir);
  std::string error;
  if (options.rules_dir.empty() && RulesDir().empty() && UserRulesDir().empty())
    return Fail(SynthStatus::kRules, "cannot find the rules/ folder (give --rules DIR or set CLEMENCY_RULES_DIR)");
  const auto cal = Calibration::Load(cal_path, &error);
  if (!cal) return Fail(SynthStatus::kRules, error);
  if (!cal->HasJurisdiction(options.jurisdiction)) {
    std::string list;
    for (const std::string& j : cal->Jurisdictions()) list += (list.empty() ? "" : " ") + j;
    return Fail(SynthStatus::kUsage, "unknown jurisdiction \"" + options.jurisdiction +
                                         "\"; the calibration covers: " + list);
  }
  const auto cat = OffenseCatalog::LoadOrGeneric(options.jurisdiction, &error, options.rules_dir);
  if (!cat) return Fail(SynthStatus::kRules, error);
  SynthResult result = Synthesize(options, *cal, *cat, progress);
  if (cat->generic())
    result.notes.insert(result.notes.begin(), options.jurisdiction + " has no offense catalog: its offenses are BJS categories (" +
                                                  options.jurisdiction + ":BJS ...) from " + cat->path());
  return result;
}

}  // namespace clemency
