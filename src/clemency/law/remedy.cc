#include "clemency/law/remedy.h"

namespace clemency {

int RemedyRank(std::string_view name) {
  for (const RemedyKind& k : kRemedyKinds)
    if (k.name == name) return k.rank;
  return 0;
}

}  // namespace clemency
