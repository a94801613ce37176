// Import mappings (docs/import-mappings.md): the model of a mapping from an
// agency's own CSV layout to the canonical population (DESIGN.md section 3),
// and the row transformation that applies it. This file knows nothing of TOML
// or of the law layer: the mapping is loaded by law/import_mapping.h, and the
// offense catalog is consulted through a callback.
//
// Each input row describes one person and one or more sentences (a
// list-valued cell is split into several sentences). A person_id seen again
// on a later row adds that row's sentences to the person, provided every
// person field agrees; otherwise the later row is rejected.
#ifndef CLEMENCY_IO_IMPORT_TRANSFORM_H_
#define CLEMENCY_IO_IMPORT_TRANSFORM_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/io/csv_reader.h"
#include "clemency/io/population_loader.h"
#include "clemency/io/problem.h"

namespace clemency::import {

// ---- the canonical schema, as the importer writes it ----

enum class FieldType { kString, kDate, kCount, kNumber, kVocab, kList };

struct CanonicalField {
  std::string_view name;
  FieldType type;
  bool required;
  std::span<const std::string_view> vocab;  // kVocab only
};

// people.csv and sentences.csv columns in the order they are written.
std::span<const CanonicalField> PeopleFields();
std::span<const CanonicalField> SentenceFields();
const CanonicalField* FindPeopleField(std::string_view name);
const CanonicalField* FindSentenceField(std::string_view name);

// ---- text helpers (exposed for tests and the fuzzer) ----

// Decodes &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric (&#39; &#x27;)
// entities; anything else is left as written.
std::string DecodeHtmlEntities(std::string_view s);
// Strips spaces, tabs, CR and LF at both ends.
std::string_view TrimSpace(std::string_view s);
std::string Lower(std::string_view s);

// A date pattern: YYYY (4 digits), MM / DD (2 digits), M / D (1 or 2 digits),
// any other non-letter character literally, and a final "*" that ignores the
// rest of the cell (e.g. "MM/DD/YYYY*" for "12/13/2021 12:00:00 AM").
// Returns an empty string when the pattern is well formed, else what is wrong.
std::string CheckDatePattern(std::string_view pattern);
// Parses text with a well-formed pattern.
DateParseResult ParseDateWithPattern(std::string_view pattern, std::string_view text);

// A count of days written as digits ("5660") or as a duration "NyNmNd" in
// that order, each part optional, a missing number counting 0 ("15y6m",
// "y6m", "90d"): 1 year = 365 days, 1 month = 30 days. nullopt when malformed
// or above 10,000,000 days.
std::optional<int64_t> ParseDays(std::string_view text);

// Splits a list-valued cell on delimiter; with brackets, a surrounding
// "[...]" is removed first and each item loses surrounding quotes. Items are
// trimmed; empty items are dropped.
std::vector<std::string> SplitList(std::string_view cell, std::string_view delimiter, bool brackets);

// ---- the mapping model ----

struct ValueMap {
  std::string name;
  std::map<std::string, std::string> values;  // key lower-cased and trimmed
  std::optional<std::string> default_value;   // unmapped → this, with a warning; else reject
};

struct Pattern {
  std::string match;  // ECMAScript, matched against the whole cell, case-insensitively
  std::regex re;
  std::vector<std::pair<std::string, std::string>> set;  // canonical field → template ($1..$9)
};

struct FieldSpec {
  enum class Kind { kColumn, kConstant, kBirthFromAge, kSequence };
  Kind kind = Kind::kColumn;
  std::string column;      // kColumn: the source column; kBirthFromAge: the age column
  std::string value;       // kConstant; kSequence: the prefix ("S")
  std::string format;      // kColumn, date fields: a date pattern; empty = YYYY-MM-DD
  std::string map;         // kColumn: a value map name, or empty
  std::string prefix;      // kColumn: prepended to a non-empty value (after the map)
  // kBirthFromAge: the date the age was measured on, from a column (with its
  // pattern) or a constant; latest = true gives the latest possible birth date
  // (on - age years), else the midpoint (on - age years - 6 months).
  std::string on_column;
  std::string on_format;
  Date on_date;
  bool latest = false;
};

struct ParseRule {
  std::string column;
  std::string patterns;            // name of a pattern list
  bool reject_unmatched = true;    // else the fields stay empty
};

struct ImportMapping {
  std::string name;
  std::string path;
  std::string catalog;  // jurisdiction whose offense catalog offense codes are checked against
  bool decode_html = true;
  std::map<std::string, FieldSpec> people;     // canonical field → spec
  std::map<std::string, FieldSpec> sentences;  // person_id is implied
  std::vector<std::string> split_columns;      // list-valued cells: one sentence per item
  std::string split_delimiter = ";";
  bool split_brackets = false;
  std::vector<ParseRule> parses;
  std::map<std::string, ValueMap> maps;
  std::map<std::string, std::vector<Pattern>> patterns;
};

// ---- running it ----

struct ImportOptions {
  std::string file_name;  // as shown in messages and rejected.csv
  Date as_of;             // dates after it are errors; missing = no check
  // Whether an offense code is in the catalog; null = no catalog check.
  std::function<bool(std::string_view)> offense_known;
};

struct ImportResult {
  bool fatal = false;               // the header could not be used: nothing imported
  // Rows in the column order of PeopleFields() and SentenceFields().
  std::vector<std::vector<std::string>> people;
  std::vector<std::vector<std::string>> sentences;
  std::vector<RejectedRow> rejected;
  std::vector<Problem> problems;  // fatal, errors and warnings, at most kMaxStoredProblems
  static constexpr size_t kMaxStoredProblems = 10000;
  uint64_t error_count = 0;
  uint64_t warning_count = 0;
  uint64_t rows_read = 0;
  uint64_t rows_imported = 0;
  uint64_t rows_rejected = 0;
  std::map<std::string, uint64_t> warnings_by_code;
  std::map<std::string, uint64_t> unmatched_offense_codes;  // code as written → rows
  // value map name → source value → rows mapped to the map's default
  std::map<std::string, std::map<std::string, uint64_t>> defaulted_values;
};

ImportResult ImportCsv(const ImportMapping& mapping, CsvReader& reader, const ImportOptions& options);

}  // namespace clemency::import

#endif  // CLEMENCY_IO_IMPORT_TRANSFORM_H_
