// The calibration extract the synthetic population is fitted to
// (rules/calibration/bjs-prisoners-2022.toml): tables copied from BJS
// Prisoners in 2022 - Statistical Tables (NCJ 307149), and the modelling
// assumptions that are not from BJS, each with its source.
//
// BuildJurisdictionModel turns the tables into the distributions the
// synthesizer draws from for one state: sex (Table 4), race given sex
// (Table 11 counts, raked to the state's race margin from Appendix Table 1 when
// that record is usable), age band given sex and race (Table 11), and most
// serious offense subcategory given sex and race (Table 16, fitted to its sex
// and race margins by iterative proportional fitting, then reweighted so the
// state's category mix matches Table 18).
#ifndef CLEMENCY_SYNTH_CALIBRATION_H_
#define CLEMENCY_SYNTH_CALIBRATION_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/law/offense_catalog.h"

namespace clemency {

inline constexpr int kNumAgeBands = 11;  // 18-19, 20-24, ..., 60-64, 65+
inline constexpr int kAgeBandLow[kNumAgeBands] = {18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65};
// Table 18's categories, in its column order.
inline constexpr std::string_view kBjsCategories[] = {"violent", "property", "drug", "public_order",
                                                      "other_unspecified"};
inline constexpr int kNumBjsCategories = 5;
int BjsCategoryIndex(std::string_view category);  // -1 when unknown

// Race columns of BJS Tables 11 and 16 (Asian includes NHPI).
enum BjsRace : int { kBjsWhite, kBjsBlack, kBjsHispanic, kBjsNative, kBjsAsian, kBjsOther, kNumBjsRaces };
// Sex index used throughout: 0 male, 1 female (BJS reports only these).
inline constexpr int kMale = 0;
inline constexpr int kFemale = 1;
// Race index used in models: the core Race enum's order (black, white,
// hispanic, native, asian, pacific, other, unknown).
inline constexpr int kNumRaces = 8;

struct TableSource {
  std::string key;  // "table4"
  std::string file, title, version, reference_date, note;
};

struct LogNormalParams {
  double median = 1;  // years (stays) or grams
  double sigma = 0.5;
};

struct LifeShares {
  double lwop = 0, life_with_parole = 0, virtual_life = 0, death = 0;
};

struct EnhancementRule {
  std::string code;
  double probability = 0;
  std::vector<std::string> kinds;       // sentence kinds it applies to
  std::vector<std::string> applies_to;  // BJS subcategories, or "*"
  std::string requires_flag;            // empty = none
  Date sentenced_before;                // missing = no limit
  int max_count = 1;
};

struct StrikeRules {
  double second_strike_share = 0;
  std::string second_strike_code, third_strike_code, one_strike_code;
  int third_strike_min_years = 25;
};

struct Assumptions {
  double pacific_share_of_asian_default = 0.2;
  double race_min_coverage = 0.95;
  double over_65_mean_excess_years = 6.5;
  int max_age = 95;
  std::map<std::string, LifeShares, std::less<>> life;  // by jurisdiction, and "default"
  double propensity_serious_or_violent = 1, propensity_other = 0.15, one_strike_25_share = 0.5;
  double max_conversion_probability = 0.9;
  Date non_serious_third_strike_before;
  std::array<LogNormalParams, kNumBjsOffenses> stay{};  // release-cohort time served, years
  LogNormalParams stay_life_with_parole, stay_lwop, stay_technical;
  double served_violent = 0.8, served_second_strike = 0.667, served_other = 0.5;
  int minimum_term_days = 487;
  double term_allowance_violent_years = 12, term_allowance_other_years = 4;
  double technical_relative_stay = 0.25, new_offense_relative_stay = 0.9;
  std::map<std::string, double, std::less<>> technical_share_of_violations;  // and "default"
  std::vector<double> count_distribution;  // P(1 sentence), P(2), ...
  double consecutive_share = 0.35;
  std::map<std::string, StrikeRules, std::less<>> strikes;
  std::map<std::string, std::map<std::string, double, std::less<>>, std::less<>> offense_weights;
  std::map<std::string, std::vector<EnhancementRule>, std::less<>> enhancement_rules;
  std::map<std::string, double, std::less<>> drug_weights;
  LogNormalParams possession_grams, distribution_grams;
  double missing_drug_type_share = 0.05, missing_grams_share = 0.1;
  double missing_share = 0.03;
  double infractions_mean_at_35 = 1.1, infractions_age_slope = -0.04;
  double medical_logit_at_50 = -2.2, medical_logit_slope = 0.09;
  double year_precision_share = 0.005, offense_date_missing_share = 0.05;
  double projected_release_missing_share = 0.05, facility_missing_share = 0.01;
  double admission_type_missing_share = 0.02;
  int people_per_facility = 3000;
  std::array<double, 3> housing_weights{0.5, 0.2, 0.3};  // cell, dorm, mixed

