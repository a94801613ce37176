#include "clemency/core/string_pool.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace clemency {
namespace {

// Blocks start small and double up to kMaxBlockSize, so that a small pool (a
// test, a fuzz input) does not pay for a megabyte it never uses.
constexpr size_t kFirstBlockSize = 4 << 10;
constexpr size_t kMaxBlockSize = 1 << 20;

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

// Eight bytes at a time, each word mixed in; good enough for identifiers and
// codes, and several times faster than byte-at-a-time FNV.
uint64_t Hash(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = Mix(h ^ w);
  }
  if (i < s.size()) {
    uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = Mix(h ^ w ^ (uint64_t{0xFF} << 56));
  }
  return Mix(h);
}

}  // namespace

StringPool::StringPool() : slots_(1024, Slot{0, kNoStr}) {}

StringPool StringPool::Mapped(const uint64_t* offsets, size_t count, const char* bytes) {
  StringPool pool;
  pool.slots_.clear();
  pool.offsets_ = offsets;
  pool.bytes_ = bytes;
  pool.count_ = count;
  pool.slots_built_ = std::make_unique<std::once_flag>();
  return pool;
}

void StringPool::BuildSlots() const {
  size_t n = 1024;
  while (count_ * 4 > n * 3) n *= 2;
  slots_.assign(n, Slot{0, kNoStr});
  const size_t mask = n - 1;
  for (size_t id = 0; id < count_; ++id) {
    const uint64_t h = Hash(View(static_cast<StrId>(id)));
    size_t i = h & mask;
    while (slots_[i].id != kNoStr) i = (i + 1) & mask;
    slots_[i] = Slot{static_cast<uint32_t>(h >> 32), static_cast<StrId>(id)};
  }
}

size_t StringPool::Probe(std::string_view s, uint64_t h) const {
  const size_t mask = slots_.size() - 1;
  const auto tag = static_cast<uint32_t>(h >> 32);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kNoStr) return i;
    if (slot.hash_tag == tag && View(slot.id) == s) return i;
  }
}

std::optional<StrId> StringPool::Find(std::string_view s) const {
  if (s.empty()) return kNoStr;
  if (slots_built_) std::call_once(*slots_built_, [this] { BuildSlots(); });
  const Slot& slot = slots_[Probe(s, Hash(s))];
  if (slot.id == kNoStr) return std::nullopt;
  return slot.id;
}

StrId StringPool::Intern(std::string_view s) {
  if (s.empty()) return kNoStr;
  assert(offsets_ == nullptr);  // a viewing pool is read-only
  const uint64_t h = Hash(s);
  size_t i = Probe(s, h);
  if (slots_[i].id != kNoStr) return slots_[i].id;
  const auto id = static_cast<StrId>(views_.size());
  views_.push_back(Store(s));
  slots_[i] = Slot{static_cast<uint32_t>(h >> 32), id};
  if (views_.size() * 4 > slots_.size() * 3) Grow();
  return id;
}

std::string_view StringPool::Store(std::string_view s) {
  if (s.size() > kMaxBlockSize / 4) {  // a long string gets a block of its own
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(s.size()));
    std::memcpy(blocks_.back().get(), s.data(), s.size());
    stored_bytes_ += s.size();
    return std::string_view(blocks_.back().get(), s.size());
  }
  if (current_block_ == nullptr || block_used_ + s.size() > block_size_) {
    block_size_ = block_size_ == 0 ? kFirstBlockSize : std::min(block_size_ * 2, kMaxBlockSize);
    while (block_size_ < s.size()) block_size_ *= 2;  // s.size() <= kMaxBlockSize / 4
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_size_));
    current_block_ = blocks_.back().get();
    block_used_ = 0;
    stored_bytes_ += block_size_;
  }
  char* dst = current_block_ + block_used_;
  std::memcpy(dst, s.data(), s.size());
  block_used_ += s.size();
  return std::string_view(dst, s.size());
}

void StringPool::Grow() {
  std::vector<Slot> old(slots_.size() * 2, Slot{0, kNoStr});
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == kNoStr) continue;
    size_t i = Hash(views_[slot.id]) & mask;
    while (slots_[i].id != kNoStr) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

size_t StringPool::bytes_used() const {
  return stored_bytes_ + views_.capacity() * sizeof(std::string_view) +
         slots_.capacity() * sizeof(Slot);
}

}  // namespace clemency
