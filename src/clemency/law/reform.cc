#include "clemency/law/reform.h"

#include <filesystem>
#include <set>

#include "clemency/core/codes.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/rule_fields.h"
#include "clemency/law/rules_dir.h"

namespace clemency {
namespace {

using namespace rule_file;  // NOLINT: the field readers of rule_fields.h

constexpr std::string_view kConfidence[] = {"primary", "secondary", "unconfirmed"};

void CheckVocabulary(const toml::table& t, std::string_view key, const std::vector<std::string>& values,
                     std::span<const std::string_view> allowed) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (std::find(allowed.begin(), allowed.end(), values[i]) != allowed.end()) continue;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    Fail(*t.get(key)->as_array()->get(i), Cat("\"", values[i], "\" is not one of: ", list));
  }
}

ReformMatch ParseMatch(const toml::table& t, Date effective, const std::string& prefix) {
  CheckKeys(t, {"offense_codes", "enhancements", "sentence_types", "drug_types", "drug_grams_at_least",
                "drug_grams_below", "sentenced_before", "sentenced_on_or_after", "offense_flags_none",
                "person_flags_none"},
            "[reform.match]");
  ReformMatch m;
  m.offense_codes = StringList(t, "offense_codes");
  m.enhancements = StringList(t, "enhancements");
  for (const auto& [key, list] : {std::pair{"offense_codes", &m.offense_codes}, {"enhancements", &m.enhancements}})
    for (size_t i = 0; i < list->size(); ++i)
      if ((*list)[i].rfind(prefix, 0) != 0)
        Fail(*t.get(key)->as_array()->get(i), Cat("code \"", (*list)[i], "\" must start with \"", prefix, "\""));
  m.sentence_types = StringList(t, "sentence_types");
  CheckVocabulary(t, "sentence_types", m.sentence_types, kSentenceTypeNames);
  m.drug_types = StringList(t, "drug_types");
  m.drug_grams_at_least = OptionalNumber(t, "drug_grams_at_least", 0, 1e9).value_or(-1);
  m.drug_grams_below = OptionalNumber(t, "drug_grams_below", 0, 1e9).value_or(-1);
  if (m.drug_grams_at_least >= 0 && m.drug_grams_below >= 0 && m.drug_grams_below <= m.drug_grams_at_least)
    Fail(*t.get("drug_grams_below"), "\"drug_grams_below\" must be above \"drug_grams_at_least\"");
  m.sentenced_before = OptionalDate(t, "sentenced_before");
  if (m.sentenced_before.missing()) m.sentenced_before = effective;
  m.sentenced_on_or_after = OptionalDate(t, "sentenced_on_or_after");
  m.offense_flags_none = StringList(t, "offense_flags_none");
  CheckVocabulary(t, "offense_flags_none", m.offense_flags_none, kOffenseFlags);
  m.person_flags_none = StringList(t, "person_flags_none");
  CheckVocabulary(t, "person_flags_none", m.person_flags_none, kOffenseFlags);
  if (m.offense_codes.empty() && m.enhancements.empty())
    Fail(t, "[reform.match] needs offense_codes or enhancements: a reform must say which sentences it touches");
  return m;
}

