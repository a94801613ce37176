#include "clemency/law/remedy.h"

namespace clemency {

static_assert([] {
  for (size_t i = 0; i < std::size(kRemedyKinds); ++i)
    if (static_cast<size_t>(kRemedyKinds[i].remedy) != i) return false;
  return true;
}(), "kRemedyKinds must list the remedies in the order of enum Remedy");

std::optional<Remedy> ParseRemedy(std::string_view name) {
  for (const RemedyKind& k : kRemedyKinds)
    if (k.name == name) return k.remedy;
  return std::nullopt;
}

}  // namespace clemency
