#include "clemency/law/reform.h"

#include <filesystem>
#include <set>

#include "clemency/core/codes.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/remedy.h"
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

void CheckPrefix(const toml::table& t, std::string_view key, const std::vector<std::string>& codes,
                 const std::string& prefix) {
  for (size_t i = 0; i < codes.size(); ++i)
    if (codes[i].rfind(prefix, 0) != 0)
      Fail(*t.get(key)->as_array()->get(i), Cat("code \"", codes[i], "\" must start with \"", prefix, "\""));
}

// sentenced_before defaults to the effective date (a later sentence already
// reflects the reform), unless the reform turns on the offense date.
void ParseDates(const toml::table& t, Date effective, ReformMatch* m) {
  m->sentenced_before = OptionalDate(t, "sentenced_before");
  m->offense_before = OptionalDate(t, "offense_before");
  if (m->sentenced_before.missing() && m->offense_before.missing()) m->sentenced_before = effective;
  m->sentenced_on_or_after = OptionalDate(t, "sentenced_on_or_after");
}

ReformMatch ParseMatch(const toml::table& t, Date effective, const std::string& prefix) {
  CheckKeys(t, {"offense_codes", "enhancements", "enhancements_none", "sentence_types", "drug_types",
                "drug_grams_at_least", "drug_grams_below", "sentenced_before", "sentenced_on_or_after",
                "offense_before", "offense_flags_none", "person_flags_none"},
            "[reform.match]");
  ReformMatch m;
  m.offense_codes = StringList(t, "offense_codes");
  m.enhancements = StringList(t, "enhancements");
  m.enhancements_none = StringList(t, "enhancements_none");
  for (const auto& [key, list] : {std::pair{"offense_codes", &m.offense_codes}, {"enhancements", &m.enhancements},
                                  {"enhancements_none", &m.enhancements_none}})
    CheckPrefix(t, key, *list, prefix);
  m.sentence_types = StringList(t, "sentence_types");
  CheckVocabulary(t, "sentence_types", m.sentence_types, kSentenceTypeNames);
  m.drug_types = StringList(t, "drug_types");
  m.drug_grams_at_least = OptionalNumber(t, "drug_grams_at_least", 0, 1e9).value_or(-1);
  m.drug_grams_below = OptionalNumber(t, "drug_grams_below", 0, 1e9).value_or(-1);
  if (m.drug_grams_at_least >= 0 && m.drug_grams_below >= 0 && m.drug_grams_below <= m.drug_grams_at_least)
    Fail(*t.get("drug_grams_below"), "\"drug_grams_below\" must be above \"drug_grams_at_least\"");
  ParseDates(t, effective, &m);
  m.offense_flags_none = StringList(t, "offense_flags_none");
  CheckVocabulary(t, "offense_flags_none", m.offense_flags_none, kOffenseFlags);
  m.person_flags_none = StringList(t, "person_flags_none");
  CheckVocabulary(t, "person_flags_none", m.person_flags_none, kOffenseFlags);
  if (m.offense_codes.empty() && m.enhancements.empty())
    Fail(t, "[reform.match] needs offense_codes or enhancements: a reform must say which sentences it touches");
  return m;
}

