// A real PostgreSQL server for a test binary, started from Debian's
// /usr/lib/postgresql/15/bin (scripts/install-deps.sh installs it): initdb
// into a fresh temporary folder, then pg_ctl start on a free port, listening
// on a unix socket in that folder and on 127.0.0.1 only, trust
// authentication. PostgreSQL refuses to run as root, so as root (here and in
// CI) the folder is given to the `postgres` system user and the server runs
// as that user (runuser); otherwise it runs as the current user. Stopped and
// removed on destruction. When the binaries are missing or the server does
// not start, ok() is false and error() says why: the caller must fail the
// test, never skip it.
#ifndef CLEMENCY_TESTS_SUPPORT_PG_SERVER_H_
#define CLEMENCY_TESTS_SUPPORT_PG_SERVER_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace clemency::testing_support {

inline constexpr const char* kPgBin = "/usr/lib/postgresql/15/bin";

class PgServer {
 public:
  PgServer() { error_ = Start(); }
  ~PgServer() {
    if (started_) std::system((prefix_ + std::string(kPgBin) + "/pg_ctl -D " + dir_ + "/data -m immediate -w stop >/dev/null 2>&1").c_str());
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // A libpq URL for database `db` over the unix socket.
  std::string Url(const std::string& db) const {
    return "postgresql:///" + db + "?host=" + dir_ + "&port=" + std::to_string(port_) + "&user=postgres";
  }
  // The same over TCP on 127.0.0.1, with sslmode as given (the server has no TLS).
  std::string TcpUrl(const std::string& db, const std::string& sslmode) const {
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + db + "?sslmode=" + sslmode;
  }
  // Runs psql -c SQL against database postgres; true on success.
  bool Psql(const std::string& sql) const {
    const std::string cmd = prefix_ + std::string(kPgBin) + "/psql -q -X -v ON_ERROR_STOP=1 -h " + dir_ + " -p " +
                            std::to_string(port_) + " -U postgres -d postgres -c \"" + sql + "\" >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
  }

 private:
  static int FreePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
      port = ntohs(a.sin_port);
    ::close(fd);
    return port;
  }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  std::string Start() {
    if (!std::filesystem::exists(std::string(kPgBin) + "/initdb") || !std::filesystem::exists(std::string(kPgBin) + "/pg_ctl"))
      return std::string("no PostgreSQL server binaries in ") + kPgBin + " (scripts/install-deps.sh installs postgresql)";
    char tmpl[] = "/tmp/clemency-pg-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) return "cannot create a temporary folder";
    dir_ = tmpl;
    if (::geteuid() == 0) {
      const passwd* pg = ::getpwnam("postgres");
      if (pg == nullptr) return "running as root and there is no postgres user to run the server as";
      if (::chown(dir_.c_str(), pg->pw_uid, pg->pw_gid) != 0) return "cannot give " + dir_ + " to postgres";
      prefix_ = "runuser -u postgres -- ";
    }
    const std::string initdb = prefix_ + kPgBin + "/initdb -D " + dir_ + "/data -U postgres -A trust -E UTF8 --no-sync >" +
                               dir_ + "/initdb.log 2>&1";
    if (std::system(initdb.c_str()) != 0) return "initdb failed: " + Slurp(dir_ + "/initdb.log");
    for (int attempt = 0; attempt < 3 && !started_; ++attempt) {
      port_ = FreePort();
      const std::string start = prefix_ + kPgBin + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -t 30 -o \"-p " +
                                std::to_string(port_) + " -k " + dir_ +
                                " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40\" start >/dev/null 2>&1";
      started_ = std::system(start.c_str()) == 0;
    }
    if (!started_) return "pg_ctl start failed: " + Slurp(dir_ + "/server.log");
    return "";
  }

  std::string dir_, prefix_, error_;
  int port_ = 0;
  bool started_ = false;
};

}  // namespace clemency::testing_support

#endif  // CLEMENCY_TESTS_SUPPORT_PG_SERVER_H_
