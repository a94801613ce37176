// The HTTP side of `clemency serve` (docs/api.md), on cpp-httplib: the page,
// the JSON API over a Dashboard, and the safety rules. Loopback by default;
// with a token every /api request must carry "Authorization: Bearer TOKEN"
// (401 without it), and binding beyond loopback requires one. Bodies over
// max_body are refused (413), slow clients time out, malformed requests get a
// 4xx with a JSON message, an unexpected exception a 500, never a crash. The
// request log names the route, never a person_id or a query.
#ifndef CLEMENCY_CLI_HTTP_API_H_
#define CLEMENCY_CLI_HTTP_API_H_

#include <cstddef>
#include <functional>
#include <string>

namespace httplib {
class Server;
}

namespace clemency {

class Dashboard;

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::string token;  // empty: no authentication (loopback only)
  size_t max_body = 1 << 20;
  int timeout_seconds = 30;
  int threads = 8;
  std::function<void(const std::string&)> log;  // one line per request; may be empty
};

// Whether host names this machine only: localhost, 127.0.0.0/8 or ::1.
bool IsLoopback(const std::string& host);

// Whether a request's Authorization header carries the token (constant time).
bool TokenMatches(const std::string& authorization, const std::string& token);

// The request's path as logged: /api/people/<id> for a person.
std::string LoggedPath(const std::string& path);

// Sets the routes, limits and handlers of server over dashboard.
void ConfigureServer(httplib::Server& server, Dashboard& dashboard, const ServeOptions& options);

}  // namespace clemency

#endif  // CLEMENCY_CLI_HTTP_API_H_
