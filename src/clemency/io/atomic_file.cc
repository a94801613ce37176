#include "clemency/io/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

namespace clemency {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), partial_path_(path_ + ".partial-XXXXXX") {
  const int fd = ::mkostemp(partial_path_.data(), O_CLOEXEC);  // O_EXCL, mode 0600
  if (fd >= 0) file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    error_ = path_ + ": cannot create: " + std::strerror(errno);
    if (fd >= 0) ::close(fd);
    partial_path_.clear();
    return;
  }
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) std::fclose(file_);
  if (!committed_ && !partial_path_.empty()) std::remove(partial_path_.c_str());
}

void AtomicFile::Write(std::string_view bytes) {
  if (!ok() || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    error_ = path_ + ": write failed: " + std::strerror(errno);
}

bool AtomicFile::Commit() {
  if (file_ == nullptr) return false;
  const bool flushed = std::fflush(file_) == 0;
  if (!flushed && error_.empty()) error_ = path_ + ": write failed: " + std::strerror(errno);
  if (std::fclose(file_) != 0 && error_.empty()) error_ = path_ + ": write failed: " + std::strerror(errno);
  file_ = nullptr;
  if (!error_.empty()) return false;
  if (std::rename(partial_path_.c_str(), path_.c_str()) != 0) {
    error_ = path_ + ": cannot rename into place: " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

bool WriteFileAtomically(const std::string& path, std::string_view contents, std::string* error) {
  AtomicFile f(path);
  f.Write(contents);
  if (f.Commit()) return true;
  if (error != nullptr) *error = f.error();
  return false;
}

}  // namespace clemency
