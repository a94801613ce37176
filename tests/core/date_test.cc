#include "clemency/core/date.h"

#include <gtest/gtest.h>

#include "clemency/core/duration.h"

namespace clemency {
namespace {

Date D(std::string_view s) {
  const DateParseResult r = ParseDate(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.date;
}

TEST(DateTest, EpochAndRoundTrip) {
  EXPECT_EQ(D("1970-01-01").days(), 0);
  EXPECT_EQ(D("1970-01-02").days(), 1);
  EXPECT_EQ(D("1969-12-31").days(), -1);
  EXPECT_EQ(D("2000-03-01").days() - D("2000-02-28").days(), 2);  // 2000 is a leap year
  EXPECT_EQ(D("1900-03-01").days() - D("1900-02-28").days(), 1);  // 1900 is not
  for (const char* s : {"0001-01-01", "1956-07-04", "2024-02-29", "9999-12-31"})
    EXPECT_EQ(D(s).ToString(), s);
  const Date d = D("2021-12-13");
  EXPECT_EQ(d.year(), 2021);
  EXPECT_EQ(d.month(), 12);
  EXPECT_EQ(d.day(), 13);
}

TEST(DateTest, EveryDayOfFourHundredYearsRoundTrips) {
  Date d = D("1900-01-01");
  for (int i = 0; i < 146097; ++i, d = d.PlusDays(1)) {
    const Date back = Date::FromCivil(d.year(), d.month(), d.day());
    ASSERT_EQ(back, d) << d.ToString();
  }
  EXPECT_EQ(d.ToString(), "2300-01-01");
}

TEST(DateTest, StrictParsing) {
  EXPECT_EQ(ParseDate("2021-02-29").error, DateParseError::kNoSuchDate);
  EXPECT_EQ(ParseDate("2021-13-01").error, DateParseError::kNoSuchDate);
  EXPECT_EQ(ParseDate("2021-00-10").error, DateParseError::kNoSuchDate);
  EXPECT_EQ(ParseDate("2021-04-31").error, DateParseError::kNoSuchDate);
  EXPECT_EQ(ParseDate("0000-01-01").error, DateParseError::kNoSuchDate);
  EXPECT_TRUE(ParseDate("2020-02-29").ok());
  for (const char* bad : {"", "2021-1-01", "2021/01/01", "01/02/2021", "2021-01-01 ", " 2021-01-01",
                          "2021-01-1a", "20210101", "2021-01-001", "+021-01-01", "2021-01-01T00"})
    EXPECT_EQ(ParseDate(bad).error, DateParseError::kFormat) << bad;
  EXPECT_EQ(DescribeDateParseError(DateParseError::kNoSuchDate), "no such date");
}

TEST(DateTest, MissingDateSortsFirstAndPrintsEmpty) {
  Date missing;
  EXPECT_TRUE(missing.missing());
  EXPECT_LT(missing, D("0001-01-01"));
  EXPECT_EQ(missing.ToString(), "");
}

TEST(DateTest, PlusMonthsRollsMissingDaysForward) {
  EXPECT_EQ(D("2021-01-15").PlusMonths(1).ToString(), "2021-02-15");
  EXPECT_EQ(D("2021-01-31").PlusMonths(1).ToString(), "2021-03-01");  // no 31 February
  EXPECT_EQ(D("2020-01-31").PlusMonths(1).ToString(), "2020-03-01");
  EXPECT_EQ(D("2021-03-31").PlusMonths(1).ToString(), "2021-05-01");  // no 31 April
  EXPECT_EQ(D("2021-12-31").PlusMonths(2).ToString(), "2022-03-01");  // across a year end
  EXPECT_EQ(D("2021-11-15").PlusMonths(2).ToString(), "2022-01-15");
  EXPECT_EQ(D("2021-03-15").PlusMonths(-3).ToString(), "2020-12-15");
  EXPECT_EQ(D("2020-02-29").PlusYears(1).ToString(), "2021-03-01");
  EXPECT_EQ(D("2020-02-29").PlusYears(4).ToString(), "2024-02-29");
  EXPECT_EQ(D("2020-02-29").PlusYears(-1).ToString(), "2019-03-01");
  EXPECT_EQ(D("2021-12-31").PlusDays(1).ToString(), "2022-01-01");
}

TEST(DateTest, AgeOnOrdinaryBirthday) {
  const Date birth = D("1970-06-15");
  EXPECT_EQ(AgeOn(birth, D("2025-06-14")), 54);
  EXPECT_EQ(AgeOn(birth, D("2025-06-15")), 55);
  EXPECT_EQ(AgeOn(birth, D("2025-06-16")), 55);
  EXPECT_EQ(AgeOn(birth, birth), 0);
  EXPECT_EQ(AgeOn(birth, D("1971-06-14")), 0);
}

// The documented rule: a 29 February birthday ages on 1 March in common years.
TEST(DateTest, AgeOnLeapDayBirthday) {
  const Date birth = D("1968-02-29");
  EXPECT_EQ(AgeOn(birth, D("2023-02-28")), 54);
  EXPECT_EQ(AgeOn(birth, D("2023-03-01")), 55);
  EXPECT_EQ(AgeOn(birth, D("2024-02-28")), 55);
  EXPECT_EQ(AgeOn(birth, D("2024-02-29")), 56);  // a leap year: the birthday itself
  EXPECT_EQ(AgeOn(birth, D("1969-02-28")), 0);
  EXPECT_EQ(AgeOn(birth, D("1969-03-01")), 1);
}

// AgeOn(b, d) >= n exactly when d >= b + n years, for every birthday of a
// leap cycle and every day around the anniversaries.
TEST(DateTest, AgeAgreesWithPlusYears) {
  for (Date b = D("1960-01-01"); b < D("1964-01-01"); b = b.PlusDays(1)) {
    for (int n : {1, 18, 55}) {
      const Date anniversary = b.PlusYears(n);
      EXPECT_EQ(AgeOn(b, anniversary), n) << b.ToString();
      EXPECT_EQ(AgeOn(b, anniversary.PlusDays(-1)), n - 1) << b.ToString();
    }
  }
}

// The direct computation of AgeOn agrees with whole calendar months / 12 for
// every pair of days across a leap cycle.
TEST(DateTest, AgeOnMatchesWholeMonths) {
  for (Date b = D("1963-12-01"); b < D("1964-04-01"); b = b.PlusDays(1))
    for (Date on = D("2019-01-01"); on < D("2025-01-01"); on = on.PlusDays(3))
      ASSERT_EQ(AgeOn(b, on), WholeMonthsBetween(b, on) / 12) << b.ToString() << " " << on.ToString();
}

TEST(DateTest, WholeMonthsBetween) {
  EXPECT_EQ(WholeMonthsBetween(D("2021-01-31"), D("2021-02-28")), 0);
  EXPECT_EQ(WholeMonthsBetween(D("2021-01-31"), D("2021-03-01")), 1);
  EXPECT_EQ(WholeMonthsBetween(D("2021-01-15"), D("2022-01-15")), 12);
  EXPECT_EQ(WholeMonthsBetween(D("2022-01-15"), D("2021-01-15")), -12);
}

TEST(DurationTest, CalendarArithmetic) {
  const Date adm = D("2014-02-28");
  EXPECT_EQ((adm + CalendarDuration::Years(10)).ToString(), "2024-02-28");
  EXPECT_EQ((D("2016-02-29") + CalendarDuration::Years(10)).ToString(), "2026-03-01");
  EXPECT_EQ((adm + CalendarDuration{18, 3}).ToString(), "2015-08-31");
  EXPECT_TRUE(HasElapsed(adm, D("2024-02-28"), CalendarDuration::Years(10)));
  EXPECT_FALSE(HasElapsed(adm, D("2024-02-27"), CalendarDuration::Years(10)));
  EXPECT_TRUE(HasElapsed(adm, adm.PlusDays(90), CalendarDuration::Days(90)));
  EXPECT_FALSE(HasElapsed(adm, adm.PlusDays(89), CalendarDuration::Days(90)));
}

TEST(DateTest, DaysBetween) {
  EXPECT_EQ(DaysBetween(D("2020-01-01"), D("2021-01-01")), 366);
  EXPECT_EQ(DaysBetween(D("2021-01-01"), D("2020-01-01")), -366);
}

}  // namespace
}  // namespace clemency