ReformEffect ParseEffect(const toml::table& t, const ReformMatch& match) {
  CheckKeys(t, {"kind", "text", "enhancements", "to_days", "from_days", "max_days", "doubled_triad", "min_days",
                "max_life", "discretionary"},
            "[reform.effect]");
  ReformEffect e;
  const std::string kind = RequiredString(t, "kind", "[reform.effect]");
  size_t k = 0;
  while (k < std::size(kEffectKindNames) && kEffectKindNames[k] != kind) ++k;
  if (k == std::size(kEffectKindNames)) {
    std::string list;
    for (std::string_view a : kEffectKindNames) list += (list.empty() ? "" : ", ") + std::string(a);
    Fail(*t.get("kind"), Cat("kind \"", kind, "\" is not one of: ", list));
  }
  e.kind = static_cast<EffectKind>(k);
  e.text = RequiredString(t, "text", "[reform.effect]");
  e.enhancements = StringList(t, "enhancements");
  e.to_days = static_cast<int>(OptionalInt(t, "to_days", 0, 40000).value_or(-1));
  e.from_days = static_cast<int>(OptionalInt(t, "from_days", 1, 40000).value_or(-1));
  e.max_days = static_cast<int>(OptionalInt(t, "max_days", 1, 40000).value_or(-1));
  e.doubled_triad = OptionalBool(t, "doubled_triad");
  e.min_days = static_cast<int>(OptionalInt(t, "min_days", 1, 40000).value_or(-1));
  e.max_life = OptionalBool(t, "max_life");
  e.discretionary = OptionalBool(t, "discretionary");
  auto need = [&](bool ok, std::string_view what) {
    if (!ok) Fail(t, Cat("kind = \"", kind, "\" needs ", what));
  };
  auto forbid = [&](std::string_view key) {
    if (t.get(key) != nullptr) Fail(*t.get(key), Cat("\"", key, "\" does not apply to kind = \"", kind, "\""));
  };
  switch (e.kind) {
    case EffectKind::kRemoveEnhancement:
    case EffectKind::kShortenEnhancement:
      if (e.enhancements.empty()) e.enhancements = match.enhancements;
      need(!e.enhancements.empty(), "enhancements (here or in [reform.match])");
      if (e.kind == EffectKind::kShortenEnhancement) need(e.to_days >= 0, "to_days");
      else forbid("to_days");
      for (auto key : {"from_days", "max_days", "doubled_triad", "min_days", "max_life"}) forbid(key);
      break;
    case EffectKind::kReclassify:
    case EffectKind::kCapTerm:
      need(e.max_days > 0, "max_days");
      for (auto key : {"enhancements", "to_days", "from_days", "doubled_triad", "min_days", "max_life"}) forbid(key);
      break;
    case EffectKind::kLowerMinimum:
      need(e.from_days > 0 && e.to_days >= 0, "from_days and to_days");
      if (e.to_days >= e.from_days) Fail(*t.get("to_days"), "\"to_days\" must be below \"from_days\"");
      for (auto key : {"enhancements", "max_days", "doubled_triad", "min_days", "max_life", "discretionary"})
        forbid(key);
      e.discretionary = true;  // a lower minimum permits a lower term, it does not require one
      break;
    case EffectKind::kLifeToYears:
      need(e.doubled_triad != (e.min_days > 0), "either doubled_triad = true or min_days");
      for (auto key : {"enhancements", "to_days", "from_days", "max_days"}) forbid(key);
      break;
  }
  return e;
}

Reform ParseReform(const toml::table& t, const std::string& prefix) {
  CheckKeys(t, {"id", "title", "citation", "effective", "retroactive", "remedy", "remedy_text", "makes_retroactive",
                "assumes", "depends_on", "confidence", "match", "effect"},
            "[[reform]]");
  Reform r;
  r.id = RequiredString(t, "id", "[[reform]]");
  const std::string what = "reform " + r.id;
  r.title = RequiredString(t, "title", what);
  r.citation = RequiredString(t, "citation", what);
  r.effective = OptionalDate(t, "effective");
  if (r.effective.missing()) Fail(t, what + " has no \"effective\" date");
  r.retroactive = OptionalBool(t, "retroactive");
  r.makes_retroactive = StringList(t, "makes_retroactive");
  if (r.retroactive || !r.makes_retroactive.empty()) {
    r.remedy = RequiredString(t, "remedy", what + " (retroactive)");
    if (std::find(std::begin(kRemedies), std::end(kRemedies), r.remedy) == std::end(kRemedies))
      Fail(*t.get("remedy"), Cat("remedy \"", r.remedy, "\" is not one of: court, board"));
    r.remedy_text = RequiredString(t, "remedy_text", what + " (retroactive)");
  } else if (t.get("remedy") != nullptr) {
    Fail(*t.get("remedy"), "\"remedy\" is only for a retroactive reform or one with makes_retroactive");
  }
  r.assumes = StringList(t, "assumes");
  r.depends_on = StringList(t, "depends_on");
  r.confidence = OptionalString(t, "confidence").value_or("primary");
  if (std::find(std::begin(kConfidence), std::end(kConfidence), r.confidence) == std::end(kConfidence))
    Fail(*t.get("confidence"), "confidence must be one of: primary, secondary, unconfirmed");
  const toml::node* m = t.get("match");
  const toml::node* e = t.get("effect");
  if (!r.makes_retroactive.empty()) {
    if (r.retroactive) Fail(*t.get("retroactive"), what + ": a makes_retroactive reform is not itself retroactive");
    if (e != nullptr) Fail(*e, what + ": a makes_retroactive reform has no effect of its own");
    // Its match narrows which sentences the opened remedy reaches; by default
    // the sentences imposed before it took effect.
    if (m != nullptr) {
      if (!m->is_table()) Fail(*m, "\"match\" must be a table ([reform.match])");
      const toml::table& mt = *m->as_table();
      CheckKeys(mt, {"sentenced_before", "sentenced_on_or_after"}, "[reform.match] of a makes_retroactive reform");
      r.match.sentenced_before = OptionalDate(mt, "sentenced_before");
      r.match.sentenced_on_or_after = OptionalDate(mt, "sentenced_on_or_after");
    }
    if (r.match.sentenced_before.missing()) r.match.sentenced_before = r.effective;
    return r;
  }
  if (m == nullptr || !m->is_table()) Fail(t, what + " has no [reform.match] table");
  if (e == nullptr || !e->is_table()) Fail(t, what + " has no [reform.effect] table");
  r.match = ParseMatch(*m->as_table(), r.effective, prefix);
  r.effect = ParseEffect(*e->as_table(), r.match);
  return r;
}

}  // namespace

