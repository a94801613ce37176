// Builds a Population from rows that arrive in any order. People and
// facilities are appended column by column; sentences name their person by
// index and their consecutive_to by sentence_id text. Rows found bad later
// (a duplicate id, a rejected person) are dropped with KeepPeople/KeepSentences
// before Finish(), which groups sentences by person (stable, O(n)) and resolves
// consecutive_to within each person.
#ifndef CLEMENCY_CORE_POPULATION_BUILDER_H_
#define CLEMENCY_CORE_POPULATION_BUILDER_H_

#include <span>
#include <vector>

#include "clemency/core/population.h"

namespace clemency {

class PopulationBuilder {
 public:
  StringPool& strings() { return pop_.strings; }
  PeopleColumns& people() { return pop_.people; }
  const PeopleColumns& people() const { return pop_.people; }
  FacilityColumns& facilities() { return pop_.facilities; }
  const Population& partial() const { return pop_; }

  // Appends one sentence row: every column of SentenceColumns except
  // enhancement_begin and consecutive_to, which come from the arguments.
  void AddSentence(std::span<const Enhancement> enhancements, StrId consecutive_to_id);
  SentenceColumns& sentences() { return pop_.sentences; }

  // Drops the rows whose flag is false. KeepPeople must come before any
  // sentence is added (sentences hold person indexes).
  void KeepPeople(const std::vector<bool>& keep);
  void KeepSentences(const std::vector<bool>& keep);

  // For the sentence row i added earlier: the consecutive_to sentence_id.
  StrId consecutive_to_id(size_t i) const { return staged_consecutive_[i]; }

  Population Finish();

 private:
  Population pop_;
  std::vector<Enhancement> staged_enhancements_;
  std::vector<uint32_t> staged_enh_first_;
  std::vector<uint32_t> staged_enh_count_;
  std::vector<StrId> staged_consecutive_;
};

// Calls f on every column vector, so that compaction and reordering list the
// columns once.
// C is PeopleColumns or const PeopleColumns.
template <typename C, typename F>
void ForEachColumn(C& c, F&& f) {
  f(c.id); f(c.jurisdiction); f(c.birth_date); f(c.birth_precision); f(c.sex); f(c.race);
  f(c.admission_date); f(c.admission_type); f(c.facility_id); f(c.infractions_5y);
  f(c.medical_high_risk); f(c.source_line);
}

// Every sentence column except enhancement_begin (offsets, rebuilt by Finish).
// C is SentenceColumns or const SentenceColumns.
template <typename C, typename F>
void ForEachRowColumn(C& c, F&& f) {
  f(c.person); f(c.id); f(c.offense_code); f(c.offense_description); f(c.offense_date);
  f(c.sentence_date); f(c.type); f(c.term_days); f(c.min_term_days); f(c.max_term_days);
  f(c.drug_type); f(c.drug_grams); f(c.consecutive_to); f(c.status); f(c.credits_days);
  f(c.projected_release_date); f(c.parole_eligibility_date); f(c.source_line);
}

// C is FacilityColumns or const FacilityColumns.
template <typename C, typename F>
void ForEachFacilityColumn(C& c, F&& f) {
  f(c.id); f(c.name); f(c.jurisdiction); f(c.design_capacity); f(c.housing);
}

}  // namespace clemency

#endif  // CLEMENCY_CORE_POPULATION_BUILDER_H_
