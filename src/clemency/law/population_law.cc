#include "clemency/law/population_law.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace clemency {

std::set<std::string> OffenseJurisdictions(const Population& pop) {
  std::set<std::string> out;
  std::vector<bool> seen(pop.strings.size(), false);
  for (StrId code : pop.sentences.offense_code) {
    if (seen[code]) continue;
    seen[code] = true;
    const std::string_view text = pop.str(code);
    out.emplace(text.substr(0, text.find(':')));
  }
  return out;
}

std::set<std::string> PeopleJurisdictions(const Population& pop) {
  std::set<std::string> out;
  for (StrId j : pop.people.jurisdiction) out.emplace(pop.str(j));
  return out;
}

std::set<std::string> GenericCodeJurisdictions(const Population& pop) {
  std::map<std::string, bool, std::less<>> all_generic;
  std::vector<bool> seen(pop.strings.size(), false);
  for (StrId code : pop.sentences.offense_code) {
    if (seen[code]) continue;
    seen[code] = true;
    const std::string_view text = pop.str(code);
    const size_t colon = text.find(':');
    const bool generic = text.substr(colon + 1, 4) == "BJS ";
    auto [it, added] = all_generic.try_emplace(std::string(text.substr(0, colon)), generic);
    if (!added) it->second = it->second && generic;
  }
  std::set<std::string> out;
  for (const auto& [j, generic] : all_generic)
    if (generic) out.insert(j);
  return out;
}

PopulationLaw PopulationLaw::Load(const Population& pop, const PopulationLawOptions& options) {
  return Load(OffenseJurisdictions(pop), PeopleJurisdictions(pop), options, GenericCodeJurisdictions(pop));
}

PopulationLaw PopulationLaw::Load(const std::set<std::string>& offense_jurisdictions,
                                  const std::set<std::string>& people_jurisdictions,
                                  const PopulationLawOptions& options,
                                  const std::set<std::string>& generic_codes_only) {
  PopulationLaw law;
  law.refs_.unknown_without_reforms = true;
  if (law.LoadCatalogs(offense_jurisdictions, options, generic_codes_only) && law.LoadReforms(offense_jurisdictions, options.rules_dir))
    law.LoadJurisdictionFacts(people_jurisdictions, options.rules_dir);
  return law;
}

bool PopulationLaw::Fail(std::string message) {
  error_ = LawProblem{std::move(message), "", ""};
  return false;
}

bool PopulationLaw::LoadCatalogs(const std::set<std::string>& jurisdictions, const PopulationLawOptions& options,
                                 const std::set<std::string>& generic_codes_only) {
  for (const std::string& j : jurisdictions) {
    const std::string path = OffenseCatalog::PathFor(j, options.rules_dir);
    const bool own = std::filesystem::exists(path);
    const bool generic = !own && std::filesystem::exists(OffenseCatalog::GenericPath(options.rules_dir));
    if (!own && !(generic && generic_codes_only.count(j) != 0)) {
      LawProblem missing{"no offense catalog for " + j + ": looked for " + path, j, path};
      if (!options.allow_missing_catalog) {
        error_ = std::move(missing);
        return false;
      }
      warnings_.push_back(std::move(missing));
      if (!generic) continue;
    }
    std::string error;
    auto catalog = OffenseCatalog::LoadOrGeneric(j, &error, options.rules_dir);
    if (!catalog) return Fail(std::move(error));
    catalogs_.push_back(std::move(*catalog));
    refs_.catalogs[j] = &catalogs_.back();
    for (const std::string& loaded : {catalogs_.back().path(), catalogs_.back().generic_path()})
      if (!loaded.empty() && std::find(rule_files_.begin(), rule_files_.end(), loaded) == rule_files_.end())
        rule_files_.push_back(loaded);
  }
  return true;
}

// None is not an error: ReformSet::LoadJurisdiction gives an empty set without a path.
bool PopulationLaw::LoadReforms(const std::set<std::string>& jurisdictions, const std::string& rules_dir) {
  for (const std::string& j : jurisdictions) {
    std::string error;
    auto reforms = ReformSet::LoadJurisdiction(j, &error, rules_dir);
    if (!reforms) return Fail(std::move(error));
    if (reforms->path().empty()) continue;
    rule_files_.push_back(reforms->path());
    reforms_.push_back(std::move(*reforms));
    refs_.reforms[j] = &reforms_.back();
  }
  return true;
}

bool PopulationLaw::LoadJurisdictionFacts(const std::set<std::string>& jurisdictions, const std::string& rules_dir) {
  for (const std::string& j : jurisdictions) {
    const std::string path = JurisdictionFacts::PathFor(j, rules_dir);
    if (!std::filesystem::exists(path)) continue;
    std::string error;
    auto facts = JurisdictionFacts::Load(path, &error);
    if (!facts) return Fail(std::move(error));
    rule_files_.push_back(path);
    jurisdictions_.push_back(std::move(*facts));
    refs_.jurisdictions[j] = &jurisdictions_.back();
  }
  return true;
}

}  // namespace clemency