// The keys each kind needs and forbids.
void CheckEffectKeys(const toml::table& t, std::string_view kind, const ReformMatch& match, ReformEffect* e) {
  auto need = [&](bool ok, std::string_view what) {
    if (!ok) Fail(t, Cat("kind = \"", kind, "\" needs ", what));
  };
  auto forbid = [&](std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys)
      if (t.get(key) != nullptr) Fail(*t.get(key), Cat("\"", key, "\" does not apply to kind = \"", kind, "\""));
  };
  if (e->kind != EffectKind::kRestoreFelony) forbid({"restores"});
  switch (e->kind) {
    case EffectKind::kRemoveEnhancement:
    case EffectKind::kShortenEnhancement:
      if (e->enhancements.empty()) e->enhancements = match.enhancements;
      need(!e->enhancements.empty(), "enhancements (here or in [reform.match])");
      if (e->kind == EffectKind::kShortenEnhancement) need(e->to_days >= 0, "to_days");
      else forbid({"to_days"});
      forbid({"from_days", "max_days", "doubled_triad", "min_days", "max_life"});
      break;
    case EffectKind::kReclassify:
    case EffectKind::kCapTerm:
      need(e->max_days > 0, "max_days");
      forbid({"enhancements", "to_days", "from_days", "doubled_triad", "min_days", "max_life"});
      break;
    case EffectKind::kLowerMinimum:
      need(e->from_days > 0 && e->to_days >= 0, "from_days and to_days");
      if (e->to_days >= e->from_days) Fail(*t.get("to_days"), "\"to_days\" must be below \"from_days\"");
      forbid({"enhancements", "max_days", "doubled_triad", "min_days", "max_life", "discretionary"});
      e->discretionary = true;  // a lower minimum permits a lower term, it does not require one
      break;
    case EffectKind::kLifeToYears:
      need(e->doubled_triad != (e->min_days >= 0), "either doubled_triad = true or min_days");
      if (e->max_life && e->max_days > 0) Fail(*t.get("max_days"), "give max_days or max_life = true, not both");
      if (e->max_days > 0 && e->max_days < e->min_days) Fail(*t.get("max_days"), "\"max_days\" must not be below \"min_days\"");
      forbid({"enhancements", "to_days", "from_days"});
      break;
    case EffectKind::kRestoreFelony:
      need(!e->restores.empty() && e->max_days > 0, "restores (the reforms it undoes) and max_days");
      forbid({"enhancements", "to_days", "from_days", "doubled_triad", "min_days", "max_life", "discretionary", "now_code"});
      break;
    case EffectKind::kGuidelineRange:
      forbid({"enhancements", "to_days", "from_days", "max_days", "doubled_triad", "min_days", "max_life", "discretionary",
              "now_code"});
      break;
  }
}

ReformEffect ParseEffect(const toml::table& t, const ReformMatch& match, const std::string& prefix) {
  CheckKeys(t, {"kind", "text", "enhancements", "to_days", "from_days", "max_days", "doubled_triad", "min_days",
                "max_life", "discretionary", "now_code", "restores"},
            "[reform.effect]");
  ReformEffect e;
  const std::string kind = RequiredString(t, "kind", "[reform.effect]");
  size_t k = 0;
  while (k < std::size(kEffectKindNames) && kEffectKindNames[k] != kind) ++k;
  if (k == std::size(kEffectKindNames)) Fail(*t.get("kind"), Cat("kind \"", kind, "\" is not one of: ", ListOf(kEffectKindNames)));
  e.kind = static_cast<EffectKind>(k);
  e.text = RequiredString(t, "text", "[reform.effect]");
  e.enhancements = StringList(t, "enhancements");
  e.to_days = static_cast<int>(OptionalInt(t, "to_days", 0, 40000).value_or(-1));
  e.from_days = static_cast<int>(OptionalInt(t, "from_days", 1, 40000).value_or(-1));
  e.max_days = static_cast<int>(OptionalInt(t, "max_days", 1, 40000).value_or(-1));
  e.doubled_triad = OptionalBool(t, "doubled_triad");
  e.min_days = static_cast<int>(OptionalInt(t, "min_days", 0, 40000).value_or(-1));
  e.max_life = OptionalBool(t, "max_life");
  e.discretionary = OptionalBool(t, "discretionary");
  e.now_code = OptionalString(t, "now_code").value_or("");
  if (!e.now_code.empty() && e.now_code.rfind(prefix, 0) != 0)
    Fail(*t.get("now_code"), Cat("code \"", e.now_code, "\" must start with \"", prefix, "\""));
  e.restores = StringList(t, "restores");
  CheckEffectKeys(t, kind, match, &e);
  return e;
}

std::string Confidence(const toml::table& t, std::string_view what) {
  if (t.get("confidence") == nullptr)
    Fail(t, Cat(what, " has no \"confidence\": say how the law was verified (primary: read in the enacted text, "
                      "the codified statute or the court's opinion; secondary; unconfirmed)"));
  std::string c = RequiredString(t, "confidence", what);
  if (!OneOf(c, kConfidence)) Fail(*t.get("confidence"), "confidence must be one of: primary, secondary, unconfirmed");
  return c;
}

