// The Levenshtein distance (insertions, deletions and substitutions of one
// byte each), for "did you mean" suggestions and near-miss names.
#ifndef CLEMENCY_CORE_EDIT_DISTANCE_H_
#define CLEMENCY_CORE_EDIT_DISTANCE_H_

#include <cstddef>
#include <string_view>

namespace clemency {

size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace clemency

#endif  // CLEMENCY_CORE_EDIT_DISTANCE_H_
