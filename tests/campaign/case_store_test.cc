// The candidate pipeline's store behaviour, one suite run on SQLite and on a
// real PostgreSQL server started by the test (support/pg_server.h; missing
// server binaries fail the suite): schema and migrations (a newer schema is
// refused), sync (new candidates at identified, leavers and the no longer
// eligible flagged, never deleted, the same screening once), advance (allowed
// moves append one event; refused moves and out-of-order dates change
// nothing), history is append-only (UPDATE and DELETE fail), two clients
// advancing different and the same cases at once (no lost event, sequences
// 1..N), a client killed between events (every acknowledged event is there,
// the store opens clean), and the report's funnel, grant rates and clocks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "clemency/campaign/case_clocks.h"
#include "clemency/campaign/case_events.h"
#include "clemency/campaign/case_report.h"
#include "clemency/campaign/case_schema.h"
#include "clemency/campaign/case_store.h"
#include "clemency/campaign/case_sync.h"
#include "support/pg_server.h"

namespace clemency {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

testing_support::PgServer& Server() {
  static auto* server = new testing_support::PgServer();  // stopped by the environment below
  return *server;
}

class StopServer : public ::testing::Environment {
 public:
  void TearDown() override { delete &Server(); }
};
const auto* const kStop = ::testing::AddGlobalTestEnvironment(new StopServer);

int NextId() {
  static int n = 0;
  return ++n;
}

struct SqliteBackend {
  static std::string NewDb() {
    const fs::path dir = fs::path(::testing::TempDir()) / ("cases_store_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path db = dir / ("t" + std::to_string(NextId()) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    return db.string();
  }
};

struct PostgresBackend {
  static std::string NewDb() {
    if (!Server().ok()) {
      ADD_FAILURE() << "PostgreSQL server: " << Server().error();
      return "";
    }
    const std::string name = "cases_" + std::to_string(NextId());
    EXPECT_TRUE(Server().Psql("CREATE DATABASE " + name)) << name;
    return Server().Url(name);
  }
};

std::unique_ptr<CaseStore> Open(const std::string& db, bool create = false) {
  std::string error;
  auto store = OpenCaseStore(db, create, &error);
  EXPECT_NE(store, nullptr) << error;
  return store;
}

// A screening in memory: (person, status) pairs, all CA.
ScreeningFolder Screening(const std::string& as_of, const std::vector<std::pair<std::string, std::string>>& people) {
  ScreeningFolder s;
  s.snapshot.dir = "screen-" + as_of;
  s.snapshot.as_of = as_of;
  s.snapshot.policy_id = "redemption-2020";
  for (const auto& [id, status] : people) {
    ScreenedPerson p{id, status, status == "eligible" ? "older" : "", "", "", "CA", "", ""};
    s.snapshot.people.push_back(p);
    s.reasons[id] = "{\"person_id\":\"" + id + "\",\"status\":\"" + status + "\"}";
  }
  for (std::string* sha : {&s.screening_csv_sha256, &s.summary_sha256, &s.reasons_sha256, &s.policy_sha256,
                           &s.manifest_sha256})
    *sha = "sha-" + as_of + "-" + std::to_string(people.size());
  s.rule_files = "{\"policy\":\"redemption-2020\"}";
  return s;
}

template <typename Backend>
class CaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Backend::NewDb();
    ASSERT_FALSE(db_.empty());
    store_ = Open(db_, /*create=*/true);
    ASSERT_NE(store_, nullptr);
    std::string message;
    ASSERT_EQ(MigrateCaseSchema(*store_, "db", "2026-01-01T00:00:00Z", &message), SchemaCheck::kOk) << message;
  }
  SyncCounts Sync(const ScreeningFolder& s, SyncResult want = SyncResult::kOk) {
    SyncCounts n;
    std::string message;
    EXPECT_EQ(SyncScreening(*store_, s, "now", &n, &message), want) << message;
    return n;
  }
  AdvanceResult Advance(CaseStore& store, const std::string& person, const std::string& to, const std::string& on,
                        const std::string& outcome = "", int64_t* seq_out = nullptr) {
    int64_t seq = 0;
    std::string message;
    const AdvanceResult r = AdvanceCase(store, {person, to, outcome, "tester", "a test", on, "now"}, &seq, &message);
    if (seq_out != nullptr) *seq_out = seq;
    return r;
  }
  std::string Flag(const std::string& person) {
    const auto rows = store_->Query("SELECT s.flag FROM case_latest_screening s JOIN cases c ON c.case_id = s.case_id "
                                    "WHERE c.person_id = $1", {person});
    return rows.empty() ? "(none)" : rows[0][0].value_or("");
  }
  void ToFiled(const std::string& person) {
    for (const char* to : {"contacted", "petition_drafted", "filed"})
      ASSERT_EQ(Advance(*store_, person, to, "2025-05-01"), AdvanceResult::kOk);
  }
  int64_t Count(const std::string& table) {
    return std::stoll(store_->Query("SELECT COUNT(*) FROM " + table).at(0).at(0).value_or("-1"));
  }

