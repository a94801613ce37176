// The canonical input schema (DESIGN.md section 3) as one table: for every
// column of people.csv, sentences.csv and facilities.csv its name, type,
// whether it is required, its vocabulary (the closed lists of core/codes.h)
// and a one-line meaning. Columns are listed in the order they are written.
// The loader, the importer, the mapping checker, the synthesizer and the
// schema table in docs/validation.md all read it (a test pins the docs).
// ColumnIndex gives a column's position at compile time, so a misspelt name
// does not build.
#ifndef CLEMENCY_CORE_INPUT_SCHEMA_H_
#define CLEMENCY_CORE_INPUT_SCHEMA_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/codes.h"

namespace clemency {

enum class InputFile : uint8_t { kPeople, kSentences, kFacilities };

enum class ColumnType : uint8_t {
  kText,          // any text
  kJurisdiction,  // US or a two-letter state code
  kDate,          // YYYY-MM-DD, not after the as-of date
  kProjectedDate, // YYYY-MM-DD, may lie after the as-of date
  kCount,         // a whole number, 0 or more
  kNumber,        // a decimal number, 0 or more
  kCode,          // one of the column's vocabulary
  kFlag,          // 0 or 1 (the vocabulary kFlagNames)
  kList,          // ;-separated CODE=DAYS items
};

enum class Need : uint8_t {
  kOptional,  // the column may be absent and its cells empty (unknown)
  kColumn,    // the column must be in the header; a cell may be empty (a warning)
  kRequired,  // the column must be in the header and every cell have a value
};

struct InputColumn {
  InputFile file;
  std::string_view name;
  ColumnType type;
  Need need;
  std::span<const std::string_view> vocabulary;  // kCode and kFlag only
  std::string_view meaning;

