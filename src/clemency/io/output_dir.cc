#include "clemency/io/output_dir.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "clemency/io/atomic_file.h"
#include "clemency/io/sha256.h"

namespace clemency {
namespace fs = std::filesystem;
namespace {

constexpr const char* kManifest = "manifest.json";
constexpr const char* kStagingTag = ".clemency-staging-";
constexpr const char* kLockTag = ".clemency-lock";

// ---- Staging folders removed on SIGINT/SIGTERM (async-signal-safe) ----

struct Active {
  int parent_fd = -1;
  int dir_fd = -1;
  char name[256] = {};
};
constexpr int kMaxActive = 4;
Active g_active[kMaxActive];
volatile sig_atomic_t g_active_count = 0;

// Removes everything under the folder open as fd, with syscalls only.
void RemoveTreeAt(int fd, int depth) {
  if (depth > 16) return;
  alignas(8) char buf[4096];
  for (int pass = 0; pass < 64; ++pass) {
    ::lseek(fd, 0, SEEK_SET);
    bool removed = false;
    for (;;) {
      const long n = ::syscall(SYS_getdents64, fd, buf, sizeof buf);
      if (n <= 0) break;
      for (long off = 0; off < n;) {
        const auto* d = reinterpret_cast<const struct dirent64*>(buf + off);
        off += d->d_reclen;
        const char* name = d->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
        if (d->d_type == DT_DIR) {
          const int sub = ::openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
          if (sub >= 0) {
            RemoveTreeAt(sub, depth + 1);
            ::close(sub);
          }
          ::unlinkat(fd, name, AT_REMOVEDIR);
        } else {
          ::unlinkat(fd, name, 0);
        }
        removed = true;
      }
    }
    if (!removed) return;
  }
}

void OnSignal(int sig) {
  for (int i = g_active_count - 1; i >= 0; --i) {
    RemoveTreeAt(g_active[i].dir_fd, 0);
    ::unlinkat(g_active[i].parent_fd, g_active[i].name, AT_REMOVEDIR);
  }
  ::signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  ::raise(sig);
  ::_exit(128 + sig);
}

void InstallHandlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGINT);
  sigaddset(&sa.sa_mask, SIGTERM);
  for (int sig : {SIGINT, SIGTERM}) ::sigaction(sig, &sa, nullptr);
}

class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

 private:
  sigset_t old_;
};

bool Register(const fs::path& staging) {
  if (g_active_count >= kMaxActive) return false;
  Active a;
  a.parent_fd = ::open(staging.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  a.dir_fd = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const std::string name = staging.filename().string();
  if (a.parent_fd < 0 || a.dir_fd < 0 || name.size() >= sizeof a.name) {
    if (a.parent_fd >= 0) ::close(a.parent_fd);
    if (a.dir_fd >= 0) ::close(a.dir_fd);
    return false;
  }
  std::memcpy(a.name, name.c_str(), name.size() + 1);
  SignalsBlocked blocked;
  g_active[g_active_count] = a;
  g_active_count = g_active_count + 1;
  return true;
}

void Unregister(const std::string& name) {
  SignalsBlocked blocked;
  for (int i = 0; i < g_active_count; ++i) {
    if (name != g_active[i].name) continue;
    ::close(g_active[i].parent_fd);
    ::close(g_active[i].dir_fd);
    for (int j = i; j + 1 < g_active_count; ++j) g_active[j] = g_active[j + 1];
    g_active_count = g_active_count - 1;
    return;
  }
}

// ---- Folder contents ----

// Every file under dir, as sorted '/'-separated relative paths (folders too
// when dirs is set).
std::vector<std::string> FilesUnder(const fs::path& dir, bool dirs = false) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const bool is_dir = it->is_directory(ec) && !it->is_symlink(ec);
    if (!is_dir || dirs) out.push_back(fs::relative(it->path(), dir, ec).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string RandomHex() {
  unsigned char b[6] = {};
  if (::getrandom(b, sizeof b, 0) != static_cast<ssize_t>(sizeof b)) {
    const uint64_t t = static_cast<uint64_t>(::getpid()) * 2654435761u ^ static_cast<uint64_t>(::time(nullptr));
    std::memcpy(b, &t, sizeof b);
  }
  std::string out;
  for (unsigned char c : b) out += fmt::format("{:02x}", c);
  return out;
}

bool IsPrefixOfKnown(const std::string& rel, const std::vector<std::string>& known) {
  for (const std::string& k : known)
    if (k == rel || k.starts_with(rel + "/")) return true;
  return false;
}

// Whether rel is one of the later files, or inside one of the later folders.
bool IsLater(const std::string& rel, const std::vector<std::string>& later) {
  for (const std::string& k : later)
    if (rel == k || rel.starts_with(k + "/") || k.starts_with(rel + "/")) return true;
  return false;
}

// "" when OUT (an existing folder) may be replaced, else why not.
std::string WhyNotReplaceable(const fs::path& out, const std::string& shown, const std::vector<std::string>& known) {
  std::vector<ManifestFile> files;
  bool absent = false;
  std::string error;
  std::vector<std::string> named, later;
  if (ReadManifest(out.string(), &files, &absent, &error)) {
    for (const ManifestFile& f : files) named.push_back(f.name);
    named.push_back(kManifest);
    later = ManifestLaterFiles(out.string());
  } else if (!absent) {
    return error;
  } else {
    for (const std::string& k : known) {
      named.push_back(k);
      named.push_back(k + ".partial");  // left by versions before staging folders
    }
  }
  for (const std::string& rel : FilesUnder(out, true)) {
    if (IsPrefixOfKnown(rel, named) || IsLater(rel, later)) continue;
    return fmt::format(
        "{}: holds {}, which is not a file of an earlier clemency output{}; refusing to replace the folder (choose "
        "another -o, or move the file away)",
        shown, rel, absent ? "" : " (not in its manifest.json)");
  }
  return "";
}

std::string ErrnoText(int e) { return std::strerror(e); }

}  // namespace

// ---- Manifests ----

bool WriteManifest(const std::string& dir, const ManifestInfo& info, std::string* error) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const std::string& rel : FilesUnder(dir)) {
    if (rel == kManifest) continue;
    const fs::path p = fs::path(dir) / rel;
    std::error_code ec;
    const uint64_t bytes = fs::file_size(p, ec);
    const std::string sha = Sha256File(p.string());
    if (ec || sha.empty()) {
      *error = fmt::format("{}: cannot read back: {}", p.string(), ec ? ec.message() : "read failed");
      return false;
    }
    files.push_back({{"name", rel}, {"bytes", bytes}, {"sha256", sha}});
  }
  nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
  for (const auto& [path, sha] : info.inputs) inputs.push_back({{"path", path}, {"sha256", sha}});
  nlohmann::ordered_json j{{"manifest_version", 1},
                           {"command", info.command},
                           {"clemency_version", CLEMENCY_VERSION},
                           {"as_of", info.as_of},
                           {"inputs", inputs},
                           {"files", files}};
  if (!info.later.empty()) j["later"] = info.later;
  return WriteFileAtomically((fs::path(dir) / kManifest).string(), j.dump(2) + "\n", error);
}