  std::string db_;
  std::unique_ptr<CaseStore> store_;
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;
class BackendNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, SqliteBackend> ? "sqlite" : "postgres";
  }
};
TYPED_TEST_SUITE(CaseStoreTest, Backends, BackendNames);

TYPED_TEST(CaseStoreTest, InitCreatesTheSchemaOnceAndChecksIt) {
  EXPECT_EQ(StoredSchemaVersion(*this->store_), CaseSchemaVersion());
  std::string message;
  EXPECT_EQ(MigrateCaseSchema(*this->store_, "db", "later", &message), SchemaCheck::kOk);
  EXPECT_EQ(this->Count("schema_version"), CaseSchemaVersion());
  EXPECT_EQ(CheckCaseSchema(*this->store_, "db", &message), SchemaCheck::kOk);
}

TYPED_TEST(CaseStoreTest, ANewerSchemaIsRefused) {
  this->store_->Query("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 'x')");
  std::string message;
  EXPECT_EQ(CheckCaseSchema(*this->store_, "the-db", &message), SchemaCheck::kNewer);
  EXPECT_THAT(message, HasSubstr("version 99, newer than this clemency's 1"));
  EXPECT_EQ(MigrateCaseSchema(*this->store_, "the-db", "now", &message), SchemaCheck::kNewer);
}

TYPED_TEST(CaseStoreTest, AnEmptyDatabaseIsNotACasesDatabase) {
  const std::string db = TypeParam::NewDb();
  auto fresh = Open(db, true);
  std::string message;
  EXPECT_EQ(CheckCaseSchema(*fresh, "fresh", &message), SchemaCheck::kMissing);
  EXPECT_THAT(message, HasSubstr("clemency cases init --db fresh"));
}

TYPED_TEST(CaseStoreTest, SyncAddsTheNamedAtIdentifiedAndLinksTheScreening) {
  const SyncCounts n = this->Sync(Screening("2025-01-01", {{"A", "eligible"}, {"B", "needs_review"}, {"C", "not_eligible"}}));
  EXPECT_EQ(n.added, 2);
  EXPECT_EQ(n.cases, 2);
  const auto a = FindCase(*this->store_, "A");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->stage, "identified");
  EXPECT_EQ(a->at, "2025-01-01");
  EXPECT_EQ(a->jurisdiction, "CA");
  EXPECT_FALSE(FindCase(*this->store_, "C"));
  const auto link = this->store_->Query(
      "SELECT s.policy_id, s.as_of, s.rule_files, cs.status, cs.groups_met, cs.reasons FROM case_screenings cs "
      "JOIN screenings s ON s.screening_id = cs.screening_id WHERE cs.case_id = $1",
      {a->case_id});
  ASSERT_EQ(link.size(), 1u);
  EXPECT_EQ(link[0][0], "redemption-2020");
  EXPECT_EQ(link[0][1], "2025-01-01");
  EXPECT_THAT(*link[0][2], HasSubstr("redemption-2020"));
  EXPECT_EQ(link[0][3], "eligible");
  EXPECT_EQ(link[0][4], "older");
  EXPECT_THAT(*link[0][5], HasSubstr("\"person_id\":\"A\""));
  // The same screening again is recorded once.
  this->Sync(Screening("2025-01-01", {{"A", "eligible"}, {"B", "needs_review"}, {"C", "not_eligible"}}),
             SyncResult::kAlreadySynced);
  EXPECT_EQ(this->Count("screenings"), 1);
}

