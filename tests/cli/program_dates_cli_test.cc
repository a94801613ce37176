// End to end: a policy with an `ends` or `in_force` date. Screened outside its
// dates, everyone is not_eligible by program_ended / program_not_in_force,
// and screen and explain warn once on stderr; within them, no warning.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli_fixture.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;
using clemency::testing_support::CommandRun;
using clemency::testing_support::RunClemency;
using clemency::testing_support::Slurp;

class ProgramDatesCliTest : public clemency::testing_support::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    // Aged 71 in 2026, two thirds of a 6,000-day term served on 2025-11-22.
    std::ofstream(dir_ / "data" / "people.csv")
        << "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type\n"
           "P1,US,1955-01-01,M,white,2014-12-10,new_sentence\n";
    std::ofstream(dir_ / "data" / "sentences.csv")
        << "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status\n"
           "P1,1,US:21 USC 841(b)(1)(B),2014-12-01,determinate,6000,active\n";
  }
};

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(ProgramDatesCliTest, AnEndedProgramWarnsOnceAndFindsNoOne) {
  const CommandRun r = Clemency("screen --data " + Path("data") + " --policy fsa-elderly-2018 --as-of 2026-01-01 -o " +
                                Path("out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.err, "warning: clemency screen: policy fsa-elderly-2018 ended on 2023-09-30 (34 U.S.C. 60541(g)(3)"), 1u)
      << r.err;
  EXPECT_THAT(r.err, HasSubstr("as of 2026-01-01 everyone is not_eligible (program_ended). Elderly federal prisoners "
                               "may seek compassionate release: us-compassionate-release.\n"));
  EXPECT_THAT(Slurp(dir_ / "out" / "screening.csv"), HasSubstr("P1,not_eligible"));
  const CommandRun e = Clemency("explain --data " + Path("data") + " --policy fsa-elderly-2018 --as-of 2026-01-01 --person P1");
  ASSERT_EQ(e.exit_code, 0) << e.err;
  EXPECT_EQ(Count(e.err, "ended on 2023-09-30"), 1u);
  EXPECT_THAT(e.out, HasSubstr("excluded by: program_ended\n"));
  EXPECT_THAT(e.out, HasSubstr("[true] exclusion program_ended: The program ended on 2023-09-30"));
  EXPECT_THAT(e.out, HasSubstr("    as_of:    2026-01-01\n"));
}

TEST_F(ProgramDatesCliTest, NoWarningWhileTheProgramRuns) {
  const CommandRun r = Clemency("explain --data " + Path("data") + " --policy fsa-elderly-2018 --as-of 2023-09-30 --person P1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("program_ended")));
  EXPECT_THAT(r.out, HasSubstr("[false] exclusion program_ended"));
}

TEST_F(ProgramDatesCliTest, APolicyNotYetInForceWarns) {
  const CommandRun r = Clemency("screen --data " + Path("data") + " --policy cdcr-covid-2020 --as-of 2020-01-01 -o " +
                                Path("out") + " --allow-missing-catalog");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.err, "warning: clemency screen: policy cdcr-covid-2020 is in force from 2020-07-10; as of 2020-01-01 "
                         "everyone is not_eligible (program_not_in_force)"),
            1u)
      << r.err;
}

}  // namespace