  // The jurisdiction's value, or the "default" one.
  LifeShares LifeFor(std::string_view jurisdiction) const;
  double TechnicalShareOfViolationsFor(std::string_view jurisdiction) const;
  const StrikeRules* StrikesFor(std::string_view jurisdiction) const;  // null = none
};

class Calibration {
 public:
  // Loads and checks the extract. Errors are "PATH:LINE:COLUMN: message".
  static std::optional<Calibration> Load(const std::string& path, std::string* error);
  // RULES_DIR/calibration/bjs-prisoners-2022.toml (rules_dir empty = RulesDir()).
  static std::string DefaultPath(const std::string& rules_dir = "");

  // Whether the extract has what a state needs: Table 4 and Table 18 rows.
  bool HasJurisdiction(std::string_view jurisdiction) const;
  std::vector<std::string> Jurisdictions() const;

  std::vector<TableSource> sources;
  // Table 4: state (and "STATE") -> {total, male, female}, 2022.
  std::map<std::string, std::array<int64_t, 3>, std::less<>> sentenced;
  // Table 8: state -> {total, new court commitments, supervision violations}, 2022.
  std::map<std::string, std::array<int64_t, 3>, std::less<>> admissions;
  // Table 11: percent by age band, [sex][race column], where the race column
  // is kNumBjsRaces for "all"; and the counts row.
  std::array<std::array<std::array<double, kNumAgeBands>, kNumBjsRaces + 1>, 2> age_percent{};
  std::array<std::array<int64_t, kNumBjsRaces + 1>, 2> race_counts{};
  // Table 16: percent by subcategory for the columns all, male, female, and
  // the five named races; and each column's count.
  std::array<double, kNumBjsOffenses> offense_percent_all{};
  std::array<std::array<double, kNumBjsOffenses>, 2> offense_percent_sex{};
  std::array<std::array<double, kNumBjsOffenses>, kNumBjsRaces> offense_percent_race{};  // kBjsOther unused
  int64_t offense_count_all = 0;
  std::array<int64_t, 2> offense_count_sex{};
  std::array<int64_t, kNumBjsRaces> offense_count_race{};  // kBjsOther unused
  // Table 18: state -> {custody total, then percent violent, property, drug,
  // public order, other/unspecified}.
  struct OffenseMix {
    int64_t custody_total = 0;
    std::array<double, kNumBjsCategories> percent{};
  };
  std::map<std::string, OffenseMix, std::less<>> offense_mix;
  // Table 21: capacities; -1 when not reported.
  struct Capacity {
    int64_t rated = -1, operational = -1, design = -1, custody = -1;
  };
  std::map<std::string, Capacity, std::less<>> capacity;
  // Appendix Table 1: total, white, black, hispanic, native, asian, pacific,
  // two_or_more, other, unknown, did_not_report; -1 when not reported.
  std::map<std::string, std::array<int64_t, 11>, std::less<>> race_by_state;

  Assumptions assumptions;
};

// The demographic and offense distributions for one jurisdiction.
struct JurisdictionModel {
  std::string jurisdiction;
  double p_female = 0;
  bool state_race_margin = false;  // raked to Appendix Table 1
  std::array<std::array<double, kNumRaces>, 2> p_race{};  // given sex
  std::array<std::array<std::array<double, kNumAgeBands>, kNumRaces>, 2> p_age_band{};
  std::array<std::array<std::array<double, kNumBjsOffenses>, kNumRaces>, 2> p_offense{};
  std::array<double, kNumBjsOffenses> expected_offense{};  // over the whole population
  std::array<double, kNumBjsCategories> target_category{};  // Table 18, normalised
  // Admission types as shares of the stock (before the LWOP/death rule).
  double stock_technical = 0, stock_new_offense = 0;
  double custody_to_design = 1;
  LifeShares life;
  std::vector<std::string> notes;  // targets that could not be met, fallbacks used
};

std::optional<JurisdictionModel> BuildJurisdictionModel(const Calibration& cal,
                                                        std::string_view jurisdiction,
                                                        std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_SYNTH_CALIBRATION_H_