TYPED_TEST(CaseStoreTest, ResyncFlagsAndNeverDeletes) {
  this->Sync(Screening("2025-01-01", {{"A", "eligible"}, {"B", "needs_review"}, {"C", "not_eligible"}}));
  ASSERT_EQ(this->Advance(*this->store_, "A", "contacted", "2025-02-01"), AdvanceResult::kOk);
  const std::vector<CaseEvent> before = AllEvents(*this->store_);
  const SyncCounts n = this->Sync(Screening("2026-01-01", {{"A", "not_eligible"}, {"C", "not_eligible"}, {"D", "eligible"}}));
  EXPECT_EQ(n.added, 1);
  EXPECT_EQ(n.left_prison, 1);
  EXPECT_EQ(n.no_longer_eligible, 1);
  EXPECT_EQ(this->Flag("A"), "no_longer_eligible");
  EXPECT_EQ(this->Flag("B"), "left_prison");
  EXPECT_EQ(this->Flag("D"), "");
  EXPECT_EQ(this->Count("cases"), 3);
  EXPECT_EQ(this->Count("case_screenings"), 2 + 3);
  std::vector<CaseEvent> after = AllEvents(*this->store_);
  ASSERT_EQ(after.size(), before.size() + 1);  // D's identified, nothing else
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(after[i].why, before[i].why);
  EXPECT_EQ(FindCase(*this->store_, "A")->stage, "contacted");
  // A screening older than one synced is refused.
  this->Sync(Screening("2024-06-01", {{"E", "eligible"}}), SyncResult::kOlder);
  EXPECT_FALSE(FindCase(*this->store_, "E"));
}

TYPED_TEST(CaseStoreTest, AdvanceAppendsAndARefusedMoveChangesNothing) {
  this->Sync(Screening("2025-01-01", {{"A", "eligible"}}));
  CaseStore& s = *this->store_;
  int64_t seq = 0;
  EXPECT_EQ(this->Advance(s, "A", "contacted", "2025-02-01", "", &seq), AdvanceResult::kOk);
  EXPECT_EQ(seq, 2);
  const std::vector<CaseEvent> before = AllEvents(s);
  EXPECT_EQ(this->Advance(s, "A", "released", "2025-03-01"), AdvanceResult::kRefused);
  EXPECT_EQ(this->Advance(s, "A", "decided", "2025-03-01", "granted"), AdvanceResult::kRefused);
  EXPECT_EQ(this->Advance(s, "A", "counsel_assigned", "2025-01-15"), AdvanceResult::kRefused);  // before the last step
  EXPECT_EQ(this->Advance(s, "A", "no_such_stage", "2025-03-01"), AdvanceResult::kRefused);
  EXPECT_EQ(this->Advance(s, "nobody", "contacted", "2025-03-01"), AdvanceResult::kUnknownPerson);
  EXPECT_EQ(AllEvents(s).size(), before.size());
  std::string message;
  int64_t unused = 0;
  EXPECT_EQ(AdvanceCase(s, {"A", "released", "", "x", "y", "2025-03-01", "now"}, &unused, &message), AdvanceResult::kRefused);
  EXPECT_THAT(message, HasSubstr("a case at contacted cannot move to released"));
  for (const auto& [to, outcome] : std::vector<std::pair<std::string, std::string>>{
           {"counsel_assigned", ""}, {"petition_drafted", ""}, {"filed", ""}, {"hearing", ""}, {"decided", "granted"},
           {"released", ""}})
    EXPECT_EQ(this->Advance(s, "A", to, "2025-04-01", outcome), AdvanceResult::kOk) << to;
  const std::vector<CaseEvent> history = CaseHistory(s, FindCase(s, "A")->case_id);
  ASSERT_EQ(history.size(), 8u);
  for (size_t i = 0; i < history.size(); ++i) EXPECT_EQ(history[i].seq, static_cast<int64_t>(i + 1));
  EXPECT_EQ(history[6].outcome, "granted");
  EXPECT_EQ(history.back().stage, "released");
}

