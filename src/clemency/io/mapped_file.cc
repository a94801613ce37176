#include "clemency/io/mapped_file.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "clemency/io/input_file.h"

namespace clemency {

std::shared_ptr<const MappedFile> MappedFile::Open(const std::string& path, std::string* error) {
  const int fd = OpenInputFile(path, error);
  if (fd < 0) return nullptr;
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    *error = path + ": cannot read: " + std::strerror(errno);
    close(fd);
    return nullptr;
  }
  const auto size = static_cast<size_t>(st.st_size);
  void* data = nullptr;
  if (size > 0) {
    // MAP_POPULATE maps every page now, in bulk: far cheaper than a page fault
    // on each page as the columns are first read.
    data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (data == MAP_FAILED) {
      *error = path + ": cannot map: " + std::strerror(errno);
      close(fd);
      return nullptr;
    }
  }
  close(fd);
  return std::shared_ptr<const MappedFile>(new MappedFile(static_cast<const char*>(data), size));
}

MappedFile::~MappedFile() {
  if (size_ > 0) munmap(const_cast<char*>(data_), size_);
}

}  // namespace clemency
