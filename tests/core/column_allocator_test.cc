// Cells (core/column_allocator.h): a std::vector in every observable way,
// except that resize() does not set new numbers; large blocks are mapped.
#include "clemency/core/column_allocator.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

namespace clemency {
namespace {

constexpr size_t kLarge = kBulkBytes / sizeof(int64_t) * 3 + 7;  // a mapped block, not a page multiple

TEST(ColumnAllocator, AssignAndPushBackSetTheirValues) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{1000}, kLarge}) {
    Cells<int64_t> c;
    c.assign(n, -5);
    ASSERT_EQ(c.size(), n);
    for (int64_t v : c) ASSERT_EQ(v, -5);
    c.push_back(9);
    EXPECT_EQ(c.back(), 9);
    EXPECT_EQ(c.size(), n + 1);
  }
}

TEST(ColumnAllocator, ResizedColumnsHoldWhatTheProducerWrites) {
  Cells<int64_t> c;
  c.resize(kLarge);
  std::iota(c.begin(), c.end(), int64_t{-3});
  EXPECT_EQ(c.front(), -3);
  EXPECT_EQ(c[kLarge - 1], static_cast<int64_t>(kLarge) - 4);
  c.resize(kLarge / 2);  // shrinking keeps the first values
  EXPECT_EQ(c[kLarge / 2 - 1], static_cast<int64_t>(kLarge / 2) - 4);
}

TEST(ColumnAllocator, GrowingAcrossTheBulkSizeKeepsTheValues) {
  Cells<uint64_t> c;
  for (uint64_t i = 0; i < kLarge; ++i) c.push_back(i * 3);  // small blocks, then mapped ones
  ASSERT_EQ(c.size(), kLarge);
  for (uint64_t i = 0; i < kLarge; i += 4099) ASSERT_EQ(c[i], i * 3);
  EXPECT_EQ(c.back(), (kLarge - 1) * 3);
}

TEST(ColumnAllocator, CopiesAndMovesAreIndependentColumns) {
  Cells<int64_t> a;
  a.assign(kLarge, 1);
  Cells<int64_t> b = a;
  b[0] = 2;
  EXPECT_EQ(a[0], 1);
  Cells<int64_t> c = std::move(b);
  EXPECT_EQ(c[0], 2);
  EXPECT_EQ(c.size(), kLarge);
  c = a;
  EXPECT_EQ(c[0], 1);
}

}  // namespace
}  // namespace clemency