TYPED_TEST(CaseStoreTest, HistoryIsAppendOnly) {
  this->Sync(Screening("2025-01-01", {{"A", "eligible"}}));
  EXPECT_THROW(this->store_->Query("UPDATE case_events SET stage = 'released'"), StoreError);
  EXPECT_THROW(this->store_->Query("DELETE FROM case_events"), StoreError);
  EXPECT_THROW(this->store_->Query("DELETE FROM case_screenings"), StoreError);
  EXPECT_EQ(this->Count("case_events"), 1);
  EXPECT_EQ(FindCase(*this->store_, "A")->stage, "identified");
}

// One step of the endless cycle filed -> decided (denied) -> filed ...
// from the case's current position; kRefused when another client moved it first.
std::pair<std::string, std::string> NextMove(const std::string& position) {
  if (position == "filed") return {"decided", "denied"};
  return {"filed", ""};
}

// In a child: advance `person` `n` times (re-reading its position each time)
// and write every acknowledged seq to fd; exits without running destructors.
[[noreturn]] void Client(const std::string& db, const std::string& person, int n, int fd) {
  std::string error;
  auto store = OpenCaseStore(db, false, &error);
  if (!store) _exit(10);
  for (int i = 0; i < n; ++i) {
    try {
      const auto c = FindCase(*store, person);
      const auto [to, outcome] = NextMove(c->position());
      int64_t seq = 0;
      if (AdvanceCase(*store, {person, to, outcome, "client", "cycle", "2025-05-01", "now"}, &seq, &error) ==
          AdvanceResult::kOk) {
        if (write(fd, &seq, sizeof seq) != sizeof seq) _exit(11);
      }
    } catch (const StoreError&) {
      _exit(12);
    }
  }
  _exit(0);
}

std::vector<int64_t> ReadAll(int fd) {
  std::vector<int64_t> out;
  int64_t v;
  while (read(fd, &v, sizeof v) == sizeof v) out.push_back(v);
  return out;
}

