#include "clemency/io/csv_chunks.h"

#include <algorithm>
#include <cstring>

namespace clemency {

size_t CutAfterLineEnd(std::string_view bytes, size_t at) {
  const char* const b = bytes.data();
  for (size_t i = at; i < bytes.size(); ++i) {
    if (b[i] == '\n') return i + 1;
    if (b[i] == '\r') return i + 1 < bytes.size() && b[i + 1] == '\n' ? i + 2 : i + 1;
  }
  return bytes.size();
}

uint64_t CountLineEnds(std::string_view bytes, size_t begin, size_t end) {
  const char* const b = bytes.data();
  uint64_t n = static_cast<uint64_t>(std::count(b + begin, b + end, '\n'));
  for (const char* c = b + begin; c < b + end; ++c) {
    c = static_cast<const char*>(std::memchr(c, '\r', static_cast<size_t>(b + end - c)));
    if (c == nullptr) break;
    if (c + 1 == b + bytes.size() || c[1] != '\n') ++n;
  }
  return n;
}

std::vector<size_t> ChunkStarts(std::string_view bytes, size_t begin, size_t end, size_t n) {
  std::vector<size_t> starts{begin};
  for (size_t k = 1; k < n; ++k) {
    const size_t cut = CutAfterLineEnd(bytes, begin + (end - begin) / n * k);
    if (cut >= end) break;
    if (cut > starts.back()) starts.push_back(cut);
  }
  return starts;
}

}  // namespace clemency
