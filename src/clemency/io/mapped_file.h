// A whole file mapped read-only into memory (mmap, MAP_PRIVATE), unmapped
// when the last owner lets go. Only regular files are mapped (io/input_file.h);
// an empty file maps to no bytes.
#ifndef CLEMENCY_IO_MAPPED_FILE_H_
#define CLEMENCY_IO_MAPPED_FILE_H_

#include <memory>
#include <string>
#include <string_view>

namespace clemency {

class MappedFile {
 public:
  // The file at path, or nullptr with the reason in *error ("PATH: ...").
  static std::shared_ptr<const MappedFile> Open(const std::string& path, std::string* error);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_;
  size_t size_;
};

}  // namespace clemency

#endif  // CLEMENCY_IO_MAPPED_FILE_H_
