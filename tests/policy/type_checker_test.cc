#include <gtest/gtest.h>

#include "clemency/policy/expr_parser.h"
#include "clemency/policy/typed_expr.h"

namespace clemency {
namespace {

NameScope Names() {
  NameScope n;
  n.params = {{"min_age", ValueType::kDuration}, {"min_served", ValueType::kDuration}, {"weight", ValueType::kNumber}};
  n.rules = {{"older", 0}, {"criteria.older", 0}};
  return n;
}

// "ok <type>" or "error at N: message".
std::string C(std::string_view text, ValueType want = ValueType::kBool) {
  ParseResult p = ParseExpression(text);
  if (!p.ok()) return "parse error: " + p.error.message;
  CheckResult r = CheckExpression(*p.root, Names(), want);
  if (!r.expr) return "error at " + std::to_string(r.error.offset) + ": " + r.error.message;
  return "ok " + std::string(TypeName(r.expr->type));
}

TEST(TypeCheckerTest, WellTypedExpressions) {
  EXPECT_EQ(C("age >= 55 years"), "ok bool");
  EXPECT_EQ(C("age >= params.min_age and time_served >= params.min_served"), "ok bool");
  EXPECT_EQ(C("as_of - admission_date >= 10 years"), "ok bool");
  EXPECT_EQ(C("any(s.active and s.category in [\"drug_possession\", \"drug_distribution\"])"), "ok bool");
  EXPECT_EQ(C("count(s.flags has \"violent_felony\") == 0"), "ok bool");
  EXPECT_EQ(C("max(s.term) > 5 years"), "ok bool");
  EXPECT_EQ(C("served_fraction >= 0.667"), "ok bool");
  EXPECT_EQ(C("remaining <= 180 days"), "ok bool");
  EXPECT_EQ(C("older or criteria.older"), "ok bool");
  EXPECT_EQ(C("years(age) * params.weight + years(time_served)", ValueType::kNumber), "ok number");
  EXPECT_EQ(C("count(s.active)", ValueType::kNumber), "ok int");
  EXPECT_EQ(C("if(medical_high_risk, 10, 0) + days(current_law.excess) / 365", ValueType::kNumber), "ok number");
  EXPECT_EQ(C("coalesce(medical_high_risk, false)"), "ok bool");
  EXPECT_EQ(C("is_known(infractions_5y) and infractions_5y < 3"), "ok bool");
  EXPECT_EQ(C("any(s.age_at_offense < 25 years)"), "ok bool");
  EXPECT_EQ(C("admission_date + 10 years <= as_of"), "ok bool");
}

TEST(TypeCheckerTest, TypeErrorsSayWhatWasExpected) {
  EXPECT_EQ(C("age >= 55"), "error at 4: \">=\" cannot combine a span of time with an int");
  EXPECT_EQ(C("sex < \"F\""), "error at 4: \"<\" cannot order a string; use == or !=");
  EXPECT_EQ(C("age and older"), "error at 0: \"and\" needs a bool, but this is a span of time");
  EXPECT_EQ(C("years(age)"), "error at 0: the expression is a number, but a bool is needed here");
  EXPECT_EQ(C("s.category == \"violent\""),
            "error at 11: this names a sentence fact (s.) outside any(), all(), count(), min(), max() or sum()");
  EXPECT_EQ(C("any(age > 5 years)"),
            "error at 0: any() ranges over a person's sentences; its argument must name an s. fact such as s.category");
  EXPECT_EQ(C("sex in \"F\""), "error at 7: \"in\" needs a list on its right, such as [\"a\", \"b\"]");
  EXPECT_EQ(C("if(older, 1, \"x\") > 0"), "error at 0: if() gives an int in one branch and a string in the other");
  EXPECT_EQ(C("sum(s.sentence_date) > 0"), "error at 4: sum() cannot take a date");
}

// Found by fuzz/expr_parser_fuzz: the evaluator reads the list of `in` and the
// set of `has` themselves, so a list or set computed by if() or coalesce()
// used to type-check and then match nothing (or the wrong set).
TEST(TypeCheckerTest, InAndHasNeedTheListAndTheSetThemselves) {
  EXPECT_EQ(C("sex in [\"F\", \"X\"] and any(s.flags has \"violent_felony\" or s.enhancements has \"E\")"), "ok bool");
  EXPECT_EQ(C("sex in if(medical_high_risk, [\"F\"], [\"M\"])"),
            "error at 7: \"in\" needs a list written out, such as [\"a\", \"b\"], or a list parameter");
  EXPECT_EQ(C("any(if(s.active, s.flags, s.enhancements) has \"x\")"),
            "error at 4: \"has\" needs s.flags or s.enhancements itself on its left");
  EXPECT_EQ(C("any(coalesce(s.flags, s.flags) has \"violent_felony\")"),
            "error at 4: \"has\" needs s.flags or s.enhancements itself on its left");
}

TEST(TypeCheckerTest, UnknownNamesSuggestTheNearest) {
  EXPECT_EQ(C("agee >= 55 years"), "error at 0: unknown name \"agee\"; did you mean \"age\"?");
  EXPECT_EQ(C("category == \"x\""), "error at 0: unknown name \"category\"; did you mean \"s.category\"?");
  EXPECT_EQ(C("params.min_agee >= age"),
            "error at 0: unknown parameter \"min_agee\"; this policy declares: min_age, min_served, weight");
  EXPECT_EQ(C("frobnicate(age)"),
            "error at 0: unknown function \"frobnicate\"; the functions are any, all, count, min, max, sum, years, days, if, is_known, coalesce");
  EXPECT_EQ(C("years(age, 1) > 1"), "error at 0: years() takes 1 argument, not 2");
}

}  // namespace
}  // namespace clemency