  bool required() const { return need == Need::kRequired; }
  bool in_header() const { return need != Need::kOptional; }
  bool is_date() const { return type == ColumnType::kDate || type == ColumnType::kProjectedDate; }
  // Free text: anything the agency writes (a jurisdiction is checked on loading).
  bool is_text() const { return type == ColumnType::kText || type == ColumnType::kJurisdiction; }
  bool has_vocabulary() const { return type == ColumnType::kCode || type == ColumnType::kFlag; }
  bool InVocabulary(std::string_view v) const;
  std::string VocabularyText() const;  // "a, b, c", for messages
};

inline constexpr std::string_view kFlagNames[] = {"0", "1"};

// The tables, written with the enumerators in scope.
namespace input_schema_table {
using enum InputFile;
using enum ColumnType;
using enum Need;
inline constexpr std::span<const std::string_view> kNone{};

inline constexpr InputColumn kPeopleSchema[] = {
    {kPeople, "person_id", kText, kRequired, kNone, "unique"},
    {kPeople, "jurisdiction", kJurisdiction, kRequired, kNone, "US (federal) or a two-letter state code"},
    {kPeople, "birth_date", kDate, kRequired, kNone, "date of birth"},
    {kPeople, "birth_date_precision", kCode, kOptional, kBirthPrecisionNames, "year when only the age was known (empty: day)"},
    {kPeople, "sex", kCode, kRequired, kSexNames, "sex as the agency records it"},
    {kPeople, "race", kCode, kRequired, kRaceNames, "race or ethnicity as the agency records it"},
    {kPeople, "admission_date", kDate, kRequired, kNone, "start of the current continuous incarceration"},
    {kPeople, "admission_type", kCode, kOptional, kAdmissionTypeNames, "how this stay began"},
    {kPeople, "facility_id", kText, kOptional, kNone, "key into facilities.csv"},
    {kPeople, "infractions_5y", kCount, kOptional, kNone, "disciplinary convictions in the last 5 years"},
    {kPeople, "medical_high_risk", kFlag, kOptional, kFlagNames, "1 when medically at high risk"},
};
inline constexpr InputColumn kSentenceSchema[] = {
    {kSentences, "person_id", kText, kRequired, kNone, "the person, in people.csv"},
    {kSentences, "sentence_id", kText, kRequired, kNone, "unique within the person"},
    {kSentences, "offense_code", kText, kRequired, kNone, "statute code as the agency writes it; without a prefix the person's jurisdiction is taken"},
    {kSentences, "offense_description", kText, kOptional, kNone, "the offense in words"},
    {kSentences, "offense_date", kDate, kOptional, kNone, "date of the offense"},
    {kSentences, "sentence_date", kDate, kColumn, kNone, "date of sentencing (empty: a warning, rules that need it are unknown)"},
    {kSentences, "sentence_type", kCode, kRequired, kSentenceTypeNames, "the kind of sentence"},
    {kSentences, "term_days", kCount, kOptional, kNone, "determinate term imposed, enhancements included (empty: unknown)"},
    {kSentences, "min_term_days", kCount, kOptional, kNone, "minimum of an indeterminate term"},
    {kSentences, "max_term_days", kCount, kOptional, kNone, "maximum of an indeterminate term"},
    {kSentences, "enhancements", kList, kOptional, kNone, "CODE=DAYS items, e.g. CA:PC 667.5(b)=365;CA:HS 11370.2=1095"},
    {kSentences, "drug_type", kText, kOptional, kNone, "for quantity-based reforms"},
    {kSentences, "drug_grams", kNumber, kOptional, kNone, "for quantity-based reforms"},
    {kSentences, "consecutive_to", kText, kOptional, kNone, "sentence_id of the person's sentence this one follows"},
    {kSentences, "status", kCode, kRequired, kSentenceStatusNames, "being served or already served in this stay"},
    {kSentences, "credits_days", kCount, kOptional, kNone, "good time or earned time already awarded"},
    {kSentences, "projected_release_date", kProjectedDate, kOptional, kNone, "release date as the agency computes it"},
    {kSentences, "parole_eligibility_date", kProjectedDate, kOptional, kNone, "parole eligibility as the agency computes it"},
};
inline constexpr InputColumn kFacilitySchema[] = {
    {kFacilities, "facility_id", kText, kRequired, kNone, "unique"},
    {kFacilities, "name", kText, kOptional, kNone, "the facility's name"},
    {kFacilities, "jurisdiction", kJurisdiction, kOptional, kNone, "US (federal) or a two-letter state code"},
    {kFacilities, "design_capacity", kCount, kOptional, kNone, "people it was built for, at least 1"},
    {kFacilities, "housing", kCode, kOptional, kHousingNames, "how people are housed"},
};
}  // namespace input_schema_table

using input_schema_table::kFacilitySchema;
using input_schema_table::kPeopleSchema;
using input_schema_table::kSentenceSchema;

// The columns of one file, in the order they are written.
constexpr std::span<const InputColumn> InputSchema(InputFile file) {
  switch (file) {
    case InputFile::kPeople: return kPeopleSchema;
    case InputFile::kSentences: return kSentenceSchema;
    case InputFile::kFacilities: return kFacilitySchema;
  }
  return {};
}

// The position of column `name` in `file`; does not compile (in a constant
// expression) when the file has no such column.
constexpr size_t ColumnIndex(InputFile file, std::string_view name) {
  const auto columns = InputSchema(file);
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name) return i;
  throw "no such column in the canonical schema";
}

// The column `name` of `file`, or null.
const InputColumn* FindInputColumn(InputFile file, std::string_view name);

// The file's name ("people.csv"), the column names in order, and the names
// the docs use for a type ("date") and a need ("yes").
std::string_view InputFileName(InputFile file);
std::vector<std::string_view> ColumnNames(InputFile file);
std::string_view ColumnTypeName(ColumnType type);
std::string_view NeedName(Need need);

}  // namespace clemency

#endif  // CLEMENCY_CORE_INPUT_SCHEMA_H_
