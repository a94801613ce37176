#include "clemency/cli/http_api.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>

#include "clemency/cli/dashboard.h"
#include "clemency/report/report_html.h"

namespace clemency {
namespace {

void Send(httplib::Response& res, const ApiReply& reply) {
  res.status = reply.status;
  res.set_content(reply.body, reply.content_type.c_str());
  if (!reply.filename.empty())
    res.set_header("Content-Disposition", "attachment; filename=\"" + reply.filename + "\"");
  res.set_header("Cache-Control", "no-store");
}

// A query parameter as an integer; false when present but not one.
bool IntParam(const httplib::Request& req, const char* name, int64_t fallback, int64_t* out) {
  *out = fallback;
  if (!req.has_param(name)) return true;
  const std::string v = req.get_param_value(name);
  try {
    size_t used = 0;
    *out = std::stoll(v, &used);
    return used == v.size();
  } catch (const std::exception&) {
    return false;
  }
}

// The dashboard page: its HTML with the style and scripts put in.
std::string DashboardPage() {
  std::string page(WebAsset("dashboard.html"));
  auto put = [&page](const std::string& mark, const std::string& text) {
    const size_t at = page.find(mark);
    if (at != std::string::npos) page.replace(at, mark.size(), text);
  };
  put("/*STYLE*/", std::string(WebAsset("uPlot.css")) + "\n" + std::string(WebAsset("report.css")));
  put("/*UPLOT*/", std::string(WebAsset("uPlot.js")));
  put("/*SCRIPT*/", std::string(WebAsset("charts.js")) + "\n" + std::string(WebAsset("dashboard.js")));
  return page;
}

void AddRoutes(httplib::Server& server, Dashboard& d) {
  static const std::string page = DashboardPage();
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(page, "text/html; charset=utf-8");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:");
  });
  server.Get("/api/summary", [&d](const httplib::Request&, httplib::Response& res) { Send(res, d.Summary()); });
  server.Get("/api/policies", [&d](const httplib::Request&, httplib::Response& res) { Send(res, d.Policies()); });
  server.Get("/api/policy", [&d](const httplib::Request&, httplib::Response& res) { Send(res, d.PolicyControls()); });
  server.Post("/api/screen", [&d](const httplib::Request& req, httplib::Response& res) { Send(res, d.Screen(req.body)); });
  server.Get("/api/triage", [&d](const httplib::Request&, httplib::Response& res) { Send(res, d.Triage()); });
  server.Get("/api/candidates", [&d](const httplib::Request& req, httplib::Response& res) {
    int64_t offset = 0, limit = 0;
    if (!IntParam(req, "offset", 0, &offset) || !IntParam(req, "limit", 50, &limit))
      return Send(res, Dashboard::Error(400, "offset and limit must be whole numbers"));
    Send(res, d.Candidates(req.get_param_value("status"), offset, limit));
  });
  server.Get("/api/search", [&d](const httplib::Request& req, httplib::Response& res) {
    Send(res, d.Search(req.get_param_value("q")));
  });
  server.Get(R"(/api/people/([^/]+))", [&d](const httplib::Request& req, httplib::Response& res) {
    Send(res, d.Person(req.matches[1]));
  });
  server.Get("/api/screening.csv", [&d](const httplib::Request&, httplib::Response& res) { Send(res, d.ScreeningCsv()); });
  server.Get("/api/candidates.xlsx", [&d](const httplib::Request&, httplib::Response& res) { Send(res, d.CandidatesXlsx()); });
  server.Get("/api/scenario", [&d](const httplib::Request&, httplib::Response& res) { Send(res, d.Scenario()); });
  server.Post("/api/simulate", [&d](const httplib::Request& req, httplib::Response& res) { Send(res, d.Simulate(req.body)); });
}

}  // namespace

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

bool TokenMatches(const std::string& authorization, const std::string& token) {
  const std::string expected = "Bearer " + token;
  unsigned char diff = authorization.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < expected.size(); ++i)
    diff |= static_cast<unsigned char>(expected[i] ^ (i < authorization.size() ? authorization[i] : 0));
  return diff == 0;
}

std::string LoggedPath(const std::string& path) {
  const std::string people = "/api/people/";
  return path.rfind(people, 0) == 0 ? people + "<id>" : path;
}

void ConfigureServer(httplib::Server& server, Dashboard& dashboard, const ServeOptions& o) {
  server.set_payload_max_length(o.max_body);
  server.set_read_timeout(o.timeout_seconds, 0);
  server.set_write_timeout(o.timeout_seconds, 0);
  server.set_keep_alive_timeout(std::min(5, o.timeout_seconds));
  const int threads = o.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  const std::string token = o.token;
  server.set_pre_routing_handler([token](const httplib::Request& req, httplib::Response& res) {
    if (token.empty() || req.path.rfind("/api/", 0) != 0) return httplib::Server::HandlerResponse::Unhandled;
    if (TokenMatches(req.get_header_value("Authorization"), token)) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 401;
    res.set_header("WWW-Authenticate", "Bearer");
    res.set_content(Dashboard::Error(401, "this server requires Authorization: Bearer TOKEN (the token clemency serve printed)").body,
                    "application/json");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown error";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    res.status = 500;
    res.set_content(Dashboard::Error(500, "internal error: " + what).body, "application/json");
  });
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string message = res.status == 404   ? "no such endpoint: " + LoggedPath(req.path) + " (docs/api.md)"
                                : res.status == 413 ? "the request body is too large"
                                                    : fmt::format("HTTP {}", res.status);
    res.set_content(Dashboard::Error(res.status, message).body, "application/json");
  });
  if (o.log)
    server.set_logger([log = o.log](const httplib::Request& req, const httplib::Response& res) {
      log(fmt::format("{} {} {}", req.method, LoggedPath(req.path), res.status));
    });
  AddRoutes(server, dashboard);
}

}  // namespace clemency
