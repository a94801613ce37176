// The law for one population, loaded by one call for screen, explain, the
// worked cases and the benchmarks alike:
//   - the offense catalog of every jurisdiction its offense codes name (the
//     text before the code's first ':');
//   - the reform pack (rules/reforms/XX.toml) of the same jurisdictions; a
//     jurisdiction without one has unknown current law (LawRefs'
//     unknown_without_reforms is always true here);
//   - the jurisdiction facts of every jurisdiction of its people, where a
//     file exists.
// Jurisdictions are taken in code order. Loading stops at the first rule file
// that does not load: error() is then its "FILE:LINE:COLUMN: message". A
// jurisdiction without a catalog is an error unless allowed; when allowed it
// is a warning and its offenses' category and flags are unknown.
// The loaded files have stable addresses for as long as the object lives,
// moves included; it cannot be copied.
#ifndef CLEMENCY_LAW_POPULATION_LAW_H_
#define CLEMENCY_LAW_POPULATION_LAW_H_

#include <deque>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clemency/core/population.h"
#include "clemency/law/law_refs.h"

namespace clemency {

struct PopulationLawOptions {
  std::string rules_dir;               // "" = the user's folder over RulesDir() (law/rules_dir.h)
  bool allow_missing_catalog = false;  // a missing catalog is a warning, not an error
};

// A rule file that does not load, or a jurisdiction without an offense catalog.
struct LawProblem {
  std::string message;       // "FILE:LINE:COLUMN: message", or "no offense catalog for XX: looked for PATH"
  std::string jurisdiction;  // of a missing catalog, else ""
  std::string path;          // the catalog looked for, else ""
  bool missing_catalog() const { return !jurisdiction.empty(); }
};

class PopulationLaw {
 public:
  PopulationLaw() = default;
  PopulationLaw(PopulationLaw&&) = default;
  PopulationLaw& operator=(PopulationLaw&&) = default;
  PopulationLaw(const PopulationLaw&) = delete;
  PopulationLaw& operator=(const PopulationLaw&) = delete;

  static PopulationLaw Load(const Population& pop, const PopulationLawOptions& options);
  // offense_jurisdictions: of the offense codes; people_jurisdictions: of the
  // people; generic_codes_only: jurisdictions whose codes are all the generic
  // catalog's ("XX:BJS ..."), which without a catalog of their own get the
  // generic one (rules/offenses/generic.toml) and no missing-catalog problem.
  static PopulationLaw Load(const std::set<std::string>& offense_jurisdictions,
                            const std::set<std::string>& people_jurisdictions, const PopulationLawOptions& options,
                            const std::set<std::string>& generic_codes_only = {});

  bool ok() const { return !error_; }
  const std::optional<LawProblem>& error() const { return error_; }
  // Missing catalogs, when allowed, in jurisdiction order.
  const std::vector<LawProblem>& warnings() const { return warnings_; }
  // What BuildFactTable takes.
  const LawRefs& refs() const { return refs_; }
  // The files read, for manifest.json: the catalogs, then the reform packs,
  // then the jurisdiction files, each in jurisdiction order.
  const std::vector<std::string>& rule_files() const { return rule_files_; }

 private:
  bool LoadCatalogs(const std::set<std::string>& jurisdictions, const PopulationLawOptions& options,
                    const std::set<std::string>& generic_codes_only);
  bool LoadReforms(const std::set<std::string>& jurisdictions, const std::string& rules_dir);
  bool LoadJurisdictionFacts(const std::set<std::string>& jurisdictions, const std::string& rules_dir);
  bool Fail(std::string message);

  std::deque<OffenseCatalog> catalogs_;
  std::deque<ReformSet> reforms_;
  std::deque<JurisdictionFacts> jurisdictions_;
  LawRefs refs_;
  std::vector<std::string> rule_files_;
  std::optional<LawProblem> error_;
  std::vector<LawProblem> warnings_;
};

// The jurisdictions of a population's offense codes (the text before each
// code's first ':', the whole code when it has none), and of its people.
std::set<std::string> OffenseJurisdictions(const Population& pop);
// The jurisdictions all of whose offense codes are the generic catalog's ("XX:BJS ...").
std::set<std::string> GenericCodeJurisdictions(const Population& pop);
std::set<std::string> PeopleJurisdictions(const Population& pop);

}  // namespace clemency

#endif  // CLEMENCY_LAW_POPULATION_LAW_H_
