#include "clemency/synth/national.h"

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "clemency/io/csv_writer.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/rules_dir.h"

namespace clemency {
namespace {

constexpr std::string_view kNoPrisonSystem = "DC";
constexpr std::string_view kDcNote =
    "no prison system: since 2001 DC's sentenced felons are federal prisoners (BJS NCJ 307149, Table 4 note), "
    "counted in US";

NationalResult Fail(SynthStatus status, std::string message) {
  NationalResult r;
  r.status = status;
  r.error = std::move(message);
  return r;
}

// A seed of the jurisdiction's own: splitmix64 of the run's seed and its code.
uint64_t JurisdictionSeed(uint64_t seed, std::string_view code) {
  uint64_t x = seed ^ (uint64_t{static_cast<unsigned char>(code[0])} << 40 |
                       uint64_t{static_cast<unsigned char>(code[1])} << 32);
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::string Joined(const std::vector<std::string>& notes) {
  std::string out;
  for (const std::string& n : notes) out += (out.empty() ? "" : "; ") + n;
  return out;
}

bool WriteSources(const std::string& dir, const std::vector<JurisdictionSource>& sources, std::string* error) {
  CsvWriter w((std::filesystem::path(dir) / "jurisdictions.csv").string());
  w.Row({"jurisdiction", "source", "people", "bjs_sentenced_2022", "offense_catalog", "notes"});
  for (const JurisdictionSource& s : sources) {
    w.Field(s.jurisdiction).Field(s.people > 0 ? "synthetic" : "none").Field(s.people).Field(s.bjs_sentenced);
    w.Field(s.offense_catalog).Field(s.notes).EndRow();
  }
  if (w.Commit()) return true;
  *error = w.error();
  return false;
}

}  // namespace

std::vector<std::string> ParseJurisdictionList(std::string_view text, const Calibration& calibration,
                                               std::string* error) {
  std::vector<std::string> out;
  if (text == "ALL") {
    out = calibration.Jurisdictions();
    out.emplace_back(kNoPrisonSystem);
    std::sort(out.begin(), out.end());
    return out;
  }
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    const std::string code(text.substr(start, comma - start));
    if (code != kNoPrisonSystem && !calibration.HasJurisdiction(code)) {
      *error = "\"" + code + "\" is not a jurisdiction the calibration covers (two-letter state codes, US, DC or ALL)";
      return {};
    }
    if (std::find(out.begin(), out.end(), code) != out.end()) {
      *error = "\"" + code + "\" is listed twice";
      return {};
    }
    out.push_back(code);
    start = comma + 1;
  }
  return out;
}

std::vector<int64_t> ApportionPeople(int64_t people, const std::vector<int64_t>& bjs_counts) {
  const int64_t total = std::accumulate(bjs_counts.begin(), bjs_counts.end(), int64_t{0});
  std::vector<int64_t> out(bjs_counts.size(), 0);
  if (total <= 0) return out;
  std::vector<std::pair<int64_t, size_t>> remainders;  // (remainder, index)
  int64_t given = 0;
  for (size_t i = 0; i < bjs_counts.size(); ++i) {
    const int64_t share = people * bjs_counts[i];  // people <= 1e8 and a count <= 1e7: no overflow
    out[i] = share / total;
    remainders.emplace_back(share % total, i);
    given += out[i];
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < people && k < remainders.size(); ++k, ++given) ++out[remainders[k].second];
  return out;
}

NationalResult SynthesizeNational(const NationalOptions& options, const ProgressCallback& progress) {
  if (options.out_dir.empty()) return Fail(SynthStatus::kUsage, "an output directory is required");
  if (options.people > 100'000'000) return Fail(SynthStatus::kUsage, "--people must be at most 100000000");
  std::string error;
  const auto cal = Calibration::Load(Calibration::DefaultPath(options.rules_dir), &error);
  if (!cal) return Fail(SynthStatus::kRules, error);
  std::vector<int64_t> counts;
  for (const std::string& j : options.jurisdictions)
    counts.push_back(j == kNoPrisonSystem ? 0 : cal->sentenced.at(j)[0]);
  const std::vector<int64_t> people = options.people > 0 ? ApportionPeople(options.people, counts) : counts;
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return Fail(SynthStatus::kIo, options.out_dir + ": cannot create the directory: " + ec.message());
  SynthFiles files(options.out_dir);
  if (!files.ok()) return Fail(SynthStatus::kIo, files.error());

  NationalResult result;
  const int64_t total = std::accumulate(people.begin(), people.end(), int64_t{0});
  for (size_t i = 0; i < options.jurisdictions.size(); ++i) {
    const std::string& j = options.jurisdictions[i];
    JurisdictionSource source{j, people[i], counts[i], "", ""};
    if (j == kNoPrisonSystem || people[i] == 0) {
      source.notes = j == kNoPrisonSystem ? std::string(kDcNote) : "no people at this --people";
      result.sources.push_back(std::move(source));
      continue;
    }
    const auto catalog = OffenseCatalog::LoadOrGeneric(j, &error, options.rules_dir);
    if (!catalog) return Fail(SynthStatus::kRules, error);
    source.offense_catalog = catalog->generic() ? "generic" : catalog->generic_path().empty() ? "own" : "own + generic";
    SynthOptions one;
    one.jurisdiction = j;
    one.people = people[i];
    one.seed = JurisdictionSeed(options.seed, j);
    one.as_of = options.as_of;
    one.threads = options.threads;
    one.id_prefix = j + "-";
    const int64_t before = result.people;
    auto step = [&](std::string_view, uint64_t done, uint64_t) {
      if (progress) progress("synthesizing " + j, static_cast<uint64_t>(before) + done, static_cast<uint64_t>(total));
    };
    const SynthResult r = SynthesizeInto(one, *cal, *catalog, files, step);
    if (!r.ok()) return Fail(r.status, j + ": " + r.error);
    result.people += r.people;
    result.sentences += r.sentences;
    result.facilities += r.facilities;
    source.notes = Joined(r.notes);
    result.sources.push_back(std::move(source));
  }
  if (!WriteSources(options.out_dir, result.sources, &error)) return Fail(SynthStatus::kIo, error);
  if (!files.Commit()) return Fail(SynthStatus::kIo, files.error());
  return result;
}

}  // namespace clemency
