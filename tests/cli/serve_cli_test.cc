// clemency serve over HTTP (issue 14, docs/api.md): the API agrees with
// `clemency screen` for the same parameters (counts, screening.csv and
// candidates.xlsx byte for byte, the saved scenario); errors are 4xx with a
// message and leave the state as it was; tokens; concurrent clients; a log
// without person_ids; a clean stop.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "support/cli_fixture.h"
#include "support/serve_process.h"

namespace {

using clemency::testing_support::CommandRun;
using clemency::testing_support::ServeProcess;
using clemency::testing_support::Slurp;
using json = nlohmann::json;

class ServeCliTest : public clemency::testing_support::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    const CommandRun r = Clemency("synth --jurisdiction CA --people 3000 --seed 9 --as-of 2026-01-01 -o " + Path("pop"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::vector<std::string> Inputs() const {
    return {"--data", Path("pop"), "--policy", "redemption-2020", "--as-of", "2026-01-01"};
  }
  std::unique_ptr<ServeProcess> Start(std::vector<std::string> more = {}) const {
    std::vector<std::string> args = Inputs();
    args.insert(args.end(), more.begin(), more.end());
    auto server = std::make_unique<ServeProcess>(args, dir_);
    EXPECT_TRUE(server->running()) << server->Err();
    return server;
  }
  // `clemency screen` with these extra arguments into OUT; its summary.json.
  json Screen(const std::string& out, const std::string& more = "") const {
    const CommandRun r = Clemency("screen --data " + Path("pop") + " --policy redemption-2020 --as-of 2026-01-01 -o " +
                                  Path(out) + " " + more);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(Slurp(dir_ / out / "summary.json"));
  }
};

httplib::Result PostJson(httplib::Client& c, const std::string& path, const std::string& body) {
  return c.Post(path.c_str(), body, "application/json");
}

TEST_F(ServeCliTest, TheApiAgreesWithScreenForTheSameParameters) {
  const json declared = Screen("declared");
  const json older = Screen("older", "--set \"min_age=65 years\"");
  auto server = Start();
  httplib::Client c("127.0.0.1", server->port());
  auto summary = c.Get("/api/summary");
  ASSERT_TRUE(summary);
  ASSERT_EQ(summary->status, 200);
  EXPECT_EQ(json::parse(summary->body)["counts"], declared["counts"]);

  auto live = PostJson(c, "/api/screen", R"({"params": {"min_age": "65 years"}})");
  ASSERT_TRUE(live);
  ASSERT_EQ(live->status, 200) << live->body;
  const json live_figures = json::parse(live->body);
  // The dashboard counts its figures its own quick way (report/live_figures.h): they must be summary.json's.
  for (const char* key : {"counts", "groups", "eligible_by_group_combination", "by_race", "by_sex", "by_age_band",
                          "by_offense_category", "by_jurisdiction"})
    EXPECT_EQ(live_figures[key], older[key]) << key;
  EXPECT_NE(older["counts"], declared["counts"]) << "the parameter must matter for this test to mean anything";
  EXPECT_EQ(json::parse(c.Get("/api/summary")->body)["counts"], older["counts"]);
  EXPECT_EQ(json::parse(c.Get("/api/summary")->body)["review_triage"], older["review_triage"])
      << "the triage made after a re-screening is the one screen makes";

  auto csv = c.Get("/api/screening.csv");
  ASSERT_EQ(csv->status, 200);
  EXPECT_TRUE(csv->body == Slurp(dir_ / "older" / "screening.csv")) << "screening.csv differs from clemency screen's";
  EXPECT_EQ(csv->get_header_value("Content-Disposition"), "attachment; filename=\"screening.csv\"");
  auto xlsx = c.Get("/api/candidates.xlsx");
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_TRUE(xlsx->body == Slurp(dir_ / "older" / "candidates.xlsx")) << "candidates.xlsx differs";

  // The saved scenario reproduces the screening through screen --set @FILE.
  auto scenario = c.Get("/api/scenario");
  ASSERT_EQ(scenario->status, 200);
  EXPECT_THAT(scenario->body, ::testing::HasSubstr("\nmin_age=65 years\n"));
  WriteAt("scenario.txt", scenario->body);
  Screen("again", "--set @" + Path("scenario.txt"));
  EXPECT_TRUE(Slurp(dir_ / "again" / "screening.csv") == csv->body);
  EXPECT_EQ(WEXITSTATUS(server->Stop()), 0) << "SIGTERM stops the server cleanly";
}

TEST_F(ServeCliTest, CandidatesPeopleSearchAndAProjection) {
  const json declared = Screen("declared");
  auto server = Start();
  httplib::Client c("127.0.0.1", server->port());
  const json list = json::parse(c.Get("/api/candidates?status=eligible&limit=5")->body);
  EXPECT_EQ(list["total"], declared["counts"]["eligible"]);
  ASSERT_EQ(list["rows"].size(), 5u);
  EXPECT_EQ(list["rows"][0]["rank"], 1);
  const std::string id = list["rows"][0]["person_id"];
  auto person = c.Get(("/api/people/" + id).c_str());
  ASSERT_EQ(person->status, 200);
  const json p = json::parse(person->body);
  EXPECT_EQ(p["status"], "eligible");
  EXPECT_THAT(p["explanation"].get<std::string>(), ::testing::HasSubstr(id));
  const json hits = json::parse(c.Get(("/api/search?q=" + id).c_str())->body);
  ASSERT_EQ(hits["hits"].size(), 1u);
  EXPECT_EQ(hits["hits"][0]["person_id"], id);

  const json triage = json::parse(c.Get("/api/triage")->body);
  EXPECT_EQ(triage["needs_review"], declared["counts"]["needs_review"]);
  int64_t in_groups = 0;
  for (const auto& g : triage["groups"]) in_groups += g["people"].get<int64_t>();
  EXPECT_EQ(in_groups, declared["counts"]["needs_review"]) << "every needs_review person is in one triage group";

  auto sim = PostJson(c, "/api/simulate", R"({"years": 2, "replicates": 10, "board_capacity": 50})");
  ASSERT_EQ(sim->status, 200) << sim->body;
  const json projection = json::parse(sim->body);
  EXPECT_EQ(projection["summary"]["headline"]["queued_people"], declared["counts"]["eligible"]);
  EXPECT_EQ(projection["chart"]["months"].size(), 25u);
}

TEST_F(ServeCliTest, BadRequestsGetA4xxWithAMessageAndChangeNothing) {
  auto server = Start();
  httplib::Client c("127.0.0.1", server->port());
  const json before = json::parse(c.Get("/api/summary")->body)["counts"];
  struct Case {
    const char* method;
    std::string path, body;
    int status;
  };
  const std::vector<Case> cases = {
      {"POST", "/api/screen", "{not json", 400},
      {"POST", "/api/screen", "[1,2]", 400},
      {"POST", "/api/screen", R"({"params": {"no_such_param": "1"}})", 400},
      {"POST", "/api/screen", R"({"params": {"min_age": "old"}})", 400},
      {"POST", "/api/screen", R"({"params": {"min_age": [1]}})", 400},
      {"POST", "/api/screen", R"({"policy": "../../etc/passwd"})", 400},
      {"POST", "/api/screen", R"({"policy": "no-such-policy"})", 400},
      {"POST", "/api/screen", std::string(2 << 20, ' '), 413},
      {"POST", "/api/simulate", R"({"replicates": 0})", 400},
      {"POST", "/api/simulate", R"({"years": "ten"})", 400},
      {"POST", "/api/simulate", R"({"grant_rate": "beta:"})", 400},
      {"GET", "/api/people/NOBODY", "", 404},
      {"GET", "/api/candidates?limit=abc", "", 400},
      {"GET", "/api/candidates?limit=1000000", "", 400},
      {"GET", "/api/candidates?status=maybe", "", 400},
      {"GET", "/api/search?q=", "", 400},
      {"GET", "/api/no-such-endpoint", "", 404},
  };
  for (const Case& k : cases) {
    auto r = std::string(k.method) == "POST" ? PostJson(c, k.path, k.body) : c.Get(k.path.c_str());
    ASSERT_TRUE(r) << k.path << " " << k.body.substr(0, 40);
    EXPECT_EQ(r->status, k.status) << k.path << " " << k.body.substr(0, 40) << " -> " << r->body;
    if (k.status != 413) {
      const json j = json::parse(r->body, nullptr, false);
      EXPECT_TRUE(j.is_object() && j.contains("error")) << k.path << ": " << r->body;
    }
  }
  EXPECT_EQ(json::parse(c.Get("/api/summary")->body)["counts"], before) << "a refused request changes nothing";
}

TEST_F(ServeCliTest, ATokenIsRequiredOnEveryApiRequestWhenGiven) {
  auto server = Start({"--token", "s3cret-token"});
  httplib::Client c("127.0.0.1", server->port());
  EXPECT_EQ(c.Get("/api/summary")->status, 401);
  EXPECT_EQ(c.Get("/api/summary", {{"Authorization", "Bearer wrong"}})->status, 401);
  EXPECT_EQ(c.Get("/api/summary", {{"Authorization", "Bearer s3cret-token-and-more"}})->status, 401);
  EXPECT_EQ(c.Post("/api/screen", {{"Authorization", "Bearer wrong"}}, "{}", "application/json")->status, 401);
  EXPECT_EQ(c.Get("/api/summary", {{"Authorization", "Bearer s3cret-token"}})->status, 200);
  auto page = c.Get("/");  // the page itself holds no data: it reads the token from the address's #token=
  ASSERT_EQ(page->status, 200);
  EXPECT_THAT(page->get_header_value("Content-Security-Policy"), ::testing::HasSubstr("default-src 'none'"));
}

TEST_F(ServeCliTest, BindingBeyondLoopbackPrintsARandomTokenAndRequiresIt) {
  auto server = Start({"--bind", "0.0.0.0"});
  const std::string out = server->Out();
  const std::string mark = "#token=";
  const size_t at = out.find(mark);
  ASSERT_NE(at, std::string::npos) << out;
  const std::string token = out.substr(at + mark.size(), 32);
  EXPECT_THAT(token, ::testing::MatchesRegex("[0-9a-f]{32}"));
  httplib::Client c("127.0.0.1", server->port());
  EXPECT_EQ(c.Get("/api/summary")->status, 401);
  EXPECT_EQ(c.Get("/api/summary", {{"Authorization", "Bearer " + token}})->status, 200);
}

TEST_F(ServeCliTest, ConcurrentClientsAlwaysSeeAWholeScreening) {
  const json at55 = Screen("at55")["counts"], at65 = Screen("at65", "--set \"min_age=65 years\"")["counts"];
  auto server = Start();
  std::atomic<int> failures{0}, torn{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t)
    clients.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server->port());
      for (int i = 0; i < 15; ++i) {
        httplib::Result r = (i + t) % 3 == 0
                                ? PostJson(c, "/api/screen", (i + t) % 2 ? R"({"params": {"min_age": "65 years"}})" : "{}")
                                : (i % 2 ? c.Get("/api/summary") : c.Get("/api/candidates?limit=20"));
        if (!r || r->status != 200) {
          ++failures;
          continue;
        }
        const json j = json::parse(r->body);
        if (j.contains("counts") && j["counts"] != at55 && j["counts"] != at65) ++torn;
      }
    });
  for (std::thread& th : clients) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(torn.load(), 0) << "every answer is one whole screening or the other";
}

