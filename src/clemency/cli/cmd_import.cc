// clemency import --mapping FILE.toml INPUT.csv|INPUT.xlsx -o DIR: turn an
// agency's own CSV export or workbook into a canonical population directory (people.csv,
// sentences.csv, import.json, and rejected.csv with --on-error quarantine)
// through a declarative mapping (docs/import-mappings.md). The mapping and the
// row transformation live in io and law; this file only wires them: it loads
// the offense catalog the mapping names and passes its lookup in.
#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "clemency/cli/as_of.h"
#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/cli/data_source.h"
#include "clemency/cli/load_report.h"
#include "clemency/io/population_loader.h"
#include "clemency/io/csv_writer.h"
#include "clemency/io/import_transform.h"
#include "clemency/io/input_file.h"
#include "clemency/io/rejected_csv.h"
#include "clemency/io/xlsx_reader.h"
#include "clemency/law/import_mapping.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/offense_resolver.h"
#include "clemency/law/rules_dir.h"
#include "clemency/io/sha256.h"

namespace clemency {
namespace {

bool WriteRows(const std::string& path, std::span<const InputColumn> fields,
               const std::vector<std::vector<std::string>>& rows, std::string* error) {
  CsvWriter w(path);
  if (!w.ok()) {
    *error = w.error();
    return false;
  }
  for (const auto& f : fields) w.Field(f.name);
  w.EndRow();
  for (const auto& row : rows) {
    for (const std::string& v : row) w.Field(v);
    w.EndRow();
  }
  if (!w.Commit()) {
    *error = w.error();
    return false;
  }
  return true;
}

// A CSV reader adapted to the importer's row interface.
class CsvInput : public import::RowReader {
 public:
  explicit CsvInput(std::unique_ptr<CsvReader> r) : r_(std::move(r)) {}
  bool Next(CsvRecord& record) override { return r_->Next(record); }
  const std::string& io_error() const override { return r_->io_error(); }
  std::string sha256() const { return r_->sha256(); }