bool ReadManifest(const std::string& dir, std::vector<ManifestFile>* files, bool* absent, std::string* error) {
  const fs::path path = fs::path(dir) / kManifest;
  std::error_code ec;
  *absent = !fs::exists(path, ec);
  if (*absent) {
    *error = fmt::format("{}: no manifest.json", dir);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!in || j.is_discarded() || !j.is_object() || !j.contains("files") || !j["files"].is_array()) {
    *error = fmt::format("{}: not a clemency manifest (unreadable or malformed)", path.string());
    return false;
  }
  files->clear();
  for (const auto& f : j["files"]) {
    if (!f.is_object() || !f.contains("name") || !f["name"].is_string() || !f.contains("bytes") ||
        !f["bytes"].is_number_unsigned() || !f.contains("sha256") || !f["sha256"].is_string()) {
      *error = fmt::format("{}: not a clemency manifest (a file entry lacks name, bytes or sha256)", path.string());
      return false;
    }
    files->push_back({f["name"].get<std::string>(), f["bytes"].get<uint64_t>(), f["sha256"].get<std::string>()});
  }
  return true;
}

std::vector<std::string> ManifestLaterFiles(const std::string& dir) {
  std::ifstream in(fs::path(dir) / kManifest, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  std::vector<std::string> later;
  if (j.is_object() && j.contains("later") && j["later"].is_array())
    for (const auto& name : j["later"])
      if (name.is_string()) later.push_back(name.get<std::string>());
  return later;
}

bool VerifyOutputDir(const std::string& dir, bool* absent, std::string* error) {
  std::vector<ManifestFile> files;
  if (!ReadManifest(dir, &files, absent, error)) return false;
  const std::vector<std::string> later = ManifestLaterFiles(dir);
  std::vector<std::string> named{kManifest};
  for (const ManifestFile& f : files) {
    const fs::path p = fs::path(dir) / f.name;
    named.push_back(f.name);
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) {
      *error = fmt::format("{}: missing (named in {}/manifest.json)", p.string(), dir);
      return false;
    }
    const uint64_t bytes = fs::file_size(p, ec);
    if (bytes != f.bytes || Sha256File(p.string()) != f.sha256) {
      *error = fmt::format("{}: {} differs from {}/manifest.json: the folder mixes runs or was edited", p.string(),
                           bytes != f.bytes ? "size" : "sha256", dir);
      return false;
    }
  }
  for (const std::string& rel : FilesUnder(dir)) {
    if (std::find(named.begin(), named.end(), rel) != named.end() || IsLater(rel, later)) continue;
    const bool leftover = rel.find(".partial") != std::string::npos || rel.find(kStagingTag) != std::string::npos;
    *error = fmt::format("{}/{}: not in manifest.json{}", dir, rel,
                         leftover ? " (a partial file left by an interrupted run)" : "");
    return false;
  }
  return true;
}

