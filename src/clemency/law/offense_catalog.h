// A jurisdiction's offense catalog, loaded from rules/offenses/XX.toml
// (DESIGN.md section 6): for each statute code its title, category, the BJS
// offense subcategory it is counted under, statutory flags, the felony
// sentencing triad or life term, and a citation; plus the sentence
// enhancements the jurisdiction uses, with their length in days.
//
// The file format is documented at the top of rules/offenses/CA.toml. Loading
// checks every entry (required keys, closed vocabularies, unique codes, the
// jurisdiction prefix, a well-formed triad) and reports the first problem as
// "FILE:LINE:COLUMN: message".
#ifndef CLEMENCY_LAW_OFFENSE_CATALOG_H_
#define CLEMENCY_LAW_OFFENSE_CATALOG_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <map>
#include <vector>

#include "clemency/io/regex.h"
#include "clemency/law/offense_code.h"

namespace clemency {

// The offense categories of DESIGN.md section 6.
inline constexpr std::string_view kOffenseCategories[] = {
    "violent", "sex", "property", "drug_possession", "drug_distribution", "public_order", "other"};

// The most-serious-offense subcategories of BJS Prisoners in 2022, Table 16,
// in the table's row order.
inline constexpr std::string_view kBjsOffenses[] = {
    "murder",        "negligent_manslaughter", "rape_sexual_assault", "robbery",
    "assault",       "other_violent",          "burglary",            "larceny_theft",
    "motor_vehicle_theft", "fraud",           "other_property",      "drug_possession",
    "drug_other",    "weapons",                "dui",                 "other_public_order",
    "other_unspecified"};
inline constexpr size_t kNumBjsOffenses = std::size(kBjsOffenses);

// The BJS Table 18 category of a Table 16 subcategory: violent, property,
// drug, public_order or other_unspecified.
std::string_view BjsCategoryOf(std::string_view bjs_offense);
// Index of a subcategory in kBjsOffenses, or -1.
int BjsOffenseIndex(std::string_view bjs_offense);

// Statutory flags an offense may carry.
inline constexpr std::string_view kOffenseFlags[] = {
    "violent_felony",     // CA PC 667.5(c)
    "serious_felony",     // CA PC 1192.7(c)
    "sex_registrable",    // CA PC 290(c): conviction requires registration
    "super_strike",       // CA PC 667(e)(2)(C)(iv)
    "registrant",         // conviction shows the person is already required to register
    "domestic_violence",  // a domestic-violence offense
    "crime_of_violence",  // 18 U.S.C. 16: has the use of force as an element (federal)
    "fsa_ineligible",     // listed in 18 U.S.C. 3632(d)(4)(D): no First Step Act time credits
    "forcible_felony",    // Iowa Code 702.11
    "misdemeanor",        // the offense as catalogued is a misdemeanor (e.g. Iowa Code 903.1)
    "ok_85_percent",      // 21 O.S. 13.1: serve 85% before parole or credits (Oklahoma)
};

struct Offense {
  std::string code;         // jurisdiction-qualified, e.g. "CA:PC 459 1st"
  std::string title;
  std::string category;     // one of kOffenseCategories
  std::string bjs_offense;  // one of kBjsOffenses
  std::vector<std::string> flags;
  // Flags this entry cannot settle (the generic catalog: a state's own
  // definition decides); every flag in neither list is certainly false.
  std::vector<std::string> unknown_flags;
  // Felony sentencing triad in months; all three 0 when the offense has none.
  int triad_lower_months = 0;
  int triad_middle_months = 0;
  int triad_upper_months = 0;
  // A statutory life term (e.g. 25 years to life). life_kind is
  // "indeterminate" (N years to life) or "life" (life with the possibility of
  // parole, minimum life_min_years before parole eligibility).
  bool life = false;
  int life_min_years = 0;
  std::string life_kind;
  // Life without parole or death is possible (e.g. special circumstances).
  bool lwop_eligible = false;
  // Felony class as the jurisdiction names it (free-form: Iowa "A".."D",
  // "aggravated_misdemeanor", ...; federal "A".."E" per 18 U.S.C. 3559(a));
  // empty when the catalog gives none.
  std::string felony_class;
  // Statutory range of imprisonment in months: a mandatory minimum (0 when
  // none) and a maximum (0 when none is given); max_life when the statutory
  // maximum is life (then statutory_max_months is 0).
  int statutory_min_months = 0;
  int statutory_max_months = 0;
  bool max_life = false;
  // Substances the statute covers (drug offenses only).
  std::vector<std::string> drugs;
  std::string citation;
  // Other spellings of this code that resolve to it ("CA:PC 664/187 2nd").
  std::vector<std::string> aliases;

