#include "clemency/report/screening_csv.h"

#include <fmt/format.h>

#include <cmath>

#include "clemency/io/csv_writer.h"
#include "clemency/io/ordered_lines.h"

namespace clemency {
namespace {

void Int(std::string& o, int64_t v) { fmt::format_to(std::back_inserter(o), "{}", v); }
void OptionalInt(std::string& o, int64_t v) {
  if (v != kNa) Int(o, v);
}
void Str(std::string& o, const FactTable& f, int64_t id) {
  if (id != kNa) o += f.strings.View(static_cast<StrId>(id));
}

constexpr ScreeningColumn kColumns[] = {
    {"person_id", [](std::string& o, const ScreenContext& c, uint32_t p) {
       const Population& pop = *c.facts.population;
       o += pop.str(pop.people.id[p]);
     }},
    {"status", [](std::string& o, const ScreenContext& c, uint32_t p) { o += StatusName(c.screening.status[p]); }},
    {"groups", [](std::string& o, const ScreenContext& c, uint32_t p) { o += GroupsMet(c, p); }},
    {"excluded_by", [](std::string& o, const ScreenContext& c, uint32_t p) { o += ExcludedBy(c, p); }},
    {"priority", [](std::string& o, const ScreenContext& c, uint32_t p) {
       const double v = c.screening.priority[p];
       if (!std::isnan(v)) fmt::format_to(std::back_inserter(o), "{:.4f}", v);
     }},
    {"rank", [](std::string& o, const ScreenContext& c, uint32_t p) {
       if (c.screening.rank[p] != 0) Int(o, c.screening.rank[p]);
     }},
    {"eligible_on", [](std::string& o, const ScreenContext& c, uint32_t p) {
       const int64_t d = c.screening.eligible_on[p];
       if (d != kNa) o += Date::FromDays(static_cast<int32_t>(d)).ToString();
     }},
    {"age", [](std::string& o, const ScreenContext& c, uint32_t p) {
       Int(o, AgeOn(Date::FromDays(static_cast<int32_t>(c.facts.birth[p])), c.facts.as_of));
     }},
    {"time_served_days", [](std::string& o, const ScreenContext& c, uint32_t p) {
       Int(o, c.facts.as_of.days() - c.facts.admission[p]);
     }},
    {"current_law_term_days", [](std::string& o, const ScreenContext& c, uint32_t p) {
       OptionalInt(o, c.facts.current_law_term[p]);
     }},
    {"current_law_excess_days", [](std::string& o, const ScreenContext& c, uint32_t p) {
       OptionalInt(o, c.facts.current_law_excess[p]);
     }},
    {"most_serious_category", [](std::string& o, const ScreenContext& c, uint32_t p) {
       Str(o, c.facts, c.facts.most_serious_category[p]);
     }},
    {"race", [](std::string& o, const ScreenContext& c, uint32_t p) { Str(o, c.facts, c.facts.race[p]); }},
    {"sex", [](std::string& o, const ScreenContext& c, uint32_t p) { Str(o, c.facts, c.facts.sex[p]); }},
    {"jurisdiction", [](std::string& o, const ScreenContext& c, uint32_t p) { Str(o, c.facts, c.facts.jurisdiction[p]); }},
    {"facility_id", [](std::string& o, const ScreenContext& c, uint32_t p) { Str(o, c.facts, c.facts.facility_id[p]); }},
    {"review_reason", [](std::string& o, const ScreenContext& c, uint32_t p) {
       if (c.triage != nullptr) o += c.triage->Joined(p, ";");
     }},
};

}  // namespace

std::span<const ScreeningColumn> ScreeningColumns() { return kColumns; }

void AppendScreeningRow(std::string& out, const ScreenContext& c, uint32_t p) {
  std::string value;
  for (size_t i = 0; i < std::size(kColumns); ++i) {
    if (i > 0) out.push_back(',');
    value.clear();
    kColumns[i].append(value, c, p);
    AppendCsvField(out, value);
  }
}

bool WriteScreeningCsv(const ScreenContext& c, const std::string& path, std::string* error) {
  AtomicFile out(path);
  std::string header;
  for (const ScreeningColumn& col : kColumns) header += (header.empty() ? "" : ",") + std::string(col.name);
  out.Write(header + "\n");
  const std::vector<uint32_t>& order = c.screening.order;
  WriteOrderedLines(out, order.size(), [&](std::string& o, size_t i) { AppendScreeningRow(o, c, order[i]); });
  if (out.Commit()) return true;
  *error = out.error();
  return false;
}

}  // namespace clemency
