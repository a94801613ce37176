// Hand-made people for the tests that compare the engine with SQL
// (tests/differential, tests/sqlgen): CSV helpers, the cases (each with the
// status worked out by hand for redemption-2020 as of 2026-01-01, default
// parameters), and AppendHandRows, which adds them, and to every 500th
// person a sentence whose offense code is in no catalog, to a synthetic
// California folder.
#ifndef CLEMENCY_TESTS_SUPPORT_HAND_POPULATION_H_
#define CLEMENCY_TESTS_SUPPORT_HAND_POPULATION_H_

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/io/csv_reader.h"

namespace clemency::testing_support {

// One CSV file: its header and its records (fields as strings).
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int Column(std::string_view name) const {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  }
};

inline std::optional<CsvTable> ReadCsv(const std::string& path, std::string* error) {
  auto reader = CsvReader::Open(path, error);
  if (!reader) return std::nullopt;
  CsvTable t;
  CsvRecord rec;
  bool first = true;
  while (reader->Next(rec)) {
    if (!rec.ok()) {
      *error = path + ":" + std::to_string(rec.line) + ": " + rec.error;
      return std::nullopt;
    }
    std::vector<std::string> fields(rec.fields.begin(), rec.fields.end());
    if (first) {
      t.header = std::move(fields);
      first = false;
    } else {
      t.rows.push_back(std::move(fields));
    }
  }
  if (!reader->io_error().empty()) {
    *error = reader->io_error();
    return std::nullopt;
  }
  return t;
}

