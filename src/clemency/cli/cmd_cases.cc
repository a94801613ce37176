// clemency cases init|sync|advance|report|packet --db FILE|postgresql://...:
// the candidate pipeline (docs/cases.md). The work lives in campaign/; this
// file only wires it. Exit 2: a usage error (no such database, a refused
// move, an unknown person, a folder missing); 3: bad input data (a database
// with a newer schema, a malformed screening or plan); 4: a clocks file that
// does not load; 1: the database failed. Messages name only what the user
// typed and the database's own path or URL.
#include <fmt/format.h>

#include <filesystem>

#include "clemency/campaign/case_clocks.h"
#include "clemency/campaign/case_events.h"
#include "clemency/campaign/case_report.h"
#include "clemency/campaign/case_schema.h"
#include "clemency/campaign/case_stages.h"
#include "clemency/campaign/case_store.h"
#include "clemency/campaign/case_sync.h"
#include "clemency/campaign/petition_packet.h"
#include "clemency/cli/as_of.h"
#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/io/atomic_file.h"
#include "clemency/io/csv_writer.h"
#include "clemency/io/sha256.h"

namespace clemency {
namespace {

int Fail(const CasesArgs& a, int code, const std::string& message) {
  fmt::print(stderr, "clemency cases {}: {}\n", a.action, message);
  return code;
}

// The database without a password (user:PASSWORD@ or password=...), for messages.
std::string DbName(const std::string& db) {
  if (!IsPostgresUrl(db)) return db;
  std::string out = db;
  const size_t scheme = out.find("://") + 3, at = out.find('@', scheme), colon = out.find(':', scheme);
  if (at != std::string::npos && colon != std::string::npos && colon < at) out = out.substr(0, colon) + ":***" + out.substr(at);
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    const size_t end = std::min(out.find('&', p), out.size());
    out.replace(p + 9, end - p - 9, "***");
  }
  return out;
}

// Opens the database at this program's schema version; null after printing why.
std::unique_ptr<CaseStore> OpenChecked(const CasesArgs& a, int* rc) {
  std::string error;
  std::unique_ptr<CaseStore> store = OpenCaseStore(a.db, /*create=*/false, &error);
  if (!store) {
    *rc = Fail(a, kExitUsage, error);
    return nullptr;
  }
  const SchemaCheck check = CheckCaseSchema(*store, DbName(a.db), &error);
  if (check == SchemaCheck::kOk) return store;
  *rc = Fail(a, check == SchemaCheck::kNewer ? kExitBadData : kExitUsage, error);
  return nullptr;
}

int Init(const CasesArgs& a) {
  std::string error;
  std::unique_ptr<CaseStore> store = OpenCaseStore(a.db, /*create=*/true, &error);
  if (!store) return Fail(a, kExitUsage, error);
  const int before = StoredSchemaVersion(*store);
  if (MigrateCaseSchema(*store, DbName(a.db), UtcNow(), &error) == SchemaCheck::kNewer)
    return Fail(a, kExitBadData, error);
  if (before == CaseSchemaVersion())
    fmt::print("{}: already at schema version {}; nothing to do\n", DbName(a.db), before);
  else
    fmt::print("{}: schema version {} (was {})\n", DbName(a.db), CaseSchemaVersion(), before);
  return kExitOk;
}

int Sync(const CasesArgs& a) {
  int rc = kExitOk;
  std::unique_ptr<CaseStore> store = OpenChecked(a, &rc);
  if (!store) return rc;
  SnapshotError kind = SnapshotError::kNone;
  std::string error;
  const std::optional<ScreeningFolder> folder = ReadScreeningFolder(a.screening, CasePersonIds(*store), &kind, &error);
  if (!folder) return Fail(a, kind == SnapshotError::kNotADirectory ? kExitUsage : kExitBadData, "--screening " + error);
  SyncCounts n;
  const SyncResult r = SyncScreening(*store, *folder, UtcNow(), &n, &error);
  if (r == SyncResult::kAlreadySynced) {
    fmt::print("{}\n", error);
    return kExitOk;
  }
  if (r == SyncResult::kOlder) return Fail(a, kExitUsage, error);
  fmt::print("screening {}: {} (policy {}, as of {})\n", n.screening_id, a.screening, folder->snapshot.policy_id,
             folder->snapshot.as_of);
  fmt::print("{} new cases at identified; {} cases named by this screening; {} flagged left_prison; {} flagged "
             "no_longer_eligible; {} cases in all\n",
             n.added, n.named, n.left_prison, n.no_longer_eligible, n.cases);
  return kExitOk;
}

// A waiting period or notice still running on the step's date: the step is
// recorded (the clocks carry their own confidence), with a warning citing it.
int WarnRunningClocks(const CasesArgs& a, CaseStore& store, const std::string& on) {
  const std::optional<CaseState> c = FindCase(store, a.person);
  const DateParseResult date = ParseDate(on);
  if (!c || !date.ok()) return kExitOk;  // AdvanceCase says why
  std::string error;
  const std::optional<CaseClocks> clocks = CaseClocks::Load({c->jurisdiction}, &error);
  if (!clocks) return Fail(a, kExitBadRules, error);
  for (const RunningClock& k : clocks->For(c->jurisdiction, c->position(), ParseDate(c->at).date, date.date))
    if (k.state == "running")
      fmt::print(stderr, "clemency cases advance: warning: clock {} ({}, {}) runs until {}: {}; {}\n", k.clock->id,
                 k.clock->kind, k.clock->citation, k.runs_out.ToString(), k.clock->due, "recorded anyway");
  return kExitOk;
}

int Advance(const CasesArgs& a) {
  int rc = kExitOk;
  std::unique_ptr<CaseStore> store = OpenChecked(a, &rc);
  if (!store) return rc;
  const AdvanceRequest r{a.person, a.to, a.outcome, a.by, a.why, a.on.empty() ? TodayIso() : a.on, UtcNow()};
  if (const int warn = WarnRunningClocks(a, *store, r.on); warn != kExitOk) return warn;
  int64_t seq = 0;
  std::string error;
  if (AdvanceCase(*store, r, &seq, &error) != AdvanceResult::kOk) return Fail(a, kExitUsage, error + " (nothing recorded)");
  fmt::print("person {}: event {}: {}{} on {}\n", a.person, seq, a.to, a.outcome.empty() ? "" : " (" + a.outcome + ")",
             r.on);
  return kExitOk;
}

int Report(const CasesArgs& a) {
  int rc = kExitOk;
  std::unique_ptr<CaseStore> store = OpenChecked(a, &rc);
  if (!store) return rc;
  const AsOfDate as_of = ResolveAsOf(a.as_of);
  const DateParseResult date = ParseDate(as_of.text);
  if (!date.ok()) return Fail(a, kExitUsage, "--as-of \"" + as_of.text + "\": expected a date as YYYY-MM-DD");
  std::string error;
  std::optional<PlannedReleases> plan;
  if (!a.plan.empty() && !(plan = LoadCampaignPlan(a.plan, &error))) return Fail(a, kExitBadData, "--plan " + error);
  const std::optional<CaseClocks> clocks = CaseClocks::Load(CaseJurisdictions(*store), &error);
  if (!clocks) return Fail(a, kExitBadRules, error);
  CommandOutput out("cases report", a.out);
  if (const int open = out.Open({"cases.csv", "funnel.csv", "cases.xlsx", "report.html"}); open != kExitOk) return open;
  const CasesReport report = BuildCasesReport(*store, *clocks, date.date, plan);
  for (const auto& [name, text] : {std::pair{"cases.csv", CasesCsv(report)}, {"funnel.csv", FunnelCsv(report)},
                                   {"report.html", CasesReportHtml(report)}})
    if (!WriteFileAtomically(out.path(name), text, &error)) return out.Fail(error);
  if (!WriteCasesXlsx(report, out.path("cases.xlsx"), &error)) return out.Fail(error);
  ManifestInfo info{"cases report", as_of.text, {}};
  if (plan) info.inputs.emplace_back(a.plan, Sha256File(a.plan));
  for (const LegalClockSet* s : clocks->sets()) info.inputs.emplace_back(s->path(), Sha256File(s->path()));
  if (const int commit = out.Commit(info); commit != kExitOk) return commit;
  int64_t overdue = 0;
  for (const ReportCase& c : report.cases)
    for (const RunningClock& k : c.clocks) overdue += k.state == "overdue";
  fmt::print("{} cases {}; {} overdue clocks\nwrote {}/cases.csv, funnel.csv, cases.xlsx and report.html\n",
             report.cases.size(), as_of.Statement(), overdue, a.out);
  return kExitOk;
}

std::string FileName(const std::string& person) {
  std::string out = person;
  for (char& c : out)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
  return out + ".html";
}

int Packet(const CasesArgs& a) {
  int rc = kExitOk;
  std::unique_ptr<CaseStore> store = OpenChecked(a, &rc);
  if (!store) return rc;
  if (a.person.empty() == a.stage.empty()) return Fail(a, kExitUsage, "give --person ID or --stage STAGE (not both)");
  if (!a.stage.empty() && !IsCaseStage(a.stage)) return Fail(a, kExitUsage, "--stage \"" + a.stage + "\" is not a stage");
  std::vector<CaseState> cases;
  for (CaseState& c : CurrentCases(*store))
    if (c.person_id == a.person || c.stage == a.stage) cases.push_back(std::move(c));
  if (cases.empty() && !a.person.empty()) return Fail(a, kExitUsage, "no case for person \"" + a.person + "\"");
  std::set<std::string> people;
  for (const CaseState& c : cases) people.insert(c.person_id);
  std::string error;
  std::error_code ec;
  if (!std::filesystem::is_directory(a.screening, ec)) return Fail(a, kExitUsage, "--screening " + a.screening + ": no such folder");
  const std::optional<PacketSource> source = PacketSource::Open(a.screening, a.data, people, &error);
  if (!source) return Fail(a, kExitBadData, "--screening " + error);
  if (!a.person.empty()) {
    if (!source->Has(a.person)) return Fail(a, kExitUsage, "person \"" + a.person + "\" is not in --screening " + a.screening);
    if (!WriteFileAtomically(a.out, source->Html(a.person, CaseHistory(*store, cases[0].case_id)), &error))
      return Fail(a, kExitUsage, error);
    fmt::print("wrote {}\n", a.out);
    return kExitOk;
  }
  CommandOutput out("cases packet", a.out);
  if (const int open = out.Open({}); open != kExitOk) return open;
  int64_t written = 0, missing = 0;
  for (const CaseState& c : cases) {
    if (!source->Has(c.person_id)) {
      ++missing;
      continue;
    }
    if (!WriteFileAtomically(out.path(FileName(c.person_id)), source->Html(c.person_id, CaseHistory(*store, c.case_id)), &error))
      return out.Fail(error);
    ++written;
  }
  if (const int commit = out.Commit({"cases packet", "", {}}); commit != kExitOk) return commit;
  fmt::print("wrote {} packets into {} ({} cases at {} not in the screening)\n", written, a.out, missing, a.stage);
  return kExitOk;
}

}  // namespace

int RunCases(const CasesArgs& args) {
  try {
    if (args.action == "init") return Init(args);
    if (args.action == "sync") return Sync(args);
    if (args.action == "advance") return Advance(args);
    if (args.action == "report") return Report(args);
    if (args.action == "packet") return Packet(args);
  } catch (const StoreError& e) {
    return Fail(args, kExitInternal, DbName(args.db) + ": " + e.what());
  }
  return kExitUsage;
}

}  // namespace clemency
