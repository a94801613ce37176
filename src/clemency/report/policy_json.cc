#include "clemency/report/policy_json.h"

#include <set>

#include "clemency/law/reform.h"
#include "clemency/report/param_text.h"

namespace clemency {
namespace {

using Json = nlohmann::ordered_json;

Json DateOrNull(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(nullptr); }
Json DateOrNull(Date d) { return d.missing() ? Json(nullptr) : Json(d.ToString()); }

Json RuleJson(const Policy& policy, const PolicyRule& r) {
  return {{"id", r.id},
          {"kind", RuleKindName(r.kind)},
          {"text", WithParamValues(policy, r.text)},
          {"citation", r.citation},
          {"expr", r.expr_text}};
}

Json ReformJson(const ReformSet& set, const Reform& r) {
  Json j = {{"id", r.id},
            {"jurisdiction", set.jurisdiction()},
            {"title", r.title},
            {"citation", r.citation},
            {"confidence", r.confidence},
            {"effective", r.effective.ToString()},
            {"effect", r.effect ? Json(r.effect->text) : Json(nullptr)},
            {"discretionary", r.effect && r.effect->discretionary},
            {"retroactive", r.retroactive},
            {"makes_retroactive", r.makes_retroactive},
            {"remedy", r.remedy ? Json(RemedyName(*r.remedy)) : Json(nullptr)},
            {"remedy_text", r.remedy_text},
            {"assumes", r.assumes},
            {"depends_on", r.depends_on}};
  if (r.window)
    j["window"] = {{"opens", DateOrNull(r.window->opens)},     {"closes", DateOrNull(r.window->closes)},
                   {"after", RemedyName(r.window->after)},                 {"after_text", r.window->after_text},
                   {"citation", r.window->citation},           {"confidence", r.window->confidence}};
  return j;
}

// Every reform pack a sentence of the screening was computed with, by jurisdiction.
Json ReformsJson(const FactTable& f) {
  std::set<std::pair<std::string, const ReformSet*>> sets;
  for (const FactTable::SentenceLaw& law : f.law) sets.emplace(law.reforms->jurisdiction(), law.reforms);
  Json out = Json::array();
  for (const auto& [code, set] : sets)
    for (const Reform& r : set->reforms()) out.push_back(ReformJson(*set, r));
  return out;
}

}  // namespace

Json PolicyJson(const ScreenContext& c) {
  const Policy& p = c.policy;
  Json params = Json::array();
  for (const PolicyParam& prm : p.params)
    params.push_back({{"name", prm.name},
                      {"value", prm.value.ToString()},
                      {"declared", prm.declared.ToString()},
                      {"text", prm.text},
                      {"citation", prm.citation}});
  Json rules = Json::array();
  for (const PolicyRule& r : p.rules) rules.push_back(RuleJson(p, r));
  return {{"policy_json_version", 1},
          {"policy",
           {{"id", p.id},
            {"title", p.title},
            {"summary", WithParamValues(p, p.summary)},
            {"citation", p.citation},
            {"in_force", DateOrNull(p.in_force)},
            {"ends", DateOrNull(p.ends)}}},
          {"as_of", c.facts.as_of.ToString()},
          {"params", params},
          {"rules", rules},
          {"eligibility", RuleJson(p, p.eligibility)},
          {"priority", RuleJson(p, p.priority)},
          {"reforms", ReformsJson(c.facts)}};
}

}  // namespace clemency
