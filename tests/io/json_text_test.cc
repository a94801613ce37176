#include "clemency/io/json_text.h"

#include <gtest/gtest.h>

namespace clemency {
namespace {

std::string J(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

TEST(JsonTextTest, EscapesWhatJsonRequires) {
  EXPECT_EQ(J(""), "\"\"");
  EXPECT_EQ(J("plain text"), "\"plain text\"");
  EXPECT_EQ(J("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(J("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(J("l1\nl2\r\t"), "\"l1\\nl2\\r\\t\"");
  EXPECT_EQ(J(std::string_view("\x01x\x1f", 3)), "\"\\u0001x\\u001f\"");
  EXPECT_EQ(J("Cal. Penal Code 667.5(c) \xC2\xA7"), "\"Cal. Penal Code 667.5(c) \xC2\xA7\"");  // UTF-8 passes through
}

// A second guard behind the readers: bytes that are not UTF-8 never make the
// output invalid JSON, and a NUL is escaped, not a cut.
TEST(JsonTextTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(J("18\x96" "19"), "\"18\\ufffd19\"");
  EXPECT_EQ(J("\xC3"), "\"\\ufffd\"");                // a truncated sequence
  EXPECT_EQ(J("\xED\xA0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");  // a surrogate
  EXPECT_EQ(J(std::string_view("P\0" "1", 3)), "\"P\\u00001\"");
}

}  // namespace
}  // namespace clemency
