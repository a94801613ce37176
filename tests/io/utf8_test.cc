#include "clemency/io/utf8.h"

#include <gtest/gtest.h>

namespace clemency {
namespace {

struct IssueCase {
  std::string text;
  const char* kind;  // "", "invalid", "nul", "bom"
  size_t offset;
};

TEST(Utf8Test, FindsTheFirstIssue) {
  const IssueCase cases[] = {
      {"plain ASCII", "", 0},
      {"Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF", "", 0},  // up to U+10FFFF
      {"18\x96", "invalid", 2},                                             // a lone continuation byte
      {"a\xC0\xAF", "invalid", 1},                                          // overlong '/'
      {"a\xE0\x80\xAF", "invalid", 1},                                      // overlong, 3 bytes
      {"\xED\xA0\x80", "invalid", 0},                                       // a surrogate
      {"\xF4\x90\x80\x80", "invalid", 0},                                   // above U+10FFFF
      {"\xF5\x80\x80\x80", "invalid", 0},
      {"ok\xE2\x82", "invalid", 2},                                         // cut short
      {std::string("a\0b", 3), "nul", 1},
      {"x\xEF\xBB\xBFy", "bom", 1},
  };
  for (const IssueCase& c : cases) {
    const auto issue = FindTextIssue(c.text);
    const char* kind = !issue                                           ? ""
                       : issue->kind == TextIssue::Kind::kInvalidUtf8 ? "invalid"
                       : issue->kind == TextIssue::Kind::kNul         ? "nul"
                                                                       : "bom";
    EXPECT_STREQ(kind, c.kind) << c.text;
    if (issue) {
      EXPECT_EQ(issue->offset, c.offset) << c.text;
    }
  }
}

// What the writers use (reasons.jsonl, candidates.xlsx): never invalid UTF-8,
// never a NUL; for XML, no forbidden control character either.
TEST(Utf8Test, ValidUtf8ReplacesWhatWritersMustNotEmit) {
  EXPECT_EQ(ValidUtf8("Jos\xC3\xA9"), "Jos\xC3\xA9");
  EXPECT_EQ(ValidUtf8("18\x96" "19"), "18\xEF\xBF\xBD" "19");
  EXPECT_EQ(ValidUtf8(std::string("P\0" "1", 3)), "P\xEF\xBF\xBD" "1");
  EXPECT_EQ(ValidUtf8("a\x01\tb\n"), "a\x01\tb\n");
  EXPECT_EQ(ValidUtf8("a\x01\tb\n", /*xml=*/true), "a\xEF\xBF\xBD\tb\n");
  EXPECT_FALSE(FindTextIssue(ValidUtf8("\xC3\x28\xE2\x82\x28\xF0\x28\x8C\xBC\xFF")).has_value());
}

}  // namespace
}  // namespace clemency
