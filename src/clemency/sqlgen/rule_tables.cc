#include "clemency/sqlgen/rule_tables.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "clemency/io/csv_writer.h"
#include "clemency/law/jurisdiction.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/offense_resolver.h"
#include "clemency/law/reform.h"
#include "clemency/screen/offense_resolution.h"

namespace clemency {
namespace {

// ";a;b;" of the flags whose bit is set in mask.
std::string FlagText(uint64_t mask) {
  std::string out = ";";
  for (size_t i = 0; i < std::size(kOffenseFlags); ++i)
    if (mask >> i & 1) out += std::string(kOffenseFlags[i]) + ";";
  return out;
}

std::string EntryFlags(const Offense* o) {
  if (o == nullptr) return "";
  std::string out = ";";
  for (const std::string& f : o->flags) out += f + ";";
  return out;
}

const OffenseCatalog* CatalogOf(const LawRefs& law, std::string_view code) {
  auto it = law.catalogs.find(CodeJurisdiction(code));
  return it == law.catalogs.end() ? nullptr : it->second;
}

std::string Triad(const Offense* o, int months) { return o != nullptr && o->has_triad() ? fmt::format("{}", months) : ""; }

RuleTable OffenseCodes(const Population& pop, const LawRefs& law) {
  RuleTable t{"offense_codes",
              {"code", "description", "resolved_code", "category", "flags", "flags_known", "person_offense_flags",
               "law_in_catalog", "law_offense_flags", "triad_lower_months", "triad_upper_months"},
              {},
              "every offense code of the data (and description, where only a description pattern resolves the code) "
              "with its catalog entry: category, flags (certain, and known), and what the reforms read"};
  const OffenseResolutions res = ResolveOffenses(pop, law.catalogs);
  for (const OffenseResolutions::Entry& e : res.entries) {
    const ResolvedOffense& r = e.resolved;
    const std::string code(pop.str(e.code));
    const std::string resolved = r.offense != nullptr ? r.offense->code : code;
    const OffenseCatalog* catalog = CatalogOf(law, code);
    const Offense* entry = catalog != nullptr ? catalog->Find(resolved) : nullptr;
    t.rows.push_back({code, e.description == kNoStr ? "" : std::string(pop.str(e.description)), resolved, r.category,
                      FlagText(r.flags), FlagText(r.flags_known), EntryFlags(r.offense), entry != nullptr ? "1" : "0",
                      EntryFlags(entry), Triad(entry, entry ? entry->triad_lower_months : 0),
                      Triad(entry, entry ? entry->triad_upper_months : 0)});
  }
  return t;
}

RuleTable EnhancementCodes(const Population& pop, const LawRefs& law) {
  RuleTable t{"enhancement_codes", {"code", "resolved_code"}, {},
              "every enhancement code of the data with the catalog's code it stands for"};
  std::set<std::string_view> seen;
  for (const Enhancement& e : pop.enhancements) {
    const std::string_view text = pop.str(e.code);
    if (!seen.insert(text).second) continue;
    const OffenseCatalog* catalog = CatalogOf(law, text);
    const SentenceEnhancement* found = catalog != nullptr ? ResolveEnhancement(*catalog, text) : nullptr;
    if (found != nullptr && found->code != text) t.rows.push_back({std::string(text), found->code});
  }
  return t;
}

RuleTable Jurisdictions(const Population& pop, const LawRefs& law, Date as_of) {
  RuleTable t{"jurisdictions", {"jurisdiction", "clemency_authority", "vote_restoration", "reforms_unknown"}, {},
              "each jurisdiction of the data: who can commute (rules/jurisdictions), when the vote returns, and "
              "whether its current-law excess is unknown for want of an encoded, reviewed reform pack"};
  std::set<std::string_view> codes;
  for (size_t p = 0; p < pop.people_count(); ++p) codes.insert(pop.str(pop.people.jurisdiction[p]));
  for (std::string_view code : codes) {
    std::string authority, vote;
    if (auto j = law.jurisdictions.find(code); j != law.jurisdictions.end())
      authority = j->second->clemency.authority, vote = j->second->voting.restoration;
    const auto pack = law.reforms.find(code);
    const bool unknown = law.unknown_without_reforms &&
                         (pack == law.reforms.end() ||
                          (!pack->second->reviewed_through().missing() && pack->second->reviewed_through() < as_of));
    t.rows.push_back({std::string(code), authority, vote, unknown ? "1" : "0"});
  }
  return t;
}

}  // namespace

std::vector<RuleTable> BuildRuleTables(const Population& pop, const LawRefs& law, Date as_of) {
  return {OffenseCodes(pop, law), EnhancementCodes(pop, law), Jurisdictions(pop, law, as_of)};
}

std::string RuleTableCsv(const RuleTable& t) {
  std::string out;
  auto row_text = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      AppendCsvField(out, cells[i]);
    }
    out += '\n';
  };
  row_text(t.columns);
  for (const auto& row : t.rows) row_text(row);
  return out;
}

}  // namespace clemency
