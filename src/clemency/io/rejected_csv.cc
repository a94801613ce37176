#include "clemency/io/rejected_csv.h"

#include "clemency/io/csv_writer.h"

namespace clemency {

bool WriteRejectedCsv(const std::string& path, const std::vector<RejectedRow>& rows,
                      std::string* error) {
  CsvWriter w(path);
  w.Row({"file", "line", "reason", "record"});
  for (const RejectedRow& r : rows) {
    w.Field(r.file).Field(static_cast<int64_t>(r.line)).Field(r.reason).Field(r.record);
    w.EndRow();
  }
  if (w.Commit()) return true;
  if (error != nullptr) *error = w.error();
  return false;
}

}  // namespace clemency
