// Legal clocks (law/legal_clocks.h) and what is due from them
// (campaign/case_clocks.h): the fixture tests/data/clocks/WY.toml loads; every
// shipped rules/clocks/*.toml loads; each problem in a clocks file is reported
// as FILE:LINE:COLUMN; a clock's positions are the stages table's; due,
// overdue, running and ended as of a date; pardon-only clocks not applied.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "clemency/campaign/case_clocks.h"
#include "clemency/campaign/case_stages.h"
#include "clemency/law/legal_clocks.h"

namespace clemency {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

const std::string kFixture = std::string(CLEMENCY_TEST_DATA) + "/clocks/WY.toml";

LegalClockSet Fixture() {
  std::string error;
  auto set = LegalClockSet::Load(kFixture, &error);
  EXPECT_TRUE(set) << error;
  return set ? *set : LegalClockSet();
}

// Writes text to a scratch file and loads it; the error, or "" when it loads.
std::string LoadError(const std::string& text) {
  const fs::path path = fs::path(::testing::TempDir()) / ("clocks_" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << text;
  std::string error;
  const bool ok = LegalClockSet::Load(path.string(), &error).has_value();
  fs::remove(path);
  return ok ? "" : error.substr(error.find(".toml") + 5);
}

constexpr const char* kHead = "[clocks]\njurisdiction = \"WY\"\ntitle = \"t\"\nsources = [\"s\"]\n";

TEST(LegalClocks, TheFixtureLoads) {
  const LegalClockSet set = Fixture();
  ASSERT_EQ(set.clocks().size(), 3u);
  const LegalClock& c = set.clocks()[0];
  EXPECT_EQ(c.id, "decision_deadline");
  EXPECT_EQ(c.kind, "deadline");
  EXPECT_EQ(c.Length(), "90 days");
  EXPECT_EQ(c.applies_to, "all");
  EXPECT_EQ(set.clocks()[1].RunsOut(Date::FromCivil(2024, 2, 29)), Date::FromCivil(2025, 3, 1));  // core/date.h's rule
  EXPECT_EQ(set.clocks()[2].Length(), "6 months");
}

TEST(LegalClocks, EveryShippedClocksFileLoads) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(std::string(CLEMENCY_SOURCE_DIR) + "/rules/clocks")) {
    if (entry.path().extension() != ".toml") continue;
    std::string error;
    const auto set = LegalClockSet::Load(entry.path().string(), &error);
    EXPECT_TRUE(set) << error;
    if (set) {
      EXPECT_EQ(set->jurisdiction() + ".toml", entry.path().filename().string());
    }
    ++files;
  }
  EXPECT_GT(files, 0);
}

TEST(LegalClocks, ClocksStartAtThePositionsOfTheStagesTable) {
  const auto positions = CasePositions();
  ASSERT_EQ(positions.size(), std::size(kClockStarts));
  for (size_t i = 0; i < positions.size(); ++i) EXPECT_EQ(positions[i], kClockStarts[i]);
}

TEST(LegalClocks, ProblemsAreReportedWithTheirPosition) {
  const std::string clock = "[[clock]]\nid = \"a\"\nstarts_at = \"denied\"\nkind = \"deadline\"\ndays = 10\n"
                            "due = \"d\"\ncitation = \"c\"\nconfidence = \"primary\"\n";
  EXPECT_EQ(LoadError(std::string(kHead) + clock), "");
  EXPECT_EQ(LoadError(std::string(kHead) + clock + "months = 2\n"), ":13:10: clock a: give exactly one of days, months or years");
  EXPECT_EQ(LoadError(std::string(kHead) + clock + clock), ":14:6: clock id \"a\" is listed twice");
  std::string bad = std::string(kHead) + clock;
  bad.replace(bad.find("\"denied\""), 8, "\"decided\"");
  EXPECT_THAT(LoadError(bad), HasSubstr(":7:13: starts_at \"decided\" is not one of: identified,"));
  bad = std::string(kHead) + clock;
  bad.replace(bad.find("\"deadline\""), 10, "\"soon\"");
  EXPECT_EQ(LoadError(bad), ":8:8: kind \"soon\" is not one of: waiting_period, notice, deadline");
  bad = std::string(kHead) + clock;
  bad.replace(bad.find("confidence = \"primary\"\n"), 23, "");
  EXPECT_THAT(LoadError(bad), HasSubstr(":5:1: clock a has no \"confidence\""));
  EXPECT_THAT(LoadError(std::string(kHead)), HasSubstr("no [[clock]] entries"));
  EXPECT_THAT(LoadError(std::string(kHead) + clock + "extra = 1\n"), HasSubstr(":13:"));
}

TEST(CaseClocks, DueOverdueRunningAndEnded) {
  const CaseClocks clocks = CaseClocks::Of({Fixture()});
  const Date filed = Date::FromCivil(2025, 3, 1);
  auto state = [&](const std::string& position, Date since, Date as_of) {
    std::string out;
    for (const RunningClock& c : clocks.For("WY", position, since, as_of)) out += c.clock->id + "=" + c.state + " ";
    return out;
  };
  EXPECT_EQ(state("filed", filed, Date::FromCivil(2025, 5, 30)), "decision_deadline=due ");
  EXPECT_EQ(state("filed", filed, Date::FromCivil(2025, 5, 31)), "decision_deadline=overdue ");
  EXPECT_EQ(state("denied", filed, Date::FromCivil(2026, 2, 28)), "reapply_after_denial=running ");
  EXPECT_EQ(state("denied", filed, Date::FromCivil(2026, 3, 1)), "reapply_after_denial=ended ");
  EXPECT_EQ(state("hearing", filed, Date::FromCivil(2026, 3, 1)), "");
  EXPECT_EQ(state("filed", filed, Date::FromCivil(2026, 3, 1)).find("pardon"), std::string::npos);
  EXPECT_TRUE(clocks.For("CA", "filed", filed, filed).empty());  // no clocks loaded for CA here
  const auto running = clocks.For("WY", "denied", filed, Date::FromCivil(2025, 4, 1));
  ASSERT_NE(NextDue(running), nullptr);
  EXPECT_EQ(NextDue(running)->runs_out, Date::FromCivil(2026, 3, 1));
}

TEST(CaseStages, TheMovesTable) {
  EXPECT_EQ(CheckCaseMove("identified", "contacted", ""), "");
  EXPECT_EQ(CheckCaseMove("filed", "decided", "granted"), "");
  EXPECT_EQ(CheckCaseMove("granted", "released", ""), "");
  EXPECT_EQ(CheckCaseMove("denied", "filed", ""), "");
  EXPECT_THAT(CheckCaseMove("identified", "decided", "granted"), HasSubstr("cannot move to decided (granted)"));
  EXPECT_THAT(CheckCaseMove("filed", "decided", ""), HasSubstr("decided needs --outcome"));
  EXPECT_THAT(CheckCaseMove("filed", "hearing", "granted"), HasSubstr("--outcome is only for decided"));
  EXPECT_THAT(CheckCaseMove("released", "contacted", ""), HasSubstr("none (the case is closed)"));
  EXPECT_THAT(CheckCaseMove("filed", "appeal", ""), HasSubstr("stage \"appeal\" is not one of"));
}

}  // namespace
}  // namespace clemency
