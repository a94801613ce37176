// A person's current law depends on their own sentences and nobody else's.
// BuildFactTable remembers, per distinct code, whether a reform may touch it;
// an enhancement code can sit on sentences of two jurisdictions, whose reform
// packs answer differently, so the memory must be per jurisdiction.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "clemency/io/population_loader.h"
#include "clemency/law/population_law.h"
#include "clemency/screen/fact_table.h"

namespace clemency {
namespace {

namespace fs = std::filesystem;

const Date kAsOf = ParseDate("2025-01-01").date;

// The sentence columns of one person: "person_id,term_low,excess_max,remedy" per sentence.
std::vector<std::string> CurrentLawOf(const std::string& dir, const std::string& people, const std::string& sentences,
                                      const std::string& person) {
  fs::create_directories(dir);
  std::ofstream(dir + "/people.csv") << "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type\n"
                                     << people;
  std::ofstream(dir + "/sentences.csv")
      << "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status,enhancements\n"
      << sentences;
  LoadResult r = LoadPopulation(dir, {kAsOf, {}});
  EXPECT_EQ(r.error_count, 0u) << (r.problems.empty() ? "" : r.problems[0].Format());
  if (!r.population) return {};
  PopulationLawOptions options;
  options.rules_dir = CLEMENCY_TEST_DATA "/../../rules";
  const PopulationLaw law = PopulationLaw::Load(*r.population, options);
  EXPECT_TRUE(law.ok()) << (law.ok() ? "" : law.error()->message);
  const FactTable t = BuildFactTable(*r.population, law.refs(), kAsOf);
  const Population& pop = *r.population;
  std::vector<std::string> out;
  for (uint32_t p = 0; p < pop.people_count(); ++p) {
    if (pop.str(pop.people.id[p]) != person) continue;
    const IndexRange s = pop.SentencesOf(p);
    for (uint32_t i = s.begin; i < s.end; ++i)
      out.push_back(std::to_string(t.s_current_law_term_low[i]) + "," + std::to_string(t.s_current_law_excess_max[i]) +
                    "," + std::string(t.strings.View(static_cast<StrId>(t.s_current_law_remedy[i]))));
  }
  return out;
}

// Second-degree robbery, 5 years + 5 under PC 667(a), sentenced in 2016: SB 1393
// lets the court strike the 5 years (rules/reforms/CA.cases.toml,
// "ab600-sb1393-prior-serious-felony-2016").
constexpr const char* kCaPerson = "B1,CA,1980-01-01,M,white,2016-06-01,new_sentence\n";
constexpr const char* kCaSentence = "B1,1,CA:PC 211 2nd,2016-05-01,determinate,3652,active,CA:PC 667(a)=1826\n";
// An Oklahoma sentence carrying the same enhancement code: Oklahoma's reforms do
// not read it, and it comes first.
constexpr const char* kOkPerson = "A1,OK,1980-01-01,M,white,2016-06-01,new_sentence\n";
constexpr const char* kOkSentence = "A1,1,OK:21 O.S. 645,2016-05-01,determinate,3652,active,CA:PC 667(a)=1826\n";

TEST(CurrentLawNeighbours, AnotherJurisdictionsSentenceWithTheSameEnhancementChangesNothing) {
  const std::string dir = ::testing::TempDir() + "/current_law_neighbours_" + std::to_string(::getpid());
  fs::remove_all(dir);
  const std::vector<std::string> alone = CurrentLawOf(dir + "/alone", kCaPerson, kCaSentence, "B1");
  ASSERT_EQ(alone, std::vector<std::string>{"1826,1826,court_discretionary"});
  const std::vector<std::string> beside =
      CurrentLawOf(dir + "/beside", std::string(kOkPerson) + kCaPerson, std::string(kOkSentence) + kCaSentence, "B1");
  EXPECT_EQ(beside, alone);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace clemency