Remedy RemedyField(const toml::table& t, std::string_view key, std::string_view what, std::span<const Remedy> allowed) {
  const std::string name = RequiredString(t, key, what);
  const std::optional<Remedy> r = ParseRemedy(name);
  if (!r || std::find(allowed.begin(), allowed.end(), *r) == allowed.end()) {
    std::string list;
    for (Remedy a : allowed) list += (list.empty() ? "" : ", ") + std::string(RemedyName(a));
    Fail(*t.get(key), Cat(key, " \"", name, "\" is not one of: ", list));
  }
  return *r;
}

RemedyWindow ParseWindow(const toml::table& t, const std::string& what) {
  CheckKeys(t, {"opens", "closes", "after", "after_text", "citation", "confidence"}, "[reform.window]");
  RemedyWindow w;
  w.opens = OptionalDate(t, "opens");
  w.closes = OptionalDate(t, "closes");
  if (w.opens.missing() && w.closes.missing()) Fail(t, "[reform.window] needs opens, closes or both");
  if (!w.opens.missing() && !w.closes.missing() && !(w.opens < w.closes))
    Fail(*t.get("closes"), "\"closes\" must be after \"opens\"");
  w.citation = RequiredString(t, "citation", what + " [reform.window]");
  w.confidence = Confidence(t, what + " [reform.window]");
  if (!w.closes.missing()) {
    w.after = RemedyField(t, "after", what + " [reform.window] (what remains after it closes)", kAfterWindowRemedies);
    w.after_text = RequiredString(t, "after_text", what + " [reform.window]");
  } else {
    for (std::string_view key : {"after", "after_text"})
      if (t.get(key) != nullptr) Fail(*t.get(key), Cat("\"", key, "\" needs \"closes\""));
  }
  return w;
}

// The remedy keys of a retroactive or makes_retroactive reform.
void ParseRemedy(const toml::table& t, const std::string& what, Reform* r) {
  if (r->retroactive || !r->makes_retroactive.empty()) {
    r->remedy = RemedyField(t, "remedy", what + " (retroactive)", kReformRemedies);
    r->remedy_text = RequiredString(t, "remedy_text", what + " (retroactive)");
    if (const toml::node* w = t.get("window")) {
      if (!w->is_table()) Fail(*w, "\"window\" must be a table ([reform.window])");
      r->window = ParseWindow(*w->as_table(), what);
    }
  } else {
    for (std::string_view key : {"remedy", "remedy_text", "window"})
      if (t.get(key) != nullptr)
        Fail(*t.get(key), Cat("\"", key, "\" is only for a retroactive reform or one with makes_retroactive"));
  }
  r->full_resentencing = OptionalBool(t, "full_resentencing");
  r->full_resentencing_except = StringList(t, "full_resentencing_except");
  if ((r->full_resentencing || !r->full_resentencing_except.empty()) && r->makes_retroactive.empty())
    Fail(t, what + ": full_resentencing is for a reform with makes_retroactive");
  if (!r->full_resentencing_except.empty() && !r->full_resentencing)
    Fail(*t.get("full_resentencing_except"), "\"full_resentencing_except\" needs full_resentencing = true");
}

// A makes_retroactive reform: no effect; its match may only bound the dates
// of the sentences the opened remedy reaches (default: imposed before it).
void ParseOpener(const toml::table& t, const std::string& what, Reform* r) {
  if (r->retroactive) Fail(*t.get("retroactive"), what + ": a makes_retroactive reform is not itself retroactive");
  if (const toml::node* e = t.get("effect")) Fail(*e, what + ": a makes_retroactive reform has no effect of its own");
  if (const toml::node* m = t.get("match")) {
    if (!m->is_table()) Fail(*m, "\"match\" must be a table ([reform.match])");
    const toml::table& mt = *m->as_table();
    CheckKeys(mt, {"sentenced_before", "sentenced_on_or_after", "offense_before"},
              "[reform.match] of a makes_retroactive reform");
    ParseDates(mt, r->effective, &r->match);
  } else {
    r->match.sentenced_before = r->effective;
  }
}

