// import_roster() (import.h), wired as cli/cmd_import.cc.
#include "import.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "clemency/core/input_schema.h"
#include "clemency/io/csv_reader.h"
#include "clemency/io/csv_writer.h"
#include "clemency/io/import_transform.h"
#include "clemency/io/xlsx_reader.h"
#include "clemency/law/import_mapping.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/offense_resolver.h"
#include "clemency/law/rules_dir.h"
#include "errors.h"
#include "population.h"

namespace clemency::python {
namespace {

namespace fs = std::filesystem;
namespace py = pybind11;

class CsvInput : public import::RowReader {
 public:
  explicit CsvInput(std::unique_ptr<CsvReader> r) : r_(std::move(r)) {}
  bool Next(CsvRecord& record) override { return r_->Next(record); }
  const std::string& io_error() const override { return r_->io_error(); }

 private:
  std::unique_ptr<CsvReader> r_;
};

bool IsWorkbook(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".xlsx";
}

std::unique_ptr<import::RowReader> OpenInput(const std::string& path, const std::string& sheet) {
  std::string error;
  std::unique_ptr<import::RowReader> reader;
  if (IsWorkbook(path)) reader = XlsxReader::Open(path, sheet, &error);
  else if (auto csv = CsvReader::Open(path, &error)) reader = std::make_unique<CsvInput>(std::move(csv));
  if (!reader) FailLocated(ErrorKind::kData, error);
  return reader;
}

// As `clemency import --mapping`: NAME is rules/mappings/NAME.toml.
std::string MappingPath(const std::string& mapping) {
  if (mapping.find('/') != std::string::npos || mapping.ends_with(".toml")) return mapping;
  return RuleFilePath("mappings", mapping + ".toml", "");
}

// The mapping's own rules folder when its catalog sits beside it (cmd_import.cc).
std::string CatalogFolderBeside(const std::string& mapping_path) {
  std::error_code ec;
  const fs::path dir = fs::path(mapping_path).parent_path();
  if (fs::is_directory(dir / "offenses", ec)) return dir.string();
  if (dir.filename() == "mappings" && fs::is_directory(dir.parent_path() / "offenses", ec))
    return dir.parent_path().string();
  return "";
}

void WriteRows(const std::string& path, std::span<const InputColumn> fields,
               const std::vector<std::vector<std::string>>& rows) {
  CsvWriter w(path);
  for (const auto& f : fields) w.Field(f.name);
  w.EndRow();
  for (const auto& row : rows) {
    for (const std::string& v : row) w.Field(v);
    w.EndRow();
  }
  if (!w.Commit()) Fail(ErrorKind::kUsage, "cannot write the imported rows: " + w.error());
}

// A private folder, removed with everything in it when the scope ends.
struct TempDir {
  std::string path;
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/clemency-import-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) Fail(ErrorKind::kUsage, "cannot create a temporary folder", pattern);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string ImportJson(const import::ImportResult& r, const std::string& mapping_path) {
  nlohmann::ordered_json j;
  j["mapping"] = mapping_path;
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
  return j.dump();
}

import::ImportResult Transform(const import::ImportMapping& mapping, const std::string& mapping_path,
                               const std::string& input, Date as_of) {
  std::string error;
  std::optional<OffenseCatalog> catalog;
  if (!mapping.catalog.empty()) {
    catalog = OffenseCatalog::LoadJurisdiction(mapping.catalog, &error, CatalogFolderBeside(mapping_path));
    if (!catalog) FailLocated(ErrorKind::kRules, error);
  }
  auto reader = OpenInput(input, mapping.sheet);
  import::ImportOptions options;
  options.file_name = fs::path(input).filename().string();
  options.as_of = as_of;
  if (catalog)
    options.offense_known = [&](std::string_view code) {
      return ResolveOffense(&*catalog, code, "").how != Resolution::kUnresolved;
    };
  return import::ImportRows(mapping, *reader, options);
}

PopulationPtr ImportRoster(const std::string& input, const std::string& mapping_arg, const std::string& as_of_text,
                           const std::string& on_error) {
  if (on_error != "fail" && on_error != "quarantine")
    Fail(ErrorKind::kUsage, "on_error \"" + on_error + "\": expected \"fail\" or \"quarantine\"");
  const Date as_of = ParseAsOf(as_of_text);
  py::gil_scoped_release unlocked;
  const std::string mapping_path = MappingPath(mapping_arg);
  std::error_code ec;
  if (!fs::is_regular_file(mapping_path, ec)) Fail(ErrorKind::kUsage, "no such mapping file", mapping_path);
  std::string error;
  const auto mapping = LoadImportMapping(mapping_path, &error);
  if (!mapping) FailLocated(ErrorKind::kRules, error);
  const import::ImportResult r = Transform(*mapping, mapping_path, input, as_of);
  for (const Problem& p : r.problems)
    if (p.severity == Severity::kError && (r.fatal || on_error == "fail")) FailProblem(p, fs::path(input).parent_path().string());
  auto p = std::make_shared<LoadedPopulation>();
  {
    TempDir dir;
    WriteRows(dir.path + "/people.csv", kPeopleSchema, r.people);
    WriteRows(dir.path + "/sentences.csv", kSentenceSchema, r.sentences);
    p->load = LoadPopulation(dir.path, LoadOptions{as_of, nullptr, 0});
  }
  CheckLoad(p->load, "", false);
  p->as_of = as_of;
  p->source = input;
  p->import_json = ImportJson(r, mapping_path);
  return p;
}

}  // namespace

void BindImport(py::module_& m) {
  m.def("import_roster", &ImportRoster, py::arg("source"), py::arg("mapping"), py::arg("as_of") = "",
        py::arg("on_error") = "fail");
}

}  // namespace clemency::python
