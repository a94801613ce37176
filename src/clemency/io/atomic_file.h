// An output file that appears under its final name only when complete.
// Bytes go to a new file "NAME.partial-XXXXXX" beside it (a unique name,
// created exclusively, mode 0600); Commit() flushes and renames. If the
// AtomicFile is destroyed without Commit(), the partial file is removed, so a
// failed run never leaves a half-written output and two runs never share one.
#ifndef CLEMENCY_IO_ATOMIC_FILE_H_
#define CLEMENCY_IO_ATOMIC_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace clemency {

class AtomicFile {
 public:
  // Opens the partial file; ok() tells whether that worked, error() why not.
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  bool ok() const { return file_ != nullptr && error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }

  void Write(std::string_view bytes);
  // Flushes, closes and renames into place. False (with error()) on failure.
  bool Commit();

 private:
  std::string path_;
  std::string partial_path_;
  std::FILE* file_ = nullptr;
  std::string error_;
  bool committed_ = false;
};

// Writes the whole of contents to path through an AtomicFile.
bool WriteFileAtomically(const std::string& path, std::string_view contents, std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_IO_ATOMIC_FILE_H_
