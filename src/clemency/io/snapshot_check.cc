#include "clemency/io/snapshot_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <initializer_list>

#include "clemency/io/snapshot_access.h"

namespace clemency {
namespace {

// "" when every value is below limit, or the sentinel (UINT32_MAX) if
// allowed. The loops or-accumulate flags so that they vectorise (plain SSE2
// has no unsigned 32-bit max); opening a snapshot is these scans.
std::string IdsBelow(std::span<const uint32_t> v, uint64_t limit, const char* what, bool allow_none) {
  const auto lim = static_cast<uint32_t>(std::min<uint64_t>(limit, UINT32_MAX));
  uint32_t over = 0, none = 0;
  for (const uint32_t x : v) {
    over |= static_cast<uint32_t>(x + 1 > lim);  // the sentinel wraps to 0
    none |= static_cast<uint32_t>(x == UINT32_MAX);
  }
  if (over != 0 || (!allow_none && none != 0)) return fmt::format("{} out of range", what);
  return "";
}

template <typename E>
std::string CodesBelow(std::span<const E> v, unsigned count, const char* what) {
  uint8_t top = 0;
  for (const E x : v) top = std::max(top, static_cast<uint8_t>(x));
  return v.empty() || top < count ? "" : fmt::format("{} has an unknown code", what);
}

std::string DatesInRange(std::span<const Date> v, const char* what) {
  static const auto lo = static_cast<uint32_t>(Date::FromCivil(0, 1, 1).days());
  static const auto span = static_cast<uint32_t>(Date::FromCivil(9999, 12, 31).days()) - lo;
  const auto missing = static_cast<uint32_t>(Date().days());
  static_assert(sizeof(Date) == sizeof(int32_t));
  const auto* days = reinterpret_cast<const int32_t*>(v.data());
  uint32_t bad = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const auto d = static_cast<uint32_t>(days[i]);
    bad |= static_cast<uint32_t>(d - lo > span) & static_cast<uint32_t>(d != missing);
  }
  return bad != 0 ? fmt::format("{} has a date out of range", what) : "";
}

// "" when offsets (count+1 entries) start at 0, never decrease and end at total.
std::string Offsets(std::span<const uint32_t> offsets, size_t count, uint64_t total, const char* what) {
  if (offsets.size() != count + 1 || offsets[0] != 0 || offsets[count] != total)
    return fmt::format("{} do not match the rows", what);
  uint32_t bad = 0;
  for (size_t i = 0; i < count; ++i) bad |= static_cast<uint32_t>(offsets[i] > offsets[i + 1]);
  return bad != 0 ? fmt::format("{} decrease", what) : "";
}

std::string CheckGrouping(const Population& p) {
  const size_t np = p.people_count(), ns = p.sentence_count();
  if (std::string e = Offsets(SnapshotAccess::sentence_begin(p), np, ns, "sentence offsets"); !e.empty()) return e;
  if (std::string e = Offsets(p.sentences.enhancement_begin, ns, p.enhancements.size(), "enhancement offsets");
      !e.empty())
    return e;
  const uint32_t* begin = SnapshotAccess::sentence_begin(p).data();
  const uint32_t* person_of = p.sentences.person.data();
  const uint32_t* next = p.sentences.consecutive_to.data();
  uint32_t bad = 0;
  for (uint32_t person = 0; person < np; ++person) {
    const uint32_t b = begin[person], e = begin[person + 1];
    for (uint32_t s = b; s < e; ++s)  // c - b >= e - b: c outside [b, e)
      bad |= static_cast<uint32_t>(person_of[s] != person) |
             (static_cast<uint32_t>(next[s] != kNoIndex) & static_cast<uint32_t>(next[s] - b >= e - b));
  }
  return bad != 0 ? "sentences are not grouped by person" : "";
}

// The first error of checks, or "".
std::string FirstOf(std::initializer_list<std::string> checks) {
  for (const std::string& e : checks)
    if (!e.empty()) return e;
  return "";
}

// The people's and facilities' ids and codes, and every date column.
std::string CheckPeopleAndDates(const Population& p) {
  const uint64_t n_str = p.strings.size();
  bool bad_flag = false;
  for (const int8_t f : p.people.medical_high_risk) bad_flag |= f < kUnknownFlag || f > 1;
  return FirstOf({
      IdsBelow(p.people.id, n_str, "person_id", false),
      IdsBelow(p.people.jurisdiction, n_str, "jurisdiction", false),
      IdsBelow(p.people.facility_id, n_str, "facility_id", true),
      IdsBelow(p.facilities.id, n_str, "facility id", true),
      IdsBelow(p.facilities.name, n_str, "facility name", true),
      IdsBelow(p.facilities.jurisdiction, n_str, "facility jurisdiction", true),
      IdsBelow(SnapshotAccess::person_by_str(p), p.people_count(), "person index", true),
      CodesBelow<BirthPrecision>(p.people.birth_precision, 2, "birth_date_precision"),
      CodesBelow<Sex>(p.people.sex, 4, "sex"),
      CodesBelow<Race>(p.people.race, 8, "race"),
      CodesBelow<AdmissionType>(p.people.admission_type, 5, "admission_type"),
      CodesBelow<Housing>(p.facilities.housing, 4, "housing"),
      bad_flag ? "medical_high_risk has an unknown code" : "",
      DatesInRange(p.people.birth_date, "birth_date"),
      DatesInRange(p.people.admission_date, "admission_date"),
      DatesInRange(p.sentences.offense_date, "offense_date"),
      DatesInRange(p.sentences.sentence_date, "sentence_date"),
      DatesInRange(p.sentences.projected_release_date, "projected_release_date"),
      DatesInRange(p.sentences.parole_eligibility_date, "parole_eligibility_date"),
  });
}

// The sentences' ids and codes, and the enhancements'.
std::string CheckSentenceIds(const Population& p) {
  const uint64_t n_str = p.strings.size();
  bool bad_enh = false;
  for (const Enhancement& e : p.enhancements) bad_enh |= e.code >= n_str;
  return FirstOf({
      IdsBelow(p.sentences.id, n_str, "sentence_id", true),
      IdsBelow(p.sentences.offense_code, n_str, "offense_code", true),
      IdsBelow(p.sentences.offense_description, n_str, "offense_description", true),
      IdsBelow(p.sentences.drug_type, n_str, "drug_type", true),
      CodesBelow<SentenceType>(p.sentences.type, 5, "sentence_type"),
      CodesBelow<SentenceStatus>(p.sentences.status, 2, "status"),
      bad_enh ? "enhancement code out of range" : "",
  });
}

}  // namespace