inline std::string CsvField(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A CSV line for a header from column -> value (other columns empty).
inline std::string CsvLine(const std::vector<std::string>& header, const std::map<std::string, std::string>& values) {
  std::string line;
  size_t used = 0;
  for (size_t i = 0; i < header.size(); ++i) {
    if (i > 0) line += ',';
    auto it = values.find(header[i]);
    if (it != values.end()) {
      line += CsvField(it->second);
      ++used;
    }
  }
  EXPECT_EQ(used, values.size()) << "a value names a column the file does not have: " << line;
  return line + "\n";
}

// Hand-made people, appended to the synthetic files, with their statuses
// worked out by hand from the policy text (as of 2026-01-01, default params).
struct HandSentence {
  const char* code;
  const char* type;    // sentence_type
  const char* status;
  const char* date = "2019-12-01";  // sentence_date
  const char* term = "2190";        // term_days of a determinate sentence
  const char* enhancements = "";
  const char* min_term = "";        // min_term_days of an indeterminate sentence
  const char* consecutive_to = "";  // "H1" etc.
};

struct HandCase {
  const char* id;
  const char* birth;
  const char* admission_type;
  const char* infractions;
  std::vector<HandSentence> sentences;
  const char* expected;
  const char* why;
  const char* excess = nullptr;  // expected current_law.excess ("NULL": unknown); null: not checked
};

inline const std::vector<HandCase>& HandCases() {
  static const std::vector<HandCase> cases = {
      {"ZZ-01", "1971-01-01", "new_sentence", "0", {{"CA:PC 459 2nd", "determinate", "active"}}, "eligible",
       "55 exactly on the as-of date"},
      {"ZZ-02", "1971-01-02", "new_sentence", "0", {{"CA:PC 459 2nd", "determinate", "active"}}, "not_eligible",
       "55 tomorrow; burglary; current-law excess 0"},
      {"ZZ-03", "1972-02-29", "new_sentence", "0", {{"CA:PC 459 2nd", "determinate", "active"}}, "not_eligible",
       "leap-day birthday (see the leap setting)"},
      {"ZZ-04", "1972-02-28", "new_sentence", "0", {{"CA:PC 459 2nd", "determinate", "active"}}, "not_eligible",
       "day before a leap day (see the leap setting)"},
      {"ZZ-05", "1990-05-05", "new_sentence", "0", {{"CA:HS 11350(a)", "determinate", "served"}}, "needs_review",
       "no active sentence: most serious category and current-law excess unknown"},
      {"ZZ-06", "1990-05-05", "new_sentence", "0", {}, "needs_review",
       "no sentence at all: the same, and any() over no sentences is false"},
      {"ZZ-07", "1990-05-05", "unknown", "0", {{"CA:PC 459 2nd", "determinate", "active"}}, "needs_review",
       "admission type unknown: technical violation unknown"},
      {"ZZ-08", "1990-05-05", "new_sentence", "0",
       {{"CA:HS 11350(a)", "determinate", "active"}, {"CA:PC 99999", "determinate", "active"}}, "needs_review",
       "drug possession plus an active offense not in the catalog: category unknown"},
      {"ZZ-09", "1990-05-05", "new_sentence", "0",
       {{"CA:PC 211 2nd", "determinate", "active"}, {"CA:PC 99999", "determinate", "active"}}, "not_eligible",
       "robbery (violent) plus an unknown offense: category violent, not drug"},
      {"ZZ-10", "1990-05-05", "new_sentence", "0",
       {{"CA:HS 11350(a)", "determinate", "active"}, {"CA:PC 99999", "determinate", "served"}}, "eligible",
       "drug possession; the unknown offense is served, so it does not count"},
      {"ZZ-11", "1950-03-03", "new_sentence", "0", {{"CA:PC 99999", "determinate", "active"}}, "needs_review",
       "older; the only active offense is not in the catalog: sex_registrable exclusion unknown"},
      {"ZZ-12", "1950-03-03", "new_sentence", "0", {{"CA:PC 99999", "lwop", "active"}}, "not_eligible",
       "older; LWOP excludes whatever the unknown offense's flags"},
      {"ZZ-13", "1950-03-03", "new_sentence", "", {{"CA:PC 459 2nd", "determinate", "active"}}, "needs_review",
       "older; infractions unknown: recent_misconduct unknown"},
      {"ZZ-14", "1990-05-05", "new_sentence", "0", {{"US:21 USC 844(a)", "determinate", "active"}}, "needs_review",
       "federal code, not in the CA catalog: category unknown"},
      {"ZZ-15", "1950-03-03", "new_sentence", "0",
       {{"CA:PC 288(a)", "determinate", "active"}, {"CA:PC 99999", "determinate", "active"}}, "not_eligible",
       "older; a known sex-registrable offense excludes whatever the unknown one is"},
      {"ZZ-16", "1990-05-05", "technical_violation", "9", {{"CA:PC 459 2nd", "determinate", "active"}},
       "not_eligible", "technical violation but 9 infractions"},
      {"ZZ-17", "1990-05-05", "", "0", {{"CA:HS 11351", "determinate", "active"}}, "eligible",
       "admission type missing, but drug distribution decides it"},
      // The reforms (rules/reforms/CA.toml). Robbery is violent but not excluded by default,
      // and not a drug offense: only current_law can make these people eligible.
      {"ZZ-20", "1990-05-05", "new_sentence", "0",
       {{"CA:PC 211 2nd", "determinate", "active", "2019-12-31", "2190", "CA:PC 667.5(b)=365"}}, "needs_review",
       "SB 136: sentenced the day before 2020-01-01, the prior-prison-term year may come off at SB 483's "
       "resentencing, which may refuse a lesser term (PC 1172.75(d)(1)): excess unknown", "NULL"},
      {"ZZ-21", "1990-05-05", "new_sentence", "0",
       {{"CA:PC 211 2nd", "determinate", "active", "2020-01-01", "2190", "CA:PC 667.5(b)=365"}}, "not_eligible",
       "SB 136: sentenced on 2020-01-01, the term already reflects it", "0"},
      {"ZZ-22", "1990-05-05", "new_sentence", "0",
       {{"CA:PC 211 2nd", "determinate", "active", "2014-06-01", "1095"},
        {"CA:HS 11350(a)", "determinate", "active", "2014-06-01", "1095", "", "", "H1"},
        {"CA:PC 664/187", "determinate", "served", "2008-01-01", "2555"}},
       "not_eligible", "Prop 47 possession consecutive to robbery, but a served super strike bars it", "0"},
      {"ZZ-23", "1990-05-05", "new_sentence", "0",
       {{"CA:PC 211 2nd", "determinate", "active", "2014-06-01", "1095"},
        {"CA:HS 11350(a)", "determinate", "active", "2014-06-01", "1095", "", "", "H1"},
        {"CA:PC 459 2nd", "determinate", "served", "2008-01-01", "730"}},
       "needs_review", "Prop 47: the consecutive possession term may fall to 365 days (2190 -> 1460), but with two "
       "drug priors possession is a felony again (Prop 36 of 2024, HS 11395): excess unknown", "NULL"},
      {"ZZ-24", "1990-05-05", "new_sentence", "0",
       {{"CA:PC 211 2nd", "determinate", "active", "2018-06-01", "2190", "CA:PC 667(a)=1826"}}, "needs_review",
       "SB 1393: the court may strike the 5 years but need not: excess unknown", "NULL"},
      {"ZZ-25", "1975-05-05", "new_sentence", "0",
       {{"CA:PC 487(a)", "indeterminate", "active", "2005-03-01", "", "CA:PC 667(e)(2)(A)=0", "9131"}},
       "eligible",
       "Prop 36: a third strike for grand theft becomes 2 x 16..36 months = 974..2192 days; "
       "25 years minimum - 2192 = 6939",
       "6939"},
      {"ZZ-26", "1975-05-05", "new_sentence", "0",
       {{"CA:PC 211 2nd", "indeterminate", "active", "2005-03-01", "", "CA:PC 667(e)(2)(A)=0", "9131"}},
       "not_eligible", "Prop 36 does not reach a third strike for robbery (serious and violent)", "0"},
      {"ZZ-27", "1975-05-05", "new_sentence", "0",
       {{"CA:PC 487(a)", "indeterminate", "active", "2005-03-01", "", "CA:PC 667(e)(2)(A)=0", "9131"},
        {"CA:PC 99999", "determinate", "served", "2005-03-01", "365"}},
       "needs_review",
       "Prop 36, but a (served) offense not in the catalog may be a super strike: a range from "
       "974 days up to life, so the excess is only possible",
       "NULL"},
      {"ZZ-28", "1990-05-05", "new_sentence", "0",
       {{"CA:HS 11351", "determinate", "active", "2017-12-31", "2190", "CA:HS 11370.2=1095"}}, "eligible",
       "SB 180: sentenced the day before 2018-01-01, the 3-year prior drug-sale enhancement may come off at SB 483's "
       "resentencing: excess unknown", "NULL"},
      {"ZZ-29", "1990-05-05", "new_sentence", "0",
       {{"CA:PC 459 2nd", "determinate", "active", "2014-11-04", "1095"}}, "needs_review",
       "Prop 47 theft depends on the value: 365..1095 days, the excess only possible", "NULL"},
  };
  return cases;
}

// Appends the hand-made people and the codes in no catalog to dir's
// people.csv and sentences.csv; in_catalog(code) says whether a code is in
// the CA catalog. Returns the sentences appended whose code is not.
inline size_t AppendHandRows(const std::string& dir, const std::function<bool(std::string_view)>& in_catalog) {
  size_t not_in_catalog = 0;
  std::string error;
  auto people = ReadCsv(dir + "/people.csv", &error);
  EXPECT_TRUE(people) << error;
  if (!people) return 0;
  auto sentences = ReadCsv(dir + "/sentences.csv", &error);
  EXPECT_TRUE(sentences) << error;
  if (!sentences) return 0;
  const int pid = people->Column("person_id"), adm = people->Column("admission_date");
  const int sid = sentences->Column("sentence_id");
  EXPECT_GE(pid, 0);
  EXPECT_GE(adm, 0);
  EXPECT_GE(sid, 0);
  for (const auto& row : sentences->rows) EXPECT_NE(row[static_cast<size_t>(sid)], "X1");

  std::ofstream pf(dir + "/people.csv", std::ios::app | std::ios::binary);
  std::ofstream sf(dir + "/sentences.csv", std::ios::app | std::ios::binary);
  const std::vector<std::string>& ph = people->header;
  const std::vector<std::string>& sh_ = sentences->header;

  // Codes not in the CA catalog: made-up sections and a federal code (which
  // the loader keeps with an offense_jurisdiction warning).
  const char* kUnknownCodes[] = {"CA:PC 99999", "CA:VC 99999(z)", "US:18 USC 922(g)"};
  for (size_t i = 0; i < people->rows.size(); i += 500) {
    const auto& row = people->rows[i];
    const size_t k = i / 500;
    const bool lwop = k % 7 == 3;
    const bool active = k % 3 != 2;
    std::map<std::string, std::string> v = {{"person_id", row[static_cast<size_t>(pid)]},
                                            {"sentence_id", "X1"},
                                            {"offense_code", kUnknownCodes[k % 3]},
                                            {"sentence_date", row[static_cast<size_t>(adm)]},
                                            {"sentence_type", lwop ? "lwop" : "determinate"},
                                            {"status", active ? "active" : "served"}};
    if (!lwop) v["term_days"] = "365";
    sf << CsvLine(sh_, v);
    ++not_in_catalog;
  }

  for (const HandCase& c : HandCases()) {
    pf << CsvLine(ph, {{"person_id", c.id},
                       {"jurisdiction", "CA"},
                       {"birth_date", c.birth},
                       {"sex", "M"},
                       {"race", "other"},
                       {"admission_date", "2020-01-01"},
                       {"admission_type", c.admission_type},
                       {"infractions_5y", c.infractions}});
    int n = 0;
    for (const HandSentence& s : c.sentences) {
      std::map<std::string, std::string> v = {{"person_id", c.id},
                                              {"sentence_id", "H" + std::to_string(++n)},
                                              {"offense_code", s.code},
                                              {"sentence_date", s.date},
                                              {"sentence_type", s.type},
                                              {"status", s.status}};
      if (std::string_view(s.type) == "determinate") v["term_days"] = s.term;
      if (*s.min_term != '\0') v["min_term_days"] = s.min_term;
      if (*s.enhancements != '\0') v["enhancements"] = s.enhancements;
      if (*s.consecutive_to != '\0') v["consecutive_to"] = s.consecutive_to;
      sf << CsvLine(sh_, v);
      if (!in_catalog(s.code)) ++not_in_catalog;
    }
  }
  EXPECT_TRUE(pf.good());
  EXPECT_TRUE(sf.good());
  return not_in_catalog;
}

}  // namespace clemency::testing_support

#endif  // CLEMENCY_TESTS_SUPPORT_HAND_POPULATION_H_
