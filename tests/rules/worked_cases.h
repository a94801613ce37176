// Worked cases for rule packs: a `NAME.cases.toml` file next to a rule file
// holds people, their sentences and the result the statute or the program's
// own description says they get. This runner turns each case into a real
// test: it writes the case's person and sentences as canonical CSV files
// (DESIGN.md section 3), loads them with the validating loader, screens them
// with the real policy and compares the result with the expectation.
//
// File format (every key outside [case.expect] is checked; an unknown one is
// an error "FILE:LINE:COLUMN: unknown key ..."):
//
//   policy = "cdcr-covid-2020"      id in rules/policies (optional: reform-only files have none)
//   as_of = 2020-07-15              default as-of date of every case
//   [defaults.person]               merged under each case's person
//   [defaults.sentence]             merged under each of a case's sentences
//   [[facility]]                    optional rows of facilities.csv
//   [[case]]
//   id = "..."                      letters, digits, '-' and '_'; unique in the file
//   source = "..."                  required: the text the expected result follows from
//   as_of = 2020-08-01              optional override
//   set = { NAME = "VALUE" }        optional parameter overrides, as with --set NAME=VALUE
//   person = { ... }                people.csv columns (person_id defaults to the case id)
//   [[case.sentence]]               sentences.csv columns (sentence_id defaults to S1, S2, ...)
//   [case.expect]
//   status = "eligible"             eligible | needs_review | not_eligible
//   groups = [...]                  exact set of groups met
//   excluded_by = [...]             exact set of exclusions that are true
//   criteria = { ID = "true" }      result of any rule (criterion, exclusion, group, or
//                                   "eligibility"): "true", "false" or "unknown"
//   eligible_on = 2020-09-01        or "" for no eligible_on date
//   (any other key)                 kept in CaseExpect::extra, flattened to dotted keys, for
//                                   expectations this runner does not check yet
//
// Column values: TOML strings, integers, floats and dates are written as they
// read; true/false as 1/0; an array of strings (enhancements) joined with ';';
// the empty string "" writes an empty field, i.e. a missing value, which lets
// a case remove a default.
#ifndef CLEMENCY_TESTS_RULES_WORKED_CASES_H_
#define CLEMENCY_TESTS_RULES_WORKED_CASES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/law/population_law.h"
#include "clemency/policy/policy.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/screener.h"

namespace clemency::worked {

struct CaseExpect {
  std::optional<std::string> status;
  std::optional<std::vector<std::string>> groups;       // sorted
  std::optional<std::vector<std::string>> excluded_by;  // sorted
  std::map<std::string, std::string> criteria;          // rule id -> true | false | unknown
  bool has_eligible_on = false;
  std::string eligible_on;                              // YYYY-MM-DD, or "" for none
  // Expectations this runner does not check (e.g. current_law.term_days):
  // dotted key -> value as text (dates ISO, arrays joined with ';').
  std::map<std::string, std::string> extra;
};

struct WorkedCase {
  std::string id;
  std::string test_name;  // id with '-' turned into '_' (a gtest filter treats '-' as negation)
  std::string source;
  int line = 0, column = 0;  // of the case's id
  Date as_of;
  std::vector<std::pair<std::string, std::string>> sets;  // NAME, VALUE
  std::vector<std::string> jurisdictions;  // prefixes of the offense codes, sorted
  std::string people_csv, sentences_csv;   // canonical CSV text, header included
  CaseExpect expect;

  // "FILE:LINE:COLUMN: case \"ID\"" for messages.
  std::string Where(const std::string& file) const;
};

struct CaseFile {
  std::string path;
  std::string policy;        // "" when the file names none
  std::string facilities_csv;  // "" when the file has no [[facility]]
  std::vector<WorkedCase> cases;
};

// Parses a cases file. On error returns nullopt and sets *error to
// "FILE:LINE:COLUMN: message".
std::optional<CaseFile> ParseCaseFile(const std::string& path, std::string* error);
std::optional<CaseFile> ParseCaseText(std::string_view text, const std::string& path, std::string* error);

// Every rules/**/*.cases.toml under rules_dir, sorted.
std::vector<std::string> FindCaseFiles(const std::string& rules_dir);

// The suite name of a cases file: "worked_" + its path under rules_dir with
// the suffix removed and every other character than a letter or digit as '_'
// ("policies/cdcr-covid-2020.cases.toml" -> "worked_policies_cdcr_covid_2020").
std::string SuiteName(const std::string& path, const std::string& rules_dir);

// Compares one person's screening with a case's expectation: one message per
// mismatch, each naming the file, line and case; empty when all match.
std::vector<std::string> CompareCase(const std::string& file, const WorkedCase& c, const Policy& policy,
                                     const Screening& s, uint32_t person);

// Compares a person's current-law result (the "current_law.*" keys of
// expect: term_days, term_low_days, excess_days, excess_max_days ("" for
// unknown), remedy, reforms) with the fact table.
std::vector<std::string> CompareCurrentLaw(const std::string& file, const WorkedCase& c, const FactTable& facts,
                                           uint32_t person);

struct CaseResult {
  std::vector<std::string> failures;  // data that does not load, a bad --set, mismatches
  std::vector<std::string> notes;     // loader warnings, unchecked expectations, rule results
};

// The law a case is screened with: PopulationLaw::Load, the call `clemency
// screen` loads the law with, from rules_dir, a missing catalog allowed.
PopulationLaw CaseLaw(const Population& pop, const std::string& rules_dir);

// Runs one case end to end: CSV files in a fresh temporary directory,
// LoadPopulation, CaseLaw, LoadPolicy + SetParam, BuildFactTable and Screen,
// then CompareCase.
CaseResult RunCase(const CaseFile& file, const WorkedCase& c, const std::string& rules_dir);

}  // namespace clemency::worked

#endif  // CLEMENCY_TESTS_RULES_WORKED_CASES_H_