std::string CheckStringOffsets(std::span<const uint64_t> offsets, uint64_t bytes_size) {
  if (offsets.empty() || offsets.front() != 0 || offsets.back() != bytes_size)
    return "string offsets do not match the string bytes";
  uint64_t bad = 0;
  for (size_t i = 0; i + 1 < offsets.size(); ++i) bad |= static_cast<uint64_t>(offsets[i] > offsets[i + 1]);
  return bad != 0 ? "string offsets decrease" : "";
}

std::string CheckSnapshotPopulation(const Population& p) {
  const size_t np = p.people_count(), ns = p.sentence_count(), nf = p.facility_count();
  bool sizes_ok = p.sentences.enhancement_begin.size() == ns + 1 &&
                  SnapshotAccess::sentence_begin(p).size() == np + 1 &&
                  SnapshotAccess::person_by_str(p).size() == p.strings.size();
  ForEachColumn(p.people, [&](const auto& c) { sizes_ok &= c.size() == np; });
  ForEachRowColumn(p.sentences, [&](const auto& c) { sizes_ok &= c.size() == ns; });
  ForEachFacilityColumn(p.facilities, [&](const auto& c) { sizes_ok &= c.size() == nf; });
  if (!sizes_ok) return "its columns differ in length";
  // The scans are bound by memory latency: on two threads they take half the time.
  std::future<std::string> sentences = std::async(std::launch::async, [&p] {
    std::string e = CheckGrouping(p);
    return e.empty() ? CheckSentenceIds(p) : e;
  });
  std::string people = CheckPeopleAndDates(p);
  std::string e = sentences.get();
  return e.empty() ? people : e;
}

}  // namespace clemency
