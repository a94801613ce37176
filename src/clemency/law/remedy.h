// Where the difference between a sentence as imposed and today's law can be
// claimed (docs/current-law.md, "Remedies"). One table, strongest first: a
// person's remedy is the strongest of their sentences'. A reform's `remedy`
// may be any of the first four; a closed window's `after` one of
// court_good_cause, court_discretionary or clemency. "none" means no reform
// touches the sentence, "unknown" that no reform pack covers its jurisdiction.
#ifndef CLEMENCY_LAW_REMEDY_H_
#define CLEMENCY_LAW_REMEDY_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace clemency {

enum class Remedy : uint8_t { kCourt, kBoard, kCourtGoodCause, kCourtDiscretionary, kClemency, kNone, kUnknown };

struct RemedyKind {
  Remedy remedy;
  std::string_view name;
  int rank;  // higher is stronger
  std::string_view text;  // plain words, for explanations and docs
};

// Indexed by Remedy.
inline constexpr RemedyKind kRemedyKinds[] = {
    {Remedy::kCourt, "court", 5, "a court must rule on a petition or motion, or must act itself"},
    {Remedy::kBoard, "board", 4, "a board hears the case on a docket the law opened"},
    {Remedy::kCourtGoodCause, "court_good_cause", 3,
     "the filing window has closed: a court hears a late petition only on a showing of good cause"},
    {Remedy::kCourtDiscretionary, "court_discretionary", 2,
     "a court may act, on its own motion or on a motion it may decline; the person has no right to a ruling"},
    {Remedy::kClemency, "clemency", 1, "only clemency can reach the sentence"},
    {Remedy::kNone, "none", 0, "no reform in force changes the sentence"},
    {Remedy::kUnknown, "unknown", 0, "no sentencing reforms are encoded for the jurisdiction"},
};

// Values a reform's `remedy` may take, and a closed window's `after`.
inline constexpr Remedy kReformRemedies[] = {Remedy::kCourt, Remedy::kBoard, Remedy::kCourtGoodCause,
                                             Remedy::kCourtDiscretionary};
inline constexpr Remedy kAfterWindowRemedies[] = {Remedy::kCourtGoodCause, Remedy::kCourtDiscretionary,
                                                  Remedy::kClemency};

inline const RemedyKind& KindOf(Remedy r) { return kRemedyKinds[static_cast<size_t>(r)]; }
inline std::string_view RemedyName(Remedy r) { return KindOf(r).name; }
// Whether a is a stronger remedy than b.
inline bool Stronger(Remedy a, Remedy b) { return KindOf(a).rank > KindOf(b).rank; }
// The remedy of a name in the table.
std::optional<Remedy> ParseRemedy(std::string_view name);

}  // namespace clemency

#endif  // CLEMENCY_LAW_REMEDY_H_
