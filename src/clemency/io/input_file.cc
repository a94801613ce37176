#include "clemency/io/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace clemency {
namespace {

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a file";
}

std::string OpenError(int err) {
  switch (err) {
    case ENOENT: return "no such file";
    case EACCES:
    case EPERM: return "permission denied";
    case ENOTDIR: return "a folder on the path is not a directory";
    default: return std::strerror(err);
  }
}

}  // namespace

int OpenInputFile(const std::string& path, std::string* error) {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (error != nullptr) *error = path + ": cannot open: " + OpenError(errno);
    return -1;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const int err = errno;
    const bool stated = ::fstat(fd, &st) == 0;
    ::close(fd);
    if (error != nullptr)
      *error = stated ? path + ": not a regular file (" + KindOf(st.st_mode) + ")"
                      : path + ": cannot open: " + OpenError(err);
    return -1;
  }
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

std::string InputFileProblem(const std::string& path) {
  std::string error;
  const int fd = OpenInputFile(path, &error);
  if (fd >= 0) ::close(fd);
  return error;
}

}  // namespace clemency
