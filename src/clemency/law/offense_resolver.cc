#include "clemency/law/offense_resolver.h"

#include <algorithm>

namespace clemency {
namespace {

uint64_t FlagBits(const std::vector<std::string>& flags) {
  uint64_t bits = 0;
  for (size_t i = 0; i < std::size(kOffenseFlags); ++i)
    if (std::find(flags.begin(), flags.end(), kOffenseFlags[i]) != flags.end()) bits |= uint64_t{1} << i;
  return bits;
}

ResolvedOffense One(Resolution how, const Offense& o) {
  ResolvedOffense r;
  r.how = how;
  r.offense = &o;
  r.category = o.category;
  r.bjs_offense = o.bjs_offense;
  r.flags = FlagBits(o.flags);
  r.flags_known = kAllOffenseFlags & ~FlagBits(o.unknown_flags);
  return r;
}

// What all the refinements of a section agree on.
ResolvedOffense Section(std::vector<const Offense*> children) {
  ResolvedOffense r = One(Resolution::kSection, *children.front());
  r.offense = nullptr;
  auto differ = [&](std::string_view field, auto get) {
    for (const Offense* c : children)
      if (!(get(*c) == get(*children.front()))) {
        r.differing.emplace_back(field);
        return true;
      }
    return false;
  };
  if (differ("category", [](const Offense& o) { return o.category; })) r.category.clear();
  if (differ("bjs_offense", [](const Offense& o) { return o.bjs_offense; })) r.bjs_offense.clear();
  uint64_t all = kAllOffenseFlags, any = 0, unknown = 0;
  for (const Offense* c : children) {
    all &= FlagBits(c->flags);
    any |= FlagBits(c->flags);
    unknown |= FlagBits(c->unknown_flags);
  }
  r.flags = all & ~unknown;
  r.flags_known = kAllOffenseFlags & ~(all ^ any) & ~unknown;
  for (size_t i = 0; i < std::size(kOffenseFlags); ++i)
    if (!(r.flags_known >> i & 1)) r.differing.push_back("flag " + std::string(kOffenseFlags[i]));
  differ("triad", [](const Offense& o) {
    return std::vector<int>{o.triad_lower_months, o.triad_middle_months, o.triad_upper_months, o.life, o.life_min_years};
  });
  differ("statutory range", [](const Offense& o) {
    return std::vector<int>{o.statutory_min_months, o.statutory_max_months, o.max_life};
  });
  r.candidates = std::move(children);
  return r;
}

ResolvedOffense FromPattern(const OffenseCatalog& catalog, const OffensePattern& p, Resolution how) {
  ResolvedOffense r;
  if (!p.offense.empty()) {
    r = One(how, *catalog.Find(p.offense));
  } else {
    r.how = how;
    r.category = p.category;
    r.bjs_offense = p.bjs_offense;
    r.flags = FlagBits(p.flags);
    r.flags_known = r.flags | FlagBits(p.not_flags);
  }
  r.pattern = &p;
  return r;
}

}  // namespace

std::string_view ResolutionName(Resolution r) {
  switch (r) {
    case Resolution::kExact: return "exact";
    case Resolution::kNormalised: return "normalised";
    case Resolution::kSection: return "section";
    case Resolution::kParent: return "parent";
    case Resolution::kAttempt: return "attempt";
    case Resolution::kCodePattern: return "code_pattern";
    case Resolution::kDescriptionPattern: return "description_pattern";
    case Resolution::kUnresolved: return "unresolved";
    case Resolution::kNoCatalog: return "no_catalog";
  }
  return "?";
}

bool ResolvedOffense::complete() const { return category_known() && flags_known == kAllOffenseFlags; }

std::string ResolvedOffense::Describe() const {
  std::string out(ResolutionName(how));
  auto list = [&](const std::vector<const Offense*>& v) {
    for (size_t i = 0; i < v.size(); ++i) out += (i == 0 ? " " : ", ") + v[i]->code;
  };
  switch (how) {
    case Resolution::kExact: case Resolution::kNormalised: case Resolution::kParent:
      out += " -> " + offense->code;
      break;
    case Resolution::kSection:
      out += " ->";
      list(candidates);
      if (!differing.empty()) {
        out += " (they differ in:";
        for (size_t i = 0; i < differing.size(); ++i) out += (i == 0 ? " " : ", ") + differing[i];
        out += ")";
      }
      break;
    case Resolution::kAttempt:
      out += " of";
      list(candidates);
      out += " (the catalog does not list the attempt: its flags are unknown)";
      break;
    case Resolution::kCodePattern: case Resolution::kDescriptionPattern:
      out += " '" + pattern->match + "' (line " + std::to_string(pattern->line) + ")";
      if (offense != nullptr) out += " -> " + offense->code;
      else out += " -> category " + category + (flags_known == kAllOffenseFlags ? "" : ", some flags unknown");
      break;
    case Resolution::kUnresolved: out += ": not in the catalog"; break;
    case Resolution::kNoCatalog: out += ": no offense catalog for the jurisdiction"; break;
  }
  return out;
}

ResolvedOffense ResolveOffense(const OffenseCatalog* catalog, std::string_view code, std::string_view description) {
  ResolvedOffense none;
  if (catalog == nullptr) {
    none.how = Resolution::kNoCatalog;
    return none;
  }
  if (const Offense* o = catalog->Find(code)) return One(Resolution::kExact, *o);
  const CodeKey key = NormalizeCode(code, catalog->conventions());
  if (const Offense* o = catalog->FindKey(key.key)) return One(Resolution::kNormalised, *o);
  if (std::vector<const Offense*> children = catalog->Refinements(key.key); !children.empty())
    return Section(std::move(children));
  for (std::string up = ParentKey(key.key); !up.empty(); up = ParentKey(up))
    if (const Offense* o = catalog->FindKey(up)) return One(Resolution::kParent, *o);
  if (key.attempt) {
    const Offense* o = catalog->FindKey(key.base);
    std::vector<const Offense*> attempted = o != nullptr ? std::vector<const Offense*>{o} : catalog->Refinements(key.base);
    if (!attempted.empty()) {
      ResolvedOffense r = attempted.size() == 1 ? One(Resolution::kAttempt, *attempted.front()) : Section(attempted);
      r.how = Resolution::kAttempt;
      r.offense = nullptr;
      r.candidates = std::move(attempted);
      r.flags = 0;
      r.flags_known = 0;
      return r;
    }
  }
  for (const OffensePattern& p : catalog->patterns()) {
    const bool on_code = p.on == OffensePattern::On::kCode;
    const std::string text(on_code ? code : description);
    if (!text.empty() && p.re.Search(text))
      return FromPattern(*catalog, p, on_code ? Resolution::kCodePattern : Resolution::kDescriptionPattern);
  }
  return none;
}

const SentenceEnhancement* ResolveEnhancement(const OffenseCatalog& catalog, std::string_view code) {
  if (const SentenceEnhancement* e = catalog.FindEnhancement(code)) return e;
  return catalog.FindEnhancementKey(NormalizeCode(code, catalog.conventions()).key);
}

}  // namespace clemency
