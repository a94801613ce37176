// Import mappings (docs/import-mappings.md): the model of a mapping from an
// agency's own CSV layout to the canonical population (DESIGN.md section 3),
// and the row transformation that applies it. This file knows nothing of TOML
// or of the law layer: the mapping is loaded by law/import_mapping.h, and the
// offense catalog is consulted through a callback.
//
// Each input row describes one person and one or more sentences (a
// list-valued cell is split into several sentences, io/list_cell.h), unless
// a row filter skips it. A person_id seen again
// on a later row adds that row's sentences to the person, provided every
// person field agrees; otherwise the later row is rejected.
#ifndef CLEMENCY_IO_IMPORT_TRANSFORM_H_
#define CLEMENCY_IO_IMPORT_TRANSFORM_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/core/input_schema.h"
#include "clemency/io/csv_reader.h"
#include "clemency/io/list_cell.h"
#include "clemency/io/regex.h"
#include "clemency/io/text_functions.h"
#include "clemency/io/population_loader.h"
#include "clemency/io/problem.h"

namespace clemency::import {

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


// ---- the mapping model ----

struct ValueMap {
  std::string name;
  std::map<std::string, std::string> values;  // key lower-cased and trimmed
  std::optional<std::string> default_value;   // unmapped → this, with a warning; else reject
};

struct Pattern {
  std::string match;  // RE2 syntax, matched against the whole cell, case-insensitively
  Regex re;
  std::vector<std::pair<std::string, std::string>> set;  // canonical field → template ($1..$9)
};

// A person field derived from the person's items: the first rule one of whose
// items (of a split column, or the cell of each of the person's rows) contains
// a match of `re` gives `value`; else the field's own source.
struct ItemRule {
  std::string column;
  std::string match;
  Regex re;  // case-insensitive, searched anywhere in the item
  std::string value;
};

struct FieldSpec {
  enum class Kind { kColumn, kConstant, kBirthFromAge, kSequence, kTemplate };
  Kind kind = Kind::kColumn;
  std::string column;      // kColumn: the source column; kBirthFromAge: the age column;
                           // kTemplate: the template as written
  std::string value;       // kConstant; kSequence: the prefix ("S")
  TemplateParts parts;     // kTemplate
  std::vector<TextStep> transform;  // kColumn, kTemplate: applied to the cell before map and format
  std::vector<ItemRule> when_any;   // people fields: derived from the person's items
  // kColumn, date fields: a date pattern; empty = YYYY-MM-DD; "excel_serial"
  // = a spreadsheet day number (1900 date system: 45000 is 2023-03-15).
  std::string format;
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

// A row filter: a row whose cell in `column` passes the test is skipped,
// counted under `reason` and listed in skipped.csv.
struct SkipRule {
  enum class Test { kEquals, kMatches, kEmpty };
  std::string column;
  Test test = Test::kEquals;
  std::string value;  // kEquals: compared case-insensitively, spaces trimmed; kMatches: the pattern
  Regex re;      // kMatches: case-insensitive, searched anywhere in the cell
  std::string reason;
};

struct ImportMapping {
  std::string name;
  std::string path;
  std::string catalog;  // jurisdiction whose offense catalog offense codes are checked against
  bool decode_html = true;
  // duplicate_rows = "drop": a row identical byte for byte to an earlier row
  // is skipped (reason "duplicate row"); "keep" (the default) imports it with
  // a duplicate_row warning. Either way the row names the earlier line.
  bool drop_duplicate_rows = false;
  std::map<std::string, FieldSpec> people;     // canonical field → spec
  std::map<std::string, FieldSpec> sentences;  // person_id is implied
  std::vector<std::string> split_columns;      // list-valued cells: one sentence per item
  ListFormat split_format = ListFormat::kDelimited;
  std::string split_delimiter = ";";
  std::vector<SkipRule> skips;
  std::string sheet;  // .xlsx input: the worksheet to read; empty = the first
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

// Fatal problems, errors and warnings: the ProblemLog (io/problem.h).
struct ImportResult : ProblemLog {
  bool fatal = false;               // the header could not be used: nothing imported
  // Rows in the column order of kPeopleSchema and kSentenceSchema (core/input_schema.h).
  std::vector<std::vector<std::string>> people;
  std::vector<std::vector<std::string>> sentences;
  std::vector<RejectedRow> rejected;
  std::vector<RejectedRow> skipped;  // reason = the skip rule's reason
  uint64_t rows_read = 0;
  uint64_t rows_imported = 0;
  uint64_t rows_rejected = 0;
  uint64_t rows_skipped = 0;  // rows_read = rows_imported + rows_rejected + rows_skipped
  std::map<std::string, uint64_t> skipped_by_reason;
  std::map<std::string, uint64_t> unmatched_offense_codes;  // code as written → rows
  // value map name → source value → rows mapped to the map's default
  std::map<std::string, std::map<std::string, uint64_t>> defaulted_values;
};

// The rows of a table, as the importer reads them: a CSV file or an .xlsx
// worksheet (io/xlsx_reader.h). The first record is the header; line is the
// file's line or the sheet's row number.
class RowReader {
 public:
  virtual ~RowReader() = default;
  virtual bool Next(CsvRecord& record) = 0;
  virtual const std::string& io_error() const = 0;
};

ImportResult ImportRows(const ImportMapping& mapping, RowReader& reader, const ImportOptions& options);
ImportResult ImportCsv(const ImportMapping& mapping, CsvReader& reader, const ImportOptions& options);

}  // namespace clemency::import

#endif  // CLEMENCY_IO_IMPORT_TRANSFORM_H_
