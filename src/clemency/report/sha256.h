// SHA-256 of a file, as lower-case hex, for the manifest in summary.json.
#ifndef CLEMENCY_REPORT_SHA256_H_
#define CLEMENCY_REPORT_SHA256_H_

#include <string>

namespace clemency {

// "" when the file cannot be read.
std::string Sha256File(const std::string& path);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_SHA256_H_
