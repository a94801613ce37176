// clemency serve: the dashboard over a loaded population (docs/api.md). Loads
// and screens once, then answers the page and the JSON API until Ctrl-C.
#include <fmt/format.h>
#include <httplib.h>
#include <openssl/rand.h>

#include <malloc.h>

#include <csignal>
#include <fstream>

#include "clemency/cli/commands.h"
#include "clemency/cli/dashboard.h"
#include "clemency/cli/http_api.h"
#include "clemency/cli/screen_session.h"

namespace clemency {
namespace {

httplib::Server* g_server = nullptr;

void StopOnSignal(int) {
  if (g_server != nullptr) g_server->stop();
}

// 32 hex digits from the system's random source.
std::string RandomToken() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return "";
  std::string hex;
  for (unsigned char b : bytes) hex += fmt::format("{:02x}", b);
  return hex;
}

std::string Url(const std::string& host, int port) {
  return fmt::format("http://{}:{}/", host.find(':') != std::string::npos ? "[" + host + "]" : host, port);
}

}  // namespace

int RunServe(const ServeArgs& args) {
  ServeOptions options;
  options.host = args.host;
  options.token = args.token;
  options.threads = args.threads;
  options.timeout_seconds = args.request_timeout;
  if (!IsLoopback(args.host) && options.token.empty()) {
    options.token = RandomToken();
    if (options.token.empty()) {
      fmt::print(stderr, "clemency serve: cannot draw a random token; pass --token\n");
      return kExitInternal;
    }
    fmt::print("token (shown once; every request must carry \"Authorization: Bearer TOKEN\"): {}\n", options.token);
  }
  // Each re-screening frees and allocates columns of a million cells: kept in
  // the heap rather than returned to the system, they cost no page faults on
  // the next request (measured: BENCHMARKS.md section 8).
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_ARENA_MAX, 2);
  auto session = std::make_unique<ScreenSession>();
  ScreenInputs inputs = args.in;
  if (inputs.policy.empty()) inputs.policy = "redemption-2020";
  if (const int rc = PrepareScreen(inputs, "serve", *session); rc != kExitOk) return rc;
  std::string error;
  std::optional<ProjectionRules> rules = LoadProjectionRules(&error);
  if (!rules) {
    fmt::print(stderr, "clemency serve: {}\n", error);
    return kExitBadRules;
  }
  Dashboard dashboard(std::move(session), inputs, std::move(*rules));
  httplib::Server server;
  if (args.log) options.log = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
  ConfigureServer(server, dashboard, options);
  const int port = args.port == 0 ? server.bind_to_any_port(args.host) : (server.bind_to_port(args.host, args.port) ? args.port : -1);
  if (port <= 0) {
    fmt::print(stderr, "clemency serve: cannot listen on {}:{} (in use, or not an address of this machine)\n", args.host,
               args.port);
    return kExitUsage;
  }
  if (!args.port_file.empty()) std::ofstream(args.port_file) << port << "\n";
  fmt::print("dashboard: {}{}\n", Url(args.host, port), options.token.empty() ? "" : "#token=" + options.token);
  fmt::print("serving {} on {}; Ctrl-C stops it\n", inputs.policy, IsLoopback(args.host) ? "this machine only" : args.host);
  std::fflush(stdout);
  g_server = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  server.listen_after_bind();
  g_server = nullptr;
  return kExitOk;
}

}  // namespace clemency