 private:
  std::unique_ptr<CsvReader> r_;
};

// INPUT.xlsx (by its extension, in any case) is read as a workbook, anything else as CSV.
bool IsWorkbook(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".xlsx";
}

std::unique_ptr<import::RowReader> OpenInput(const std::string& path, const std::string& sheet, std::string* error) {
  if (IsWorkbook(path)) return XlsxReader::Open(path, sheet, error);
  auto csv = CsvReader::Open(path, error);
  if (!csv) return nullptr;
  return std::make_unique<CsvInput>(std::move(csv));
}

// --mapping NAME (no folder, no .toml) is rules/mappings/NAME.toml, from the
// user's rules folder or the shipped rules; anything else is a file.
std::string MappingPath(const std::string& mapping) {
  if (mapping.find('/') != std::string::npos || mapping.ends_with(".toml")) return mapping;
  return RuleFilePath("mappings", mapping + ".toml", "");
}

// A rules folder holding the mapping's catalog beside it, or "" (then the
// user's --rules folder and the shipped rules): the mapping's own folder when
// it has offenses/, or the folder above when the mapping is in mappings/.
std::string CatalogFolderBeside(const std::string& mapping_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::path(mapping_path).parent_path();
  if (fs::is_directory(dir / "offenses", ec)) return dir.string();
  if (dir.filename() == "mappings" && fs::is_directory(dir.parent_path() / "offenses", ec)) return dir.parent_path().string();
  return "";
}

// --save: the imported folder, loaded as `clemency validate` would, as a snapshot.
int SaveImported(const ImportArgs& args, Date as_of) {
  LoadOptions options;
  options.as_of = as_of;
  const LoadResult loaded = LoadPopulation(args.out_dir, options);
  if (loaded.fatal || loaded.error_count > 0) {
    PrintLoadProblems(loaded, false);
    fmt::print(stderr, "clemency import: --save {}: the imported folder does not validate: no snapshot written\n",
               args.save);
    return kExitBadData;
  }
  return SaveDataSnapshot(loaded, as_of, args.save, "import");
}

}  // namespace

int RunImport(const ImportArgs& args) {
  namespace fs = std::filesystem;
  const AsOfDate as_of_date = ResolveAsOf(args.as_of);
  const std::string& as_of_text = as_of_date.text;
  const DateParseResult as_of = ParseDate(as_of_text);
  if (!as_of.ok()) {
    fmt::print(stderr, "clemency import: --as-of \"{}\": {}\n", as_of_text, DescribeDateParseError(as_of.error));
    return kExitUsage;
  }
  std::error_code ec;
  const std::string mapping_path = MappingPath(args.mapping);
  if (!fs::is_regular_file(mapping_path, ec)) {
    // A FIFO, a directory, a folder we may not enter: say what it is.
    if (const std::string problem = InputFileProblem(mapping_path); !problem.ends_with(": no such file"))
      fmt::print(stderr, "clemency import: --mapping {}: {}\n", args.mapping, problem);
    else
      fmt::print(stderr, "clemency import: --mapping {}: no such mapping file {}\n", args.mapping, mapping_path);
    return kExitUsage;
  }
  std::string error;
  const auto mapping = LoadImportMapping(mapping_path, &error);
  if (!mapping) {
    fmt::print(stderr, "{}\n", error);
    return kExitBadRules;
  }
  std::optional<OffenseCatalog> catalog;
  if (!mapping->catalog.empty()) {
    catalog = OffenseCatalog::LoadJurisdiction(mapping->catalog, &error, CatalogFolderBeside(mapping_path));
    if (!catalog) {
      fmt::print(stderr, "{}\n", error);
      return kExitBadRules;
    }
  }
  if (OutputHolds(args.out_dir, args.input)) {
    fmt::print(stderr, "clemency import: -o {} holds the input {}: writing there would replace or delete it; choose "
               "another output folder\n", args.out_dir, args.input);
    return kExitUsage;
  }
  // The output folder before the work: a locked or unwritable OUT fails at once.
  CommandOutput out("import", args.out_dir);
  if (const int rc = out.Open({"people.csv", "sentences.csv", "import.json", "rejected.csv", "skipped.csv"});
      rc != kExitOk)
    return rc;
  // A workbook is hashed as it is before reading; a CSV file as it is read.
  std::string input_sha256 = IsWorkbook(args.input) ? Sha256File(args.input) : "";
  auto reader = OpenInput(args.input, mapping->sheet, &error);
  if (!reader) {
    fmt::print(stderr, "{}\n", error);
    return kExitBadData;
  }
  import::ImportOptions options;
  options.file_name = fs::path(args.input).filename().string();
  options.as_of = as_of.date;
  // Known: the catalog resolves the code (exactly, normalised, as a section ...; docs/offense-codes.md).
  if (catalog)
    options.offense_known = [&](std::string_view code) {
      return ResolveOffense(&*catalog, code, "").how != Resolution::kUnresolved;
    };
  const import::ImportResult r = import::ImportRows(*mapping, *reader, options);
  if (const auto* csv = dynamic_cast<const CsvInput*>(reader.get())) input_sha256 = csv->sha256();
  const std::string mapping_sha256 = Sha256File(mapping_path);

  const bool quarantine = args.on_error == "quarantine";
  // Errors (the first 20 and a count); warnings grouped by kind with the first example.
  int shown = 0;
  for (const Problem& p : r.problems) {
    if (p.severity != Severity::kError) continue;
    if (!quarantine || r.fatal) {
      if (shown++ < 20) fmt::print(stderr, "{}\n", p.Format());
    }
  }
  if (r.fatal || (!quarantine && r.rows_rejected > 0)) {
    if (r.error_count > 20) fmt::print(stderr, "... and {} more errors\n", r.error_count - 20);
    fmt::print(stderr, "{} errors in {} rows; import failed: nothing written\n", r.error_count, r.rows_rejected);
    return kExitBadData;
  }
  if (r.rows_rejected > 0)
    fmt::print(stderr, "{} rows rejected ({} errors): reasons in {}/rejected.csv\n", r.rows_rejected, r.error_count,
               args.out_dir);
  for (const auto& [code, n] : r.WarningsByCode()) {
    const Problem* first = nullptr;
    for (const Problem& p : r.problems)
      if (p.severity == Severity::kWarning && p.code == code) {
        first = &p;
        break;
      }
    fmt::print(stderr, "{} warnings {}{}\n", n, code, first ? ", e.g. " + first->Format() : "");
  }

  if (!WriteRows(out.path("people.csv"), kPeopleSchema, r.people, &error) ||
      !WriteRows(out.path("sentences.csv"), kSentenceSchema, r.sentences, &error) ||
      (quarantine && !WriteRejectedCsv(out.path("rejected.csv"), r.rejected, &error)) ||
      ((!mapping->skips.empty() || r.rows_skipped > 0) && !WriteRejectedCsv(out.path("skipped.csv"), r.skipped, &error)))
    return out.Fail(error);
  nlohmann::ordered_json j;
  j["mapping"] = mapping_path;
  j["mapping_name"] = mapping->name;
  j["mapping_sha256"] = mapping_sha256;
  j["input"] = args.input;
  j["input_sha256"] = input_sha256;
  j["as_of"] = as_of.date.ToString();
  as_of_date.AddTo(j);
  j["rows_read"] = r.rows_read;
  j["rows_imported"] = r.rows_imported;
  j["rows_rejected"] = r.rows_rejected;
  j["rows_skipped"] = r.rows_skipped;
  j["skipped"] = r.skipped_by_reason;
  j["people"] = r.people.size();
  j["sentences"] = r.sentences.size();
  j["warnings"] = r.WarningsByCode();
  j["unmatched_offense_codes"] = r.unmatched_offense_codes;
  j["defaulted_values"] = r.defaulted_values;
  if (catalog) j["catalog"] = catalog->path();
  if (!WriteFileAtomically(out.path("import.json"), j.dump(2) + "\n", &error)) return out.Fail(error);
  if (const int rc = out.Commit({"import", as_of.date.ToString(), {{args.input, input_sha256}, {mapping_path, mapping_sha256}}});
      rc != kExitOk)
    return rc;
  if (!args.save.empty())
    if (const int rc = SaveImported(args, as_of.date); rc != kExitOk) return rc;
  const std::string skipped =
      mapping->skips.empty() && r.rows_skipped == 0 ? "" : fmt::format(" + {} skipped", r.rows_skipped);
  fmt::print("{}\n", as_of_date.Statement());
  fmt::print("{}: {} rows read = {} imported + {} rejected{}; {} people, {} sentences\n", options.file_name, r.rows_read,
             r.rows_imported, r.rows_rejected, skipped, r.people.size(), r.sentences.size());
  if (r.rows_skipped > 0)
    fmt::print("{} rows skipped by the mapping's [[skip]] rules or duplicate_rows = \"drop\" (listed in skipped.csv)\n",
               r.rows_skipped);
  if (!r.unmatched_offense_codes.empty())
    fmt::print("{} offense codes not in the {} catalog (listed in import.json)\n", r.unmatched_offense_codes.size(),
               mapping->catalog);
  return kExitOk;
}

}  // namespace clemency
