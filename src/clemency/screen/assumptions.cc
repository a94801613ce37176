#include "clemency/screen/assumptions.h"

#include <fmt/format.h>

namespace clemency {

bool ParseAssumption(std::string_view arg, Assumption* out, std::string* error) {
  const size_t eq = arg.find('=');
  if (eq == std::string_view::npos) {
    *error = fmt::format("--assume {}: expected FACT=VALUE, where FACT is one of {}", arg, AssumableFactNames());
    return false;
  }
  const std::string_view name = arg.substr(0, eq), text = arg.substr(eq + 1);
  const AssumableFact* fact = FindAssumableFact(name);
  if (fact == nullptr) {
    *error = fmt::format("--assume {}: \"{}\" cannot be assumed; the facts that can are {}", arg, name,
                         AssumableFactNames());
    return false;
  }
  Assumption a;
  a.fact = fact;
  a.text = std::string(text);
  if (!ParseAssumedValue(*fact, text, &a.value, error)) {
    *error = "--assume " + *error;
    return false;
  }
  *out = std::move(a);
  return true;
}

void ApplyAssumption(FactTable& t, Assumption& a) {
  const size_t n = t.people();
  a.applied.assign(n, 0);
  a.filled = 0;
  auto fill = [&](auto& column, auto missing, auto value) {
    for (size_t p = 0; p < n; ++p) {
      if (column[p] != missing) continue;
      column[p] = value;
      a.applied[p] = 1;
      ++a.filled;
    }
  };
  switch (a.fact->fact) {
    case Fact::kInfractions5y: fill(t.infractions_5y, kNa, a.value.integer); break;
    case Fact::kMedicalHighRisk: fill(t.medical_high_risk, kUnknownBool, a.value.boolean ? kTrue : kFalse); break;
    case Fact::kAdmissionTypeFact: fill(t.admission_type, kNa, static_cast<int64_t>(t.strings.Intern(a.value.string))); break;
    default: break;
  }
}

bool IsAssumed(const std::vector<Assumption>* assumptions, Fact fact, uint32_t person) {
  if (assumptions == nullptr) return false;
  for (const Assumption& a : *assumptions)
    if (a.fact->fact == fact && a.applied[person]) return true;
  return false;
}

}  // namespace clemency
