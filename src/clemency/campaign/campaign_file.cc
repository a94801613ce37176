#include "clemency/campaign/campaign_file.h"

#include <filesystem>

#include "clemency/law/jurisdiction.h"
#include "clemency/law/rule_fields.h"
#include "clemency/law/rules_dir.h"
#include "clemency/law/toml.h"

namespace clemency {
namespace {

using rule_file::CheckKeys;
using rule_file::Fail;
using rule_file::OneOf;
using rule_file::OptionalDate;
using rule_file::OptionalInt;
using rule_file::OptionalNumber;
using rule_file::OptionalString;
using rule_file::RequiredString;
using rule_file::StringList;

constexpr std::string_view kConfidences[] = {"primary", "secondary", "unconfirmed"};

const toml::table& RequiredTable(const toml::table& root, std::string_view key) {
  const toml::node* n = root.get(key);
  if (n == nullptr || !n->is_table()) Fail(root, "the campaign file needs a [" + std::string(key) + "] table");
  return *n->as_table();
}

// The keys of [defaults] and [jurisdiction.XX], laid over `base`.
BoardAssumption ReadBoard(const toml::table& t, BoardAssumption base, std::string_view what) {
  CheckKeys(t, {"board_capacity_per_month", "grant_rate", "start", "source"}, what);
  if (auto c = OptionalInt(t, "board_capacity_per_month", 0, 1'000'000)) base.capacity_per_month = *c;
  if (const toml::node* g = t.get("grant_rate")) {
    std::string text = g->is_string() ? g->as_string()->get() : "";
    if (auto v = g->value<double>(); v && !g->is_string()) text = std::to_string(*v);
    std::string error;
    auto rate = sim::GrantRate::Parse(text, &error);
    if (!rate) Fail(*g, "grant_rate: " + error);
    base.grant_rate = *rate;
  }
  if (Date d = OptionalDate(t, "start"); !d.missing()) base.start = d;
  if (auto s = OptionalString(t, "source")) base.source = *s;
  return base;
}

std::vector<std::string> ReadJurisdictions(const toml::table& c) {
  const toml::node* n = c.get("jurisdictions");
  std::vector<std::string> out;
  if (n == nullptr || (n->is_string() && n->as_string()->get() == "states")) {
    for (std::string_view j : kJurisdictionCodes)
      if (j != "DC" && j != "US") out.emplace_back(j);
    return out;
  }
  if (n->is_string() && n->as_string()->get() == "ALL") return {std::begin(kJurisdictionCodes), std::end(kJurisdictionCodes)};
  if (!n->is_array()) Fail(*n, "jurisdictions must be \"states\", \"ALL\" or a list of codes such as [\"CA\", \"TX\"]");
  out = StringList(c, "jurisdictions");
  for (size_t i = 0; i < out.size(); ++i)
    if (!OneOf(out[i], kJurisdictionCodes))
      Fail(*n->as_array()->get(i), "\"" + out[i] + "\" is not a jurisdiction code (two-letter state, DC or US)");
  return out;
}

void ReadCampaign(const toml::table& c, Campaign& k) {
  CheckKeys(c, {"id", "title", "citation", "confidence", "target", "horizon_years", "start", "policy", "set",
                "jurisdictions", "review_yield", "replicates", "seed", "sensitivity_sets", "notes"},
            "[campaign]");
  k.id = RequiredString(c, "id", "[campaign]");
  k.title = RequiredString(c, "title", "[campaign]");
  k.citation = RequiredString(c, "citation", "[campaign]");
  k.confidence = RequiredString(c, "confidence", "[campaign]");
  if (!OneOf(k.confidence, kConfidences)) Fail(*c.get("confidence"), "confidence must be primary, secondary or unconfirmed");
  const auto target = OptionalInt(c, "target", 1, 100'000'000);
  if (!target) Fail(c, "[campaign] needs target, the releases the campaign seeks");
  k.target = *target;
  k.horizon_years = static_cast<int>(OptionalInt(c, "horizon_years", 1, 30).value_or(5));
  k.start = OptionalDate(c, "start");
  if (k.start.missing()) Fail(c, "[campaign] needs start, the date the plan starts (a TOML date: 2027-01-01)");
  k.policy = RequiredString(c, "policy", "[campaign]");
  k.sets = StringList(c, "set");
  k.jurisdictions = ReadJurisdictions(c);
  k.review_yield = OptionalNumber(c, "review_yield", 0, 1).value_or(0);
  k.replicates = static_cast<int>(OptionalInt(c, "replicates", 1, 100000).value_or(1000));
  k.seed = static_cast<uint64_t>(OptionalInt(c, "seed", 0, INT64_MAX).value_or(1));
  k.sensitivity_sets = StringList(c, "sensitivity_sets");
  for (const std::vector<std::string>* list : {&k.sets, &k.sensitivity_sets})
    for (const std::string& s : *list)
      if (s.find('=') == std::string::npos || s.front() == '=')
        Fail(*c.get(list == &k.sets ? "set" : "sensitivity_sets"), "\"" + s + "\": expected NAME=VALUE");
}

}  // namespace

const BoardAssumption& Campaign::AssumptionFor(const std::string& code) const {
  auto it = by_jurisdiction.find(code);
  return it == by_jurisdiction.end() ? defaults : it->second;
}

std::optional<Campaign> Campaign::Load(const std::string& path, std::string* error) {
  Campaign k;
  k.path = path;
  const bool loaded = rule_file::LoadTomlFile(path, error, [&](const toml::table& root) {
    CheckKeys(root, {"campaign", "defaults", "jurisdiction"}, "the campaign file");
    ReadCampaign(RequiredTable(root, "campaign"), k);
    const toml::table& d = RequiredTable(root, "defaults");
    k.defaults = ReadBoard(d, BoardAssumption{}, "[defaults]");
    if (k.defaults.capacity_per_month <= 0 || d.get("grant_rate") == nullptr || k.defaults.source.empty())
      Fail(d, "[defaults] needs board_capacity_per_month (> 0), grant_rate and source: the plan states every assumption");
    if (k.defaults.start.missing()) k.defaults.start = k.start;
    if (const toml::node* n = root.get("jurisdiction")) {
      if (!n->is_table()) Fail(*n, "jurisdiction must be tables: [jurisdiction.CA]");
      for (auto&& [code, v] : *n->as_table()) {
        const std::string j(code.str());
        if (!OneOf(j, kJurisdictionCodes) || !v.is_table())
          Fail(v, "[jurisdiction." + j + "]: expected a table named by a jurisdiction code (two-letter state, DC or US)");
        k.by_jurisdiction[j] = ReadBoard(*v.as_table(), k.defaults, "[jurisdiction." + j + "]");
      }
    }
  });
  if (!loaded) return std::nullopt;
  return k;
}

std::string Campaign::Resolve(const std::string& id_or_path, const std::string& rules_dir) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(id_or_path, ec) || id_or_path.find('/') != std::string::npos ||
      id_or_path.ends_with(".toml"))
    return id_or_path;
  return RuleFilePath("campaigns", id_or_path + ".toml", rules_dir);
}

}  // namespace clemency
