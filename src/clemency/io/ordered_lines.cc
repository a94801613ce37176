#include "clemency/io/ordered_lines.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace clemency {

size_t DefaultFormatThreads() { return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4); }

void WriteOrderedLines(AtomicFile& out, size_t n, const std::function<void(std::string&, size_t)>& format,
                       size_t threads) {
  constexpr size_t kChunk = 16384;
  threads = std::max<size_t>(threads, 1);
  std::vector<std::string> bufs(threads);
  auto fill = [&](size_t t, size_t base) {
    std::string& buf = bufs[t];
    buf.clear();
    const size_t begin = std::min(n, base + t * kChunk);
    const size_t end = std::min(n, begin + kChunk);
    for (size_t i = begin; i < end; ++i) {
      format(buf, i);
      buf.push_back('\n');
    }
  };
  for (size_t base = 0; base < n; base += kChunk * threads) {
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(fill, t, base);
    fill(0, base);
    for (std::thread& th : pool) th.join();
    for (const std::string& buf : bufs) out.Write(buf);
  }
}

}  // namespace clemency
