// report.html (issue 14): written by screen and simulate, self-contained (no
// request to any host: every src, href, url() and @import checked), its
// figures the same as summary.json's, every rule's citation present, no
// person's data in it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <regex>

#include "clemency/report/html.h"
#include "clemency/report/review_text.h"
#include "support/cli_fixture.h"

namespace {

using clemency::testing_support::CommandRun;
using clemency::testing_support::Slurp;

// Every reference the page makes to something outside itself: attribute
// values of src, href, action, srcset, poster and data, and CSS url() and @import.
std::vector<std::string> References(const std::string& page) {
  std::vector<std::string> refs;
  static const std::regex attr(R"re(\b(?:src|href|action|srcset|poster|data|formaction)\s*=\s*["']?([^"'\s>]*))re",
                               std::regex::icase);
  static const std::regex css(R"re(url\(\s*["']?([^"')]*)|@import\s+["']([^"']*))re", std::regex::icase);
  for (auto it = std::sregex_iterator(page.begin(), page.end(), attr); it != std::sregex_iterator(); ++it)
    refs.push_back((*it)[1]);
  for (auto it = std::sregex_iterator(page.begin(), page.end(), css); it != std::sregex_iterator(); ++it)
    refs.push_back((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
  return refs;
}

// A reference that stays inside the page: a fragment, a data: URL, or a
// script-built value with no scheme or host ("" or a JS expression).
bool StaysInside(const std::string& ref) {
  if (ref.empty() || ref[0] == '#' || ref.rfind("data:", 0) == 0) return true;
  static const std::regex external(R"re(^\s*(?:[a-z][a-z0-9+.-]*:|//))re", std::regex::icase);
  return !std::regex_search(ref, external);
}

TEST(ReportReferences, TheCheckFindsExternalReferences) {
  const std::vector<std::string> refs = References(
      "<img src=\"https://cdn.example/x.png\"><a href='#top'></a><link href=//host/a.css>"
      "<style>@import 'http://h/a.css'; b{background:url(data:image/png;base64,AA)}</style>");
  ASSERT_EQ(refs.size(), 5u);
  EXPECT_FALSE(StaysInside(refs[0]));
  EXPECT_TRUE(StaysInside(refs[1]));
  EXPECT_FALSE(StaysInside(refs[2]));
  EXPECT_FALSE(StaysInside(refs[3]));  // the @import
  EXPECT_TRUE(StaysInside(refs[4]));   // the data: URL
}

TEST(HtmlText, EscapesAndDenominators) {
  EXPECT_EQ(clemency::html::Escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(clemency::html::ScriptJson(R"({"t":"</script><!--"})"), R"({"t":"\u003c/script>\u003c!--"})");
  EXPECT_EQ(clemency::html::Of(1234, 10000), "1,234 of 10,000 (12.3%)");
  EXPECT_EQ(clemency::html::Percent(1, 0), "n/a");
  EXPECT_EQ(clemency::html::Ratio(1.234), "1.23");
  EXPECT_EQ(clemency::html::Ratio(std::nan("")), "n/a");
  clemency::html::Table t({"a", "b"});
  t.Row({"<x>", "1"});
  EXPECT_EQ(t.str(), "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>&lt;x&gt;</td><td>1</td></tr>"
                     "</tbody></table>\n");
}

class ReportHtmlTest : public clemency::testing_support::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    const CommandRun r = Clemency("synth --jurisdiction CA --people 3000 --seed 4 --as-of 2026-01-01 -o " + Path("pop"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(ReportHtmlTest, ScreenWritesASelfContainedReportWithTheSummaryFigures) {
  const CommandRun r = Clemency("screen --data " + Path("pop") + " --policy redemption-2020 --as-of 2026-01-01 -o " + Path("out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = Slurp(dir_ / "out" / "report.html");
  ASSERT_FALSE(page.empty());
  EXPECT_NE(page.find("default-src 'none'"), std::string::npos) << "the page forbids every request";
  for (const std::string& ref : References(page)) EXPECT_TRUE(StaysInside(ref)) << ref;
  EXPECT_EQ(page.find("<script src"), std::string::npos);

  const auto summary = nlohmann::json::parse(Slurp(dir_ / "out" / "summary.json"));
  const auto policy = nlohmann::json::parse(Slurp(dir_ / "out" / "policy.json"));
  const int64_t people = summary["counts"]["people"], eligible = summary["counts"]["eligible"];
  EXPECT_NE(page.find("<b>" + clemency::Thousands(eligible) + "</b><span>eligible</span><small>of " +
                      clemency::Thousands(people) + " people screened"),
            std::string::npos);
  for (const char* id : {"headline", "groups", "review", "composition", "current-law", "authority", "policy", "data"})
    EXPECT_NE(page.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
  EXPECT_EQ(page.find("<section id=\"projection\">"), std::string::npos) << "screen has no projection";
  for (const auto& rule : policy["rules"])
    EXPECT_NE(page.find(clemency::html::Escape(rule["citation"].get<std::string>())), std::string::npos) << rule["id"];
  for (const auto& [race, counts] : summary["by_race"].items())
    EXPECT_NE(page.find("<td>" + race + "</td>"), std::string::npos) << race;
  // Aggregates only: nobody's identifier is in the page.
  const std::string screening = Slurp(dir_ / "out" / "screening.csv");
  const std::string first_id = screening.substr(screening.find('\n') + 1, screening.find(',', screening.find('\n')) - screening.find('\n') - 1);
  ASSERT_FALSE(first_id.empty());
  EXPECT_EQ(page.find(first_id), std::string::npos) << first_id;
}

TEST_F(ReportHtmlTest, SimulateAddsTheProjectionAndItsChartSeries) {
  const CommandRun r = Clemency("simulate --data " + Path("pop") +
                                " --policy redemption-2020 --as-of 2026-01-01 --years 2 --replicates 20 --board-capacity 20 -o " +
                                Path("sim"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = Slurp(dir_ / "sim" / "report.html");
  EXPECT_NE(page.find("<section id=\"projection\">"), std::string::npos);
  EXPECT_NE(page.find("<section id=\"review\">"), std::string::npos);
  for (const std::string& ref : References(page)) EXPECT_TRUE(StaysInside(ref)) << ref;
  const size_t start = page.find("<script type=\"application/json\" id=\"report-data\">");
  ASSERT_NE(start, std::string::npos);
  const size_t from = page.find('>', start) + 1;
  const auto data = nlohmann::json::parse(page.substr(from, page.find("</script>", from) - from));
  ASSERT_EQ(data["projection"]["months"].size(), 25u);  // months 0 to 24
  EXPECT_EQ(data["projection"]["months"][0], "2026-01");
  EXPECT_EQ(data["projection"]["series"]["population"]["scenario"]["mean"].size(), 25u);
  EXPECT_TRUE(data["summary"]["not_yet_eligible"].is_null()) << "simulate does not compute eligible_on";
  EXPECT_NE(page.find("90% band"), std::string::npos);
}

}  // namespace
