// What a jurisdiction's law says about clemency, voting after prison and the
// cost of a prison year, loaded from rules/jurisdictions/XX.toml (DESIGN.md
// section 6); the facts and their confidence tags come from
// shared/reference/domain.md sections B, D and A8.
//
// One file per jurisdiction: the 50 states, "DC" and "US" (the federal system).
// The file format is documented at the top of rules/jurisdictions/CA.toml.
// Loading checks required keys, the closed vocabularies below, that the code
// is one of kJurisdictionCodes and equals the file name, and rejects unknown
// keys; it reports the first problem as "FILE:LINE:COLUMN: message".
#ifndef CLEMENCY_LAW_JURISDICTION_H_
#define CLEMENCY_LAW_JURISDICTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clemency {

// Who may commute a prison sentence, as the Collateral Consequences Resource
// Center's categories D, C, B3, B2, B1, A (domain.md section B).
inline constexpr std::string_view kClemencyAuthorities[] = {
    "executive_alone",                // D: no advisory process required
    "executive_may_consult_board",    // C: consulting a board is permitted, not required
    "executive_must_consult_board",   // B3: must consult a board; its advice does not bind
    "executive_needs_board_consent",  // B2: only after a board's/council's favourable recommendation
    "executive_on_board",             // B1: the governor sits on the board that decides
    "board_alone",                    // A: an independent board decides
};

// When voting rights come back after a felony conviction (domain.md section D
// categories 1-4; state_of_residence is for federal prisoners, whose voting
// follows the law of their state).
inline constexpr std::string_view kVoteRestorations[] = {
    "never_lost", "on_release", "after_sentence", "indefinite_or_application",
    "state_of_residence"};

// domain.md's tags [P], [S], [U]. A table's confidence is the weakest tag of
// any fact it records, notes and citation included.
inline constexpr std::string_view kFactConfidences[] = {"primary", "secondary", "unconfirmed"};

// The USPS codes of the 50 states in alphabetical order of code, then DC and US.
inline constexpr std::string_view kJurisdictionCodes[] = {
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "IA", "ID",
    "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT",
    "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI",
    "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY", "DC", "US"};

struct ClemencyAuthority {
  std::string authority;   // one of kClemencyAuthorities
  std::string holder;      // who signs: "Governor", "President", a board's name
  std::string board;       // the board or council involved; "" when none is named
  std::string notes;
  std::string confidence;  // one of kFactConfidences
  std::string citation;
  // False where no route commutes a non-capital prison sentence (Alabama).
  bool commutes_prison_sentences = true;
};

struct VotingRights {
  std::string restoration;  // one of kVoteRestorations
  std::string notes;        // may be ""
  std::string confidence;
  std::string citation;
};

struct PrisonCost {
  double per_prisoner_year_usd = 0;  // average, not marginal, cost
  std::string year;                  // the fiscal year the figure is for, e.g. "2023-24"
  std::string confidence;
  std::string citation;
};

struct JurisdictionFacts {
  std::string code;  // "CA", ..., "DC", "US"
  std::string name;
  std::string path;  // the file it was loaded from
  std::vector<std::string> sources;  // full titles, never empty
  ClemencyAuthority clemency;
  VotingRights voting;
  std::optional<PrisonCost> cost;  // only where a sourced figure exists

  // Loads and checks one file. On failure returns nullopt and sets *error to
  // "PATH:LINE:COLUMN: message" (or "PATH: message").
  static std::optional<JurisdictionFacts> Load(const std::string& path, std::string* error);
  // Loads RULES_DIR/jurisdictions/XX.toml; rules_dir "" means RulesDir().
  static std::optional<JurisdictionFacts> LoadCode(std::string_view code, std::string* error,
                                                   const std::string& rules_dir = "");
  static std::string PathFor(std::string_view code, const std::string& rules_dir = "");
};

// One-line plain-language description of an authority / restoration kind, for
// reports, e.g. "the governor, after a board's favourable recommendation".
// "" for a value outside the vocabulary.
std::string_view DescribeAuthority(std::string_view authority);
std::string_view DescribeRestoration(std::string_view restoration);

}  // namespace clemency

#endif  // CLEMENCY_LAW_JURISDICTION_H_
