#include "clemency/policy/facts.h"

namespace clemency {
namespace {

using enum ValueType;
constexpr Scope P = Scope::kPerson;
constexpr Scope S = Scope::kSentence;

constexpr FactInfo kFacts[] = {
    {Fact::kAsOf, "as_of", kDate, P, "the as-of date of the screening"},
    {Fact::kBirthDate, "birth_date", kDate, P, "date of birth"},
    {Fact::kAdmissionDate, "admission_date", kDate, P, "start of the current continuous incarceration"},
    {Fact::kAge, "age", kSpan, P, "from birth_date to as_of"},
    {Fact::kTimeServed, "time_served", kSpan, P, "from admission_date to as_of"},
    {Fact::kServedFraction, "served_fraction", kNumber, P,
     "time served divided by the current-law term; unknown when the term is unknown (life, indeterminate without maximum)"},
    {Fact::kRemaining, "remaining", kSpan, P,
     "from as_of to the latest projected_release_date of the active sentences; unknown when any is missing"},
    {Fact::kMostSeriousCategory, "most_serious_category", kString, P,
     "category of the most serious active offense: violent, sex, property, drug_distribution, drug_possession, public_order, other"},
    {Fact::kActiveSentences, "active_sentences", kInt, P, "number of active sentences"},
    {Fact::kImposedTerm, "imposed_term", kDuration, P,
     "the imposed term of the active sentences (consecutive ones added, concurrent ones the longest); unknown for life, LWOP, death or an indeterminate term without maximum"},
    {Fact::kCurrentLawTerm, "current_law.term", kDuration, P,
     "the imposed term recomputed under the reforms in force on as_of (rules/reforms), at the highest the law allows; equal to imposed_term when no reform applies"},
    {Fact::kCurrentLawTermLow, "current_law.term_low", kDuration, P,
     "the lowest current-law term a court could give (below current_law.term when a reform is discretionary or depends on something the data does not record)"},
    {Fact::kCurrentLawExcess, "current_law.excess", kDuration, P,
     "imposed_term minus current_law.term, never negative: the excess the law guarantees; unknown when a reform may but need not shorten the term, when a life term meets a term of years, or when no reforms are encoded for the jurisdiction; 0 when no encoded reform touches an active sentence"},
    {Fact::kCurrentLawExcessMax, "current_law.excess_max", kDuration, P,
     "imposed_term minus current_law.term_low: the most a court could take off; unknown against a life term"},
    {Fact::kCurrentLawRemedy, "current_law.remedy", kString, P,
     "where the excess can be claimed, the strongest of the active sentences': court (a retroactive reform), board (a board docket a reform created), court_good_cause (a court remedy whose filing window has closed), court_discretionary (a court may act but need not, e.g. PC 1172.1 after AB 600), clemency (only clemency reaches it), none (no reform touches an active sentence), unknown (no reforms are encoded for the jurisdiction: the excess is unknown too); docs/current-law.md"},
    {Fact::kAdmissionTypeFact, "admission_type", kString, P,
     "new_sentence, technical_violation, new_offense_violation, other; unknown when not given"},
    {Fact::kSexFact, "sex", kString, P, "F, M, X or U"},
    {Fact::kRaceFact, "race", kString, P, "black, white, hispanic, native, asian, pacific, other, unknown"},
    {Fact::kJurisdiction, "jurisdiction", kString, P, "US or a two-letter state code"},
    {Fact::kClemencyAuthority, "clemency_authority", kString, P,
     "who can commute in the person's jurisdiction (rules/jurisdictions): executive_alone, executive_may_consult_board, executive_must_consult_board, executive_needs_board_consent, executive_on_board, board_alone"},
    {Fact::kVoteRestoration, "vote_restoration", kString, P,
     "when the vote returns after a felony in the person's jurisdiction: never_lost, on_release, after_sentence, indefinite_or_application, state_of_residence"},
    {Fact::kFacilityId, "facility_id", kString, P, "facility; unknown when not given"},
    {Fact::kInfractions5y, "infractions_5y", kInt, P, "disciplinary convictions in the last 5 years"},
    {Fact::kMedicalHighRisk, "medical_high_risk", kBool, P, "medically high risk"},
    {Fact::kSOffenseCode, "s.offense_code", kString, S, "jurisdiction-qualified statute code"},
    {Fact::kSCategory, "s.category", kString, S,
     "offense category from the jurisdiction's catalog; unknown when the code is not in it"},
    {Fact::kSFlags, "s.flags", kFlagSet, S,
     "catalog flags of the offense (violent_felony, serious_felony, sex_registrable, ...); unknown when the code is not in the catalog"},
    {Fact::kSType, "s.type", kString, S, "determinate, indeterminate, life, lwop, death"},
    {Fact::kSStatus, "s.status", kString, S, "active or served"},
    {Fact::kSActive, "s.active", kBool, S, "status is active"},
    {Fact::kSTerm, "s.term", kDuration, S,
     "term_days (determinate) or max_term_days (indeterminate); unknown for life, LWOP, death"},
    {Fact::kSMinTerm, "s.min_term", kDuration, S, "min_term_days of an indeterminate sentence"},
    {Fact::kSSentenceDate, "s.sentence_date", kDate, S, "date of sentencing"},
    {Fact::kSOffenseDate, "s.offense_date", kDate, S, "date of the offense"},
    {Fact::kSProjectedRelease, "s.projected_release_date", kDate, S, "as the agency computes it"},
    {Fact::kSParoleEligibility, "s.parole_eligibility_date", kDate, S, "as the agency computes it"},
    {Fact::kSDrugType, "s.drug_type", kString, S, "drug type, for quantity-based reforms"},
    {Fact::kSDrugGrams, "s.drug_grams", kNumber, S, "drug quantity in grams"},
    {Fact::kSEnhancements, "s.enhancements", kFlagSet, S, "codes of the enhancements imposed"},
    {Fact::kSEnhancementDays, "s.enhancement_days", kDuration, S, "total days of the enhancements"},
    {Fact::kSAgeAtOffense, "s.age_at_offense", kSpan, S, "from birth_date to offense_date"},
    {Fact::kSCurrentLawTerm, "s.current_law.term", kDuration, S,
     "this sentence's term under current law, at the highest; unknown for a life term no reform changes"},
    {Fact::kSCurrentLawTermLow, "s.current_law.term_low", kDuration, S, "the lowest current-law term of this sentence"},
    {Fact::kSCurrentLawExcess, "s.current_law.excess", kDuration, S,
     "s.term minus s.current_law.term, never negative (as current_law.excess, for this sentence)"},
    {Fact::kSCurrentLawRemedy, "s.current_law.remedy", kString, S,
     "court, board, court_good_cause, court_discretionary, clemency, or none when no reform touches this sentence"},
    {Fact::kSCurrentLawReclassified, "s.current_law.reclassified", kBool, S,
     "a reform in force made this offense a misdemeanor (Prop 47, SQ 780)"},
};

// One row per Fact, in enum order: InfoOf is an index, and a Fact without a
// row does not build.
static_assert(OneRowPerFact(kFacts), "kFacts needs exactly one row per Fact, in enum order");

}  // namespace

std::string_view TypeName(ValueType t) {
  switch (t) {
    case kBool: return "bool";
    case kInt: return "int";
    case kNumber: return "number";
    case kString: return "string";
    case kDate: return "date";
    case kDuration: return "duration";
    case kSpan: return "span of time";
    case kFlagSet: return "set";
    case kList: return "list";
  }
  return "?";
}

std::string ATypeName(ValueType t) {
  const std::string_view name = TypeName(t);
  return std::string(name.find_first_of("aeiou") == 0 ? "an " : "a ") + std::string(name);
}

std::span<const FactInfo> AllFacts() { return kFacts; }

const FactInfo& InfoOf(Fact fact) { return kFacts[static_cast<size_t>(fact)]; }

std::string_view FactName(Fact fact) { return InfoOf(fact).name; }

const FactInfo* FindFact(std::string_view name) {
  for (const FactInfo& f : kFacts)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace clemency
