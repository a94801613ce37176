// Interned strings. Each distinct string is stored once and named by a dense
// StrId (0, 1, 2, ... in order of first appearance). Views returned by View()
// stay valid for the pool's lifetime: the bytes live in fixed blocks that are
// never moved.
//
// A pool can also view strings it does not own (a mapped snapshot,
// io/population_snapshot.h): string i is bytes[offsets[i], offsets[i+1]).
// Such a pool is read-only (no Intern); its hash table is built on the first
// Find, so opening costs nothing for the strings.
#ifndef CLEMENCY_CORE_STRING_POOL_H_
#define CLEMENCY_CORE_STRING_POOL_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

namespace clemency {

using StrId = uint32_t;
inline constexpr StrId kNoStr = UINT32_MAX;  // a missing (empty) value

class StringPool {
 public:
  StringPool();
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;

  // A read-only pool of count strings viewing bytes it does not own, which
  // must outlive it. offsets has count+1 entries, non-decreasing, offsets[0]
  // = 0 and offsets[count] the size of bytes; none of the strings is empty
  // or equal to another (the caller checks the offsets).
  static StringPool Mapped(const uint64_t* offsets, size_t count, const char* bytes);

  // The id of s, adding it if new. The empty string is kNoStr.
  StrId Intern(std::string_view s);
  // The id of s if present.
  std::optional<StrId> Find(std::string_view s) const;
  // The text of id; "" for kNoStr.
  std::string_view View(StrId id) const {
    if (id == kNoStr) return {};
    if (offsets_ == nullptr) return views_[id];
    return {bytes_ + offsets_[id], static_cast<size_t>(offsets_[id + 1] - offsets_[id])};
  }

  size_t size() const { return offsets_ == nullptr ? views_.size() : count_; }
  size_t bytes_used() const;  // approximate heap footprint

 private:
  std::string_view Store(std::string_view s);
  void Grow();
  size_t Probe(std::string_view s, uint64_t h) const;
  void BuildSlots() const;  // of a viewing pool, once

  struct Slot {
    uint32_t hash_tag;  // upper bits of the hash, to skip most string compares
    StrId id;           // kNoStr when empty
  };
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* current_block_ = nullptr;  // the block small strings are appended to
  size_t block_used_ = 0;
  size_t block_size_ = 0;  // of the current block
  size_t stored_bytes_ = 0;
  std::vector<std::string_view> views_;
  mutable std::vector<Slot> slots_;  // open addressing, linear probing, power-of-two size
  // A viewing pool: its strings, and the once-flag of its hash table.
  const uint64_t* offsets_ = nullptr;
  const char* bytes_ = nullptr;
  size_t count_ = 0;
  std::unique_ptr<std::once_flag> slots_built_;
};

}  // namespace clemency

#endif  // CLEMENCY_CORE_STRING_POOL_H_