// A client that starts a request and stalls is dropped after --request-timeout,
// and others are answered meanwhile.
TEST_F(ServeCliTest, AStalledClientIsDroppedAndOthersAreAnswered) {
  auto server = Start({"--request-timeout", "1", "--threads", "2"});
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string partial = "POST /api/screen HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{";
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
  httplib::Client c("127.0.0.1", server->port());
  EXPECT_EQ(c.Get("/api/summary")->status, 200) << "another client is answered while one stalls";
  timeval wait{10, 0};  // far beyond the 1 s limit: the server must close first
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  char buffer[512];
  ssize_t got = 0, n = 0;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) got += n;
  EXPECT_EQ(n, 0) << "the server closed the stalled connection (a timeout would be -1); " << got << " bytes came first";
  ::close(fd);
  EXPECT_EQ(c.Get("/api/summary")->status, 200);
}

TEST_F(ServeCliTest, TheLogNamesRoutesNotPeople) {
  auto server = Start({"--log"});
  httplib::Client c("127.0.0.1", server->port());
  const json list = json::parse(c.Get("/api/candidates?limit=1")->body);
  const std::string id = list["rows"][0]["person_id"];
  ASSERT_EQ(c.Get(("/api/people/" + id).c_str())->status, 200);
  ASSERT_EQ(c.Get(("/api/search?q=" + id).c_str())->status, 200);
  server->Stop();
  const std::string log = server->Err() + server->Out();
  EXPECT_THAT(log, ::testing::HasSubstr("GET /api/people/<id> 200"));
  EXPECT_EQ(log.find(id), std::string::npos) << "a person_id reached the log";
}

}  // namespace
