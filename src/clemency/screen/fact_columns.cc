#include "clemency/screen/fact_columns.h"

#include <cmath>
#include <limits>

namespace clemency {

double ServedFraction(const FactTable& t, uint32_t person, int64_t as_of) {
  const int64_t term = t.current_law_term[person];
  if (term == kNa || term <= 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(as_of - t.admission[person]) / static_cast<double>(term);
}

namespace {

// served_fraction(x) = (x - admission) / term reaches v on x = admission + v * term.
double ServedFractionReachedOn(const FactTable& t, uint32_t person, double value) {
  return static_cast<double>(t.admission[person]) + value * static_cast<double>(t.current_law_term[person]);
}

using FT = FactTable;
using S = Storage;

constexpr FactColumn Other(Fact f, Storage s) {
  FactColumn e;
  e.fact = f;
  e.storage = s;
  return e;
}
constexpr FactColumn Int(Fact f, IntColumn c) {
  FactColumn e = Other(f, S::kInt);
  e.ints = c;
  return e;
}
constexpr FactColumn Bool(Fact f, std::vector<uint8_t> FT::* c) {
  FactColumn e = Other(f, S::kBool);
  e.bools = c;
  return e;
}
constexpr FactColumn Number(Fact f, std::vector<double> FT::* c) {
  FactColumn e = Other(f, S::kNumber);
  e.numbers = c;
  return e;
}
constexpr FactColumn Span(Fact f, SpanEnd start, SpanEnd end) {
  FactColumn e = Other(f, S::kSpan);
  e.start = start;
  e.end = end;
  return e;
}
constexpr FactColumn Computed(Fact f, ComputeFn compute, ReachedOnFn reached_on, int decimals) {
  FactColumn e = Other(f, S::kComputed);
  e.compute = compute;
  e.reached_on = reached_on;
  e.decimals = decimals;
  return e;
}
constexpr SpanEnd Col(IntColumn c) { return {c, false}; }
constexpr SpanEnd PersonCol(IntColumn c) { return {c, true}; }
constexpr SpanEnd kAsOfDay{};

constexpr FactColumn kColumns[] = {
    // person
    Other(Fact::kAsOf, S::kAsOf),
    Int(Fact::kBirthDate, &FT::birth),
    Int(Fact::kAdmissionDate, &FT::admission),
    Span(Fact::kAge, Col(&FT::birth), kAsOfDay),
    Span(Fact::kTimeServed, Col(&FT::admission), kAsOfDay),
    Computed(Fact::kServedFraction, ServedFraction, ServedFractionReachedOn, 3),
    Span(Fact::kRemaining, kAsOfDay, Col(&FT::release)),
    Int(Fact::kMostSeriousCategory, &FT::most_serious_category),
    Int(Fact::kActiveSentences, &FT::active_sentences),
    Int(Fact::kImposedTerm, &FT::imposed_term),
    Int(Fact::kCurrentLawTerm, &FT::current_law_term),
    Int(Fact::kCurrentLawTermLow, &FT::current_law_term_low),
    Int(Fact::kCurrentLawExcess, &FT::current_law_excess),
    Int(Fact::kCurrentLawExcessMax, &FT::current_law_excess_max),
    Int(Fact::kCurrentLawRemedy, &FT::current_law_remedy),
    Int(Fact::kAdmissionTypeFact, &FT::admission_type),
    Int(Fact::kSexFact, &FT::sex),
    Int(Fact::kRaceFact, &FT::race),
    Int(Fact::kJurisdiction, &FT::jurisdiction),
    Int(Fact::kClemencyAuthority, &FT::clemency_authority),
    Int(Fact::kVoteRestoration, &FT::vote_restoration),
    Int(Fact::kFacilityId, &FT::facility_id),
    Int(Fact::kInfractions5y, &FT::infractions_5y),
    Bool(Fact::kMedicalHighRisk, &FT::medical_high_risk),
    // sentence
    Int(Fact::kSOffenseCode, &FT::offense_code),
    Int(Fact::kSCategory, &FT::category),
    Other(Fact::kSFlags, S::kFlagMask),
    Int(Fact::kSType, &FT::type),
    Int(Fact::kSStatus, &FT::status),
    Bool(Fact::kSActive, &FT::active),
    Int(Fact::kSTerm, &FT::term),
    Int(Fact::kSMinTerm, &FT::min_term),
    Int(Fact::kSSentenceDate, &FT::sentence_date),
    Int(Fact::kSOffenseDate, &FT::offense_date),
    Int(Fact::kSProjectedRelease, &FT::projected_release),
    Int(Fact::kSParoleEligibility, &FT::parole_eligibility),
    Int(Fact::kSDrugType, &FT::drug_type),
    Number(Fact::kSDrugGrams, &FT::drug_grams),
    Other(Fact::kSEnhancements, S::kEnhancements),
    Int(Fact::kSEnhancementDays, &FT::enhancement_days),
    Span(Fact::kSAgeAtOffense, PersonCol(&FT::birth), Col(&FT::offense_date)),
    Int(Fact::kSCurrentLawTerm, &FT::s_current_law_term),
    Int(Fact::kSCurrentLawTermLow, &FT::s_current_law_term_low),
    Int(Fact::kSCurrentLawExcess, &FT::s_current_law_excess),
    Int(Fact::kSCurrentLawRemedy, &FT::s_current_law_remedy),
    Bool(Fact::kSCurrentLawReclassified, &FT::s_reclassified),
};

// One entry per Fact, in enum order, so that ColumnOf is an index and a new
// Fact without an entry does not build.
static_assert(OneRowPerFact(kColumns), "kColumns needs exactly one entry per Fact, in enum order");

}  // namespace

const FactColumn& ColumnOf(Fact fact) { return kColumns[static_cast<size_t>(fact)]; }

std::span<const FactColumn> AllFactColumns() { return kColumns; }

int64_t SpanEndAt(const FactTable& t, const SpanEnd& end, uint32_t row) {
  if (end.is_as_of()) return t.as_of.days();
  return (t.*end.column)[end.of_person ? t.sentence_person[row] : row];
}

double NumberAt(const FactTable& t, const FactColumn& c, uint32_t row) {
  if (c.storage == Storage::kComputed) return c.compute(t, row, t.as_of.days());
  return (t.*c.numbers)[row];
}

}  // namespace clemency
