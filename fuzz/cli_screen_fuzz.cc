// Fuzzes the whole screen path on damaged population folders: the input is
// split at the first 0xFF byte into people.csv and sentences.csv bodies (no
// 0xFF: sentences.csv is missing), each given the schema header; the folder
// is loaded, screened with redemption-2020 (--on-error quarantine, so rows
// with errors are set aside rather than stopping the run) and written, in
// process, with the functions `clemency screen` uses. Beyond not crashing:
// the output folder is whole or absent, and its counts reconcile
// (CheckOutputFolderWhole).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "clemency/cli/screen_session.h"
#include "clemency/io/csv_reader.h"
#include "scratch_dir.h"

namespace {

namespace fs = std::filesystem;

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "cli_screen_fuzz: %s\n", what.c_str());
  std::abort();
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An output folder of `clemency screen` is whole or absent: no output file,
// or all four, with screening.csv one row per person of summary.json (the
// people accepted from people.csv), every status a known one and counted as
// summary.json counts it, and reasons.jsonl one line per person. The place
// for the manifest check (every file named with its hash) as well.
void CheckOutputFolderWhole(const fs::path& dir) {
  static const char* const kFiles[] = {"screening.csv", "reasons.jsonl", "summary.json", "candidates.xlsx"};
  int present = 0;
  for (const char* f : kFiles) present += fs::exists(dir / f) ? 1 : 0;
  if (present == 0) return;
  if (present != 4) Fail("a partial output folder: " + std::to_string(present) + " of 4 files");

  const auto summary = nlohmann::json::parse(Slurp(dir / "summary.json"));
  const auto& counts = summary.at("counts");
  const int64_t people = counts.at("people").get<int64_t>();
  if (summary.at("rows").at("files").at("people.csv").at("rows_accepted").get<int64_t>() != people)
    Fail("summary.json counts.people differs from the people accepted");
  std::map<std::string, int64_t> by_status{{"eligible", 0}, {"needs_review", 0}, {"not_eligible", 0}};

  std::string error;
  auto csv = clemency::CsvReader::Open((dir / "screening.csv").string(), &error);
  if (csv == nullptr) Fail("screening.csv unreadable: " + error);
  clemency::CsvRecord rec;
  int64_t rows = -1;  // the header
  while (csv->Next(rec)) {
    if (!rec.ok()) Fail("screening.csv malformed: " + rec.error);
    if (++rows == 0) continue;
    if (rec.fields.size() < 2) Fail("a screening.csv row without a status");
    auto it = by_status.find(std::string(rec.fields[1]));
    if (it == by_status.end()) Fail("an unknown status in screening.csv");
    ++it->second;
  }
  if (rows != people) Fail("screening.csv rows differ from summary.json people");
  for (const auto& [status, n] : by_status)
    if (counts.at(status).get<int64_t>() != n) Fail("summary.json counts." + status + " differs from screening.csv");

  std::ifstream reasons(dir / "reasons.jsonl", std::ios::binary);
  int64_t lines = 0;
  for (std::string line; std::getline(reasons, line); ++lines) (void)nlohmann::json::parse(line);
  if (lines != people) Fail("reasons.jsonl lines differ from summary.json people");
  if (fs::file_size(dir / "candidates.xlsx") == 0) Fail("an empty candidates.xlsx");
}

const fs::path& Root() {
  static const fs::path root = FuzzScratchDir("cli-fuzz");
  return root;
}

void Write(const fs::path& path, std::string_view header, std::string_view body) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << header << body;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const fs::path in_dir = Root() / "data", out_dir = Root() / "out";
  fs::remove_all(in_dir);
  fs::remove_all(out_dir);
  fs::create_directories(in_dir);
  const size_t split = input.find('\xFF');
  Write(in_dir / "people.csv",
        "person_id,jurisdiction,birth_date,birth_date_precision,sex,race,admission_date,"
        "admission_type,facility_id,infractions_5y,medical_high_risk\n",
        input.substr(0, split));
  if (split != std::string_view::npos)
    Write(in_dir / "sentences.csv",
          "person_id,sentence_id,offense_code,offense_description,offense_date,sentence_date,"
          "sentence_type,term_days,min_term_days,max_term_days,enhancements,drug_type,drug_grams,"
          "consecutive_to,status,credits_days,projected_release_date,parole_eligibility_date\n",
          input.substr(split + 1));

  clemency::ScreenInputs in;
  in.data_dir = in_dir.string();
  in.policy = "redemption-2020";
  in.as_of = "2025-01-01";
  in.on_error = "quarantine";
  in.allow_missing_catalog = true;
  clemency::ScreenSession s;
  if (clemency::PrepareScreen(in, "screen", s) == clemency::kExitOk) {
    std::string error;
    // The command stages its output folder (cli/command_output); here the writer gets one made for it.
    fs::create_directories(out_dir);
    if (!clemency::WriteScreeningOutputs(s.context(), s.manifest, out_dir.string(), &error))
      Fail("writing the outputs failed: " + error);
  }
  CheckOutputFolderWhole(out_dir);
  return 0;
}
