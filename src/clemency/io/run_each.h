// RunEach(n, fn): runs fn(0), ..., fn(n - 1) at once, fn(0) on the calling
// thread and the others on threads of their own, and returns when all are
// done. For a few long pieces of work (a chunk of a file per core); fn must be
// safe to call concurrently.
#ifndef CLEMENCY_IO_RUN_EACH_H_
#define CLEMENCY_IO_RUN_EACH_H_

#include <cstddef>
#include <thread>
#include <vector>

namespace clemency {

template <typename F>
void RunEach(size_t n, F&& fn) {
  std::vector<std::thread> threads;
  for (size_t k = 1; k < n; ++k) threads.emplace_back([&fn, k] { fn(k); });
  fn(0);
  for (std::thread& t : threads) t.join();
}

}  // namespace clemency

#endif  // CLEMENCY_IO_RUN_EACH_H_
