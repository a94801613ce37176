// clemency synth --jurisdiction XX|ALL|XX,YY,... [--people N] --seed S --as-of DATE -o DIR
#include <cstdio>
#include <filesystem>
#include <string>

#include "clemency/cli/as_of.h"
#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/cli/progress.h"
#include "clemency/core/codes.h"
#include "clemency/law/rules_dir.h"
#include "clemency/synth/national.h"
#include "clemency/synth/synthesizer.h"

namespace clemency {
namespace {

int Usage(const std::string& message) {
  std::fprintf(stderr, "clemency synth: %s\n", message.c_str());
  return kExitUsage;
}

int ExitCode(SynthStatus status) {
  switch (status) {
    case SynthStatus::kUsage: return kExitUsage;
    case SynthStatus::kRules: return kExitBadRules;
    case SynthStatus::kIo:
    case SynthStatus::kOk: return kExitInternal;
  }
  return kExitInternal;
}

bool OneJurisdiction(const std::string& j) { return j.size() == 2 && IsJurisdictionCode(j) && j != "DC"; }

// Several jurisdictions into one folder (synth/national.h).
int RunNational(const SynthArgs& args, const Date& as_of, CommandOutput& out) {
  std::string error;
  const auto cal = Calibration::Load(Calibration::DefaultPath(), &error);
  if (!cal) {
    std::fprintf(stderr, "clemency synth: %s\n", error.c_str());
    return kExitBadRules;
  }
  NationalOptions options;
  options.jurisdictions = ParseJurisdictionList(args.jurisdiction, *cal, &error);
  if (options.jurisdictions.empty()) return Usage("--jurisdiction " + args.jurisdiction + ": " + error);
  options.people = args.people_given ? args.people : 0;
  options.seed = args.seed;
  options.as_of = as_of;
  options.out_dir = out.dir();
  const NationalResult result = SynthesizeNational(options, TerminalProgress());
  EndTerminalProgress();
  if (!result.ok()) {
    if (result.status == SynthStatus::kIo) return out.Fail(result.error);
    std::fprintf(stderr, "clemency synth: %s\n", result.error.c_str());
    return ExitCode(result.status);
  }
  if (const int rc = out.Commit({"synth", as_of.ToString(), {}}); rc != kExitOk) return rc;
  int generic = 0;
  for (const JurisdictionSource& s : result.sources) generic += s.offense_catalog == "generic";
  std::printf("wrote %lld people, %lld sentences, %lld facilities in %zu jurisdictions to %s (seed %llu, as of %s)\n",
              static_cast<long long>(result.people), static_cast<long long>(result.sentences),
              static_cast<long long>(result.facilities), result.sources.size(), args.out_dir.c_str(),
              static_cast<unsigned long long>(args.seed), as_of.ToString().c_str());
  std::printf("%d jurisdictions have no offense catalog: their offenses are BJS categories (XX:BJS ...); "
              "jurisdictions.csv says where each one's figures come from\n", generic);
  return kExitOk;
}

}  // namespace

int RunSynth(const SynthArgs& args) {
  const bool several = args.jurisdiction == "ALL" || args.jurisdiction.find(',') != std::string::npos;
  if (!several && !OneJurisdiction(args.jurisdiction))
    return Usage("--jurisdiction \"" + args.jurisdiction +
                 "\": expected a two-letter state code such as CA, US (federal), ALL or a list such as CA,TX" +
                 (args.jurisdiction == "DC" ? " (DC has no prison system: its sentenced felons are federal prisoners)"
                                            : ""));
  if (args.people <= 0) return Usage("--people " + std::to_string(args.people) + ": must be at least 1");
  if (args.out_dir.empty()) return Usage("-o DIR: an output directory is required");
  const AsOfDate as_of_date = ResolveAsOf(args.as_of);
  const std::string& as_of_text = as_of_date.text;
  const DateParseResult as_of = ParseDate(as_of_text);
  if (!as_of.ok())
    return Usage("--as-of \"" + as_of_text + "\": " + std::string(DescribeDateParseError(as_of.error)));

  CommandOutput out("synth", args.out_dir, args.staged);
  if (const int rc = out.Open(kSynthOutputNames); rc != kExitOk) return rc;
  if (several) {
    const int rc = RunNational(args, as_of.date, out);
    if (rc == kExitOk) std::printf("%s\n", as_of_date.Statement().c_str());
    return rc;
  }

  SynthOptions options;
  options.jurisdiction = args.jurisdiction;
  options.people = args.people;
  options.seed = args.seed;
  options.as_of = as_of.date;
  options.out_dir = out.dir();
  const SynthResult result = Synthesize(options, TerminalProgress());
  EndTerminalProgress();
  if (!result.ok()) {
    if (result.status == SynthStatus::kIo) return out.Fail(result.error);
    std::fprintf(stderr, "clemency synth: %s\n", result.error.c_str());
    return ExitCode(result.status);
  }
  if (const int rc = out.Commit({"synth", as_of.date.ToString(), {}}); rc != kExitOk) return rc;
  for (const std::string& note : result.notes) std::fprintf(stderr, "clemency synth: note: %s\n", note.c_str());
  std::printf("wrote %lld people, %lld sentences, %lld facilities to %s (%s, seed %llu, as of %s)\n",
              static_cast<long long>(result.people), static_cast<long long>(result.sentences),
              static_cast<long long>(result.facilities), args.out_dir.c_str(), args.jurisdiction.c_str(),
              static_cast<unsigned long long>(args.seed), as_of.date.ToString().c_str());
  std::printf("%s\n", as_of_date.Statement().c_str());
  return kExitOk;
}

}  // namespace clemency
