#include "clemency/law/offense_catalog.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "clemency/law/rule_fields.h"
#include "clemency/law/rules_dir.h"
#include "clemency/law/toml.h"

namespace clemency {
namespace {

using rule_file::Cat;
using rule_file::Fail;
using rule_file::LoadError;
using namespace rule_file;  // the field readers of rule_fields.h

// An enhancement code goes into "CODE=DAYS;..." lists unquoted, so it must not
// hold the characters those use. An offense code is always a field of its
// own, so it may hold them (agency codes such as Iowa "706.3,A", or a
// description used as a code, "Theft of Property >= $5,000").
void CheckCodeChars(const toml::table& t, const std::string& code, bool offense) {
  for (char c : code)
    if ((!offense && (c == ',' || c == ';' || c == '=')) || c == '"' || static_cast<unsigned char>(c) < 0x20)
      Fail(*t.get("code"), Cat("code \"", code,
                               offense ? "\" must not contain \" or control characters"
                                       : "\" must not contain , \" ; = or control characters"));
  if (code.front() == ' ' || code.back() == ' ')
    Fail(*t.get("code"), Cat("code \"", code, "\" must not start or end with a space"));
}

// A list of kOffenseFlags, each once.
std::vector<std::string> FlagList(const toml::table& t, std::string_view key, const std::string& code) {
  std::vector<std::string> flags = StringList(t, key);
  if (const toml::node* fl = t.get(key)) {
    const toml::array& arr = *fl->as_array();
    for (size_t i = 0; i < flags.size(); ++i) {
      if (!OneOf(flags[i], kOffenseFlags))
        Fail(*arr.get(i), "offense " + code + ": flag \"" + flags[i] + "\" is not one of: " + ListOf(kOffenseFlags));
      for (size_t j = 0; j < i; ++j)
        if (flags[j] == flags[i]) Fail(*arr.get(i), "offense " + code + ": flag \"" + flags[i] + "\" is repeated");
    }
  }
  return flags;
}

Offense ParseOffense(const toml::table& t, std::string_view prefix) {
  CheckKeys(t,
            {"code", "title", "category", "bjs_offense", "flags", "unknown_flags", "triad_months", "life",
             "life_min_years", "life_kind", "lwop_eligible", "felony_class", "statutory_min_months",
             "statutory_max_months", "max_life", "drugs", "citation", "aliases"},
            "[[offense]]");
  Offense o;
  o.code = RequiredString(t, "code", "[[offense]]");
  if (o.code.rfind(prefix, 0) != 0 || o.code.size() == prefix.size())
    Fail(*t.get("code"), "code \"" + o.code + Cat("\" must start with \"", prefix) + "\"");
  CheckCodeChars(t, o.code, /*offense=*/true);
  o.title = RequiredString(t, "title", "offense " + o.code);
  o.category = RequiredString(t, "category", "offense " + o.code);
  if (!OneOf(o.category, kOffenseCategories))
    Fail(*t.get("category"), "offense " + o.code + ": category \"" + o.category +
                                 "\" is not one of: " + ListOf(kOffenseCategories));
  o.bjs_offense = RequiredString(t, "bjs_offense", "offense " + o.code);
  if (!OneOf(o.bjs_offense, kBjsOffenses))
    Fail(*t.get("bjs_offense"), "offense " + o.code + ": bjs_offense \"" + o.bjs_offense +
                                    "\" is not one of: " + ListOf(kBjsOffenses));
  o.flags = FlagList(t, "flags", o.code);
  o.unknown_flags = FlagList(t, "unknown_flags", o.code);
  for (const std::string& f : o.unknown_flags)
    if (o.HasFlag(f))
      Fail(*t.get("unknown_flags"), "offense " + o.code + ": flag \"" + f + "\" is both in flags and unknown_flags");
  if (const toml::node* tr = t.get("triad_months")) {
    const std::vector<int> triad = IntList(t, "triad_months", 1, 1200);
    if (triad.size() != 3 || triad[0] > triad[1] || triad[1] > triad[2])
      Fail(*tr, "offense " + o.code +
                    ": triad_months must be [lower, middle, upper] with lower <= middle <= upper");
    o.triad_lower_months = triad[0];
    o.triad_middle_months = triad[1];
    o.triad_upper_months = triad[2];
  }
  o.life = OptionalBool(t, "life");
  if (o.life) {
    if (o.has_triad())
      Fail(*t.get("life"), "offense " + o.code + ": an offense has a triad or a life term, not both");
    const auto min_years = OptionalInt(t, "life_min_years", 1, 99);
    if (!min_years) Fail(*t.get("life"), "offense " + o.code + ": a life term needs life_min_years");
    o.life_min_years = static_cast<int>(*min_years);
    o.life_kind = OptionalString(t, "life_kind").value_or("indeterminate");
    if (o.life_kind != "indeterminate" && o.life_kind != "life")
      Fail(*t.get("life_kind"), "offense " + o.code + ": life_kind must be \"indeterminate\" or \"life\"");
  } else {
    for (std::string_view k : {"life_min_years", "life_kind"})
      if (const toml::node* n = t.get(k))
        Fail(*n, "offense " + o.code + Cat(": \"", k) + "\" needs life = true");
  }
  o.lwop_eligible = OptionalBool(t, "lwop_eligible");
  if (o.lwop_eligible && !o.life)
    Fail(*t.get("lwop_eligible"), "offense " + o.code + ": lwop_eligible needs life = true");
  o.felony_class = OptionalString(t, "felony_class").value_or("");
  o.statutory_min_months = static_cast<int>(OptionalInt(t, "statutory_min_months", 0, 1200).value_or(0));
  o.statutory_max_months = static_cast<int>(OptionalInt(t, "statutory_max_months", 0, 1200).value_or(0));
  o.max_life = OptionalBool(t, "max_life");
  if (o.max_life && t.get("statutory_max_months") != nullptr)
    Fail(*t.get("statutory_max_months"),
         "offense " + o.code + ": give statutory_max_months or max_life = true, not both");
  if (t.get("statutory_max_months") != nullptr && o.statutory_min_months > o.statutory_max_months)
    Fail(*t.get("statutory_min_months"),
         "offense " + o.code + ": statutory_min_months (" + std::to_string(o.statutory_min_months) +
             ") is greater than statutory_max_months (" + std::to_string(o.statutory_max_months) + ")");
  o.drugs = StringList(t, "drugs");
  if (!o.drugs.empty() && o.category != "drug_possession" && o.category != "drug_distribution")
    Fail(*t.get("drugs"), "offense " + o.code + ": drugs is only for drug offenses");
  o.citation = RequiredString(t, "citation", "offense " + o.code);
  o.aliases = StringList(t, "aliases");
  for (const std::string& a : o.aliases)
    if (a.rfind(prefix, 0) != 0 || a.size() == prefix.size())
      Fail(*t.get("aliases"), "alias \"" + a + Cat("\" must start with \"", prefix) + "\"");
  return o;
}

// Case-insensitive, in RE2 syntax; a pattern RE2 refuses stops the load.
Regex CompileRegex(const toml::node& at, const std::string& pattern) {
  std::string error;
  if (auto re = Regex::Compile(pattern, /*case_insensitive=*/true, &error)) return *std::move(re);
  Fail(at, "\"" + pattern + "\" is not a valid regular expression (RE2 syntax: no backreferences or lookaround): " +
               error);
}

// [catalog.codes]: how the jurisdiction's codes are written (law/offense_code.h).
CodeConventions ParseConventions(const toml::table& h) {
  CodeConventions c;
  const toml::node* n = h.get("codes");
  if (n == nullptr) return c;
  const toml::table* t = n->as_table();
  if (t == nullptr) Fail(*n, "[catalog.codes] must be a table");
  CheckKeys(*t, {"books", "attempt", "attempt_suffixes", "rewrite"}, "[catalog.codes]");
  if (const toml::node* b = t->get("books")) {
    const toml::table* books = b->as_table();
    if (books == nullptr) Fail(*b, "books must be a table: BOOK = [\"alias\", ...]");
    for (auto&& [book, aliases] : *books) {
      std::vector<std::string> list;
      const toml::array* arr = aliases.as_array();
      if (arr == nullptr) Fail(aliases, Cat("books.", book.str(), " must be a list of strings"));
      for (const toml::node& a : *arr) {
        if (!a.is_string()) Fail(a, Cat("books.", book.str(), " must be a list of strings"));
        list.push_back(a.as_string()->get());
      }
      c.books.emplace(std::string(book.str()), std::move(list));
    }
  }
  c.attempt = OptionalString(*t, "attempt").value_or("");
  c.attempt_suffixes = StringList(*t, "attempt_suffixes");
  if (const toml::node* r = t->get("rewrite")) {
    const toml::array* arr = r->as_array();
    if (arr == nullptr || !arr->is_array_of_tables()) Fail(*r, "rewrite must be a list of { match, replace } tables");
    for (const toml::node& item : *arr) {
      const toml::table& rt = *item.as_table();
      CheckKeys(rt, {"match", "replace"}, "a rewrite");
      CodeRewrite cr;
      cr.match = RequiredString(rt, "match", "a rewrite");
      cr.re = CompileRegex(*rt.get("match"), cr.match);
      if (const toml::node* rep = rt.get("replace")) {
        if (!rep->is_string()) Fail(*rep, "\"replace\" must be a string (empty to delete the match)");
        cr.replace = rep->as_string()->get();
      }
      c.rewrites.push_back(std::move(cr));
    }
  }
  return c;
}

OffensePattern ParsePattern(const toml::table& t) {
  CheckKeys(t, {"code", "description", "offense", "category", "bjs_offense", "flags", "not_flags", "citation"},
            "[[pattern]]");
  OffensePattern p;
  p.line = static_cast<int>(t.source().begin.line);
  const toml::node* code = t.get("code");
  const toml::node* desc = t.get("description");
  if ((code == nullptr) == (desc == nullptr))
    Fail(t, "a [[pattern]] matches either \"code\" or \"description\" (a regular expression)");
  p.on = code != nullptr ? OffensePattern::On::kCode : OffensePattern::On::kDescription;
  p.match = RequiredString(t, code != nullptr ? "code" : "description", "[[pattern]]");
  p.re = CompileRegex(code != nullptr ? *code : *desc, p.match);
  p.offense = OptionalString(t, "offense").value_or("");
  p.citation = RequiredString(t, "citation", "[[pattern]]");
  if (!p.offense.empty()) {
    for (std::string_view k : {"category", "bjs_offense", "flags", "not_flags"})
      if (const toml::node* n = t.get(k))
        Fail(*n, Cat("a pattern that names an offense takes its \"", k, "\" from it"));
    return p;
  }
  p.category = RequiredString(t, "category", "[[pattern]] without offense");
  if (!OneOf(p.category, kOffenseCategories))
    Fail(*t.get("category"), "category \"" + p.category + "\" is not one of: " + ListOf(kOffenseCategories));
  p.bjs_offense = RequiredString(t, "bjs_offense", "[[pattern]] without offense");
  if (!OneOf(p.bjs_offense, kBjsOffenses))
    Fail(*t.get("bjs_offense"), "bjs_offense \"" + p.bjs_offense + "\" is not one of: " + ListOf(kBjsOffenses));
  p.flags = StringList(t, "flags");
  p.not_flags = StringList(t, "not_flags");
  for (std::string_view k : {"flags", "not_flags"}) {
    const std::vector<std::string>& list = k == "flags" ? p.flags : p.not_flags;
    for (size_t i = 0; i < list.size(); ++i)
      if (!OneOf(list[i], kOffenseFlags))
        Fail(*t.get(k)->as_array()->get(i), "flag \"" + list[i] + "\" is not one of: " + ListOf(kOffenseFlags));
  }
  return p;
}

SentenceEnhancement ParseEnhancement(const toml::table& t, std::string_view prefix) {
  CheckKeys(t, {"code", "title", "kind", "days", "choices_days", "citation"}, "[[enhancement]]");
  SentenceEnhancement e;
  e.code = RequiredString(t, "code", "[[enhancement]]");
  if (e.code.rfind(prefix, 0) != 0 || e.code.size() == prefix.size())
    Fail(*t.get("code"), "code \"" + e.code + Cat("\" must start with \"", prefix) + "\"");
  CheckCodeChars(t, e.code, /*offense=*/false);
  e.title = RequiredString(t, "title", "enhancement " + e.code);
  e.kind = RequiredString(t, "kind", "enhancement " + e.code);
  static constexpr std::string_view kKinds[] = {"fixed", "choice", "doubling", "scheme"};
  if (!OneOf(e.kind, kKinds))
    Fail(*t.get("kind"), "enhancement " + e.code + ": kind \"" + e.kind + "\" is not one of: " +
                             ListOf(kKinds));
  e.days = static_cast<int>(OptionalInt(t, "days", 0, 40000).value_or(0));
  e.choices_days = IntList(t, "choices_days", 1, 40000);
  if ((e.kind == "fixed" || e.kind == "choice") && e.days == 0)
    Fail(t, "enhancement " + e.code + ": a " + e.kind + " enhancement needs days > 0");
  if (e.kind == "choice" && std::find(e.choices_days.begin(), e.choices_days.end(), e.days) ==
                                e.choices_days.end())
    Fail(t, "enhancement " + e.code + ": days must be one of choices_days");
  if (e.kind != "choice" && !e.choices_days.empty())
    Fail(*t.get("choices_days"), "enhancement " + e.code + ": choices_days is only for kind = \"choice\"");
  e.citation = RequiredString(t, "citation", "enhancement " + e.code);
  return e;
}

}  // namespace

std::string_view BjsCategoryOf(std::string_view bjs_offense) {
  const int i = BjsOffenseIndex(bjs_offense);
  if (i < 0) return "";
  if (i <= 5) return "violent";
  if (i <= 10) return "property";
  if (i <= 12) return "drug";
  if (i <= 15) return "public_order";
  return "other_unspecified";
}

int BjsOffenseIndex(std::string_view bjs_offense) {
  for (size_t i = 0; i < kNumBjsOffenses; ++i)
    if (kBjsOffenses[i] == bjs_offense) return static_cast<int>(i);
  return -1;
}

bool Offense::HasFlag(std::string_view flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::optional<OffenseCatalog> OffenseCatalog::Load(const std::string& path, std::string* error) {
  OffenseCatalog cat;
  cat.path_ = path;
  const bool loaded = rule_file::LoadTomlFile(path, error, [&](const toml::table& root) {
    CheckKeys(root, {"catalog", "offense", "enhancement", "pattern"}, "the catalog file");
    const toml::node* head = root.get("catalog");
    if (head == nullptr || !head->is_table()) Fail(root, "no [catalog] table");
    const toml::table& h = *head->as_table();
    CheckKeys(h, {"jurisdiction", "title", "notes", "sources", "codes"}, "[catalog]");
    cat.conventions_ = ParseConventions(h);
    cat.jurisdiction_ = RequiredString(h, "jurisdiction", "[catalog]");
    const std::string prefix = cat.jurisdiction_ + ":";

    for (const toml::node& n : TableArray(root, "offense", true)) {
      Offense o = ParseOffense(*n.as_table(), prefix);
      if (cat.by_code_.count(o.code) != 0)
        Fail(*n.as_table()->get("code"), "code \"" + o.code + "\" is listed twice");
      cat.by_code_.emplace(o.code, cat.offenses_.size());
      std::vector<std::string> spellings = o.aliases;
      spellings.insert(spellings.begin(), o.code);
      for (size_t i = 0; i < spellings.size(); ++i) {
        const std::string key = NormalizeCode(spellings[i], cat.conventions_).key;
        auto [it, added] = cat.by_key_.emplace(key, cat.offenses_.size());
        if (!added && it->second != cat.offenses_.size())
          Fail(i == 0 ? *n.as_table()->get("code") : *n.as_table()->get("aliases"),
               "\"" + spellings[i] + "\" is the same code as \"" + cat.offenses_[it->second].code +
                   "\" once normalised (" + key + ")");
      }
      cat.offenses_.push_back(std::move(o));
    }
    for (const toml::node& n : TableArray(root, "enhancement", false)) {
      SentenceEnhancement e = ParseEnhancement(*n.as_table(), prefix);
      if (cat.enhancement_by_code_.count(e.code) != 0 || cat.by_code_.count(e.code) != 0)
        Fail(*n.as_table()->get("code"), "code \"" + e.code + "\" is listed twice");
      cat.enhancement_by_code_.emplace(e.code, cat.enhancements_.size());
      cat.enhancement_by_key_.emplace(NormalizeCode(e.code, cat.conventions_).key, cat.enhancements_.size());
      cat.enhancements_.push_back(std::move(e));
    }
    for (const toml::node& n : TableArray(root, "pattern", false)) {
      OffensePattern p = ParsePattern(*n.as_table());
      if (!p.offense.empty() && cat.Find(p.offense) == nullptr)
        Fail(*n.as_table()->get("offense"), "pattern offense \"" + p.offense + "\" is not in this catalog");
      cat.patterns_.push_back(std::move(p));
    }
  });
  if (!loaded) return std::nullopt;
  return cat;
}

std::string OffenseCatalog::PathFor(std::string_view jurisdiction, const std::string& rules_dir) {
  return RuleFilePath("offenses", std::string(jurisdiction) + ".toml", rules_dir);
}

std::string OffenseCatalog::GenericPath(const std::string& rules_dir) {
  return RuleFilePath("offenses", "generic.toml", rules_dir);
}

OffenseCatalog OffenseCatalog::Requalified(std::string_view jurisdiction) const {
  OffenseCatalog c = *this;
  const size_t old_prefix = jurisdiction_.size() + 1;
  auto requalify = [&](std::string& code) { code = Cat(jurisdiction, ":", code.substr(old_prefix)); };
  c.jurisdiction_ = std::string(jurisdiction);
  c.by_code_.clear();
  c.enhancement_by_code_.clear();
  for (size_t i = 0; i < c.offenses_.size(); ++i) {
    requalify(c.offenses_[i].code);
    for (std::string& a : c.offenses_[i].aliases) requalify(a);
    c.by_code_.emplace(c.offenses_[i].code, i);
  }
  for (size_t i = 0; i < c.enhancements_.size(); ++i) {
    requalify(c.enhancements_[i].code);
    c.enhancement_by_code_.emplace(c.enhancements_[i].code, i);
  }
  for (OffensePattern& p : c.patterns_)
    if (!p.offense.empty()) requalify(p.offense);
  c.generic_ = true;
  c.generic_path_ = path_;
  return c;
}

void OffenseCatalog::AddGenericFallback(const OffenseCatalog& generic) {
  std::set<std::string> own_flags, own_subcategories;
  for (const Offense& o : offenses_) {
    own_flags.insert(o.flags.begin(), o.flags.end());
    own_subcategories.insert(o.bjs_offense);
  }
  for (const Offense& g : generic.offenses()) {
    if (own_subcategories.count(g.bjs_offense) != 0 || by_code_.count(g.code) != 0) continue;
    Offense o = g;
    for (const std::string& f : own_flags)  // the state's own flags are its statute's to decide
      if (!o.HasFlag(f) && std::find(o.unknown_flags.begin(), o.unknown_flags.end(), f) == o.unknown_flags.end())
        o.unknown_flags.push_back(f);
    by_code_.emplace(o.code, offenses_.size());
    by_key_.emplace(NormalizeCode(o.code, conventions_).key, offenses_.size());
    offenses_.push_back(std::move(o));
    generic_path_ = generic.path();
  }
}

std::optional<OffenseCatalog> OffenseCatalog::LoadOrGeneric(std::string_view jurisdiction, std::string* error,
                                                            const std::string& rules_dir) {
  std::error_code ec;
  const bool has_generic = std::filesystem::is_regular_file(GenericPath(rules_dir), ec);
  std::optional<OffenseCatalog> generic;
  if (has_generic) {
    generic = Load(GenericPath(rules_dir), error);
    if (!generic) return std::nullopt;
    *generic = generic->Requalified(jurisdiction);
  }
  if (!std::filesystem::is_regular_file(PathFor(jurisdiction, rules_dir), ec) && generic) return generic;
  auto own = LoadJurisdiction(jurisdiction, error, rules_dir);
  if (own && generic) own->AddGenericFallback(*generic);
  return own;
}

std::optional<OffenseCatalog> OffenseCatalog::LoadJurisdiction(std::string_view jurisdiction,
                                                               std::string* error,
                                                               const std::string& rules_dir) {
  if (rules_dir.empty() && RulesDir().empty() && UserRulesDir().empty()) {
    if (error != nullptr)
      *error = "cannot find the rules/ folder (give --rules DIR or set CLEMENCY_RULES_DIR)";
    return std::nullopt;
  }
  const std::string path = PathFor(jurisdiction, rules_dir);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (error != nullptr)
      *error = path + Cat(": no offense catalog for jurisdiction ", jurisdiction);
    return std::nullopt;
  }
  auto cat = Load(path, error);
  if (cat && cat->jurisdiction() != jurisdiction) {
    if (error != nullptr)
      *error = path + ": the catalog is for " + cat->jurisdiction() + ", not " +
               std::string(jurisdiction);
    return std::nullopt;
  }
  return cat;
}

const Offense* OffenseCatalog::Find(std::string_view code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &offenses_[it->second];
}

const SentenceEnhancement* OffenseCatalog::FindEnhancement(std::string_view code) const {
  auto it = enhancement_by_code_.find(code);
  return it == enhancement_by_code_.end() ? nullptr : &enhancements_[it->second];
}

}  // namespace clemency

namespace clemency {

const Offense* OffenseCatalog::FindKey(std::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &offenses_[it->second];
}

std::vector<const Offense*> OffenseCatalog::Refinements(std::string_view key) const {
  std::vector<const Offense*> out;
  for (auto it = by_key_.upper_bound(key); it != by_key_.end() && it->first.starts_with(key); ++it)
    if (IsRefinementOf(it->first, key)) {
      const Offense* o = &offenses_[it->second];
      if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
    }
  return out;
}

const SentenceEnhancement* OffenseCatalog::FindEnhancementKey(std::string_view key) const {
  auto it = enhancement_by_key_.find(key);
  return it == enhancement_by_key_.end() ? nullptr : &enhancements_[it->second];
}

}  // namespace clemency
