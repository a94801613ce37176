// Issue 10, "nothing hangs" and "smaller things": inputs that used to take
// minutes (long consecutive_to chains, backtracking regexes) and the CLI's
// messages for easy mistakes. Slow inputs have no timing assertion: ctest's
// TIMEOUT on this test binary catches a hang.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli_fixture.h"

namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

using clemency::testing_support::CommandRun;
using clemency::testing_support::RunClemency;
using clemency::testing_support::Slurp;

class HangsCliTest : public clemency::testing_support::CliFixture {
 protected:
  void Write(const fs::path& name, const std::string& text) { WriteAt(name, text); }
  std::string Data() { return (dir_ / "data").string(); }
  std::string Out(const std::string& name) { return (dir_ / name).string(); }
  static constexpr const char* kPeopleHeader = "person_id,jurisdiction,birth_date,sex,race,admission_date\n";
  static constexpr const char* kSentencesHeader =
      "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status,consecutive_to\n";
  // Person `person`'s chain of n sentences, each following the one before;
  // the first follows `first_follows` (empty: nothing).
  static std::string Chain(const std::string& person, int n, const std::string& first_follows) {
    std::string rows;
    for (int i = 1; i <= n; ++i)
      rows += person + "," + std::to_string(i) + ",CA:PC 459,1999-12-01,determinate,1," +
              (i == 1 ? "active," + first_follows : "served," + std::to_string(i - 1)) + "\n";
    return rows;
  }
};

