// Fuzzes import mappings: the mapping parser (TOML → model: value maps,
// patterns, date formats), the text helpers, and the row transformation.
// Input: MAPPING "\n%%\n" CSV. Without the separator the whole input is CSV,
// imported through a fixed mapping that uses every feature. Beyond not
// crashing or leaking:
//   - a mapping that fails to load says FILE:LINE:COLUMN or FILE: and why;
//   - rows read = rows imported + rows rejected + rows skipped, one
//     rejected.csv or skipped.csv row each;
//   - every output row has the canonical number of columns; person ids are
//     unique; every date written is YYYY-MM-DD; every count is digits.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "clemency/io/excel_date.h"
#include "clemency/io/import_transform.h"
#include "clemency/law/import_mapping.h"

namespace {

using namespace clemency;

[[noreturn]] void Fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "import_mapping_fuzz: %s %s\n", what, detail.c_str());
  std::abort();
}

const char kFixedMapping[] = R"(name = "fuzz"
catalog = "IA"
[people]
person_id = { column = "ID" }
jurisdiction = { value = "IA" }
birth_date = { age_column = "Age", on_column = "Report", on_format = "MM/DD/YYYY*" }
birth_date_precision = { value = "year" }
sex = { column = "Sex", map = "sex" }
race = { column = "Race", map = "race" }
admission_date = { column = "Admit", format = "M/D/YYYY" }
admission_type = { value = "unknown", when_any = { column = "Code", matches = '^9', value = "technical_violation" } }
[sentences]
split = { columns = ["Code", "Sentence"], format = "list_literal" }
offense_code = { column = "Code", transform = ["upper", { regex = '\s+', with = "" }], prefix = "IA:" }
offense_description = { template = "{Code} / {Sentence}", transform = ["collapse_spaces"] }
sentence_date = { column = "Admit", format = "M/D/YYYY" }
status = { value = "active" }
[[parse]]
column = "Sentence"
patterns = "sentence"
[[skip]]
column = "Sex"
equals = "skip"
[maps.sex]
values = { "Male" = "M", "Female" = "F" }
[maps.race]
unmapped = "default"
default = "unknown"
values = { "Black" = "black", "White" = "white" }
[[patterns.sentence]]
match = '(\d+) *yrs?\.?(?: *(\d+) *mo\.?)?'
set = { sentence_type = "determinate", term_days = "$1y$2m" }
[[patterns.sentence]]
match = '(\d+) *- *(\d+) *yrs?'
set = { sentence_type = "indeterminate", min_term_days = "$1y", max_term_days = "$2y" }
[[patterns.sentence]]
match = 'life *(wo|w/o)'
set = { sentence_type = "lwop" }
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The helpers on the raw input.
  (void)import::DecodeHtmlEntities(input.substr(0, 256));
  (void)import::ParseDays(input.substr(0, 32));
  (void)import::ApplyTextSteps({}, std::string(input.substr(0, 64)));
  (void)import::ParseTemplate(input.substr(0, 64));
  for (bool date1904 : {false, true}) {
    const DateParseResult serial = ParseExcelSerial(input.substr(0, 24), date1904);
    if (serial.ok() && (serial.date.ToString().size() != 10 || serial.date.year() < 1900))
      Fail("a spreadsheet day number gives a date outside 1900..9999");
  }
  {
    const std::string_view first = input.substr(0, std::min<size_t>(input.find('\n'), 64));
    const std::string_view pattern = first.substr(0, first.find(' '));
    if (import::CheckDatePattern(pattern).empty()) {
      const std::string_view rest = first.size() > pattern.size() ? first.substr(pattern.size() + 1) : "";
      const DateParseResult d = import::ParseDateWithPattern(pattern, rest);
      if (d.ok() && d.date.ToString().size() != 10) Fail("a parsed date does not print as YYYY-MM-DD");
    }
  }

  std::string mapping_text = kFixedMapping;
  std::string_view csv = input;
  if (const size_t sep = input.find("\n%%\n"); sep != std::string_view::npos) {
    mapping_text = std::string(input.substr(0, sep));
    csv = input.substr(sep + 4);
  }
  std::string error;
  const auto mapping = ParseImportMapping(mapping_text, "fuzz.toml", &error);
  if (!mapping) {
    if (!error.starts_with("fuzz.toml:") || error.size() <= 11) Fail("a load error without a position:", error);
    return 0;
  }
  auto reader = CsvReader::FromString(csv);
  import::ImportOptions options;
  options.file_name = "in.csv";
  options.as_of = Date::FromCivil(2021, 12, 31);
  options.offense_known = [](std::string_view code) { return code.size() % 2 == 0; };
  const import::ImportResult r = import::ImportCsv(*mapping, *reader, options);
  if (r.rows_read != r.rows_imported + r.rows_rejected + r.rows_skipped) Fail("counts do not reconcile");
  if (r.skipped.size() != r.rows_skipped) Fail("skipped rows and their count differ");
  if (r.rejected.size() != r.rows_rejected) Fail("rejected rows and their count differ");
  if (r.fatal && r.rows_read != 0) Fail("a fatal header with rows read");
  std::set<std::string> ids;
  auto check = [&](std::span<const InputColumn> fields, const std::vector<std::string>& row) {
    if (row.size() != fields.size()) Fail("an output row has the wrong number of columns");
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i].empty()) {
        if (fields[i].required()) Fail("a required value is empty:", std::string(fields[i].name));
        continue;
      }
      if (fields[i].is_date() && !ParseDate(row[i]).ok())
        Fail("a date that is not YYYY-MM-DD:", row[i]);
      if (fields[i].type == ColumnType::kCount && row[i].find_first_not_of("0123456789") != std::string::npos)
        Fail("a count that is not digits:", row[i]);
    }
  };
  for (const auto& p : r.people) {
    check(kPeopleSchema, p);
    if (!ids.insert(p[0]).second) Fail("a person written twice:", p[0]);
  }
  for (const auto& s : r.sentences) {
    check(kSentenceSchema, s);
    if (!ids.contains(s[0])) Fail("a sentence of no person:", s[0]);
  }
  return 0;
}
