// screening.csv (DESIGN.md section 5): one row per person in rank order, its
// columns listed once, in kScreeningColumns: each with its name and how its
// value is written, so the header and the rows cannot disagree.
// tests/report/screening_csv_test.cc pins the names against DESIGN.md.
#ifndef CLEMENCY_REPORT_SCREENING_CSV_H_
#define CLEMENCY_REPORT_SCREENING_CSV_H_

#include <span>
#include <string>
#include <string_view>

#include "clemency/report/person_reasons.h"

namespace clemency {

struct ScreeningColumn {
  std::string_view name;
  // Appends person p's value, unquoted ("" when unknown or not applicable).
  void (*append)(std::string& out, const ScreenContext& c, uint32_t p);
};

std::span<const ScreeningColumn> ScreeningColumns();

// One row, its fields quoted where they need to be (io/csv_writer.h).
void AppendScreeningRow(std::string& out, const ScreenContext& c, uint32_t p);

bool WriteScreeningCsv(const ScreenContext& c, const std::string& path, std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_SCREENING_CSV_H_
