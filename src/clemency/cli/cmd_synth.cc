// clemency synth --jurisdiction XX --people N --seed S --as-of DATE -o DIR
#include <cstdio>
#include <filesystem>
#include <string>

#include "clemency/cli/as_of.h"
#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/cli/progress.h"
#include "clemency/core/codes.h"
#include "clemency/synth/synthesizer.h"

namespace clemency {

int RunSynth(const SynthArgs& args) {
  auto usage = [](const std::string& message) {
    std::fprintf(stderr, "clemency synth: %s\n", message.c_str());
    return kExitUsage;
  };
  if (args.jurisdiction.size() != 2 || !IsJurisdictionCode(args.jurisdiction) || args.jurisdiction == "US")
    return usage("--jurisdiction \"" + args.jurisdiction +
                 "\": expected a two-letter state code such as CA");
  if (args.people <= 0) return usage("--people " + std::to_string(args.people) + ": must be at least 1");
  if (args.out_dir.empty()) return usage("-o DIR: an output directory is required");
  const AsOfDate as_of_date = ResolveAsOf(args.as_of);
  const std::string& as_of_text = as_of_date.text;
  const DateParseResult as_of = ParseDate(as_of_text);
  if (!as_of.ok())
    return usage("--as-of \"" + as_of_text + "\": " + std::string(DescribeDateParseError(as_of.error)));

  CommandOutput out("synth", args.out_dir, args.staged);
  if (const int rc = out.Open(kSynthOutputNames); rc != kExitOk) return rc;

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
    switch (result.status) {
      case SynthStatus::kUsage: return kExitUsage;
      case SynthStatus::kRules: return kExitBadRules;
      case SynthStatus::kIo:
      case SynthStatus::kOk: return kExitInternal;
    }
    return kExitInternal;
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
