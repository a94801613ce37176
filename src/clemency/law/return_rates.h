// Cumulative return-to-prison (and arrest) rates by years since release, from
// the BJS multi-state release-cohort studies, loaded from
// rules/recidivism/bjs-return-to-prison.toml (format documented at its top).
//
// Each table is one cohort and one measure; each row a group (an age band, sex,
// race, offense group or "all") with a percent for each year it covers. Tables
// marked derived are computed in the file, not published by BJS; the loader
// recomputes their values and every lookup that can return one says so.
// Loading checks required keys, closed vocabularies, percents in 0..100 that
// never fall as years grow, and rejects unknown keys; it reports the first
// problem as "FILE:LINE:COLUMN: message".
//
// Lookups never interpolate or extrapolate: a year the table does not list
// gives nullopt.
#ifndef CLEMENCY_LAW_RETURN_RATES_H_
#define CLEMENCY_LAW_RETURN_RATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clemency {

inline constexpr std::string_view kRecidivismMeasures[] = {"returned_to_prison", "arrested"};

inline constexpr std::string_view kRecidivismCohorts[] = {"2008-24-states", "2012-34-states"};

// Age at release.
inline constexpr std::string_view kReleaseAgeBands[] = {
    "age_24_or_younger", "age_25_39", "age_40_54", "age_55_64", "age_65_plus"};

// BJS's four most-serious-offense groups.
inline constexpr std::string_view kRecidivismOffenseGroups[] = {"violent", "property", "drug",
                                                                "public_order"};

// Every row group a table may hold.
inline constexpr std::string_view kRecidivismGroups[] = {
    "all",          "male",         "female",     "white",      "black",
    "hispanic",     "aian",         "asian_nhpi", "age_24_or_younger",
    "age_25_39",    "age_40_54",    "age_55_64",  "age_65_plus", "violent",
    "homicide",     "murder",       "rape_sexual_assault",      "robbery",
    "assault",      "property",     "drug",       "drug_possession",
    "drug_trafficking",             "public_order", "weapons",  "new_court_commitment",
    "supervision_violator"};

struct RateRow {
  std::string group;
  std::vector<int> years;        // strictly increasing
  std::vector<double> percent;   // same length; 0..100, non-decreasing
  // The percent at exactly `year`, or nullopt.
  std::optional<double> At(int year) const;
};

struct RateTable {
  std::string id, measure, cohort;
  std::string study, authors, published, ncj, cohort_description, citation, notes;
  int follow_up_years = 0;
  std::vector<int> years;
  bool derived = false;
  std::string method, base_table, ratio_table;  // derived tables only
  std::vector<RateRow> rows;

  const RateRow* Row(std::string_view group) const;
};

// One looked-up value and where it came from.
struct RateValue {
  double percent = 0;
  bool derived = false;             // true: computed in the rules file, not a BJS figure
  const RateTable* table = nullptr;  // owned by the ReturnRates it came from
};

class ReturnRates {
 public:
  static std::optional<ReturnRates> Load(const std::string& path, std::string* error);
  // RULES_DIR/recidivism/bjs-return-to-prison.toml; rules_dir "" means RulesDir().
  static std::optional<ReturnRates> LoadDefault(std::string* error,
                                                const std::string& rules_dir = "");
  static std::string DefaultPath(const std::string& rules_dir = "");

  const std::vector<RateTable>& tables() const { return tables_; }
  const RateTable* Find(std::string_view id) const;
  // The BJS (derived = false) or derived table for a cohort and measure, or null.
  const RateTable* TableFor(std::string_view cohort, std::string_view measure, bool derived) const;

  // Cumulative % of a cohort's group returned to prison within `years` of
  // release, from the BJS table only. group: "all", an age band, sex or race.
  std::optional<double> CumulativeReturn(std::string_view cohort, std::string_view group,
                                         int years) const;
  // The same for an offense group (kRecidivismOffenseGroups): the BJS figure
  // when the cohort's BJS table has one, otherwise the derived table's, with
  // derived = true.
  std::optional<RateValue> CumulativeReturnByOffense(std::string_view cohort,
                                                     std::string_view offense, int years) const;
  // Cumulative % arrested, from the BJS table.
  std::optional<double> CumulativeArrest(std::string_view cohort, std::string_view group,
                                         int years) const;

 private:
  std::string path_;
  std::vector<RateTable> tables_;
};

}  // namespace clemency

#endif  // CLEMENCY_LAW_RETURN_RATES_H_
