// SHA-256 as lower-case hex: of bytes fed as they are read (Sha256), or of a
// whole file (Sha256File). Manifests (io/output_dir.h, summary.json) use it.
#ifndef CLEMENCY_IO_SHA256_H_
#define CLEMENCY_IO_SHA256_H_

#include <memory>
#include <string>
#include <string_view>

namespace clemency {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  // The digest of everything fed so far; Update may go on after it.
  std::string Hex() const;

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

// "" when the file cannot be read.
std::string Sha256File(const std::string& path);

}  // namespace clemency

#endif  // CLEMENCY_IO_SHA256_H_
