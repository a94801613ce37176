#include "clemency/law/prison_flows.h"

#include "clemency/law/jurisdiction.h"
#include "clemency/law/rule_fields.h"
#include "clemency/law/rules_dir.h"
#include "clemency/law/toml.h"

namespace clemency {
namespace {

using rule_file::Cat;
using rule_file::CheckKeys;
using rule_file::Fail;
using rule_file::OneOf;
using rule_file::RequiredString;

constexpr int64_t kMaxCount = 10'000'000;

int64_t Count(const toml::node& n, std::string_view code, std::string_view what) {
  // as_integer, not value<int64_t>: toml++ casts a float to int64_t before checking its range.
  const auto* v = n.as_integer();
  if (v == nullptr || v->get() < 0 || v->get() > kMaxCount)
    Fail(n, Cat(code, ": ", what, " must be a whole number from 0 to 10000000"));
  return v->get();
}

PrisonFlow ParseFlow(const toml::node& n, std::string_view code) {
  const auto* a = n.as_array();
  if (a == nullptr || a->size() != 3) Fail(n, Cat(code, " must be [stock, admissions, releases]"));
  PrisonFlow f{Count(*a->get(0), code, "stock"), Count(*a->get(1), code, "admissions"),
               Count(*a->get(2), code, "releases")};
  if (f.stock == 0) Fail(*a->get(0), Cat(code, ": stock must be above 0"));
  return f;
}

void ParseSource(const toml::table& root, PrisonFlows& flows) {
  const toml::node* n = root.get("source");
  if (n == nullptr || !n->is_table()) Fail(root, "the flows file needs a [source] table");
  const toml::table& s = *n->as_table();
  CheckKeys(s, {"title", "ncj", "year", "citation", "confidence"}, "[source]");
  flows.title = RequiredString(s, "title", "[source]");
  flows.ncj = RequiredString(s, "ncj", "[source]");
  flows.citation = RequiredString(s, "citation", "[source]");
  flows.confidence = RequiredString(s, "confidence", "[source]");
  if (!OneOf(flows.confidence, kFactConfidences))
    Fail(*s.get("confidence"), "[source] confidence must be primary, secondary or unconfirmed");
  const std::optional<int64_t> year = rule_file::OptionalInt(s, "year", 1900, 2100);
  if (!year) Fail(s, "[source] needs a year");
  flows.year = static_cast<int>(*year);
}

}  // namespace

const PrisonFlow* PrisonFlows::Find(std::string_view code) const {
  const auto it = by_jurisdiction.find(code);
  return it == by_jurisdiction.end() ? nullptr : &it->second;
}

std::optional<PrisonFlows> PrisonFlows::Load(const std::string& path, std::string* error) {
  PrisonFlows flows;
  flows.path = path;
  const bool loaded = rule_file::LoadTomlFile(path, error, [&](const toml::table& root) {
    CheckKeys(root, {"source", "flows"}, "the flows file");
    ParseSource(root, flows);
    const toml::node* n = root.get("flows");
    if (n == nullptr || !n->is_table()) Fail(root, "the flows file needs a [flows] table");
    for (const auto& [key, value] : *n->as_table()) {
      const std::string code(key.str());
      if (!OneOf(code, kJurisdictionCodes))
        Fail(value, Cat("\"", code, "\" is not a jurisdiction code (two-letter state, DC or US)"));
      flows.by_jurisdiction[code] = ParseFlow(value, code);
    }
  });
  if (!loaded) return std::nullopt;
  return flows;
}

std::string PrisonFlows::DefaultPath(const std::string& rules_dir) {
  return RuleFilePath("projection", "bjs-flows-2022.toml", rules_dir);
}

}  // namespace clemency