// 5,000 and 10,000 sentences in one chain took 46 s and over 100 s.
TEST_F(HangsCliTest, LongConsecutiveChainsLoadAndScreenQuickly) {
  for (int n : {5000, 10000}) {
    Write("data/people.csv", std::string(kPeopleHeader) + "A,CA,1960-05-01,M,black,2000-01-01\n");
    Write("data/sentences.csv", kSentencesHeader + Chain("A", n, ""));
    const std::string out = Out("o" + std::to_string(n));
    const CommandRun r = Clemency("screen --data " + Data() + " --policy redemption-2020 --as-of 2025-01-01 -o " + out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(Slurp(fs::path(out) / "summary.json"), HasSubstr("\"people\": 1"));
  }
}

// A circle and a dangling reference in long chains are still rejected, every
// sentence on them, and quickly.
TEST_F(HangsCliTest, LongCircularAndDanglingChainsAreRejected) {
  Write("data/people.csv", std::string(kPeopleHeader) + "A,CA,1960-05-01,M,black,2000-01-01\n" +
                               "B,CA,1960-05-01,M,black,2000-01-01\n" + "C,CA,1960-05-01,M,black,2000-01-01\n");
  Write("data/sentences.csv", kSentencesHeader + Chain("A", 5000, "5000") + Chain("B", 5000, "nowhere") +
                                  Chain("C", 3, ""));
  const CommandRun r = Clemency("validate " + Data() + " --as-of 2025-01-01 --on-error quarantine -o " + Out("v"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ContainsRegex("10003 rows read = +3 accepted \\+ +10000 rejected"));
  EXPECT_THAT(r.err, HasSubstr("sentences.csv:2: column \"consecutive_to\" value \"5000\": the consecutive_to chain goes round in a circle"));
  const std::string rejected = Slurp(dir_ / "v" / "rejected.csv");  // stderr shows the first 20
  EXPECT_THAT(rejected, HasSubstr("sentences.csv,5002,\"column \"\"consecutive_to\"\" value \"\"nowhere\"\": names no other sentence of this person\""));
  EXPECT_THAT(rejected, HasSubstr("sentences.csv,5003,\"column \"\"consecutive_to\"\" value \"\"1\"\": follows sentence \"\"1\"\", which is rejected\""));
}

// ---------------------------------------------------------------- check DIR

TEST_F(HangsCliTest, CheckTellsRuleFilesByContentInAnyFolder) {
  // A folder named neither policies/ nor mappings/ used to be checked for nothing, exit 0.
  Write("mine/a/p.toml", "id = \"p\"\ntitle = \"p\"\ncitation = \"c\"\neligibility = \"agee >= 55\"\npriority = \"0\"\n");
  fs::copy_file(std::string(CLEMENCY_SOURCE_DIR) + "/rules/offenses/IA.toml", dir_ / "mine" / "IA.toml");
  Write("mine/notes.toml", "x = 1\n");
  const CommandRun r = Clemency("check " + Out("mine"));
  EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("p.toml:4:16: unknown name \"agee\""));
  EXPECT_THAT(r.out, HasSubstr("notes.toml: not checked: not a kind of rule file clemency knows"));
  EXPECT_THAT(r.err, HasSubstr("2 files checked, 1 problems, 1 files of no known kind not checked"));

  Write("mine/a/p.toml", "id = \"p\"\ntitle = \"p\"\ncitation = \"c\"\neligibility = \"age >= 55 years\"\npriority = \"0\"\n");
  const CommandRun clean = Clemency("check " + Out("mine"));
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_THAT(clean.err, HasSubstr("2 files checked, 0 problems"));
}

TEST_F(HangsCliTest, CheckOfAFolderWithoutRuleFilesIsAUsageError) {
  fs::create_directories(dir_ / "empty");
  const CommandRun empty = Clemency("check " + Out("empty"));
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_THAT(empty.err, HasSubstr("clemency check: no rule files in " + Out("empty") + " (0 .toml files"));
  Write("other/notes.toml", "x = 1\n");
  const CommandRun other = Clemency("check " + Out("other"));
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_THAT(other.err, HasSubstr("(1 .toml files, none of a known kind)"));
  Write("broken/b.toml", "x = [\n");
  const CommandRun broken = Clemency("check " + Out("broken"));
  EXPECT_EQ(broken.exit_code, 4);
  EXPECT_THAT(broken.out, HasSubstr("b.toml:1:7: not valid TOML"));
}

// ---------------------------------------------------------------- messages

TEST_F(HangsCliTest, APolicyThatIsNoFileSaysWhatItIs) {
  Write("data/people.csv", std::string(kPeopleHeader) + "A,CA,1960-05-01,M,black,2000-01-01\n");
  Write("data/sentences.csv", kSentencesHeader + Chain("A", 1, ""));
  struct Case {
    std::string policy, says;
  } cases[] = {
      {Data(), "is a directory, not a policy file"},
      {"/dev/null", "is a device, not a policy file"},
      {Out("nothere.toml"), "does not exist: no such policy file"},
  };
  for (const Case& c : cases) {
    const CommandRun r =
        Clemency("screen --data " + Data() + " --policy " + c.policy + " --as-of 2025-01-01 -o " + Out("o"));
    EXPECT_EQ(r.exit_code, 2) << c.policy;
    EXPECT_THAT(r.err, HasSubstr("--policy " + c.policy + ": " + c.policy + " " + c.says)) << r.err;
  }
}

TEST_F(HangsCliTest, AnUnknownCommandIsNamedWithTheCommands) {
  const CommandRun r = Clemency("frobnicate --data x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "clemency: unknown command 'frobnicate'; commands: demo, synth, validate, screen, explain, serve, simulate, "
                   "campaign, catalog, sql, check, import, diff, cases\n");
  const CommandRun sub = Clemency("catalog gapz");
  EXPECT_EQ(sub.exit_code, 2);
  EXPECT_EQ(sub.err, "clemency: unknown command 'gapz' of 'catalog'; commands: gaps\n");
  EXPECT_EQ(Clemency("--version").exit_code, 0);
}

// ---------------------------------------------------------------- as-of

// Today in the POSIX time zone tz, as the binary computes it.
std::string TodayIn(const char* tz) {
  const char* old = std::getenv("TZ");
  const std::string saved = old != nullptr ? old : "";
  setenv("TZ", tz, 1);
  tzset();
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  if (old != nullptr) setenv("TZ", saved.c_str(), 1);
  else unsetenv("TZ");
  tzset();
  return buf;
}

TEST_F(HangsCliTest, TheAsOfDateAndHowItWasChosenAreStated) {
  Write("data/people.csv", std::string(kPeopleHeader) + "A,CA,1960-05-01,M,black,2000-01-01\n");
  Write("data/sentences.csv", kSentencesHeader + Chain("A", 1, ""));
  // Two zones 26 hours apart: their dates differ for most of the day.
  for (const char* zone : {"UTC0", "KIR-14", "BIT12"}) {
    const std::string abbrev = std::string(zone).substr(0, 3);
    const std::string today = TodayIn(zone);
    const std::string tz = std::string("TZ=") + zone;
    const CommandRun v = Clemency("validate " + Data() + " -o " + Out("v"), tz);
    ASSERT_EQ(v.exit_code, 0) << v.err;
    EXPECT_THAT(v.out, HasSubstr("as of " + today + " (today, time zone " + abbrev + ")"));
    const std::string json = Slurp(dir_ / "v" / "validation.json");
    EXPECT_THAT(json, HasSubstr("\"as_of\": \"" + today + "\",\n  \"as_of_defaulted\": true,\n  \"as_of_time_zone\": \"" + abbrev + "\""));
    const CommandRun s = Clemency("screen --data " + Data() + " --policy redemption-2020 -o " + Out("s"), tz);
    ASSERT_EQ(s.exit_code, 0) << s.err;
    EXPECT_THAT(s.out, HasSubstr("as of " + today + " (today, time zone " + abbrev + ")"));
    const std::string summary = Slurp(dir_ / "s" / "summary.json");
    EXPECT_THAT(summary, HasSubstr("\"as_of_defaulted\": true"));
    EXPECT_THAT(summary, HasSubstr("\"as_of_time_zone\": \"" + abbrev + "\""));
  }
  // --as-of given: stated as such, nothing in the files depends on the zone.
  const CommandRun a = Clemency("screen --data " + Data() + " --policy redemption-2020 --as-of 2025-01-01 -o " + Out("a"), "TZ=UTC0");
  const CommandRun b = Clemency("screen --data " + Data() + " --policy redemption-2020 --as-of 2025-01-01 -o " + Out("b"), "TZ=KIR-14");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_THAT(a.out, HasSubstr("as of 2025-01-01 (--as-of)"));
  EXPECT_EQ(a.out.substr(0, a.out.find(" -> ")), b.out.substr(0, b.out.find(" -> ")));
  const std::string summary = Slurp(dir_ / "a" / "summary.json");
  EXPECT_THAT(summary, HasSubstr("\"as_of_defaulted\": false"));
  EXPECT_THAT(summary, Not(HasSubstr("as_of_time_zone")));
  EXPECT_EQ(summary, Slurp(dir_ / "b" / "summary.json"));
  const CommandRun e = Clemency("explain --data " + Data() + " --policy redemption-2020 --as-of 2025-01-01 --person A");
  EXPECT_THAT(e.out, HasSubstr("as of 2025-01-01 (--as-of)\n"));
}

}  // namespace
