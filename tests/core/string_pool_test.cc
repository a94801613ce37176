#include "clemency/core/string_pool.h"

#include <gtest/gtest.h>

#include <string>

namespace clemency {
namespace {

TEST(StringPoolTest, InternsOnceWithDenseIds) {
  StringPool pool;
  const StrId a = pool.Intern("CA:PC 459");
  const StrId b = pool.Intern("CA:HS 11350");
  EXPECT_EQ(a, 0u);
  EXPECT_EQ(b, 1u);
  EXPECT_EQ(pool.Intern(std::string("CA:PC 459")), a);
  EXPECT_EQ(pool.View(b), "CA:HS 11350");
  EXPECT_EQ(pool.size(), 2u);
  EXPECT_EQ(pool.Find("CA:HS 11350"), b);
  EXPECT_FALSE(pool.Find("CA:PC 187").has_value());
}

TEST(StringPoolTest, EmptyStringIsMissing) {
  StringPool pool;
  EXPECT_EQ(pool.Intern(""), kNoStr);
  EXPECT_EQ(pool.View(kNoStr), "");
  EXPECT_EQ(pool.size(), 0u);
}

std::string Key(int i) {
  std::string k = "P";  // (not "P" + to_string: GCC 12 warns falsely on that)
  k += std::to_string(i);
  return k;
}

TEST(StringPoolTest, ViewsSurviveGrowthAndManyStrings) {
  StringPool pool;
  const StrId first = pool.Intern("first");
  const std::string_view first_view = pool.View(first);
  constexpr int kN = 300000;
  for (int i = 0; i < kN; ++i) pool.Intern(Key(i));
  const std::string big(400000, 'x');  // larger than a block
  const StrId big_id = pool.Intern(big);
  pool.Intern("after-big");
  EXPECT_EQ(first_view, "first");
  EXPECT_EQ(pool.View(first).data(), first_view.data());
  EXPECT_EQ(pool.size(), kN + 3u);
  for (int i = 0; i < kN; i += 997) EXPECT_EQ(pool.Find(Key(i)), StrId(i + 1));
  EXPECT_EQ(pool.View(big_id), big);
  EXPECT_EQ(pool.View(pool.Intern("after-big")), "after-big");
}

TEST(StringPoolTest, BinaryContentAndPrefixesAreDistinct) {
  StringPool pool;
  const StrId a = pool.Intern(std::string_view("a\0b", 3));
  const StrId b = pool.Intern("a");
  const StrId c = pool.Intern("ab");
  EXPECT_NE(a, b);
  EXPECT_NE(b, c);
  EXPECT_EQ(pool.View(a).size(), 3u);
}

}  // namespace
}  // namespace clemency
