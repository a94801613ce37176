#include "clemency/policy/assumable_facts.h"

#include <fmt/format.h>

#include <charconv>

#include "clemency/core/codes.h"

namespace clemency {
namespace {

constexpr AssumableFact kAssumable[] = {
    {Fact::kInfractions5y, "infractions_5y", ValueType::kInt, "a whole number, 0 or more"},
    {Fact::kMedicalHighRisk, "medical_high_risk", ValueType::kBool, "true or false (1 or 0)"},
    {Fact::kAdmissionTypeFact, "admission_type", ValueType::kString,
     "new_sentence, technical_violation, new_offense_violation or other"},
};

}  // namespace

std::span<const AssumableFact> AssumableFacts() { return kAssumable; }

const AssumableFact* FindAssumableFact(std::string_view name) {
  for (const AssumableFact& f : kAssumable)
    if (f.name == name) return &f;
  return nullptr;
}

std::string AssumableFactNames() {
  std::string out;
  for (const AssumableFact& f : kAssumable) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

bool ParseAssumedValue(const AssumableFact& fact, std::string_view text, Value* out, std::string* error) {
  Value v;
  v.type = fact.type;
  bool ok = false;
  switch (fact.type) {
    case ValueType::kInt: {
      const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v.integer);
      ok = ec == std::errc() && p == text.data() + text.size() && v.integer >= 0 && v.integer <= 1000000;
      break;
    }
    case ValueType::kBool:
      ok = text == "true" || text == "false" || text == "1" || text == "0";
      v.boolean = text == "true" || text == "1";
      break;
    default:
      // Every admission type but "unknown", which is what a missing value is.
      for (std::string_view name : kAdmissionTypeNames)
        if (name == text && name != "unknown") ok = true;
      v.string = std::string(text);
      break;
  }
  if (!ok) {
    *error = fmt::format("{}={}: expected {}", fact.name, text, fact.values);
    return false;
  }
  *out = std::move(v);
  return true;
}

}  // namespace clemency