TYPED_TEST(CaseStoreTest, TwoClientsAtOnceLoseNoEvent) {
  this->Sync(Screening("2025-01-01", {{"A", "eligible"}, {"B", "eligible"}, {"S", "eligible"}}));
  for (const char* p : {"A", "B", "S"}) this->ToFiled(p);
  constexpr int kSteps = 30;
  // Four clients: one each on A and B (different cases), two on S (the same case).
  const std::vector<std::string> people = {"A", "B", "S", "S"};
  this->store_.reset();  // no connection of the parent's is open across fork() (SQLite forbids using one there)
  std::vector<pid_t> pids;
  std::vector<int> fds;
  for (const std::string& person : people) {
    int pipefd[2];
    ASSERT_EQ(pipe(pipefd), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(pipefd[0]);
      Client(this->db_, person, kSteps, pipefd[1]);
    }
    close(pipefd[1]);
    pids.push_back(pid);
    fds.push_back(pipefd[0]);
  }
  std::map<std::string, std::vector<int64_t>> acked;
  for (size_t i = 0; i < pids.size(); ++i) {
    const std::vector<int64_t> got = ReadAll(fds[i]);
    close(fds[i]);
    int status = 0;
    waitpid(pids[i], &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "client " << i << " status " << status;
    acked[people[i]].insert(acked[people[i]].end(), got.begin(), got.end());
  }
  this->store_ = Open(this->db_);
  EXPECT_EQ(acked["A"].size(), static_cast<size_t>(kSteps));  // alone on its case: every step taken
  EXPECT_EQ(acked["B"].size(), static_cast<size_t>(kSteps));
  EXPECT_GE(acked["S"].size(), static_cast<size_t>(kSteps));  // two on one case: some moves lost the race, refused
  for (const char* person : {"A", "B", "S"}) {
    const std::vector<CaseEvent> history = CaseHistory(*this->store_, FindCase(*this->store_, person)->case_id);
    ASSERT_EQ(history.size(), 4 + acked[person].size()) << person;  // identified + 3 + every acknowledged step
    std::set<int64_t> seqs(acked[person].begin(), acked[person].end());
    EXPECT_EQ(seqs.size(), acked[person].size()) << "a seq acknowledged twice on " << person;
    for (size_t i = 0; i < history.size(); ++i) EXPECT_EQ(history[i].seq, static_cast<int64_t>(i + 1));
    for (size_t i = 4; i < history.size(); ++i)  // the cycle held: no two clients made the same move
      EXPECT_EQ(history[i].stage, history[i - 1].stage == "filed" ? "decided" : "filed") << person << " " << i;
  }
}

TYPED_TEST(CaseStoreTest, AClientKilledBetweenEventsLosesNothingAcknowledged) {
  this->Sync(Screening("2025-01-01", {{"A", "eligible"}}));
  this->ToFiled("A");
  int pipefd[2];
  ASSERT_EQ(pipe(pipefd), 0);
  this->store_.reset();  // see above
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(pipefd[0]);
    Client(this->db_, "A", 1000000, pipefd[1]);
  }
  close(pipefd[1]);
  std::vector<int64_t> acked;
  int64_t v;
  while (acked.size() < 25 && read(pipefd[0], &v, sizeof v) == sizeof v) acked.push_back(v);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  const std::vector<int64_t> rest = ReadAll(pipefd[0]);  // acknowledged before the kill landed
  close(pipefd[0]);
  acked.insert(acked.end(), rest.begin(), rest.end());
  ASSERT_GE(acked.size(), 25u);
  auto reopened = Open(this->db_);
  ASSERT_NE(reopened, nullptr);
  std::string message;
  EXPECT_EQ(CheckCaseSchema(*reopened, "db", &message), SchemaCheck::kOk) << message;
  const std::vector<CaseEvent> history = CaseHistory(*reopened, FindCase(*reopened, "A")->case_id);
  std::set<int64_t> stored;
  for (size_t i = 0; i < history.size(); ++i) {
    EXPECT_EQ(history[i].seq, static_cast<int64_t>(i + 1));
    stored.insert(history[i].seq);
  }
  for (int64_t seq : acked) EXPECT_TRUE(stored.count(seq)) << "acknowledged event " << seq << " lost";
  EXPECT_LE(history.size(), 4 + acked.size() + 1);  // at most one committed but not yet acknowledged
  if (reopened->dialect() == "sqlite") {
    EXPECT_EQ(reopened->Query("PRAGMA integrity_check").at(0).at(0), "ok");
  }
  // And the store takes the next event.
  EXPECT_EQ(this->Advance(*reopened, "A", NextMove(FindCase(*reopened, "A")->position()).first, "2025-06-01",
                          NextMove(FindCase(*reopened, "A")->position()).second),
            AdvanceResult::kOk);
}

LegalClockSet FixtureClocks() {
  std::string error;
  auto set = LegalClockSet::Load(std::string(CLEMENCY_TEST_DATA) + "/clocks/WY.toml", &error);
  EXPECT_TRUE(set) << error;
  return set ? *set : LegalClockSet();
}

