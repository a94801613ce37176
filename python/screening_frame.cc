// screening.csv's columns for pandas (screening_frame.h).
#include "screening_frame.h"

#include <charconv>
#include <string_view>

#include "clemency/report/screening_csv.h"
#include "columns.h"

namespace clemency::python {
namespace {

using Rows = std::vector<uint32_t>;

void StatusColumn(Columns& out, std::string_view name, const ScreenContext& c, const Rows& rows) {
  static constexpr std::string_view kNames[] = {"eligible", "needs_review", "not_eligible"};
  std::vector<int8_t> codes(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) codes[i] = static_cast<int8_t>(c.screening.status[rows[i]]);
  out.CategoricalCodes(name, Owned(std::move(codes)), kNames);
}

void PriorityColumn(Columns& out, std::string_view name, const ScreenContext& c, const Rows& rows) {
  std::vector<double> v(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) v[i] = c.screening.priority[rows[i]];
  out.Array(name, Owned(std::move(v)));
}

void RankColumn(Columns& out, std::string_view name, const ScreenContext& c, const Rows& rows) {
  std::vector<int64_t> v(rows.size());
  std::vector<bool> unknown(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    v[i] = c.screening.rank[rows[i]];
    unknown[i] = v[i] == 0;
  }
  out.Nullable(name, Owned(std::move(v)), std::move(unknown));
}

void EligibleOnColumn(Columns& out, std::string_view name, const ScreenContext& c, const Rows& rows) {
  std::vector<int64_t> days(rows.size(), kNa);
  if (!c.screening.eligible_on.empty())
    for (size_t i = 0; i < rows.size(); ++i) days[i] = c.screening.eligible_on[rows[i]];
  out.Dates(name, days, kNa);
}

// A whole number as the CSV writes it, parsed back: the column's own
// formatter decides the value, so frame and file cannot disagree.
void IntegerColumn(Columns& out, const ScreeningColumn& col, const ScreenContext& c, const Rows& rows,
                   bool nullable) {
  std::vector<int64_t> v(rows.size(), 0);
  std::vector<bool> unknown(rows.size(), false);
  std::string text;
  for (size_t i = 0; i < rows.size(); ++i) {
    text.clear();
    col.append(text, c, rows[i]);
    unknown[i] = std::from_chars(text.data(), text.data() + text.size(), v[i]).ec != std::errc();
  }
  if (nullable) out.Nullable(col.name, Owned(std::move(v)), std::move(unknown));
  else out.Array(col.name, Owned(std::move(v)));
}

void PersonIdColumn(Columns& out, std::string_view name, const ScreenContext& c, const Rows& rows) {
  const Population& pop = *c.facts.population;
  StringColumnBuilder b(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) b.Set(i, pop.str(pop.people.id[rows[i]]));
  out.Object(name, b.release());
}

// Any other column: its text, as a categorical ("" is missing).
void TextColumn(Columns& out, const ScreeningColumn& col, const ScreenContext& c, const Rows& rows) {
  CategoricalBuilder b(rows.size());
  std::string text;
  for (uint32_t p : rows) {
    text.clear();
    col.append(text, c, p);
    b.Add(text);
  }
  b.AddTo(out, col.name);
}

}  // namespace

pybind11::list ScreeningFrameColumns(const ScreenContext& c) {
  const Rows& rows = c.screening.order;
  Columns out;
  for (const ScreeningColumn& col : ScreeningColumns()) {
    const std::string_view n = col.name;
    if (n == "person_id") PersonIdColumn(out, n, c, rows);
    else if (n == "status") StatusColumn(out, n, c, rows);
    else if (n == "priority") PriorityColumn(out, n, c, rows);
    else if (n == "rank") RankColumn(out, n, c, rows);
    else if (n == "eligible_on") EligibleOnColumn(out, n, c, rows);
    else if (n == "age" || n == "time_served_days") IntegerColumn(out, col, c, rows, false);
    else if (n.ends_with("_days")) IntegerColumn(out, col, c, rows, true);
    else TextColumn(out, col, c, rows);
  }
  return out.release();
}

}  // namespace clemency::python
