#include "clemency/screen/assumptions.h"

#include <fmt/format.h>

#include "clemency/screen/fact_columns.h"

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
  // Assumable facts are int, string or bool columns (tests/screen/fact_columns_test.cc).
  const FactColumn& c = ColumnOf(a.fact->fact);
  if (c.storage == Storage::kBool) {
    fill(t.*c.bools, kUnknownBool, a.value.boolean ? kTrue : kFalse);
  } else if (c.storage == Storage::kInt) {
    const int64_t v = a.fact->type == ValueType::kString ? static_cast<int64_t>(t.strings.Intern(a.value.string))
                                                         : a.value.integer;
    fill(t.*c.ints, kNa, v);
  }
}

bool IsAssumed(const std::vector<Assumption>* assumptions, Fact fact, uint32_t person) {
  if (assumptions == nullptr) return false;
  for (const Assumption& a : *assumptions)
    if (a.fact->fact == fact && a.applied[person]) return true;
  return false;
}

}  // namespace clemency
