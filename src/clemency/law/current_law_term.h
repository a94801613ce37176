// The current-law term of one sentence (DESIGN.md section 6): every reform
// in force on the as-of date, applied in file order to the sentence as
// imposed. The result is a range [low, high]: equal when the law fixes the
// new term, apart when a court may but need not reduce it (a discretionary
// enhancement, a lowered mandatory minimum) or when a condition the data does
// not record decides it (a reform's depends_on, a missing drug quantity, an
// offense not in the catalog). A term is a number of days, kLifeTerm, or
// kUnknownTerm.
//
// The excess is imposed minus current law, never negative: excess_min is what
// the law guarantees (imposed - high), excess_max what a court could give
// (imposed - low). For an indeterminate term without maximum the minimum term
// stands in for the imposed term in excess_min; against a life term the
// excess is kUnknownTerm unless the current-law term is also life.
//
// The remedy is where the difference can be claimed (law/remedy.h): the
// reform's own when it is retroactive, or that of a later reform that makes
// it retroactive (in force on the as-of date and reaching this sentence's
// dates), else "clemency"; the strongest wins. A remedy's window changes it:
// before the window opens it is clemency, after it closes its `after` value.
// A full resentencing (SB 483) opens every other reform applied to the
// sentence at its remedy. An opener's depends_on makes what it opens a range.
#ifndef CLEMENCY_LAW_CURRENT_LAW_TERM_H_
#define CLEMENCY_LAW_CURRENT_LAW_TERM_H_

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/codes.h"
#include "clemency/core/date.h"
#include "clemency/core/unknown.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/reform.h"

namespace clemency {

inline constexpr int64_t kLifeTerm = std::numeric_limits<int64_t>::max() / 4;
inline constexpr int64_t kUnknownTerm = kUnknown64;  // core/unknown.h

struct EnhancementDays {
  std::string_view code;
  int64_t days;
};

// One sentence as imposed.
struct ImposedSentence {
  std::string_view offense_code;
  SentenceType type = SentenceType::kDeterminate;
  int64_t term_days = kUnknownTerm;      // determinate term, or an indeterminate maximum
  int64_t min_term_days = kUnknownTerm;  // indeterminate minimum
  std::span<const EnhancementDays> enhancements;
  std::string_view drug_type;            // empty when not given
  double drug_grams = -1;                // < 0 (or NaN) when not given
  Date sentence_date;
  Date offense_date;
};

// A note on an applied reform: what the data could not settle, an assumption
// made, or how the remedy was reached. Some come from this sentence's data (its
// drug quantity is not recorded); the others restate the reform itself (its
// assumes, depends_on, window or full resentencing), which compact reasons
// leave to policy.json.
struct ReformNote {
  std::string text;
  bool from_reform = false;  // the same for every sentence the reform touches
};

struct AppliedReform {
  int reform = -1;         // index into ReformSet::reforms()
  int opened_by = -1;      // the makes_retroactive reform that opened the remedy, or -1
  Remedy remedy = Remedy::kClemency;  // kNone for a restore_felony
  int64_t low = 0, high = 0;  // the current-law range after this reform
  std::vector<ReformNote> notes;

  void NoteData(std::string text) { notes.push_back({std::move(text), false}); }
  void NoteReform(std::string text) { notes.push_back({std::move(text), true}); }
};

struct CurrentLawTerm {
  int64_t imposed = kUnknownTerm;  // days, or kLifeTerm
  int64_t low = kUnknownTerm, high = kUnknownTerm;
  int64_t excess_min = 0, excess_max = 0;
  std::vector<AppliedReform> applied;
  std::optional<Remedy> remedy;  // the strongest of the applied reforms'; empty when none applies
  bool reclassified = false;  // a reform made the offense a misdemeanor
  bool changed() const { return !applied.empty(); }
};

// Computes current-law terms for one jurisdiction. The catalog may be null
// (no catalog: offense flags and triads are unknown).
class CurrentLawCalculator {
 public:
  CurrentLawCalculator(const OffenseCatalog* catalog, const ReformSet& reforms, Date as_of);

  // person_offenses: the catalog entry of every sentence of the person
  // (active or served, this one included), null for a code not in the catalog.
  CurrentLawTerm Compute(const ImposedSentence& s, std::span<const Offense* const> person_offenses) const;

  // Fast pre-filters: whether a reform in force could touch a sentence for
  // this offense code, or a sentence carrying this enhancement code. A
  // sentence for which both are false for all its codes keeps its term.
  bool OffenseMayBeTouched(std::string_view offense_code) const;
  bool EnhancementMayBeTouched(std::string_view enhancement_code) const;

  const ReformSet& reforms() const { return reforms_; }

 private:
  // The remedy reform `ri` has for this sentence, and whether an opener's
  // depends_on makes the reduction a range.
  void ChooseRemedy(int ri, const ImposedSentence& s, AppliedReform* a, bool* range) const;
  // The remedy a retroactive or opening reform offers on the as-of date, and
  // the note saying why when its window is not open ("" when it is).
  struct WindowRemedy {
    Remedy remedy;
    std::string note;
  };
  WindowRemedy WindowedRemedy(const Reform& r) const;
  void OpenFullResentencing(CurrentLawTerm* out) const;

  const OffenseCatalog* catalog_;
  const ReformSet& reforms_;
  Date as_of_;
  std::vector<int> in_force_;  // reforms with an effect, effective on or before as_of
};

// "3 years 2 months 5 days"-free plain text of a term: "1,095 days", "life", "unknown".
std::string TermText(int64_t days);

}  // namespace clemency

#endif  // CLEMENCY_LAW_CURRENT_LAW_TERM_H_
