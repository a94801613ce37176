// rejected.csv (DESIGN.md section 4): one row per rejected input row, with the
// file and line it came from, every reason, and the row as it was read.
// Columns: file, line, reason, record.
#ifndef CLEMENCY_IO_REJECTED_CSV_H_
#define CLEMENCY_IO_REJECTED_CSV_H_

#include <string>
#include <vector>

#include "clemency/io/population_loader.h"

namespace clemency {

bool WriteRejectedCsv(const std::string& path, const std::vector<RejectedRow>& rows,
                      std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_IO_REJECTED_CSV_H_
