#include "clemency/law/legal_clocks.h"

#include <filesystem>
#include <set>

#include "clemency/core/codes.h"
#include "clemency/law/rule_fields.h"
#include "clemency/law/rules_dir.h"

namespace clemency {
namespace {

using namespace rule_file;  // NOLINT: the field readers of rule_fields.h

constexpr std::string_view kAppliesTo[] = {"commutation", "pardon", "all"};
constexpr std::string_view kConfidence[] = {"primary", "secondary", "unconfirmed"};

std::string Vocabulary(const toml::table& t, std::string_view key, std::string_view what,
                       const std::string_view (&allowed)[3]) {
  std::string v = RequiredString(t, key, what);
  if (!OneOf(v, allowed)) Fail(*t.get(key), Cat(key, " \"", v, "\" is not one of: ", ListOf(allowed)));
  return v;
}

bool IsClockId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Exactly one of days, months, years.
void ParseLength(const toml::table& t, const std::string& what, LegalClock* c) {
  int given = 0;
  for (const auto& [key, unit, hi] : {std::tuple{"days", 'd', 36500}, {"months", 'm', 1200}, {"years", 'y', 100}}) {
    const std::optional<int64_t> n = OptionalInt(t, key, 1, hi);
    if (!n) continue;
    if (++given > 1) Fail(*t.get(key), what + ": give exactly one of days, months or years");
    c->amount = static_cast<int>(*n);
    c->unit = unit;
  }
  if (given == 0) Fail(t, what + " needs its length: days, months or years");
}

LegalClock ParseClock(const toml::table& t) {
  CheckKeys(t, {"id", "starts_at", "kind", "days", "months", "years", "due", "applies_to", "citation", "confidence",
                "notes"},
            "[[clock]]");
  LegalClock c;
  c.id = RequiredString(t, "id", "[[clock]]");
  if (!IsClockId(c.id)) Fail(*t.get("id"), "id \"" + c.id + "\" must be lower-case letters, digits and _");
  const std::string what = "clock " + c.id;
  c.starts_at = RequiredString(t, "starts_at", what);
  if (!OneOf(c.starts_at, kClockStarts))
    Fail(*t.get("starts_at"), Cat("starts_at \"", c.starts_at, "\" is not one of: ", ListOf(kClockStarts)));
  c.kind = Vocabulary(t, "kind", what, kClockKinds);
  ParseLength(t, what, &c);
  c.due = RequiredString(t, "due", what);
  c.applies_to = OptionalString(t, "applies_to").value_or("all");
  if (!OneOf(c.applies_to, kAppliesTo))
    Fail(*t.get("applies_to"), Cat("applies_to \"", c.applies_to, "\" is not one of: ", ListOf(kAppliesTo)));
  c.citation = RequiredString(t, "citation", what);
  if (t.get("confidence") == nullptr)
    Fail(t, what + " has no \"confidence\": say how the law was verified (primary, secondary, unconfirmed)");
  c.confidence = Vocabulary(t, "confidence", what, kConfidence);
  c.notes = OptionalString(t, "notes").value_or("");
  return c;
}

}  // namespace

Date LegalClock::RunsOut(Date start) const {
  if (unit == 'y') return start.PlusYears(amount);
  if (unit == 'm') return start.PlusMonths(amount);
  return start.PlusDays(amount);
}

std::string LegalClock::Length() const {
  const char* name = unit == 'y' ? "year" : unit == 'm' ? "month" : "day";
  return std::to_string(amount) + " " + name + (amount == 1 ? "" : "s");
}

std::optional<LegalClockSet> LegalClockSet::Load(const std::string& path, std::string* error) {
  LegalClockSet set;
  set.path_ = path;
  const bool loaded = rule_file::LoadTomlFile(path, error, [&](const toml::table& root) {
    CheckKeys(root, {"clocks", "clock"}, "the clocks file");
    const toml::node* head = root.get("clocks");
    if (head == nullptr || !head->is_table()) Fail(root, "no [clocks] table");
    const toml::table& h = *head->as_table();
    CheckKeys(h, {"jurisdiction", "title", "sources", "notes"}, "[clocks]");
    set.jurisdiction_ = RequiredString(h, "jurisdiction", "[clocks]");
    if (!IsJurisdictionCode(set.jurisdiction_))
      Fail(*h.get("jurisdiction"), "jurisdiction must be US or a two-letter state code");
    set.title_ = RequiredString(h, "title", "[clocks]");
    set.sources_ = StringList(h, "sources");
    if (set.sources_.empty()) Fail(h, "[clocks] needs a non-empty \"sources\" list");
    std::set<std::string, std::less<>> ids;
    for (const toml::node& n : TableArray(root, "clock", true)) {
      LegalClock c = ParseClock(*n.as_table());
      if (!ids.insert(c.id).second) Fail(*n.as_table()->get("id"), "clock id \"" + c.id + "\" is listed twice");
      set.clocks_.push_back(std::move(c));
    }
  });
  if (!loaded) return std::nullopt;
  return set;
}

std::string LegalClockSet::PathFor(std::string_view jurisdiction, const std::string& rules_dir) {
  return RuleFilePath("clocks", std::string(jurisdiction) + ".toml", rules_dir);
}

std::optional<LegalClockSet> LegalClockSet::LoadJurisdiction(std::string_view jurisdiction, std::string* error,
                                                             const std::string& rules_dir) {
  const std::string path = PathFor(jurisdiction, rules_dir);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    LegalClockSet empty;
    empty.jurisdiction_ = std::string(jurisdiction);
    return empty;
  }
  auto set = Load(path, error);
  if (set && set->jurisdiction() != jurisdiction) {
    if (error != nullptr)
      *error = path + ": the clocks are for " + set->jurisdiction() + ", not " + std::string(jurisdiction);
    return std::nullopt;
  }
  return set;
}

}  // namespace clemency