std::string_view EffectKindName(EffectKind k) { return kEffectKindNames[static_cast<size_t>(k)]; }

std::optional<ReformSet> ReformSet::Load(const std::string& path, std::string* error) {
  ReformSet set;
  set.path_ = path;
  const bool loaded = rule_file::LoadTomlFile(path, error, [&](const toml::table& root) {
    CheckKeys(root, {"reforms", "reform"}, "the reforms file");
    const toml::node* head = root.get("reforms");
    if (head == nullptr || !head->is_table()) Fail(root, "no [reforms] table");
    const toml::table& h = *head->as_table();
    CheckKeys(h, {"jurisdiction", "title", "notes", "sources"}, "[reforms]");
    set.jurisdiction_ = RequiredString(h, "jurisdiction", "[reforms]");
    if (!IsJurisdictionCode(set.jurisdiction_))
      Fail(*h.get("jurisdiction"), "jurisdiction must be US or a two-letter state code");
    RequiredString(h, "title", "[reforms]");
    if (StringList(h, "sources").empty()) Fail(h, "[reforms] needs a non-empty \"sources\" list");
    const std::string prefix = set.jurisdiction_ + ":";
    std::set<std::string, std::less<>> ids;
    for (const toml::node& n : TableArray(root, "reform", true)) {
      Reform r = ParseReform(*n.as_table(), prefix);
      if (!ids.insert(r.id).second) Fail(*n.as_table()->get("id"), "reform id \"" + r.id + "\" is listed twice");
      set.reforms_.push_back(std::move(r));
    }
    // makes_retroactive must name an earlier-listed reform with an effect.
    for (const toml::node& n : *root.get("reform")->as_array()) {
      const toml::table& t = *n.as_table();
      const Reform* r = set.Find(t.get("id")->as_string()->get());
      for (size_t i = 0; i < r->makes_retroactive.size(); ++i) {
        const Reform* target = set.Find(r->makes_retroactive[i]);
        if (target == nullptr || !target->effect)
          Fail(*t.get("makes_retroactive")->as_array()->get(i),
               Cat("makes_retroactive: \"", r->makes_retroactive[i], "\" is not a reform with an effect in this file"));
      }
    }
  });
  if (!loaded) return std::nullopt;
  return set;
}

std::string ReformSet::PathFor(std::string_view jurisdiction, const std::string& rules_dir) {
  return RuleFilePath("reforms", std::string(jurisdiction) + ".toml", rules_dir);
}

std::optional<ReformSet> ReformSet::LoadJurisdiction(std::string_view jurisdiction, std::string* error,
                                                     const std::string& rules_dir) {
  const std::string path = PathFor(jurisdiction, rules_dir);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    ReformSet empty;
    empty.jurisdiction_ = std::string(jurisdiction);
    return empty;
  }
  auto set = Load(path, error);
  if (set && set->jurisdiction() != jurisdiction) {
    if (error != nullptr)
      *error = path + ": the reforms are for " + set->jurisdiction() + ", not " + std::string(jurisdiction);
    return std::nullopt;
  }
  return set;
}

const Reform* ReformSet::Find(std::string_view id) const {
  const int i = IndexOf(id);
  return i < 0 ? nullptr : &reforms_[static_cast<size_t>(i)];
}

int ReformSet::IndexOf(std::string_view id) const {
  for (size_t i = 0; i < reforms_.size(); ++i)
    if (reforms_[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace clemency
