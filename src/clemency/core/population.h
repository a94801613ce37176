// The columnar prison population: people, their sentences and facilities, one
// vector per column (DESIGN.md section 3). Sentences are grouped by person, so
// the sentences of person p are the rows SentencesOf(p) = [begin, end), found in
// O(1). Strings are interned in one StringPool. A missing optional value is a
// sentinel (kMissingInt, a missing Date, kNoStr, NaN, kUnknownFlag), never zero.
//
// A Population is built by PopulationBuilder (rows in any order) and is
// read-only afterwards; or it is opened from a snapshot, its columns viewing
// the mapped file (io/population_snapshot.h), which it keeps alive.
#ifndef CLEMENCY_CORE_POPULATION_H_
#define CLEMENCY_CORE_POPULATION_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "clemency/core/codes.h"
#include "clemency/core/date.h"
#include "clemency/core/population_column.h"
#include "clemency/core/string_pool.h"

namespace clemency {

inline constexpr int32_t kMissingInt = std::numeric_limits<int32_t>::min();
inline constexpr uint32_t kNoIndex = UINT32_MAX;
inline constexpr int8_t kUnknownFlag = -1;

struct Enhancement {
  StrId code;
  int32_t days;
};

struct IndexRange {
  uint32_t begin;
  uint32_t end;
  uint32_t size() const { return end - begin; }
};

struct PeopleColumns {
  PopulationColumn<StrId> id;
  PopulationColumn<StrId> jurisdiction;
  PopulationColumn<Date> birth_date;
  PopulationColumn<BirthPrecision> birth_precision;
  PopulationColumn<Sex> sex;
  PopulationColumn<Race> race;
  PopulationColumn<Date> admission_date;
  PopulationColumn<AdmissionType> admission_type;  // kUnknown when not given
  PopulationColumn<StrId> facility_id;             // kNoStr when not given
  PopulationColumn<int32_t> infractions_5y;        // kMissingInt when not given
  PopulationColumn<int8_t> medical_high_risk;      // 0, 1 or kUnknownFlag
  PopulationColumn<uint32_t> source_line;          // line in people.csv
};

struct SentenceColumns {
  PopulationColumn<uint32_t> person;  // index into people
  PopulationColumn<StrId> id;
  PopulationColumn<StrId> offense_code;
  PopulationColumn<StrId> offense_description;
  PopulationColumn<Date> offense_date;
  PopulationColumn<Date> sentence_date;
  PopulationColumn<SentenceType> type;
  PopulationColumn<int32_t> term_days;
  PopulationColumn<int32_t> min_term_days;
  PopulationColumn<int32_t> max_term_days;
  PopulationColumn<uint32_t> enhancement_begin;  // size()+1 offsets into enhancements
  PopulationColumn<StrId> drug_type;
  PopulationColumn<double> drug_grams;        // NaN when not given
  PopulationColumn<uint32_t> consecutive_to;  // sentence index, kNoIndex when not given
  PopulationColumn<SentenceStatus> status;
  PopulationColumn<int32_t> credits_days;
  PopulationColumn<Date> projected_release_date;
  PopulationColumn<Date> parole_eligibility_date;
  PopulationColumn<uint32_t> source_line;  // line in sentences.csv

  size_t size() const { return person.size(); }
};

struct FacilityColumns {
  PopulationColumn<StrId> id;
  PopulationColumn<StrId> name;
  PopulationColumn<StrId> jurisdiction;
  PopulationColumn<int32_t> design_capacity;  // kMissingInt when not given
  PopulationColumn<Housing> housing;
};

class Population {
 public:
  size_t people_count() const { return people.id.size(); }
  size_t sentence_count() const { return sentences.size(); }
  size_t facility_count() const { return facilities.id.size(); }

  IndexRange SentencesOf(uint32_t person) const {
    return {sentence_begin_[person], sentence_begin_[person + 1]};
  }
  IndexRange EnhancementsOf(uint32_t sentence) const {
    return {sentences.enhancement_begin[sentence], sentences.enhancement_begin[sentence + 1]};
  }
  // The person with this person_id, or kNoIndex.
  uint32_t FindPerson(std::string_view person_id) const;

  std::string_view str(StrId id) const { return strings.View(id); }

  // Approximate heap bytes held by all columns and strings.
  size_t bytes_used() const;

  StringPool strings;
  PeopleColumns people;
  SentenceColumns sentences;  // grouped by person, in input order within a person
  PopulationColumn<Enhancement> enhancements;
  FacilityColumns facilities;

 private:
  friend class PopulationBuilder;
  friend struct SnapshotAccess;  // io/population_snapshot.cc
  std::shared_ptr<const void> backing_;      // the mapped snapshot, if any
  PopulationColumn<uint32_t> sentence_begin_{0};  // people_count()+1 offsets
  PopulationColumn<uint32_t> person_by_str_;      // StrId -> person index (kNoIndex if none)
};

}  // namespace clemency

#endif  // CLEMENCY_CORE_POPULATION_H_
