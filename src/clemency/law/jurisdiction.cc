#include "clemency/law/jurisdiction.h"

#include <algorithm>
#include <filesystem>
#include <initializer_list>

#include "clemency/law/rule_fields.h"
#include "clemency/law/rules_dir.h"
#include "clemency/law/toml.h"

namespace clemency {
namespace {

using rule_file::Cat;
using rule_file::CheckKeys;
using rule_file::Fail;
using rule_file::ListOf;
using rule_file::LoadError;
using rule_file::OneOf;
using rule_file::Position;
using rule_file::RequiredString;

const toml::table& RequiredTable(const toml::table& root, std::string_view key) {
  const toml::node* n = root.get(key);
  if (n == nullptr) Fail(root, Cat("no [", key, "] table"));
  if (!n->is_table()) Fail(*n, Cat("\"", key, "\" must be a table ([", key, "])"));
  return *n->as_table();
}

std::string OptionalString(const toml::table& tbl, std::string_view key) {
  return rule_file::OptionalString(tbl, key).value_or("");
}

// A string that must be one of `list`; the message names the allowed values.
template <size_t N>
std::string Vocabulary(const toml::table& tbl, std::string_view key, std::string_view what,
                       const std::string_view (&list)[N]) {
  std::string v = RequiredString(tbl, key, what);
  if (!OneOf(v, list))
    Fail(*tbl.get(key), Cat(what, " ", key, " \"", v, "\" is not one of: ") + ListOf(list));
  return v;
}

ClemencyAuthority ParseClemency(const toml::table& t) {
  constexpr std::string_view kWhat = "[clemency]";
  CheckKeys(t, {"authority", "holder", "board", "commutes_prison_sentences", "notes",
                "confidence", "citation"},
            kWhat);
  ClemencyAuthority c;
  c.authority = Vocabulary(t, "authority", kWhat, kClemencyAuthorities);
  c.holder = RequiredString(t, "holder", kWhat);
  c.board = OptionalString(t, "board");
  if (c.authority == "board_alone" && c.board.empty())
    Fail(t, "[clemency] authority \"board_alone\" needs \"board\"");
  if (const toml::node* n = t.get("commutes_prison_sentences")) {
    const auto* b = n->as_boolean();
    if (b == nullptr) Fail(*n, "[clemency] \"commutes_prison_sentences\" must be true or false");
    c.commutes_prison_sentences = b->get();
  } else {
    Fail(t, "[clemency] has no \"commutes_prison_sentences\"");
  }
  c.notes = OptionalString(t, "notes");
  c.confidence = Vocabulary(t, "confidence", kWhat, kFactConfidences);
  c.citation = RequiredString(t, "citation", kWhat);
  return c;
}

VotingRights ParseVoting(const toml::table& t) {
  constexpr std::string_view kWhat = "[voting]";
  CheckKeys(t, {"restoration", "notes", "confidence", "citation"}, kWhat);
  VotingRights v;
  v.restoration = Vocabulary(t, "restoration", kWhat, kVoteRestorations);
  v.notes = OptionalString(t, "notes");
  v.confidence = Vocabulary(t, "confidence", kWhat, kFactConfidences);
  v.citation = RequiredString(t, "citation", kWhat);
  return v;
}

PrisonCost ParseCost(const toml::table& t) {
  constexpr std::string_view kWhat = "[cost]";
  CheckKeys(t, {"per_prisoner_year_usd", "year", "confidence", "citation"}, kWhat);
  PrisonCost c;
  const std::optional<double> usd = rule_file::OptionalNumber(t, "per_prisoner_year_usd", 1, 1e7);
  if (!usd) Fail(t, "[cost] has no \"per_prisoner_year_usd\"");
  c.per_prisoner_year_usd = *usd;
  c.year = RequiredString(t, "year", kWhat);
  c.confidence = Vocabulary(t, "confidence", kWhat, kFactConfidences);
  c.citation = RequiredString(t, "citation", kWhat);
  return c;
}

std::vector<std::string> Sources(const toml::table& t) {
  const toml::node* n = t.get("sources");
  if (n == nullptr) Fail(t, "[jurisdiction] has no \"sources\" (every file names its sources)");
  std::vector<std::string> out = rule_file::StringList(t, "sources");
  if (out.empty()) Fail(*n, "[jurisdiction] \"sources\" must list at least one source");
  return out;
}

}  // namespace

std::optional<JurisdictionFacts> JurisdictionFacts::Load(const std::string& path,
                                                         std::string* error) {
  JurisdictionFacts f;
  f.path = path;
  const bool loaded = rule_file::LoadTomlFile(path, error, [&](const toml::table& root) {
    CheckKeys(root, {"jurisdiction", "clemency", "voting", "cost"}, "the jurisdiction file");
    const toml::table& j = RequiredTable(root, "jurisdiction");
    CheckKeys(j, {"code", "name", "sources"}, "[jurisdiction]");
    f.code = Vocabulary(j, "code", "[jurisdiction]", kJurisdictionCodes);
    const std::string file_name = std::filesystem::path(path).filename().string();
    if (file_name != f.code + ".toml")
      Fail(*j.get("code"), Cat("[jurisdiction] code \"", f.code, "\" does not match the file name \"",
                               file_name, "\" (expected ", f.code, ".toml)"));
    f.name = RequiredString(j, "name", "[jurisdiction]");
    f.sources = Sources(j);
    f.clemency = ParseClemency(RequiredTable(root, "clemency"));
    f.voting = ParseVoting(RequiredTable(root, "voting"));
    if (root.get("cost") != nullptr) f.cost = ParseCost(RequiredTable(root, "cost"));
  });
  if (!loaded) return std::nullopt;
  return f;
}

std::string JurisdictionFacts::PathFor(std::string_view code, const std::string& rules_dir) {
  return RuleFilePath("jurisdictions", std::string(code) + ".toml", rules_dir);
}

std::optional<JurisdictionFacts> JurisdictionFacts::LoadCode(std::string_view code,
                                                             std::string* error,
                                                             const std::string& rules_dir) {
  if (rules_dir.empty() && RulesDir().empty() && UserRulesDir().empty()) {
    if (error != nullptr) *error = "cannot find the rules/ folder (give --rules DIR or set CLEMENCY_RULES_DIR)";
    return std::nullopt;
  }
  const std::string path = PathFor(code, rules_dir);
  std::error_code ec;
  if (!OneOf(code, kJurisdictionCodes) || !std::filesystem::is_regular_file(path, ec)) {
    if (error != nullptr) *error = path + Cat(": no jurisdiction file for ", code);
    return std::nullopt;
  }
  return Load(path, error);
}

std::string_view DescribeAuthority(std::string_view authority) {
  if (authority == "executive_alone")
    return "the governor (or the President) alone, with no required advisory process";
  if (authority == "executive_may_consult_board")
    return "the governor, who may but need not consult an advisory board";
  if (authority == "executive_must_consult_board")
    return "the governor, after consulting a board whose advice is not binding";
  if (authority == "executive_needs_board_consent")
    return "the governor, only after a board's or council's favourable recommendation or consent";
  if (authority == "executive_on_board")
    return "a board on which the governor sits, by its vote";
  if (authority == "board_alone") return "an independent board, without the governor";
  return "";
}

std::string_view DescribeRestoration(std::string_view restoration) {
  if (restoration == "never_lost") return "never lost: people vote even while in prison";
  if (restoration == "on_release") return "restored automatically on release from prison";
  if (restoration == "after_sentence")
    return "restored automatically once the whole sentence, parole and probation included, is complete";
  if (restoration == "indefinite_or_application")
    return "lost indefinitely for some crimes, or restored only after a waiting period, an "
           "application or a pardon";
  if (restoration == "state_of_residence")
    return "decided by the law of the person's state of residence";
  return "";
}

}  // namespace clemency
