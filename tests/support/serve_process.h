// A `clemency serve` started for a test: on a free loopback port (read from
// --port-file), stopped with SIGTERM at the end, its stdout and stderr kept
// in files for the test to read.
#ifndef CLEMENCY_TESTS_SUPPORT_SERVE_PROCESS_H_
#define CLEMENCY_TESTS_SUPPORT_SERVE_PROCESS_H_

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace clemency::testing_support {

class ServeProcess {
 public:
  // args after "serve"; dir holds port, stdout and stderr files.
  ServeProcess(const std::vector<std::string>& args, const std::filesystem::path& dir) : dir_(dir) {
    std::vector<std::string> argv = {CLEMENCY_BINARY, "serve", "--port", "0", "--port-file", (dir / "port").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargs;
    for (std::string& a : argv) cargs.push_back(a.data());
    cargs.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, (dir / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, (dir / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::filesystem::remove(dir / "port");
    if (posix_spawn(&pid_, CLEMENCY_BINARY, &actions, nullptr, cargs.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    // Ready when the port file has a number (the socket is bound and listening follows at once).
    for (int i = 0; i < 1200 && pid_ > 0 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::ifstream in(dir / "port");
      in >> port_;
      int status = 0;
      if (port_ == 0 && waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_status_ = status;
        pid_ = -1;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ~ServeProcess() { Stop(); }

  int port() const { return port_; }
  bool running() const { return pid_ > 0 && port_ > 0; }
  // SIGTERM, then the exit status (as waitpid gives it).
  int Stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, &exit_status_, 0);
      pid_ = -1;
    }
    return exit_status_;
  }
  std::string Out() const { return Read("stdout"); }
  std::string Err() const { return Read("stderr"); }

 private:
  std::string Read(const char* name) const {
    std::ifstream in(dir_ / name);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  int exit_status_ = -1;
};

}  // namespace clemency::testing_support

#endif  // CLEMENCY_TESTS_SUPPORT_SERVE_PROCESS_H_
