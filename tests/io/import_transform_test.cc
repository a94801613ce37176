// The text helpers of the import transformation (io/import_transform.h):
// HTML entities, date patterns, day counts, list splitting.
#include "clemency/io/import_transform.h"

#include "clemency/io/excel_date.h"

#include <gtest/gtest.h>

namespace clemency::import {
namespace {

TEST(ImportTextTest, DecodesHtmlEntities) {
  EXPECT_EQ(DecodeHtmlEntities("Theft &amp; Fraud"), "Theft & Fraud");
  EXPECT_EQ(DecodeHtmlEntities("&lt;5g&gt; &quot;x&quot; O&#39;Brien O&#x27;Hara &apos;a&apos;"),
            "<5g> \"x\" O'Brien O'Hara 'a'");
  EXPECT_EQ(DecodeHtmlEntities("a&nbsp;b &AMP; &#233;"), "a b & \xc3\xa9");
  // Not entities: kept as written.
  EXPECT_EQ(DecodeHtmlEntities("AT&T & co &bogus; &#; &#xZZ; &#0; &#55296; &"), "AT&T & co &bogus; &#; &#xZZ; &#0; &#55296; &");
}

TEST(ImportTextTest, TrimsAndLowers) {
  EXPECT_EQ(TrimSpace("  a b \t\r\n"), "a b");
  EXPECT_EQ(TrimSpace("   "), "");
  EXPECT_EQ(Lower("Race & ETHNICITY"), "race & ethnicity");
}

TEST(ImportTextTest, ChecksDatePatterns) {
  for (const char* ok : {"MM/DD/YYYY", "M/D/YYYY", "YYYY-MM-DD", "DD.MM.YYYY", "YYYYMMDD", "MM/DD/YYYY*"})
    EXPECT_EQ(CheckDatePattern(ok), "") << ok;
  EXPECT_EQ(CheckDatePattern("MM/DD/YY"), "unknown letter 'Y' (use YYYY, MM, M, DD, D and separators)");
  EXPECT_EQ(CheckDatePattern("MM/YYYY"), "needs YYYY, a month (MM or M) and a day (DD or D)");
  EXPECT_EQ(CheckDatePattern("MM/MM/YYYY"), "the month appears twice");
  EXPECT_EQ(CheckDatePattern("DD/D/YYYY"), "the day appears twice");
  EXPECT_EQ(CheckDatePattern("YYYY/YYYY/MM/DD"), "YYYY appears twice");
  EXPECT_EQ(CheckDatePattern("*MM/DD/YYYY"), "\"*\" may only end the pattern");
  EXPECT_EQ(CheckDatePattern("MM-DD-YYYY hh"), "unknown letter 'h' (use YYYY, MM, M, DD, D and separators)");
}

std::string Parsed(std::string_view pattern, std::string_view text) {
  const DateParseResult r = ParseDateWithPattern(pattern, text);
  if (r.error == DateParseError::kNoSuchDate) return "no such date";
  if (!r.ok()) return "format";
  return r.date.ToString();
}

TEST(ImportTextTest, ParsesDatesWithPatterns) {
  EXPECT_EQ(Parsed("MM/DD/YYYY", "12/13/2021"), "2021-12-13");
  EXPECT_EQ(Parsed("MM/DD/YYYY", "2/3/2021"), "format");
  EXPECT_EQ(Parsed("M/D/YYYY", "2/3/2021"), "2021-02-03");
  EXPECT_EQ(Parsed("M/D/YYYY", "12/13/2021"), "2021-12-13");
  EXPECT_EQ(Parsed("M/D/YYYY", "123/1/2021"), "format");
  EXPECT_EQ(Parsed("DD.MM.YYYY", "29.02.2020"), "2020-02-29");
  EXPECT_EQ(Parsed("DD.MM.YYYY", "29.02.2021"), "no such date");
  EXPECT_EQ(Parsed("YYYY-MM-DD", "2021-13-01"), "no such date");
  EXPECT_EQ(Parsed("YYYYMMDD", "20211213"), "2021-12-13");
  EXPECT_EQ(Parsed("MM/DD/YYYY*", "12/13/2021 12:00:00 AM"), "2021-12-13");
  EXPECT_EQ(Parsed("MM/DD/YYYY", "12/13/2021 12:00:00 AM"), "format");
  EXPECT_EQ(Parsed("MM/DD/YYYY", ""), "format");
  EXPECT_EQ(Parsed("YYYY-MM-DD", "0000-01-01"), "no such date");
}

TEST(ImportTextTest, ParsesDayCounts) {
  EXPECT_EQ(ParseDays("5660"), 5660);
  EXPECT_EQ(ParseDays("15y6m"), 15 * 365 + 6 * 30);
  EXPECT_EQ(ParseDays("15y"), 5475);
  EXPECT_EQ(ParseDays("y6m"), 180);  // an optional group that did not match counts 0
  EXPECT_EQ(ParseDays("1y1m1d"), 396);
  EXPECT_EQ(ParseDays("90d"), 90);
  EXPECT_EQ(ParseDays("2Y"), 730);
  EXPECT_EQ(ParseDays(""), std::nullopt);
  EXPECT_EQ(ParseDays("6m15y"), std::nullopt);  // order is y, m, d
  EXPECT_EQ(ParseDays("15y6"), std::nullopt);   // a number without a unit
  EXPECT_EQ(ParseDays("15 y"), std::nullopt);
  EXPECT_EQ(ParseDays("-3"), std::nullopt);
  EXPECT_EQ(ParseDays("99999999y"), std::nullopt);  // above 10,000,000 days
  EXPECT_EQ(ParseDays("123456789"), std::nullopt);
}

std::string Serial(std::string_view text, bool date1904 = false) {
  const DateParseResult r = ParseExcelSerial(text, date1904);
  if (r.error == DateParseError::kNoSuchDate) return "no such date";
  if (!r.ok()) return "format";
  return r.date.ToString();
}

TEST(ImportTextTest, ReadsSpreadsheetDayNumbers) {
  EXPECT_EQ(Serial("1"), "1900-01-01");
  EXPECT_EQ(Serial("59"), "1900-02-28");
  EXPECT_EQ(Serial("60"), "no such date");  // Lotus 1-2-3's 29 February 1900
  EXPECT_EQ(Serial("61"), "1900-03-01");
  EXPECT_EQ(Serial("36896"), "2001-01-05");
  EXPECT_EQ(Serial("45000"), "2023-03-15");
  EXPECT_EQ(Serial("44543.75"), "2021-12-13");  // the time of day is dropped
  EXPECT_EQ(Serial("2958465"), "9999-12-31");
  EXPECT_EQ(Serial("2958466"), "no such date");
  EXPECT_EQ(Serial("0"), "no such date");
  EXPECT_EQ(Serial("-5"), "no such date");
  EXPECT_EQ(Serial("0", true), "1904-01-01");
  EXPECT_EQ(Serial("43812", true), "2023-12-14");
  EXPECT_EQ(Serial(""), "format");
  EXPECT_EQ(Serial("12/13/2021"), "format");
  EXPECT_EQ(Serial("1e400"), "format");
  EXPECT_EQ(Serial("nan"), "format");
}

TEST(ImportTextTest, AppliesTextStepsInOrder) {
  using K = TextStep::Kind;
  auto step = [](K kind, std::string from = "", std::string to = "") {
    TextStep st;
    st.kind = kind;
    st.from = from;
    st.to = to;
    std::string error;
    if (kind == K::kRegexReplace) st.re = *Regex::Compile(from, false, &error);
    return st;
  };
  EXPECT_EQ(ApplyTextSteps({step(K::kTrim)}, "  a b \t"), "a b");
  EXPECT_EQ(ApplyTextSteps({step(K::kUpper)}, "Theft 2nd é"), "THEFT 2ND é");
  EXPECT_EQ(ApplyTextSteps({step(K::kLower)}, "Theft 2ND"), "theft 2nd");
  EXPECT_EQ(ApplyTextSteps({step(K::kCollapseSpaces)}, "  Theft \t of\n\n Property "), "Theft of Property");
  EXPECT_EQ(ApplyTextSteps({step(K::kReplace, "&", " and ")}, "A&B&C"), "A and B and C");
  EXPECT_EQ(ApplyTextSteps({step(K::kRegexReplace, "^PC ?(\\d+)", "CA:PC $1")}, "PC187 2nd"), "CA:PC 187 2nd");
  EXPECT_EQ(ApplyTextSteps({step(K::kRegexReplace, "\\s*\\(.*\\)$", "")}, "Theft (2nd)"), "Theft");
  // Order matters: replace first, then collapse the spaces it left.
  EXPECT_EQ(ApplyTextSteps({step(K::kReplace, "-", " "), step(K::kCollapseSpaces), step(K::kUpper)}, "a - b"), "A B");
  EXPECT_EQ(ApplyTextSteps({}, " kept "), " kept ");
}

TEST(ImportTextTest, ParsesTemplates) {
  const TemplateParts t = ParseTemplate("{Code} {Sub}-{{x}}");
  EXPECT_EQ(t.error, "");
  EXPECT_EQ(t.columns, (std::vector<std::string>{"Code", "Sub"}));
  EXPECT_EQ(t.literals, (std::vector<std::string>{"", " ", "-{x}"}));
  EXPECT_EQ(ParseTemplate("{Code").error, "byte 1: expected a column name and '}' after '{' (write '{{' for a brace)");
  EXPECT_EQ(ParseTemplate("a {} b").error, "byte 3: expected a column name and '}' after '{' (write '{{' for a brace)");
  EXPECT_EQ(ParseTemplate("a } b").error, "byte 3: a lone '}' (write '}}' for a brace)");
  EXPECT_EQ(ParseTemplate("no columns").error, "names no column: write {Column Name} for a column's cell");
}

}  // namespace
}  // namespace clemency::import
