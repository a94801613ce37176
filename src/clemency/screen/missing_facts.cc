#include "clemency/screen/missing_facts.h"

#include <cmath>

namespace clemency {

bool FactMissing(const FactTable& t, Fact fact, uint32_t row) {
  switch (fact) {
    // person
    case Fact::kBirthDate:
    case Fact::kAge: return t.birth[row] == kNa;
    case Fact::kAdmissionDate:
    case Fact::kTimeServed: return t.admission[row] == kNa;
    case Fact::kRemaining: return t.release[row] == kNa;
    case Fact::kServedFraction: return t.current_law_term[row] == kNa || t.current_law_term[row] <= 0;
    case Fact::kMostSeriousCategory: return t.most_serious_category[row] == kNa;
    case Fact::kImposedTerm: return t.imposed_term[row] == kNa;
    case Fact::kCurrentLawTerm: return t.current_law_term[row] == kNa;
    case Fact::kCurrentLawTermLow: return t.current_law_term_low[row] == kNa;
    case Fact::kCurrentLawExcess: return t.current_law_excess[row] == kNa;
    case Fact::kCurrentLawExcessMax: return t.current_law_excess_max[row] == kNa;
    case Fact::kAdmissionTypeFact: return t.admission_type[row] == kNa;
    case Fact::kClemencyAuthority: return t.clemency_authority[row] == kNa;
    case Fact::kVoteRestoration: return t.vote_restoration[row] == kNa;
    case Fact::kFacilityId: return t.facility_id[row] == kNa;
    case Fact::kInfractions5y: return t.infractions_5y[row] == kNa;
    case Fact::kMedicalHighRisk: return t.medical_high_risk[row] == kUnknownBool;
    // sentence
    case Fact::kSCategory: return t.category[row] == kNa;
    case Fact::kSFlags: return t.flags_known[row] != kAllOffenseFlags;  // some flag unknown (a partial entry)
    case Fact::kSTerm: return t.term[row] == kNa;
    case Fact::kSMinTerm: return t.min_term[row] == kNa;
    case Fact::kSSentenceDate: return t.sentence_date[row] == kNa;
    case Fact::kSOffenseDate:
    case Fact::kSAgeAtOffense: return t.offense_date[row] == kNa;
    case Fact::kSProjectedRelease: return t.projected_release[row] == kNa;
    case Fact::kSParoleEligibility: return t.parole_eligibility[row] == kNa;
    case Fact::kSDrugType: return t.drug_type[row] == kNa;
    case Fact::kSDrugGrams: return std::isnan(t.drug_grams[row]);
    case Fact::kSCurrentLawTerm: return t.s_current_law_term[row] == kNa;
    case Fact::kSCurrentLawTermLow: return t.s_current_law_term_low[row] == kNa;
    case Fact::kSCurrentLawExcess: return t.s_current_law_excess[row] == kNa;
    default: return false;
  }
}

namespace {

std::string WithCode(const FactTable& t, Fact fact, uint32_t sentence) {
  return std::string(FactName(fact)) + "[" + std::string(t.strings.View(static_cast<StrId>(t.offense_code[sentence]))) + "]";
}

}  // namespace

void AppendMissingNames(const FactTable& t, Fact fact, uint32_t row, std::vector<std::string>& out) {
  if (fact == Fact::kSCategory || fact == Fact::kSFlags) {
    out.push_back(WithCode(t, fact, row));
    return;
  }
  if (fact == Fact::kMostSeriousCategory) {
    const size_t before = out.size();
    for (uint32_t s = t.sentence_begin[row]; s < t.sentence_begin[row + 1]; ++s)
      if (t.active[s] == kTrue && !t.in_catalog[s]) out.push_back(WithCode(t, fact, s));
    if (out.size() > before) return;
  }
  out.emplace_back(FactName(fact));
}

bool PersonLacks(const FactTable& t, Fact fact, uint32_t person) {
  if (InfoOf(fact).scope == Scope::kPerson) return FactMissing(t, fact, person);
  for (uint32_t s = t.sentence_begin[person]; s < t.sentence_begin[person + 1]; ++s)
    if (t.active[s] == kTrue && FactMissing(t, fact, s)) return true;
  return false;
}

}  // namespace clemency