Reform ParseReform(const toml::table& t, const std::string& prefix) {
  CheckKeys(t, {"id", "title", "citation", "effective", "retroactive", "remedy", "remedy_text", "window",
                "makes_retroactive", "full_resentencing", "full_resentencing_except", "assumes", "depends_on",
                "confidence", "match", "effect"},
            "[[reform]]");
  Reform r;
  r.id = RequiredString(t, "id", "[[reform]]");
  const std::string what = "reform " + r.id;
  r.title = RequiredString(t, "title", what);
  r.citation = RequiredString(t, "citation", what);
  r.confidence = Confidence(t, what);
  r.effective = OptionalDate(t, "effective");
  if (r.effective.missing()) Fail(t, what + " has no \"effective\" date");
  r.retroactive = OptionalBool(t, "retroactive");
  r.makes_retroactive = StringList(t, "makes_retroactive");
  ParseRemedy(t, what, &r);
  r.assumes = StringList(t, "assumes");
  r.depends_on = StringList(t, "depends_on");
  if (!r.makes_retroactive.empty()) {
    ParseOpener(t, what, &r);
    return r;
  }
  const toml::node* m = t.get("match");
  const toml::node* e = t.get("effect");
  if (m == nullptr || !m->is_table()) Fail(t, what + " has no [reform.match] table");
  if (e == nullptr || !e->is_table()) Fail(t, what + " has no [reform.effect] table");
  r.match = ParseMatch(*m->as_table(), r.effective, prefix);
  r.effect = ParseEffect(*e->as_table(), r.match, prefix);
  if (r.effect->kind == EffectKind::kRestoreFelony && r.retroactive)
    Fail(*t.get("retroactive"), what + ": a restore_felony reform lengthens no sentence already imposed: it is not retroactive");
  return r;
}

// The ids a reform names must be reforms of the same file: makes_retroactive
// and restores one with an effect listed before it, full_resentencing_except any.
void CheckReferences(const toml::table& t, const ReformSet& set) {
  const int self = set.IndexOf(t.get("id")->as_string()->get());
  const Reform& r = set.reforms()[static_cast<size_t>(self)];
  auto check = [&](const toml::table& where, std::string_view key, const std::vector<std::string>& ids, bool earlier) {
    for (size_t i = 0; i < ids.size(); ++i) {
      const int target = set.IndexOf(ids[i]);
      const bool ok = target >= 0 && (!earlier || (target < self && set.reforms()[static_cast<size_t>(target)].effect));
      if (!ok)
        Fail(*where.get(key)->as_array()->get(i),
             Cat(key, ": \"", ids[i], earlier ? "\" is not a reform with an effect listed before this one in this file"
                                               : "\" is not a reform in this file"));
    }
  };
  check(t, "makes_retroactive", r.makes_retroactive, true);
  check(t, "full_resentencing_except", r.full_resentencing_except, false);
  if (r.effect && !r.effect->restores.empty()) check(*t.get("effect")->as_table(), "restores", r.effect->restores, true);
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
    CheckKeys(h, {"jurisdiction", "title", "notes", "sources", "reviewed_through"}, "[reforms]");
    set.jurisdiction_ = RequiredString(h, "jurisdiction", "[reforms]");
    if (!IsJurisdictionCode(set.jurisdiction_))
      Fail(*h.get("jurisdiction"), "jurisdiction must be US or a two-letter state code");
    RequiredString(h, "title", "[reforms]");
    if (StringList(h, "sources").empty()) Fail(h, "[reforms] needs a non-empty \"sources\" list");
    set.reviewed_through_ = OptionalDate(h, "reviewed_through");
    const std::string prefix = set.jurisdiction_ + ":";
    std::set<std::string, std::less<>> ids;
    // A file without reforms must say through when the law was reviewed.
    for (const toml::node& n : TableArray(root, "reform", set.reviewed_through_.missing())) {
      Reform r = ParseReform(*n.as_table(), prefix);
      if (!ids.insert(r.id).second) Fail(*n.as_table()->get("id"), "reform id \"" + r.id + "\" is listed twice");
      set.reforms_.push_back(std::move(r));
    }
    for (const toml::node& n : TableArray(root, "reform", false)) CheckReferences(*n.as_table(), set);
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
