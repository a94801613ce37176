// How long work reports how far it has got: done out of total units (bytes,
// people). The callback may be empty; callers check before calling. The CLI
// turns it into a bar on a terminal and into nothing otherwise.
#ifndef CLEMENCY_CORE_PROGRESS_H_
#define CLEMENCY_CORE_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <string_view>

namespace clemency {

using ProgressCallback = std::function<void(std::string_view stage, uint64_t done, uint64_t total)>;

}  // namespace clemency

#endif  // CLEMENCY_CORE_PROGRESS_H_
