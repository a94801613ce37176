#include "clemency/io/ordered_lines.h"

#include <algorithm>
#include <array>
#include <thread>
#include <vector>

#include "clemency/io/run_each.h"

namespace clemency {

size_t DefaultFormatThreads() { return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4); }

// Rounds of `threads` chunks: round r is formatted into one of two sets of
// buffers while a writer thread writes round r-1 from the other, so writing
// (mostly the kernel copying into the page cache) overlaps formatting.
void WriteOrderedLines(AtomicFile& out, size_t n, const std::function<void(std::string&, size_t)>& format,
                       size_t threads) {
  constexpr size_t kChunk = 8192;  // lines: two sets of buffers of about 12 MB each on 2 threads
  threads = std::max<size_t>(threads, 1);
  std::array<std::vector<std::string>, 2> sets{std::vector<std::string>(threads), std::vector<std::string>(threads)};
  auto fill = [&](std::vector<std::string>& bufs, size_t t, size_t base) {
    std::string& buf = bufs[t];
    buf.clear();
    const size_t begin = std::min(n, base + t * kChunk);
    const size_t end = std::min(n, begin + kChunk);
    for (size_t i = begin; i < end; ++i) {
      format(buf, i);
      buf.push_back('\n');
    }
  };
  std::thread writer;  // writes the previous round
  size_t round = 0;
  for (size_t base = 0; base < n; base += kChunk * threads, ++round) {
    std::vector<std::string>& bufs = sets[round % 2];
    RunEach(threads, [&](size_t t) { fill(bufs, t, base); });
    if (writer.joinable()) writer.join();
    writer = std::thread([&out, &bufs] {
      for (const std::string& buf : bufs) out.Write(buf);
    });
  }
  if (writer.joinable()) writer.join();
}

}  // namespace clemency
