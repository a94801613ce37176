// The columns of a Population for pandas (population.h): people.csv's and
// sentences.csv's columns under their schema names (DESIGN.md section 3).
// Numbers and vocabulary codes view the population's own buffers (no copy);
// dates become datetime64[ns] and strings Python str objects, one pass each.
#include <fmt/format.h>

#include "columns.h"
#include "population.h"

namespace clemency::python {
namespace {

// The population kept alive by every view of its columns.
py::capsule Owner(const PopulationPtr& p) {
  return py::capsule(new PopulationPtr(p), [](void* o) { delete static_cast<PopulationPtr*>(o); });
}

template <typename E, size_t N>
void Codes(Columns& c, std::string_view name, const PopulationColumn<E>& col, const std::string_view (&names)[N],
           py::handle owner) {
  static_assert(sizeof(E) == 1 && N < 128, "a vocabulary's codes are int8 for pandas");
  c.CategoricalCodes(name, View(reinterpret_cast<const int8_t*>(col.data()), col.size(), owner), names);
}

template <typename T>
void NullableView(Columns& c, std::string_view name, const PopulationColumn<T>& col, T missing, py::handle owner) {
  std::vector<bool> unknown(col.size());
  for (size_t i = 0; i < col.size(); ++i) unknown[i] = col[i] == missing;
  c.Nullable(name, View(col.data(), col.size(), owner), std::move(unknown));
}

void DateColumn(Columns& c, std::string_view name, const PopulationColumn<Date>& col) {
  std::vector<int64_t> days(col.size());
  for (size_t i = 0; i < col.size(); ++i) days[i] = col[i].days();
  c.Dates(name, days, Date().days());
}

// A column of interned strings: object (many values) or categorical (few).
void Strings(Columns& c, std::string_view name, const Population& pop, const PopulationColumn<StrId>& col) {
  StringColumnBuilder b(col.size());
  for (size_t i = 0; i < col.size(); ++i) {
    if (col[i] == kNoStr) b.SetNone(i);
    else b.Set(i, pop.str(col[i]), col[i]);
  }
  c.Object(name, b.release());
}

void Category(Columns& c, std::string_view name, const Population& pop, const PopulationColumn<StrId>& col) {
  CategoricalBuilder b(col.size());
  for (StrId id : col) b.Add(pop.str(id));
  b.AddTo(c, name);
}

// "CODE=DAYS;CODE=DAYS" as sentences.csv writes enhancements, None when none.
py::array Enhancements(const Population& pop) {
  StringColumnBuilder b(pop.sentence_count());
  std::string text;
  for (uint32_t s = 0; s < pop.sentence_count(); ++s) {
    text.clear();
    const IndexRange r = pop.EnhancementsOf(s);
    for (uint32_t e = r.begin; e < r.end; ++e)
      fmt::format_to(std::back_inserter(text), "{}{}={}", text.empty() ? "" : ";", pop.str(pop.enhancements[e].code),
                     pop.enhancements[e].days);
    if (!text.empty()) b.Set(s, text);
  }
  return b.release();
}

py::array ConsecutiveTo(const Population& pop) {
  const SentenceColumns& s = pop.sentences;
  StringColumnBuilder b(s.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (s.consecutive_to[i] != kNoIndex) b.Set(i, pop.str(s.id[s.consecutive_to[i]]), s.id[s.consecutive_to[i]]);
  return b.release();
}

py::array SentencePerson(const Population& pop) {
  StringColumnBuilder b(pop.sentence_count());
  for (size_t i = 0; i < pop.sentence_count(); ++i) {
    const StrId id = pop.people.id[pop.sentences.person[i]];
    b.Set(i, pop.str(id), id);
  }
  return b.release();
}

}  // namespace

py::list PeopleFrameColumns(const PopulationPtr& p) {
  const Population& pop = *p->load.population;
  const PeopleColumns& c = pop.people;
  const py::capsule owner = Owner(p);
  Columns out;
  Strings(out, "person_id", pop, c.id);
  Category(out, "jurisdiction", pop, c.jurisdiction);
  DateColumn(out, "birth_date", c.birth_date);
  Codes(out, "birth_date_precision", c.birth_precision, kBirthPrecisionNames, owner);
  Codes(out, "sex", c.sex, kSexNames, owner);
  Codes(out, "race", c.race, kRaceNames, owner);
  DateColumn(out, "admission_date", c.admission_date);
  Codes(out, "admission_type", c.admission_type, kAdmissionTypeNames, owner);
  Category(out, "facility_id", pop, c.facility_id);
  NullableView(out, "infractions_5y", c.infractions_5y, kMissingInt, owner);
  NullableView(out, "medical_high_risk", c.medical_high_risk, kUnknownFlag, owner);
  return out.release();
}

py::list SentenceFrameColumns(const PopulationPtr& p) {
  const Population& pop = *p->load.population;
  const SentenceColumns& c = pop.sentences;
  const py::capsule owner = Owner(p);
  Columns out;
  out.Object("person_id", SentencePerson(pop));
  Strings(out, "sentence_id", pop, c.id);
  Strings(out, "offense_code", pop, c.offense_code);
  Strings(out, "offense_description", pop, c.offense_description);
  DateColumn(out, "offense_date", c.offense_date);
  DateColumn(out, "sentence_date", c.sentence_date);
  Codes(out, "sentence_type", c.type, kSentenceTypeNames, owner);
  NullableView(out, "term_days", c.term_days, kMissingInt, owner);
  NullableView(out, "min_term_days", c.min_term_days, kMissingInt, owner);
  NullableView(out, "max_term_days", c.max_term_days, kMissingInt, owner);
  out.Object("enhancements", Enhancements(pop));
  Category(out, "drug_type", pop, c.drug_type);
  out.Array("drug_grams", View(c.drug_grams.data(), c.drug_grams.size(), owner));
  out.Object("consecutive_to", ConsecutiveTo(pop));
  Codes(out, "status", c.status, kSentenceStatusNames, owner);
  NullableView(out, "credits_days", c.credits_days, kMissingInt, owner);
  DateColumn(out, "projected_release_date", c.projected_release_date);
  DateColumn(out, "parole_eligibility_date", c.parole_eligibility_date);
  return out.release();
}

py::list RejectedFrameColumns(const PopulationPtr& p) {
  const std::vector<RejectedRow>& rows = p->load.rejected;
  StringColumnBuilder file(rows.size()), reason(rows.size()), record(rows.size());
  std::vector<int64_t> line(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    file.Set(i, rows[i].file);
    line[i] = static_cast<int64_t>(rows[i].line);
    reason.Set(i, rows[i].reason);
    record.Set(i, rows[i].record);
  }
  Columns out;
  out.Object("file", file.release());
  out.Array("line", Owned(std::move(line)));
  out.Object("reason", reason.release());
  out.Object("record", record.release());
  return out.release();
}

}  // namespace clemency::python