// ---- OutputDir ----

OutputDir::~OutputDir() { Abandon(); }

void OutputDir::Abandon() {
  if (!staging_.empty()) {
    Unregister(fs::path(staging_).filename().string());
    std::error_code ec;
    fs::remove_all(staging_, ec);
    staging_.clear();
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
  lock_fd_ = -1;
  if (open_) ::umask(static_cast<mode_t>(old_umask_));
  open_ = false;
}

std::string OutputDir::Describe(std::string error) const {
  if (staging_.empty()) return error;
  for (size_t at; (at = error.find(staging_)) != std::string::npos;) error.replace(at, staging_.size(), out_);
  return error;
}

bool OutputDir::Open(const std::string& out, const std::vector<std::string>& known, std::string* error) {
  out_ = out;
  std::error_code ec;
  fs::path target = fs::absolute(out, ec).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  target_ = target.string();
  const fs::path parent = target.parent_path();
  const std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..") {
    *error = fmt::format("{}: cannot be an output folder (give a folder name)", out);
    return false;
  }
  if (!fs::is_directory(parent, ec)) {
    fs::create_directories(parent, ec);
    if (ec) {
      *error = fmt::format("{}: cannot create its parent folder {}: {}", out, parent.string(), ec.message());
      return false;
    }
  }
  const std::string lock_path = (parent / ("." + name + kLockTag)).string();
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd_ < 0) {
    *error = fmt::format("{}: cannot write there: cannot create the lock file {}: {}", out, lock_path, ErrnoText(errno));
    return false;
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    *error = errno == EWOULDBLOCK
                 ? fmt::format("{}: another clemency run is writing this folder now (lock {}); wait for it to finish "
                               "or choose another -o",
                               out, lock_path)
                 : fmt::format("{}: cannot lock {}: {}", out, lock_path, ErrnoText(errno));
    Abandon();
    return false;
  }
  struct stat st;
  if (::lstat(target_.c_str(), &st) == 0) {
    const std::string why = S_ISDIR(st.st_mode)
                                ? WhyNotReplaceable(target, out, known)
                                : fmt::format("{}: exists and is not a folder; refusing to replace it", out);
    if (!why.empty()) {
      *error = why;
      Abandon();
      return false;
    }
  }
  // Staging folders of killed runs into the same OUT (we hold its lock).
  const std::string stale = "." + name + kStagingTag;
  for (const auto& entry : fs::directory_iterator(parent, ec))
    if (entry.path().filename().string().starts_with(stale)) fs::remove_all(entry.path(), ec);

  old_umask_ = ::umask(077);
  open_ = true;
  InstallHandlers();
  const fs::path staging = parent / fmt::format("{}{}-{}", stale, ::getpid(), RandomHex());
  // A signal between mkdir and Register would leave the folder behind: it
  // waits until the folder is registered, then the handler removes it.
  SignalsBlocked blocked;
  if (::mkdir(staging.c_str(), 0700) != 0) {
    *error = fmt::format("{}: cannot write there: cannot create {}: {}", out, staging.string(), ErrnoText(errno));
    Abandon();
    return false;
  }
  staging_ = staging.string();
  if (!Register(staging)) {
    *error = fmt::format("{}: cannot open the staging folder {}", out, staging_);
    Abandon();
    return false;
  }
  return true;
}

bool OutputDir::Commit(const ManifestInfo& info, std::string* error) {
  if (staging_.empty()) return false;
  for (const std::string& rel : FilesUnder(staging_, true)) {
    const fs::path p = fs::path(staging_) / rel;
    std::error_code ec;
    ::chmod(p.c_str(), fs::is_directory(p, ec) ? 0700 : 0600);
  }
  if (!WriteManifest(staging_, info, error)) {
    *error = Describe(*error);
    Abandon();
    return false;
  }
  const std::string name = fs::path(staging_).filename().string();
  struct stat st;
  const bool replace = ::lstat(target_.c_str(), &st) == 0;
  {
    SignalsBlocked blocked;
    int rc = replace ? ::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE)
                     : ::rename(staging_.c_str(), target_.c_str());
    if (rc != 0 && replace && (errno == EINVAL || errno == ENOSYS)) {
      // No RENAME_EXCHANGE on this filesystem: move the old set aside first.
      const std::string aside = staging_ + "-old";
      rc = ::rename(target_.c_str(), aside.c_str());
      if (rc == 0 && (rc = ::rename(staging_.c_str(), target_.c_str())) != 0) ::rename(aside.c_str(), target_.c_str());
      if (rc == 0) staging_ = aside;
    }
    if (rc != 0) {
      *error = fmt::format("{}: cannot move the new files into place: {}", out_, ErrnoText(errno));
      Abandon();
      return false;
    }
    Unregister(name);
  }
  std::error_code ec;
  if (replace) fs::remove_all(staging_, ec);  // now the old set
  staging_.clear();
  ::chmod(target_.c_str(), 0700);
  Abandon();
  return true;
}

}  // namespace clemency