TYPED_TEST(CaseStoreTest, ReportCountsTheFunnelGrantRatesClocksAndPlan) {
  ScreeningFolder s = Screening("2025-01-01", {{"A", "eligible"}, {"B", "eligible"}, {"C", "eligible"}, {"D", "eligible"}});
  for (ScreenedPerson& p : s.snapshot.people) p.jurisdiction = "WY";
  this->Sync(s);
  CaseStore& st = *this->store_;
  for (const char* p : {"A", "B", "C"}) {
    for (const char* to : {"contacted", "petition_drafted"}) ASSERT_EQ(this->Advance(st, p, to, "2025-02-01"), AdvanceResult::kOk);
    ASSERT_EQ(this->Advance(st, p, "filed", "2025-03-01"), AdvanceResult::kOk);
  }
  ASSERT_EQ(this->Advance(st, "A", "decided", "2025-06-01", "granted"), AdvanceResult::kOk);
  ASSERT_EQ(this->Advance(st, "A", "released", "2025-07-01"), AdvanceResult::kOk);
  ASSERT_EQ(this->Advance(st, "B", "decided", "2025-06-01", "denied"), AdvanceResult::kOk);
  ASSERT_EQ(this->Advance(st, "C", "decided", "2026-06-01", "granted"), AdvanceResult::kOk);  // after the report's date
  PlannedReleases plan;
  plan.target = 100;
  plan.start = Date::FromCivil(2025, 1, 1);
  plan.horizon_years = 2;
  plan.cumulative_by_year = {10, 30};
  plan.jurisdictions = {{"WY", 0.25, {10, 20}}};
  const CaseClocks clocks = CaseClocks::Of({FixtureClocks()});
  const CasesReport r = BuildCasesReport(st, clocks, Date::FromCivil(2025, 12, 31), plan);
  ASSERT_EQ(r.cases.size(), 4u);
  std::map<std::string, FunnelRow> funnel;
  for (const FunnelRow& f : r.funnel)
    if (f.jurisdiction == "WY") funnel[f.position] = f;
  EXPECT_EQ(funnel["identified"].reached, 4);
  EXPECT_EQ(funnel["identified"].now, 1);
  EXPECT_EQ(funnel["filed"].reached, 3);
  EXPECT_EQ(funnel["filed"].now, 1);  // C: its decision comes after the date
  EXPECT_EQ(funnel["released"].now, 1);
  EXPECT_EQ(funnel["denied"].now, 1);
  const GrantRow& g = r.grants.front();  // "WY" sorts before "all"
  EXPECT_EQ(g.jurisdiction, "WY");
  EXPECT_EQ(g.granted, 1);
  EXPECT_EQ(g.denied, 1);
  EXPECT_DOUBLE_EQ(g.assumed, 0.25);
  ASSERT_EQ(r.progress.size(), 2u);
  EXPECT_EQ(r.progress[0].released, 1);
  EXPECT_NEAR(r.progress[0].expected, 10.0 * 364 / 365, 1e-9);
  // Clocks (tests/data/clocks/WY.toml): C filed 2025-03-01 with a 90-day decision deadline: overdue on 2025-12-31;
  // B denied 2025-06-01: a one-year waiting period, running.
  std::map<std::string, std::string> state;
  for (const ReportCase& c : r.cases)
    for (const RunningClock& k : c.clocks) state[c.state.person_id + ":" + k.clock->id] = k.state + " " + k.runs_out.ToString();
  EXPECT_EQ(state["C:decision_deadline"], "overdue 2025-05-30");
  EXPECT_EQ(state["B:reapply_after_denial"], "running 2026-06-01");
  EXPECT_EQ(state.count("B:pardon_only"), 0u);  // a pardon clock does not apply to a commutation petition
  EXPECT_THAT(CasesCsv(r), HasSubstr(",WY,decided,denied,2025-06-01,,eligible,older,reapply_after_denial: "));
  EXPECT_THAT(CasesReportHtml(r), HasSubstr("decision_deadline"));
}

TEST(SqliteStore, TheFileIsPrivateToItsOwner) {
  const std::string db = SqliteBackend::NewDb();
  const mode_t old = umask(022);
  auto store = Open(db, true);
  umask(old);
  ASSERT_NE(store, nullptr);
  std::string message;
  ASSERT_EQ(MigrateCaseSchema(*store, "db", "now", &message), SchemaCheck::kOk);
  for (const char* suffix : {"", "-wal"}) {
    struct stat st {};
    ASSERT_EQ(stat((db + suffix).c_str(), &st), 0) << suffix;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << db << suffix;
  }
  EXPECT_EQ(store->Query("PRAGMA journal_mode").at(0).at(0), "wal");
}

TEST(SqliteStore, AMissingFileIsNotCreatedExceptByInit) {
  const std::string db = SqliteBackend::NewDb();
  std::string error;
  EXPECT_EQ(OpenCaseStore(db, false, &error), nullptr);
  EXPECT_THAT(error, HasSubstr("create it with clemency cases init --db"));
  EXPECT_FALSE(fs::exists(db));
}

TEST(PostgresStore, TheUrlGoesToLibpqAsGivenSoItsTlsSettingsApply) {
  ASSERT_TRUE(Server().ok()) << Server().error();
  std::string error;
  // The test server has no TLS: sslmode=require must fail, sslmode=disable connect.
  EXPECT_EQ(OpenCaseStore(Server().TcpUrl("postgres", "require"), false, &error), nullptr);
  EXPECT_THAT(error, HasSubstr("SSL"));
  EXPECT_NE(OpenCaseStore(Server().TcpUrl("postgres", "disable"), false, &error), nullptr) << error;
}

}  // namespace
}  // namespace clemency
