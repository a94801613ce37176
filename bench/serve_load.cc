// A bounded load test of `clemency serve` on loopback (BENCHMARKS.md section 8):
// CLIENTS threads, each with its own connection, send requests for SECONDS
// in a fixed mix (candidate pages, searches, explanations, re-screenings
// that move min_age) and record each request's latency and status. Prints,
// per endpoint and overall, the requests, errors (no answer, or a status
// other than 200) and the latency percentiles.
//   usage: serve_load PORT [CLIENTS] [SECONDS]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  double ms;
  bool ok;
};

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: serve_load PORT [CLIENTS] [SECONDS]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int clients = argc > 2 ? std::atoi(argv[2]) : 50;
  const int seconds = argc > 3 ? std::atoi(argv[3]) : 20;
  // Person ids to explain and search for: the first page of candidates.
  httplib::Client probe("127.0.0.1", port);
  auto first = probe.Get("/api/candidates?limit=200");
  if (!first || first->status != 200) {
    std::fprintf(stderr, "serve_load: no answer from 127.0.0.1:%d\n", port);
    return 1;
  }
  std::vector<std::string> ids;
  const nlohmann::json page = nlohmann::json::parse(first->body);
  for (const auto& row : page["rows"]) ids.push_back(row["person_id"]);
  if (ids.empty()) {
    std::fprintf(stderr, "serve_load: the screening has no candidates to ask about\n");
    return 1;
  }
  std::mutex mu;
  std::map<std::string, std::vector<Sample>> samples;
  const auto end = Clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  for (int t = 0; t < clients; ++t)
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", port);
      c.set_read_timeout(60, 0);
      std::map<std::string, std::vector<Sample>> mine;
      for (int i = 0; Clock::now() < end; ++i) {
        const int kind = (i + t) % 10;
        const std::string& id = ids[static_cast<size_t>(i * 7 + t) % ids.size()];
        const auto t0 = Clock::now();
        std::string name;
        auto send = [&]() -> httplib::Result {
          if (kind < 6) {
            name = "GET /api/candidates";
            return c.Get(("/api/candidates?limit=50&offset=" + std::to_string((i % 20) * 50)).c_str());
          }
          if (kind == 6) {
            name = "GET /api/search";
            return c.Get(("/api/search?q=" + id.substr(0, id.size() - 1)).c_str());
          }
          if (kind < 9) {
            name = "GET /api/people/ID";
            return c.Get(("/api/people/" + id).c_str());
          }
          name = "POST /api/screen";
          const std::string body =
              std::string(R"({"params": {"min_age": ")") + std::to_string(55 + (i + t) % 10) + R"( years"}})";
          return c.Post("/api/screen", body, "application/json");
        };
        const httplib::Result r = send();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        mine[name].push_back({ms, r && r->status == 200});
      }
      std::lock_guard lock(mu);
      for (auto& [k, v] : mine) samples[k].insert(samples[k].end(), v.begin(), v.end());
    });
  for (std::thread& th : threads) th.join();
  std::printf("%d clients for %d s on 127.0.0.1:%d\n", clients, seconds, port);
  std::printf("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
  std::vector<Sample> all;
  auto row = [](const std::string& name, const std::vector<Sample>& v) {
    std::vector<double> ms;
    int errors = 0;
    for (const Sample& s : v) {
      ms.push_back(s.ms);
      errors += !s.ok;
    }
    std::printf("| %s | %zu | %d | %.1f | %.1f | %.1f | %.1f |\n", name.c_str(), v.size(), errors, Percentile(ms, 0.5),
                Percentile(ms, 0.95), Percentile(ms, 0.99), Percentile(ms, 1.0));
  };
  for (const auto& [name, v] : samples) {
    row(name, v);
    all.insert(all.end(), v.begin(), v.end());
  }
  row("all", all);
  return 0;
}
