// The facts a policy expression can name, with their types (DESIGN.md
// section 6). The policy layer knows only the names and types; the screen
// layer computes their values from a Population.
//
// Person facts are plain names (age, time_served); sentence facts start with
// "s." and may only appear inside any/all/count/min/max/sum, which range over
// the person's sentences.
#ifndef CLEMENCY_POLICY_FACTS_H_
#define CLEMENCY_POLICY_FACTS_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace clemency {

enum class ValueType {
  kBool,
  kInt,
  kNumber,
  kString,
  kDate,
  kDuration,  // a length of time: whole months plus days
  kSpan,      // the time between two dates (age, time served): compared with a
              // duration on the calendar (age >= 55 years: as_of >= birth + 55 years)
  kFlagSet,   // a set of strings tested with `has`
  kList,      // a literal list, only on the right of `in`
};

std::string_view TypeName(ValueType t);
// The type name with its article, for messages: "a number", "an int".
std::string ATypeName(ValueType t);

enum class Scope { kPerson, kSentence };

enum class Fact {
  // person
  kAsOf, kBirthDate, kAdmissionDate, kAge, kTimeServed, kServedFraction, kRemaining,
  kMostSeriousCategory, kActiveSentences, kImposedTerm, kCurrentLawTerm, kCurrentLawTermLow,
  kCurrentLawExcess, kCurrentLawExcessMax, kCurrentLawRemedy,
  kAdmissionTypeFact, kSexFact, kRaceFact, kJurisdiction, kClemencyAuthority, kVoteRestoration, kFacilityId, kInfractions5y, kMedicalHighRisk,
  // sentence
  kSOffenseCode, kSCategory, kSFlags, kSType, kSStatus, kSActive, kSTerm, kSMinTerm,
  kSSentenceDate, kSOffenseDate, kSProjectedRelease, kSParoleEligibility, kSDrugType,
  kSDrugGrams, kSEnhancements, kSEnhancementDays, kSAgeAtOffense, kSCurrentLawTerm,
  kSCurrentLawTermLow, kSCurrentLawExcess, kSCurrentLawRemedy, kSCurrentLawReclassified,
  kCount,  // not a fact: the number of facts (each table over facts checks it has one row per fact)
};

struct FactInfo {
  Fact fact;
  std::string_view name;
  ValueType type;
  Scope scope;
  std::string_view meaning;
};

// Whether a table over facts has exactly one row per Fact, in enum order
// (rows[i].fact == Fact(i)): for a static_assert beside each such table.
template <typename Row, size_t N>
constexpr bool OneRowPerFact(const Row (&rows)[N]) {
  if (N != static_cast<size_t>(Fact::kCount)) return false;
  for (size_t i = 0; i < N; ++i)
    if (rows[i].fact != static_cast<Fact>(i)) return false;
  return true;
}

std::span<const FactInfo> AllFacts();
const FactInfo* FindFact(std::string_view name);
const FactInfo& InfoOf(Fact fact);
std::string_view FactName(Fact fact);  // as written in expressions: "s.category"

}  // namespace clemency

#endif  // CLEMENCY_POLICY_FACTS_H_
