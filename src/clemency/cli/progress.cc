#include "clemency/cli/progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

namespace clemency {
namespace {

bool g_drawn = false;

}  // namespace

ProgressCallback TerminalProgress() {
  if (!isatty(STDERR_FILENO)) return {};
  using Clock = std::chrono::steady_clock;
  auto last = std::make_shared<Clock::time_point>();
  return [last](std::string_view stage, uint64_t done, uint64_t total) {
    const auto now = Clock::now();
    if (done < total && now - *last < std::chrono::milliseconds(100)) return;
    *last = now;
    const double f = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(f * kWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r%-24.*s [%s] %3d%%", static_cast<int>(stage.size()), stage.data(),
                 bar.c_str(), static_cast<int>(f * 100));
    std::fflush(stderr);
    g_drawn = true;
  };
}

void EndTerminalProgress() {
  if (!g_drawn) return;
  std::fprintf(stderr, "\r%70s\r", "");
  std::fflush(stderr);
  g_drawn = false;
}

}  // namespace clemency
