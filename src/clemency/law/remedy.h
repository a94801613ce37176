// Where the difference between a sentence as imposed and today's law can be
// claimed (docs/current-law.md, "Remedies"). One table, strongest first: a
// person's remedy is the strongest of their sentences'. A reform's `remedy`
// may be any of the first four; a closed window's `after` one of
// court_good_cause, court_discretionary or clemency. "none" means no reform
// touches the sentence, "unknown" that no reform pack covers its jurisdiction.
#ifndef CLEMENCY_LAW_REMEDY_H_
#define CLEMENCY_LAW_REMEDY_H_

#include <string_view>

namespace clemency {

struct RemedyKind {
  std::string_view name;
  int rank;  // higher is stronger
  std::string_view text;  // plain words, for explanations and docs
};

inline constexpr RemedyKind kRemedyKinds[] = {
    {"court", 5, "a court must rule on a petition or motion, or must act itself"},
    {"board", 4, "a board hears the case on a docket the law opened"},
    {"court_good_cause", 3, "the filing window has closed: a court hears a late petition only on a showing of good cause"},
    {"court_discretionary", 2, "a court may act, on its own motion or on a motion it may decline; the person has no right to a ruling"},
    {"clemency", 1, "only clemency can reach the sentence"},
    {"none", 0, "no reform in force changes the sentence"},
    {"unknown", 0, "no sentencing reforms are encoded for the jurisdiction"},
};

// Values a reform's `remedy` may take, and a closed window's `after`.
inline constexpr std::string_view kReformRemedies[] = {"court", "board", "court_good_cause", "court_discretionary"};
inline constexpr std::string_view kAfterWindowRemedies[] = {"court_good_cause", "court_discretionary", "clemency"};

// The rank of a remedy name; 0 for an empty or unlisted name.
int RemedyRank(std::string_view name);

}  // namespace clemency

#endif  // CLEMENCY_LAW_REMEDY_H_
