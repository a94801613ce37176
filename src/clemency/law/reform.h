// Sentencing reforms as dated, cited data, loaded from rules/reforms/XX.toml
// (DESIGN.md section 6). A reform says which sentences it touches (offense
// codes or code prefixes, enhancement codes, sentence types, drug type and
// quantity, sentencing dates, offense flags, and flags no sentence of the
// person may carry) and what it does to them (the Effect below). A reform
// with `makes_retroactive` does nothing by itself: it opens a remedy (a court
// or a board) for sentences that other, earlier reforms changed.
//
// The file format is documented at the top of rules/reforms/CA.toml. Loading
// checks every entry and reports the first problem as "FILE:LINE:COLUMN: message".
#ifndef CLEMENCY_LAW_REFORM_H_
#define CLEMENCY_LAW_REFORM_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/law/remedy.h"

namespace clemency {

// What a reform does to a sentence it touches.
enum class EffectKind {
  kRemoveEnhancement,   // the listed enhancements no longer apply
  kShortenEnhancement,  // each listed enhancement now adds at most to_days
  kReclassify,          // the offense is now a misdemeanor: the whole term is at most max_days
  kCapTerm,             // the term is at most max_days
  kLowerMinimum,        // a mandatory minimum fell from from_days to to_days: the term may
                        // fall by the difference, never below to_days (always a range)
  kLifeToYears,         // a life or N-to-life term becomes a term of years
  kRestoreFelony,       // a later law makes some reclassified offenses felonies again: where one
                        // of `restores` applied, the term may again be up to max_days (a range)
  kGuidelineRange,      // a retroactive guideline amendment may lower the range; the data holds no
                        // offense level or criminal history, so the size is not counted: the reform
                        // is listed with its remedy and a note, the term is unchanged
};
inline constexpr std::string_view kEffectKindNames[] = {
    "remove_enhancement", "shorten_enhancement", "reclassify", "cap_term", "lower_minimum", "life_to_years",
    "restore_felony", "guideline_range"};
std::string_view EffectKindName(EffectKind k);

struct ReformMatch {
  std::vector<std::string> offense_codes;      // exact, or a prefix when ending in '*'
  std::vector<std::string> enhancements;       // the sentence has at least one of these
  std::vector<std::string> enhancements_none;  // the sentence has none of these
  std::vector<std::string> sentence_types;     // determinate, indeterminate, life, lwop, death
  std::vector<std::string> drug_types;
  double drug_grams_at_least = -1;             // < 0: no bound
  double drug_grams_below = -1;                // < 0: no bound
  Date sentenced_before;                       // defaults to the effective date, unless offense_before is given
  Date offense_before;                         // the offense was committed before this date (missing: no bound)
  Date sentenced_on_or_after;                  // missing: no bound
  std::vector<std::string> offense_flags_none; // the sentence's offense has none of these
  std::vector<std::string> person_flags_none;  // no sentence of the person has any of these
};

struct ReformEffect {
  EffectKind kind = EffectKind::kCapTerm;
  std::vector<std::string> enhancements;  // remove/shorten: defaults to match.enhancements
  int to_days = 0;                        // shorten_enhancement, lower_minimum
  int from_days = 0;                      // lower_minimum
  int max_days = 0;                       // reclassify, cap_term
  // life_to_years: either the doubled triad of the offense (Prop 36: a second-strike
  // term) or a fixed range in days; max_life keeps life as the highest term.
  bool doubled_triad = false;
  int min_days = 0;
  bool max_life = false;   // (life_to_years with max_days: the new range is min_days..max_days)
  // The count is now punished under this code: later reforms match it there.
  std::string now_code;
  std::vector<std::string> restores;  // restore_felony: the reforms whose reclassification it undoes
  // The court may but need not apply the reduction: the current-law term is a
  // range from the reduced term to the term as imposed.
  bool discretionary = false;
  std::string text;  // plain-language description, e.g. "removes the 1-year prior-prison-term enhancement"
};

// A remedy's filing window: before `opens` no order may take effect (the
// remedy is clemency meanwhile); after `closes` the remedy becomes `after`.
struct RemedyWindow {
  Date opens, closes;
  Remedy after = Remedy::kClemency;  // when `closes` is given: one of kAfterWindowRemedies
  std::string after_text;   // what remains after the window closed
  std::string citation;
  std::string confidence;
};

struct Reform {
  std::string id;
  std::string title;
  std::string citation;
  Date effective;
  bool retroactive = false;      // its own remedy reaches sentences imposed before `effective`
  std::optional<Remedy> remedy;  // when retroactive or makes_retroactive: one of kReformRemedies
  std::string remedy_text;       // how, e.g. "petition for recall and resentencing, PC 1170.18"
  std::optional<RemedyWindow> window;
  std::vector<std::string> makes_retroactive;  // ids of reforms this one makes retroactive
  // A makes_retroactive reform whose remedy is a full resentencing: where it
  // opens the remedy for a sentence, every other reform applied to that
  // sentence is reachable through it too, except those listed.
  bool full_resentencing = false;
  std::vector<std::string> full_resentencing_except;
  std::vector<std::string> assumes;            // conditions the data cannot check, taken as met
  std::vector<std::string> depends_on;         // conditions the data cannot check: the reduction
                                               // becomes a range (reduced .. as imposed)
  std::string confidence;        // primary | secondary | unconfirmed
  ReformMatch match;
  std::optional<ReformEffect> effect;  // absent only for makes_retroactive reforms
};

class ReformSet {
 public:
  // Loads and checks one reforms file. On failure returns nullopt and sets
  // *error to "PATH:LINE:COLUMN: message" (or "PATH: message").
  static std::optional<ReformSet> Load(const std::string& path, std::string* error);
  // RULES_DIR/reforms/XX.toml; rules_dir empty means RulesDir(). A jurisdiction
  // without a reforms file has an empty set (not an error); *error is set only
  // when the file exists and is invalid.
  static std::optional<ReformSet> LoadJurisdiction(std::string_view jurisdiction, std::string* error,
                                                   const std::string& rules_dir = "");
  static std::string PathFor(std::string_view jurisdiction, const std::string& rules_dir = "");

  const std::string& jurisdiction() const { return jurisdiction_; }
  const std::string& path() const { return path_; }  // empty when there is no file
  // The date through which the jurisdiction's law was reviewed (missing when
  // the file does not say): a file with no reforms and a review date says
  // that no reform applies, as of dates up to it.
  Date reviewed_through() const { return reviewed_through_; }
  const std::vector<Reform>& reforms() const { return reforms_; }
  const Reform* Find(std::string_view id) const;
  // Index into reforms() of the reform with this id, or -1.
  int IndexOf(std::string_view id) const;

 private:
  std::string jurisdiction_;
  std::string path_;
  Date reviewed_through_;
  std::vector<Reform> reforms_;
};

}  // namespace clemency

#endif  // CLEMENCY_LAW_REFORM_H_