  bool HasFlag(std::string_view flag) const;
  bool has_triad() const { return triad_lower_months > 0; }
  bool has_statutory_range() const {
    return statutory_min_months > 0 || statutory_max_months > 0 || max_life;
  }
};

struct SentenceEnhancement {
  std::string code;   // e.g. "CA:PC 667.5(b)"
  std::string title;
  // "fixed": adds `days`; "choice": adds one of `choices_days` (`days` is the
  // middle one); "doubling": doubles the base term (the days recorded are the
  // added base term); "scheme": marks an alternative indeterminate sentencing
  // scheme (third strike, One Strike) and adds no days of its own.
  std::string kind;
  int days = 0;
  std::vector<int> choices_days;
  std::string citation;
};

// A [[pattern]] of the catalog: codes or descriptions matched by a regular
// expression, for agencies whose codes the catalog does not hold or that
// publish descriptions only. Tried in file order after every code lookup
// failed; the first match wins. It resolves to a catalog entry (`offense`),
// or gives a category of its own with the flags it makes certain: `flags`
// true, `not_flags` false, every other flag unknown.
struct OffensePattern {
  enum class On { kCode, kDescription };
  On on = On::kCode;
  std::string match;  // RE2 syntax, case-insensitive, searched in the text
  Regex re;
  std::string offense;  // a catalog code, or empty
  std::string category;
  std::string bjs_offense;
  std::vector<std::string> flags, not_flags;
  std::string citation;
  int line = 0;  // in the catalog file
};

class OffenseCatalog {
 public:
  // Loads and checks one catalog file. On failure returns nullopt and sets
  // *error to "PATH:LINE:COLUMN: message" (or "PATH: message").
  static std::optional<OffenseCatalog> Load(const std::string& path, std::string* error);
  // Loads RULES_DIR/offenses/XX.toml for a jurisdiction code; rules_dir empty
  // means RulesDir().
  static std::optional<OffenseCatalog> LoadJurisdiction(std::string_view jurisdiction,
                                                        std::string* error,
                                                        const std::string& rules_dir = "");
  static std::string PathFor(std::string_view jurisdiction, const std::string& rules_dir = "");
  // RULES_DIR/offenses/generic.toml: codes for the BJS offense categories
  // ("XX:BJS robbery"), for jurisdictions without a catalog of their own.
  static std::string GenericPath(const std::string& rules_dir = "");
  // The jurisdiction's own catalog with the generic entries of the BJS
  // subcategories it lacks (AddGenericFallback), or else the generic one
  // requalified for it. Without generic.toml, the own catalog alone.
  static std::optional<OffenseCatalog> LoadOrGeneric(std::string_view jurisdiction, std::string* error,
                                                     const std::string& rules_dir = "");
  // This catalog with every code's "XX:" prefix replaced by the jurisdiction's.
  OffenseCatalog Requalified(std::string_view jurisdiction) const;
  // Adds the generic catalog's entries (requalified) for the BJS subcategories
  // this catalog has no offense in; the flags this catalog uses anywhere
  // become unknown on them unless the generic entry makes them true.
  void AddGenericFallback(const OffenseCatalog& requalified_generic);
  // Whether this is the generic catalog standing in for a jurisdiction's own.
  bool generic() const { return generic_; }
  // generic.toml's path when any entry came from it, else "".
  const std::string& generic_path() const { return generic_path_; }

  const std::string& jurisdiction() const { return jurisdiction_; }
  const std::string& path() const { return path_; }
  std::span<const Offense> offenses() const { return offenses_; }
  std::span<const SentenceEnhancement> enhancements() const { return enhancements_; }

  std::span<const OffensePattern> patterns() const { return patterns_; }
  const CodeConventions& conventions() const { return conventions_; }

  // The offense or enhancement with exactly this code, or null.
  const Offense* Find(std::string_view code) const;
  const SentenceEnhancement* FindEnhancement(std::string_view code) const;
  // By canonical key (law/offense_code.h): the offense whose code or alias
  // has this key, or null; the offenses whose keys refine it, in key order.
  const Offense* FindKey(std::string_view key) const;
  std::vector<const Offense*> Refinements(std::string_view key) const;
  const SentenceEnhancement* FindEnhancementKey(std::string_view key) const;

 private:
  std::string jurisdiction_;
  std::string path_;
  bool generic_ = false;
  std::string generic_path_;
  std::vector<Offense> offenses_;
  std::vector<SentenceEnhancement> enhancements_;
  std::map<std::string, size_t, std::less<>> by_code_;
  std::map<std::string, size_t, std::less<>> enhancement_by_code_;
  CodeConventions conventions_;
  std::vector<OffensePattern> patterns_;
  std::map<std::string, size_t, std::less<>> by_key_;  // canonical key -> offense
  std::map<std::string, size_t, std::less<>> enhancement_by_key_;
};

}  // namespace clemency

#endif  // CLEMENCY_LAW_OFFENSE_CATALOG_H_
