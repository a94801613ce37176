#include "clemency/policy/expr_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace clemency {
namespace {

// The tree as a fully parenthesised string, to check precedence.
std::string Show(const Node& n) {
  switch (n.kind) {
    case NodeKind::kBool: return n.boolean ? "true" : "false";
    case NodeKind::kUnknown: return "unknown";
    case NodeKind::kNumber: return n.text;
    case NodeKind::kDuration: return "<" + n.text + ">";
    case NodeKind::kString: return "\"" + n.text + "\"";
    case NodeKind::kDate: return n.date.ToString();
    case NodeKind::kName: return n.text;
    case NodeKind::kList:
    case NodeKind::kCall: {
      std::string s = n.kind == NodeKind::kList ? "[" : n.text + "(";
      for (size_t i = 0; i < n.children.size(); ++i) s += (i ? ", " : "") + Show(*n.children[i]);
      return s + (n.kind == NodeKind::kList ? "]" : ")");
    }
    case NodeKind::kUnary: return "(" + n.text + " " + Show(*n.children[0]) + ")";
    case NodeKind::kBinary: return "(" + Show(*n.children[0]) + " " + n.text + " " + Show(*n.children[1]) + ")";
  }
  return "?";
}

std::string P(std::string_view text) {
  const ParseResult r = ParseExpression(text);
  if (!r.ok()) return "error at " + std::to_string(r.error.offset) + ": " + r.error.message;
  return Show(*r.root);
}

TEST(ExprParserTest, Precedence) {
  EXPECT_EQ(P("a or b and not c"), "(a or (b and (not c)))");
  EXPECT_EQ(P("not a == b"), "(not (a == b))");
  EXPECT_EQ(P("1 + 2 * 3 - 4 / 5"), "((1 + (2 * 3)) - (4 / 5))");
  EXPECT_EQ(P("-x * 2"), "((- x) * 2)");
  EXPECT_EQ(P("(a or b) and c"), "((a or b) and c)");
  EXPECT_EQ(P("age >= params.min_age and time_served >= 10 years"),
            "((age >= params.min_age) and (time_served >= <10 years>))");
}

TEST(ExprParserTest, Literals) {
  EXPECT_EQ(P("55 years"), "<55 years>");
  EXPECT_EQ(P("6 months + 1 day"), "(<6 months> + <1 day>)");
  EXPECT_EQ(P("s.sentence_date < 2014-11-05"), "(s.sentence_date < 2014-11-05)");
  EXPECT_EQ(P("0.667"), "0.667");
  EXPECT_EQ(P("\"say \\\"hi\\\"\""), "\"say \"hi\"\"");
  EXPECT_EQ(P("s.category in [\"drug_possession\", \"drug_distribution\"]"),
            "(s.category in [\"drug_possession\", \"drug_distribution\"])");
  EXPECT_EQ(P("s.flags has \"violent_felony\""), "(s.flags has \"violent_felony\")");
  EXPECT_EQ(P("any(s.active and s.category == \"drug_possession\")"),
            "any((s.active and (s.category == \"drug_possession\")))");
  EXPECT_EQ(P("if(x, 1, 2)"), "if(x, 1, 2)");
  EXPECT_EQ(P("true or unknown"), "(true or unknown)");
  EXPECT_EQ(P("a # a comment\n and b"), "(a and b)");
}

TEST(ExprParserTest, ErrorsPointAtTheProblem) {
  EXPECT_EQ(P("age >= "), "error at 7: expected a value, found the end of the expression");
  EXPECT_EQ(P("age = 5"), "error at 4: \"=\" is not an operator; use == to compare");
  EXPECT_EQ(P("a && b"), "error at 2: \"&\" is not an operator; use and, or, not");
  EXPECT_EQ(P("1 < x < 3"), "error at 6: comparisons do not chain; join them with and");
  EXPECT_EQ(P("2021-02-29 < x"), "error at 0: 2021-02-29 is not a date: no such day");
  EXPECT_EQ(P("any(x"), "error at 5: expected \",\" or \")\", found the end of the expression");
  EXPECT_EQ(P("\"open"), "error at 0: a string is never closed (expected \")");
  EXPECT_EQ(P("1.5 years"), "error at 0: a duration needs a whole number, not 1.5");
  EXPECT_EQ(P("x y"), "error at 2: expected an operator or the end, found \"y\"");
  EXPECT_EQ(P("a and or b"), "error at 6: expected a value, found the keyword \"or\"");
  EXPECT_EQ(P("params."), "error at 7: expected a name after \".\", found the end of the expression");
  EXPECT_EQ(P(""), "error at 0: expected a value, found the end of the expression");
}

TEST(ExprParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep(1000, '(');
  deep += "x";
  deep += std::string(1000, ')');
  EXPECT_NE(P(deep).find("nested too deeply"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 1000; ++i) nots += "not ";
  EXPECT_NE(P(nots + "x").find("nested too deeply"), std::string::npos);
  std::string sum = "x";
  for (int i = 0; i < 6000; ++i) sum += "+x";
  EXPECT_NE(P(sum).find("too long"), std::string::npos);
}

}  // namespace
}  // namespace clemency
