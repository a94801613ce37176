// The closed vocabularies of the canonical schema (DESIGN.md section 3):
// sex, race, admission type, sentence type and status, birth-date precision,
// facility housing. Each has Parse (exact, case-sensitive spelling from the
// schema) and Name, and a list of accepted spellings for error messages.
#ifndef CLEMENCY_CORE_CODES_H_
#define CLEMENCY_CORE_CODES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace clemency {

enum class Sex : uint8_t { kF, kM, kX, kU };
enum class Race : uint8_t { kBlack, kWhite, kHispanic, kNative, kAsian, kPacific, kOther, kUnknown };
enum class AdmissionType : uint8_t {
  kNewSentence, kTechnicalViolation, kNewOffenseViolation, kOther, kUnknown
};
enum class SentenceType : uint8_t { kDeterminate, kIndeterminate, kLife, kLwop, kDeath };
enum class SentenceStatus : uint8_t { kActive, kServed };
enum class BirthPrecision : uint8_t { kDay, kYear };
enum class Housing : uint8_t { kCell, kDorm, kMixed, kUnknown };

// One vocabulary: the spellings, indexed by the enum's value.
template <typename E>
struct Vocabulary {
  std::span<const std::string_view> names;

  std::optional<E> Parse(std::string_view s) const {
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
  }
  std::string_view Name(E e) const { return names[static_cast<size_t>(e)]; }
  size_t size() const { return names.size(); }
};

inline constexpr std::string_view kSexNames[] = {"F", "M", "X", "U"};
inline constexpr std::string_view kRaceNames[] = {"black",  "white",   "hispanic", "native",
                                                  "asian",  "pacific", "other",    "unknown"};
inline constexpr std::string_view kAdmissionTypeNames[] = {
    "new_sentence", "technical_violation", "new_offense_violation", "other", "unknown"};
inline constexpr std::string_view kSentenceTypeNames[] = {"determinate", "indeterminate", "life",
                                                          "lwop", "death"};
inline constexpr std::string_view kSentenceStatusNames[] = {"active", "served"};
inline constexpr std::string_view kBirthPrecisionNames[] = {"day", "year"};
inline constexpr std::string_view kHousingNames[] = {"cell", "dorm", "mixed", "unknown"};

inline constexpr Vocabulary<Sex> kSex{kSexNames};
inline constexpr Vocabulary<Race> kRace{kRaceNames};
inline constexpr Vocabulary<AdmissionType> kAdmissionType{kAdmissionTypeNames};
inline constexpr Vocabulary<SentenceType> kSentenceType{kSentenceTypeNames};
inline constexpr Vocabulary<SentenceStatus> kSentenceStatus{kSentenceStatusNames};
inline constexpr Vocabulary<BirthPrecision> kBirthPrecision{kBirthPrecisionNames};
inline constexpr Vocabulary<Housing> kHousing{kHousingNames};

// "US" or one of the 50 states and DC, upper case.
bool IsJurisdictionCode(std::string_view s);

}  // namespace clemency

#endif  // CLEMENCY_CORE_CODES_H_
