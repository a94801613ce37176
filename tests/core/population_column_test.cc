// PopulationColumn owns a vector while built and views bytes it does not own
// when opened from a snapshot, reading the same in both modes; a copy or move
// of an owning column keeps its own elements. A viewing StringPool finds its
// strings through a hash table built on the first Find.
#include "clemency/core/population_column.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "clemency/core/string_pool.h"

namespace clemency {
namespace {

TEST(PopulationColumnTest, OwnsWhileBuiltAndReadsLikeASpan) {
  PopulationColumn<int32_t> c;
  c.push_back(3);
  c.push_back(5);
  c.resize(3, 7);
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0] + c[1] + c[2], 15);
  EXPECT_EQ(c.back(), 7);
  EXPECT_FALSE(c.mapped());
  EXPECT_EQ(c.to_vector(), (std::vector<int32_t>{3, 5, 7}));
  const std::span<const int32_t> s = c;
  EXPECT_EQ(s.data(), c.data());
}

TEST(PopulationColumnTest, CopiesAndMovesKeepTheirOwnElements) {
  PopulationColumn<int32_t> a{1, 2, 3};
  PopulationColumn<int32_t> b = a;
  b[0] = 9;
  EXPECT_EQ(a[0], 1);
  EXPECT_NE(a.data(), b.data());
  PopulationColumn<int32_t> moved = std::move(b);
  EXPECT_EQ(moved[0], 9);
  EXPECT_EQ(moved.size(), 3u);
  EXPECT_EQ(b.size(), 0u);  // NOLINT: a moved-from column is empty
  a = moved;
  EXPECT_EQ(a[0], 9);
}

TEST(PopulationColumnTest, ViewsBytesItDoesNotOwn) {
  const std::vector<uint32_t> bytes{4, 8, 15, 16};
  const auto view = PopulationColumn<uint32_t>::View(bytes.data(), bytes.size());
  EXPECT_TRUE(view.mapped());
  EXPECT_EQ(view.data(), bytes.data());
  EXPECT_EQ(view.size(), 4u);
  uint32_t sum = 0;
  for (const uint32_t x : view) sum += x;
  EXPECT_EQ(sum, 43u);
  const PopulationColumn<uint32_t> copy = view;
  EXPECT_EQ(copy.data(), bytes.data());
  EXPECT_EQ(view.heap_bytes(), 0u);
}

TEST(StringPoolMappedTest, ViewsAndFindsStringsItDoesNotOwn) {
  const std::string bytes = "CA:PC 459CA:HS 11350P0000001";
  const std::vector<uint64_t> offsets{0, 9, 20, 28};
  const StringPool pool = StringPool::Mapped(offsets.data(), 3, bytes.data());
  EXPECT_EQ(pool.size(), 3u);
  EXPECT_EQ(pool.View(1), "CA:HS 11350");
  EXPECT_EQ(pool.View(kNoStr), "");
  EXPECT_EQ(pool.Find("P0000001"), 2u);
  EXPECT_EQ(pool.Find("CA:PC 459"), 0u);
  EXPECT_FALSE(pool.Find("CA:PC 187").has_value());
  EXPECT_EQ(pool.Find(""), kNoStr);
}

}  // namespace
}  // namespace clemency
