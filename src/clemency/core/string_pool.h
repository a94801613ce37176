// Interned strings. Each distinct string is stored once and named by a dense
// StrId (0, 1, 2, ... in order of first appearance). Views returned by View()
// stay valid for the pool's lifetime: the bytes live in fixed blocks that are
// never moved.
#ifndef CLEMENCY_CORE_STRING_POOL_H_
#define CLEMENCY_CORE_STRING_POOL_H_

#include <cstdint>
#include <memory>
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

  // The id of s, adding it if new. The empty string is kNoStr.
  StrId Intern(std::string_view s);
  // The id of s if present.
  std::optional<StrId> Find(std::string_view s) const;
  // The text of id; "" for kNoStr.
  std::string_view View(StrId id) const { return id == kNoStr ? std::string_view() : views_[id]; }

  size_t size() const { return views_.size(); }
  size_t bytes_used() const;  // approximate heap footprint

 private:
  std::string_view Store(std::string_view s);
  void Grow();
  size_t Probe(std::string_view s, uint64_t h) const;

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
  std::vector<Slot> slots_;  // open addressing, linear probing, power-of-two size
};

}  // namespace clemency

#endif  // CLEMENCY_CORE_STRING_POOL_H_
