// clemency explain --person ID: every rule for one person with the values it
// used, its citation, the status, eligible_on and rank; --json gives the
// person's reasons.jsonl object.
#include <fmt/format.h>

#include "clemency/cli/commands.h"
#include "clemency/cli/data_source.h"
#include "clemency/cli/screen_session.h"

namespace clemency {

int RunExplain(const ExplainArgs& args) {
  ScreenSession s;
  if (const int rc = PrepareScreen(args.in, "explain", s); rc != kExitOk) return rc;
  const uint32_t p = s.load.population->FindPerson(args.person);
  if (p == kNoIndex) {
    fmt::print(stderr, "clemency explain: --person {}: no such person in {}{}people.csv (or the row was rejected)\n",
               args.person, args.in.data_dir, IsSnapshotSource(args.in.data_dir) ? ":" : "/");
    return kExitUsage;
  }
  if (args.json) {
    fmt::print(stderr, "clemency explain: {}\n", s.as_of.Statement());  // stdout holds the JSON line
    fmt::print("{}\n", PersonReasonsJson(s.context(), p));
  } else {
    fmt::print("{}\n{}", s.as_of.Statement(), PersonExplanation(s.context(), p));
  }
  return kExitOk;
}

}  // namespace clemency
