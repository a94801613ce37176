#include "clemency/screen/offense_resolution.h"

#include <unordered_map>

namespace clemency {
namespace {

const OffenseCatalog* CatalogOf(const CatalogSet& catalogs, std::string_view code) {
  auto it = catalogs.find(CodeJurisdiction(code));
  return it == catalogs.end() ? nullptr : it->second;
}

bool HasDescriptionPatterns(const OffenseCatalog* c) {
  if (c == nullptr) return false;
  for (const OffensePattern& p : c->patterns())
    if (p.on == OffensePattern::On::kDescription) return true;
  return false;
}

}  // namespace

std::string_view CodeJurisdiction(std::string_view code) { return code.substr(0, code.find(':')); }

OffenseResolutions ResolveOffenses(const Population& pop, const CatalogSet& catalogs) {
  OffenseResolutions out;
  const size_t ns = pop.sentence_count();
  out.of_sentence.resize(ns);
  constexpr uint32_t kNotYet = UINT32_MAX;
  std::vector<uint32_t> by_code(pop.strings.size(), kNotYet);
  std::vector<uint8_t> by_description_needed(pop.strings.size(), 0);
  std::unordered_map<uint64_t, uint32_t> by_code_and_description;
  for (uint32_t s = 0; s < ns; ++s) {
    const StrId code = pop.sentences.offense_code[s];
    if (by_code[code] == kNotYet) {
      const std::string_view text = pop.str(code);
      const OffenseCatalog* catalog = CatalogOf(catalogs, text);
      by_code[code] = static_cast<uint32_t>(out.entries.size());
      out.entries.push_back({code, kNoStr, ResolveOffense(catalog, text, "")});
      by_description_needed[code] =
          out.entries.back().resolved.how == Resolution::kUnresolved && HasDescriptionPatterns(catalog);
    }
    uint32_t index = by_code[code];
    const StrId description = pop.sentences.offense_description[s];
    if (by_description_needed[code] && description != kNoStr) {
      const uint64_t k = uint64_t{code} << 32 | description;
      auto [it, added] = by_code_and_description.emplace(k, static_cast<uint32_t>(out.entries.size()));
      if (added) {
        const std::string_view text = pop.str(code);
        out.entries.push_back({code, description, ResolveOffense(CatalogOf(catalogs, text), text, pop.str(description))});
      }
      index = it->second;
    }
    out.of_sentence[s] = index;
  }
  out.enhancement_code.reserve(pop.enhancements.size());
  std::unordered_map<StrId, size_t> seen;
  for (const Enhancement& e : pop.enhancements) {
    auto [it, added] = seen.emplace(e.code, out.enhancement_code.size());
    if (!added) {
      out.enhancement_code.push_back(out.enhancement_code[it->second]);
      continue;
    }
    const std::string_view text = pop.str(e.code);
    const OffenseCatalog* catalog = CatalogOf(catalogs, text);
    const SentenceEnhancement* found = catalog != nullptr ? ResolveEnhancement(*catalog, text) : nullptr;
    out.enhancement_code.emplace_back(found != nullptr ? std::string_view(found->code) : text);
  }
  return out;
}

}  // namespace clemency
