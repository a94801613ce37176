#include "clemency/core/population.h"

#include <gtest/gtest.h>

#include "clemency/core/population_builder.h"

namespace clemency {
namespace {

void AddPerson(PopulationBuilder& b, std::string_view id) {
  PeopleColumns& p = b.people();
  p.id.push_back(b.strings().Intern(id));
  p.jurisdiction.push_back(b.strings().Intern("CA"));
  p.birth_date.push_back(Date::FromCivil(1970, 1, 1));
  p.birth_precision.push_back(BirthPrecision::kDay);
  p.sex.push_back(Sex::kM);
  p.race.push_back(Race::kOther);
  p.admission_date.push_back(Date::FromCivil(2010, 1, 1));
  p.admission_type.push_back(AdmissionType::kUnknown);
  p.facility_id.push_back(kNoStr);
  p.infractions_5y.push_back(kMissingInt);
  p.medical_high_risk.push_back(kUnknownFlag);
  p.source_line.push_back(static_cast<uint32_t>(p.id.size() + 1));
}

void AddSentence(PopulationBuilder& b, uint32_t person, std::string_view id,
                 std::vector<Enhancement> enh = {}, std::string_view consecutive_to = "") {
  SentenceColumns& s = b.sentences();
  s.person.push_back(person);
  s.id.push_back(b.strings().Intern(id));
  s.offense_code.push_back(b.strings().Intern("CA:PC 459"));
  s.offense_description.push_back(kNoStr);
  s.offense_date.push_back(Date());
  s.sentence_date.push_back(Date::FromCivil(2010, 1, 1));
  s.type.push_back(SentenceType::kDeterminate);
  s.term_days.push_back(365);
  s.min_term_days.push_back(kMissingInt);
  s.max_term_days.push_back(kMissingInt);
  s.drug_type.push_back(kNoStr);
  s.drug_grams.push_back(0);
  s.status.push_back(SentenceStatus::kActive);
  s.credits_days.push_back(kMissingInt);
  s.projected_release_date.push_back(Date());
  s.parole_eligibility_date.push_back(Date());
  s.source_line.push_back(static_cast<uint32_t>(s.person.size() + 1));
  b.AddSentence(enh, b.strings().Intern(consecutive_to));
}

TEST(PopulationTest, GroupsSentencesByPersonKeepingInputOrder) {
  PopulationBuilder b;
  AddPerson(b, "A");
  AddPerson(b, "B");
  AddPerson(b, "C");
  const StrId e1 = b.strings().Intern("CA:PC 667.5(b)");
  AddSentence(b, 1, "b1");
  AddSentence(b, 0, "a1", {{e1, 365}});
  AddSentence(b, 1, "b2", {{e1, 365}, {e1, 365}}, "b1");
  AddSentence(b, 0, "a2");
  Population pop = b.Finish();

  ASSERT_EQ(pop.people_count(), 3u);
  ASSERT_EQ(pop.sentence_count(), 4u);
  const IndexRange a = pop.SentencesOf(0), bb = pop.SentencesOf(1), c = pop.SentencesOf(2);
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(bb.size(), 2u);
  EXPECT_EQ(c.size(), 0u);
  EXPECT_EQ(pop.str(pop.sentences.id[a.begin]), "a1");
  EXPECT_EQ(pop.str(pop.sentences.id[a.begin + 1]), "a2");
  EXPECT_EQ(pop.str(pop.sentences.id[bb.begin]), "b1");
  EXPECT_EQ(pop.str(pop.sentences.id[bb.begin + 1]), "b2");
  EXPECT_EQ(pop.EnhancementsOf(a.begin).size(), 1u);
  EXPECT_EQ(pop.EnhancementsOf(a.begin + 1).size(), 0u);
  EXPECT_EQ(pop.EnhancementsOf(bb.begin + 1).size(), 2u);
  EXPECT_EQ(pop.sentences.consecutive_to[bb.begin + 1], bb.begin);
  EXPECT_EQ(pop.sentences.consecutive_to[bb.begin], kNoIndex);
  for (uint32_t s = 0; s < pop.sentence_count(); ++s)
    EXPECT_EQ(pop.sentences.person[s], s < 2 ? 0u : 1u);
  EXPECT_EQ(pop.FindPerson("B"), 1u);
  EXPECT_EQ(pop.FindPerson("Z"), kNoIndex);
  EXPECT_EQ(pop.FindPerson("b1"), kNoIndex);  // a string in the pool, but not a person
  EXPECT_GT(pop.bytes_used(), 0u);
}

TEST(PopulationTest, KeepDropsRowsInEveryColumn) {
  PopulationBuilder b;
  AddPerson(b, "A");
  AddPerson(b, "B");
  AddPerson(b, "C");
  b.KeepPeople({true, false, true});
  AddSentence(b, 1, "c1");
  AddSentence(b, 0, "a1");
  AddSentence(b, 1, "c2");
  b.KeepSentences({true, true, false});
  Population pop = b.Finish();
  ASSERT_EQ(pop.people_count(), 2u);
  EXPECT_EQ(pop.str(pop.people.id[1]), "C");
  EXPECT_EQ(pop.people.source_line.size(), 2u);
  EXPECT_EQ(pop.FindPerson("B"), kNoIndex);
  ASSERT_EQ(pop.sentence_count(), 2u);
  EXPECT_EQ(pop.str(pop.sentences.id[pop.SentencesOf(1).begin]), "c1");
  EXPECT_EQ(pop.SentencesOf(1).size(), 1u);
}

}  // namespace
}  // namespace clemency
