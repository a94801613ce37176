// Conformance of the reforms compiled to SQL (sqlgen/reform_sql.h) with the
// engine: a synthetic population of CA, OK, US and IA (20,000 people each)
// plus hand-made sentences that reach every effect kind and edge, the fact
// table built by the engine with the four reform packs, its law inputs
// (law_sentences, law_enhancements, law_person_offenses) loaded into a real
// PostgreSQL, and `WITH <ReformCtes> SELECT * FROM law_out` compared, sentence
// by sentence, with t.law at several as-of dates (before and after effective
// dates and at window edges), and once with a jurisdiction that has a pack but
// no catalog. The SQL for every dialect is also compared with golden files
// (CLEMENCY_UPDATE_GOLDEN=1 rewrites them).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/io/population_loader.h"
#include "clemency/law/current_law_term.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/reform.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/offense_resolution.h"
#include "clemency/sqlgen/dialect.h"
#include "clemency/sqlgen/reform_sql.h"
#include "clemency/synth/synthesizer.h"
#include "support/pg_server.h"

namespace clemency {
namespace {

const std::string kRulesDir = CLEMENCY_TEST_DATA "/../../rules";
const std::string kGoldenDir = CLEMENCY_SQLGEN_GOLDEN;
constexpr int64_t kPeoplePerState = 20000;
constexpr const char* kStates[] = {"CA", "OK", "US", "IA"};
constexpr const char* kPopulationAsOf = "2026-01-01";

Date D(std::string_view s) {
  const DateParseResult r = ParseDate(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.date;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ------------------------------------------------------------ hand-made rows

// A CSV row by column name, in the file's header order.
std::string Row(const std::vector<std::string>& header, const std::map<std::string, std::string>& v) {
  std::string out;
  for (size_t i = 0; i < header.size(); ++i) {
    auto it = v.find(header[i]);
    std::string f = it == v.end() ? "" : it->second;
    if (f.find_first_of(",\"") != std::string::npos) {
      std::string q = "\"";
      for (char c : f) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      f = q + "\"";
    }
    out += (i > 0 ? "," : "") + f;
  }
  return out + "\n";
}

struct HandSentence {
  std::string code, type, term, min_term, max_term, enhancements, drug_type, grams, offense_date, sentence_date;
  std::string status = "active";
};

struct HandPerson {
  std::string id, jurisdiction;
  std::vector<HandSentence> sentences;
};

// Every effect kind and edge, by jurisdiction.
std::vector<HandPerson> HandPeople() {
  const std::string strike = "CA:PC 667(e)(2)(A)=0";
  return {
      // Prop 36 (2012): a third striker on a triad offense (then Prop 47 caps the doubled triad).
      {"H-36-triad", "CA", {{"CA:HS 11350(a)", "indeterminate", "", "9125", "", strike, "", "", "2004-05-01", "2005-03-01"}}},
      // ... with a maximum term, and as a life term.
      {"H-36-max", "CA", {{"CA:PC 487(a)", "indeterminate", "", "9125", "12000", strike, "", "", "2004-05-01", "2005-03-01"}}},
      {"H-36-life", "CA", {{"CA:PC 487(a)", "life", "", "", "", strike + ";CA:PC 667.5(b)=365", "", "", "", "2006-03-01"}}},
      // ... with no dates (a range), an offense not in the catalog (no triad, flags unknown).
      {"H-36-nodates", "CA", {{"CA:PC 487(a)", "indeterminate", "", "9125", "", strike, "", "", "", ""}}},
      {"H-36-notcat", "CA", {{"CA:PC 99999", "indeterminate", "", "9125", "", strike, "", "", "2004-01-01", "2005-01-01"}}},
      // ... a served super strike, a served offense not in the catalog.
      {"H-36-super", "CA", {{"CA:PC 487(a)", "indeterminate", "", "9125", "", strike, "", "", "2004-01-01", "2005-01-01"},
                            {"CA:PC 187 1st", "determinate", "3650", "", "", "", "", "", "1990-01-01", "1991-01-01", "served"}}},
      {"H-36-served-unknown", "CA", {{"CA:PC 487(a)", "indeterminate", "", "9125", "", strike, "", "", "2004-01-01", "2005-01-01"},
                                     {"CA:ZZ 1", "determinate", "700", "", "", "", "", "", "1999-01-01", "2000-01-01", "served"}}},
      // ... a determinate term (life_to_years does not apply).
      {"H-36-determinate", "CA", {{"CA:PC 487(a)", "determinate", "3000", "", "", strike, "", "", "2004-01-01", "2005-01-01"}}},
      // Prop 47 and Prop 36 (2024): reclassified, then a felony again (restore_felony).
      {"H-47-drug", "CA", {{"CA:HS 11350(a)", "determinate", "1460", "", "", "", "", "", "2013-01-01", "2013-06-01"}}},
      {"H-47-drug-short", "CA", {{"CA:HS 11377(a)", "determinate", "300", "", "", "", "", "", "2013-01-01", "2013-06-01"}}},
      {"H-47-noterm", "CA", {{"CA:HS 11377(a)", "determinate", "", "", "", "", "", "", "2013-01-01", "2013-06-01"}}},
      {"H-47-theft", "CA", {{"CA:PC 487(a)", "determinate", "1460", "", "", "", "", "", "2013-01-01", "2014-01-01"}}},
      {"H-47-day-of", "CA", {{"CA:PC 496(a)", "determinate", "1460", "", "", "", "", "", "2014-01-01", "2014-11-05"}}},
      {"H-47-day-before", "CA", {{"CA:PC 496(a)", "determinate", "1460", "", "", "", "", "", "2014-01-01", "2014-11-04"}}},
      {"H-47-nodate", "CA", {{"CA:HS 11350(a)", "determinate", "1460", "", "", "", "", "", "", ""}}},
      {"H-47-after", "CA", {{"CA:HS 11350(a)", "determinate", "900", "", "", "", "", "", "2015-01-01", "2015-06-01"}}},
      // Enhancements: SB 180, SB 1393 (discretionary), SB 136, opened by SB 483 (full resentencing) and AB 600.
      {"H-enh", "CA", {{"CA:PC 211", "determinate", "8000", "", "",
                        "CA:PC 667.5(b)=365;CA:PC 667.5(b)=365;CA:HS 11370.2=1095;CA:PC 667(a)=1825", "", "", "2015-01-01", "2015-06-01"}}},
      {"H-enh-stayed", "CA", {{"CA:PC 211", "determinate", "2000", "", "", "CA:PC 667.5(b)=0;CA:PC 667(a)=0", "", "", "2015-01-01", "2015-06-01"}}},
      {"H-enh-2021", "CA", {{"CA:PC 211", "determinate", "5000", "", "", "CA:PC 667.5(b)=365;CA:PC 667(a)=1825", "", "", "2020-06-01", "2021-06-01"}}},
      {"H-enh-nodate", "CA", {{"CA:PC 211", "determinate", "5000", "", "", "CA:PC 667.5(b)=365;CA:HS 11370.2=1095", "", "", "", ""}}},
      {"H-enh-noterm", "CA", {{"CA:PC 211", "determinate", "", "", "", "CA:PC 667.5(b)=365", "", "", "2015-01-01", "2015-06-01"}}},
      {"H-enh-lwop", "CA", {{"CA:PC 187 1st", "lwop", "", "", "", "CA:PC 667.5(b)=365", "", "", "2015-01-01", "2015-06-01"}}},
      {"H-enh-indet", "CA", {{"CA:PC 187 1st", "indeterminate", "", "9125", "", "CA:PC 667.5(b)=365", "", "", "2015-01-01", "2015-06-01"}}},
      // Prop 36 and SB 136 on one sentence: SB 483's full resentencing excepts Prop 36.
      {"H-36-sb136", "CA", {{"CA:PC 487(a)", "indeterminate", "", "9125", "", strike + ";CA:PC 667.5(b)=365", "", "", "2004-01-01", "2005-01-01"}}},
      // A CA person with a federal sentence and one of a jurisdiction without a pack.
      {"H-mixed", "CA", {{"CA:HS 11350(a)", "determinate", "1000", "", "", "", "", "", "2013-01-01", "2013-06-01"},
                         {"US:21 USC 844", "determinate", "400", "", "", "", "", "", "2009-01-01", "2009-06-01"},
                         {"TX:PC 1", "determinate", "400", "", "", "", "", "", "2009-01-01", "2009-06-01"}}},
      // US: the Fair Sentencing Act (lower_minimum, now_code), First Step Act 404 (makes_retroactive), 401, 403.
      {"U-crack-a", "US", {{"US:21 USC 841(b)(1)(A)", "determinate", "5000", "", "", "", "crack", "100", "2008-01-01", "2009-01-01"}}},
      {"U-crack-a-nograms", "US", {{"US:21 USC 841(b)(1)(A)", "determinate", "5000", "", "", "", "crack", "", "2008-01-01", "2009-01-01"}}},
      {"U-crack-a-small", "US", {{"US:21 USC 841(b)(1)(A)", "determinate", "4000", "", "", "", "cocaine_base", "20", "2008-01-01", "2009-01-01"}}},
      {"U-crack-a-noodate", "US", {{"US:21 USC 841(b)(1)(A)", "determinate", "5000", "", "", "", "crack", "100", "", "2011-01-01"}}},
      {"U-crack-a-nodates", "US", {{"US:21 USC 841(b)(1)(A)", "determinate", "5000", "", "", "", "crack", "100", "", ""}}},
      {"U-crack-a-late", "US", {{"US:21 USC 841(b)(1)(A)", "determinate", "5000", "", "", "", "crack", "100", "2011-01-01", "2012-01-01"}}},
      {"U-crack-a-life", "US", {{"US:21 USC 841(b)(1)(A)", "life", "", "", "", "US:21 USC 851(2)=0", "crack", "100", "2008-01-01", "2009-01-01"}}},
      {"U-crack-a-prior", "US", {{"US:21 USC 841(b)(1)(A)", "determinate", "9000", "", "", "US:21 USC 851(1)=3650", "crack", "100", "2008-01-01", "2009-01-01"}}},
      {"U-401-life", "US", {{"US:21 USC 841(b)(1)(A)", "life", "", "", "", "US:21 USC 851(2)=0", "heroin", "2000", "2015-01-01", "2016-01-01"}}},
      {"U-401-prior", "US", {{"US:21 USC 841(b)(1)(A)", "determinate", "9000", "", "", "US:21 USC 851(1)=3650", "heroin", "2000", "2015-01-01", "2016-01-01"}}},
      {"U-b-prior", "US", {{"US:21 USC 841(b)(1)(B)", "determinate", "4000", "", "", "US:21 USC 851(1)=0", "heroin", "200", "2015-01-01", "2016-01-01"}}},
      {"U-924c", "US", {{"US:18 USC 924(c)(1)(C)", "determinate", "9131", "", "", "", "", "", "2015-01-01", "2016-01-01"}}},
      {"U-924c-brandished", "US", {{"US:18 USC 924(c)(1)(C)", "determinate", "9131", "", "",
                                    "US:18 USC 924(c)(1)(A)(ii) brandished=0", "", "", "2015-01-01", "2016-01-01"}}},
      {"U-960", "US", {{"US:21 USC 960(b)(1)", "determinate", "3000", "", "", "", "", "", "2015-01-01", "2016-01-01"}}},
      {"U-notcat", "US", {{"US:99 USC 1", "determinate", "3000", "", "", "", "", "", "2015-01-01", "2016-01-01"}}},
      {"U-possession", "US", {{"US:21 USC 844", "determinate", "1000", "", "", "", "crack", "10", "2008-01-01", "2009-01-01"}}},
      // OK: SQ 780 (offense_before; an unrecorded offense date settled by the sentencing date or not), HB 1269.
      {"O-possession", "OK", {{"OK:63 O.S. 2-402", "determinate", "1800", "", "", "", "", "", "2016-01-01", "2016-06-01"}}},
      {"O-noodate-early", "OK", {{"OK:63 O.S. 2-402", "determinate", "1800", "", "", "", "", "", "", "2017-01-01"}}},
      {"O-noodate-late", "OK", {{"OK:63 O.S. 2-402", "determinate", "1800", "", "", "", "", "", "", "2018-01-01"}}},
      {"O-late", "OK", {{"OK:63 O.S. 2-402", "determinate", "1800", "", "", "", "", "", "2018-01-01", "2018-06-01"}}},
      {"O-late-sentence", "OK", {{"OK:63 O.S. 2-402", "determinate", "1800", "", "", "", "", "", "2017-01-01", "2020-01-01"}}},
      {"O-property", "OK", {{"OK:21 O.S. 1704", "determinate", "1200", "", "", "", "", "", "2016-01-01", "2016-06-01"}}},
      {"O-indet", "OK", {{"OK:63 O.S. 2-402", "indeterminate", "", "200", "", "", "", "", "2016-01-01", "2016-06-01"}}},
  };
}

void AppendHandRows(const std::string& dir) {
  const auto header_of = [](const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) cols.push_back(c);
    return cols;
  };
  const std::vector<std::string> ph = header_of(dir + "/people.csv"), sh = header_of(dir + "/sentences.csv");
  std::ofstream people(dir + "/people.csv", std::ios::app), sentences(dir + "/sentences.csv", std::ios::app);
  for (const HandPerson& p : HandPeople()) {
    people << Row(ph, {{"person_id", p.id}, {"jurisdiction", p.jurisdiction}, {"birth_date", "1970-01-01"}, {"sex", "M"},
                       {"race", "unknown"}, {"admission_date", "2005-01-01"}});
    int n = 0;
    for (const HandSentence& s : p.sentences)
      sentences << Row(sh, {{"person_id", p.id}, {"sentence_id", std::to_string(++n)}, {"offense_code", s.code},
                            {"sentence_type", s.type}, {"term_days", s.term}, {"min_term_days", s.min_term},
                            {"max_term_days", s.max_term}, {"enhancements", s.enhancements}, {"drug_type", s.drug_type},
                            {"drug_grams", s.grams}, {"offense_date", s.offense_date}, {"sentence_date", s.sentence_date},
                            {"status", s.status}});
  }
}

// Concatenates the CSV files of several folders (each with its header) into one.
void MergeCsv(const std::vector<std::string>& dirs, const std::string& file, const std::string& out_dir) {
  std::ofstream out(out_dir + "/" + file, std::ios::binary);
  bool first = true;
  for (const std::string& d : dirs) {
    std::ifstream in(d + "/" + file, std::ios::binary);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
      if (header && !first) {
        header = false;
        continue;
      }
      header = false;
      out << line << "\n";
    }
    first = false;
  }
}

// ------------------------------------------------------------ PostgreSQL

struct PgConnCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct PgResultCloser {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultCloser>;

// The law inputs of the SQL, as the engine's fact table shows them.
struct LawInputs {
  std::string sentences, enhancements, person_offenses;  // COPY text
};

std::string CopyText(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '\t' || c == '\n' || c == '\r') out += '\\';
    out += c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : c;
  }
  return out;
}
std::string CopyInt(int64_t v) { return v == kNa ? "\\N" : std::to_string(v); }
std::string CopyDate(Date d) { return d.missing() ? "\\N" : std::to_string(d.days()); }
std::string FlagText(const Offense* o) {
  if (o == nullptr) return "\\N";
  std::string f = ";";
  for (const std::string& x : o->flags) f += x + ";";
  return CopyText(f);
}

LawInputs BuildInputs(const FactTable& t, const Population& pop, const CatalogSet& catalogs) {
  LawInputs in;
  for (uint32_t s = 0; s < pop.sentence_count(); ++s) {
    const std::string_view pid = pop.str(pop.people.id[pop.sentences.person[s]]);
    const std::string_view code = t.strings.View(static_cast<StrId>(t.offense_code[s]));
    const std::string jur(CodeJurisdiction(pop.str(pop.sentences.offense_code[s])));
    auto cat = catalogs.find(jur);
    const Offense* o = cat == catalogs.end() ? nullptr : cat->second->Find(code);
    const double g = pop.sentences.drug_grams[s];
    const StrId dt = pop.sentences.drug_type[s];
    in.sentences += fmt::format(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", s, CopyText(pid), CopyText(jur), CopyText(code),
        FlagText(o), o != nullptr ? "t" : "f", o != nullptr && o->has_triad() ? std::to_string(o->triad_lower_months) : "\\N",
        o != nullptr && o->has_triad() ? std::to_string(o->triad_upper_months) : "\\N",
        kSentenceTypeNames[static_cast<size_t>(pop.sentences.type[s])], CopyInt(t.term[s]), CopyInt(t.min_term[s]),
        CopyDate(pop.sentences.sentence_date[s]), CopyDate(pop.sentences.offense_date[s]),
        dt == kNoStr ? "\\N" : CopyText(pop.str(dt)), std::isnan(g) || g < 0 ? "\\N" : fmt::format("{}", g));
    const IndexRange er = pop.EnhancementsOf(s);
    for (uint32_t e = er.begin; e < er.end; ++e)
      in.enhancements += fmt::format("{}\t{}\t{}\n", s, CopyText(t.strings.View(static_cast<StrId>(t.enhancement_code[e]))),
                                     pop.enhancements[e].days);
    in.person_offenses += fmt::format("{}\t{}\n", CopyText(pid), FlagText(t.offenses.of(s).offense));
  }
  return in;
}

class ReformSqlTest : public ::testing::Test {
 protected:
  struct Shared {
    std::string dir;
    std::map<std::string, OffenseCatalog> catalogs;
    std::map<std::string, ReformSet> reforms;
    Population pop;
    testing_support::PgServer server;
    std::unique_ptr<PGconn, PgConnCloser> conn;
  };

  static void PrepareShared() {
    s_ = new Shared;
    Shared& sh = *s_;
    ASSERT_TRUE(sh.server.ok()) << sh.server.error();
    sh.dir = ::testing::TempDir() + "/reform_sql_" + std::to_string(::getpid());
    std::filesystem::remove_all(sh.dir);
    std::filesystem::create_directories(sh.dir);
    std::vector<std::string> dirs;
    for (const char* st : kStates) {
      std::string error;
      auto cat = OffenseCatalog::LoadJurisdiction(st, &error, kRulesDir);
      ASSERT_TRUE(cat) << error;
      sh.catalogs.emplace(st, std::move(*cat));
      auto ref = ReformSet::LoadJurisdiction(st, &error, kRulesDir);
      ASSERT_TRUE(ref) << error;
      sh.reforms.emplace(st, std::move(*ref));
      SynthOptions so;
      so.jurisdiction = st;
      so.people = kPeoplePerState;
      so.seed = 7;
      so.as_of = D(kPopulationAsOf);
      so.out_dir = sh.dir + "/" + st;
      so.rules_dir = kRulesDir;
      so.id_prefix = std::string(st) + "-";
      const SynthResult r = Synthesize(so);
      ASSERT_TRUE(r.ok()) << r.error;
      dirs.push_back(so.out_dir);
    }
    const std::string all = sh.dir + "/all";
    std::filesystem::create_directories(all);
    for (const char* f : {"people.csv", "sentences.csv", "facilities.csv"}) MergeCsv(dirs, f, all);
    AppendHandRows(all);
    LoadResult load = LoadPopulation(all, {D(kPopulationAsOf), {}});
    ASSERT_FALSE(load.fatal) << (load.problems.empty() ? "" : load.problems[0].Format());
    ASSERT_EQ(load.error_count, 0u) << (load.problems.empty() ? "" : load.problems[0].Format());
    sh.pop = std::move(*load.population);

    sh.conn.reset(PQconnectdb(sh.server.Url("postgres").c_str()));
    ASSERT_EQ(PQstatus(sh.conn.get()), CONNECTION_OK) << PQerrorMessage(sh.conn.get());
    Exec("CREATE TABLE law_sentences (sid BIGINT, person_id TEXT, jur TEXT, code TEXT, offense_flags TEXT, in_catalog BOOLEAN, "
         "triad_lower_months BIGINT, triad_upper_months BIGINT, type TEXT, term_days BIGINT, min_term_days BIGINT, "
         "sentence_date BIGINT, offense_date BIGINT, drug_type TEXT, drug_grams DOUBLE PRECISION)");
    Exec("CREATE TABLE law_enhancements (sid BIGINT, code TEXT, days BIGINT)");
    Exec("CREATE TABLE law_person_offenses (person_id TEXT, offense_flags TEXT)");
  }

  static void TearDownTestSuite() {
    if (s_ != nullptr) std::filesystem::remove_all(s_->dir);
    delete s_;
    s_ = nullptr;
  }

  void SetUp() override {
    if (s_ == nullptr) PrepareShared();
    ASSERT_FALSE(HasFatalFailure()) << "the suite's set-up failed";
    ASSERT_TRUE(s_->conn) << "the suite's set-up failed";
  }

  static void Exec(const std::string& sql) {
    PgResult r(PQexec(s_->conn.get(), sql.c_str()));
    ASSERT_TRUE(PQresultStatus(r.get()) == PGRES_COMMAND_OK || PQresultStatus(r.get()) == PGRES_TUPLES_OK)
        << PQerrorMessage(s_->conn.get()) << "\n" << sql.substr(0, 2000);
  }

  static void Copy(const std::string& table, const std::string& data) {
    PGconn* c = s_->conn.get();
    Exec("TRUNCATE " + table);
    PgResult r(PQexec(c, ("COPY " + table + " FROM STDIN").c_str()));
    ASSERT_EQ(PQresultStatus(r.get()), PGRES_COPY_IN) << PQerrorMessage(c);
    ASSERT_EQ(PQputCopyData(c, data.data(), static_cast<int>(data.size())), 1) << PQerrorMessage(c);
    ASSERT_EQ(PQputCopyEnd(c, nullptr), 1) << PQerrorMessage(c);
    PgResult end(PQgetResult(c));
    ASSERT_EQ(PQresultStatus(end.get()), PGRES_COMMAND_OK) << PQerrorMessage(c);
  }

  // The three law inputs of this law, loaded.
  static void Load(const FactTable& t, const CatalogSet& catalogs) {
    const LawInputs in = BuildInputs(t, s_->pop, catalogs);
    Copy("law_sentences", in.sentences);
    Copy("law_enhancements", in.enhancements);
    Copy("law_person_offenses", in.person_offenses);
    Exec("ANALYZE");
  }

  static std::string SqlTerm(int64_t v) {
    if (v == kUnknownTerm) return "NULL";
    return v == kLifeTerm ? kSqlLifeDays : std::to_string(v);
  }

  // Runs the SQL and compares every sentence; returns the number of changed sentences per jurisdiction.
  static std::map<std::string, size_t> Compare(const FactTable& t, const std::string& ctes, const std::string& what) {
    std::map<std::string, size_t> changed;
    const std::string sql = "WITH " + ctes + "\nSELECT sid, high, low, excess_min, excess_max, remedy, reclassified FROM law_out";
    PgResult r(PQexec(s_->conn.get(), sql.c_str()));
    EXPECT_EQ(PQresultStatus(r.get()), PGRES_TUPLES_OK) << what << ": " << PQerrorMessage(s_->conn.get());
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) return changed;
    const auto cell = [&](int row, int col) { return PQgetisnull(r.get(), row, col) ? std::string("NULL") : std::string(PQgetvalue(r.get(), row, col)); };
    std::vector<int> row_of(t.sentences(), -1);
    for (int i = 0; i < PQntuples(r.get()); ++i) {
      const size_t sid = std::stoull(cell(i, 0));
      EXPECT_EQ(row_of[sid], -1) << what << ": sentence " << sid << " twice in law_out";
      row_of[sid] = i;
    }
    const Population& pop = s_->pop;
    int failures = 0;
    for (uint32_t s = 0; s < t.sentences() && failures < 20; ++s) {
      const std::string label = fmt::format("{}: person {} sentence {} ({})", what, pop.str(pop.people.id[pop.sentences.person[s]]),
                                            pop.str(pop.sentences.id[s]), pop.str(pop.sentences.offense_code[s]));
      const bool engine = t.law_index[s] != kNoIndex;
      if (engine != (row_of[s] >= 0)) {
        ADD_FAILURE() << label << ": engine changed " << engine << ", SQL " << (row_of[s] >= 0);
        ++failures;
        continue;
      }
      if (!engine) continue;
      const CurrentLawTerm& law = t.law[t.law_index[s]].term;
      const int i = row_of[s];
      const std::vector<std::string> want = {SqlTerm(law.high), SqlTerm(law.low), SqlTerm(law.excess_min), SqlTerm(law.excess_max),
                                             std::string(RemedyName(*law.remedy)), law.reclassified ? "t" : "f"};
      const std::vector<std::string> got = {cell(i, 1), cell(i, 2), cell(i, 3), cell(i, 4), cell(i, 5), cell(i, 6)};
      if (want != got) {
        ADD_FAILURE() << label << ": engine high/low/excess_min/excess_max/remedy/reclassified = " << fmt::format("{}", fmt::join(want, " "))
                      << ", SQL " << fmt::format("{}", fmt::join(got, " "));
        ++failures;
      }
      ++changed[std::string(CodeJurisdiction(pop.str(pop.sentences.offense_code[s])))];
    }
    return changed;
  }

  static LawRefs Law(bool ok_catalog) {
    LawRefs law;
    for (auto& [code, cat] : s_->catalogs)
      if (ok_catalog || code != "OK") law.catalogs.emplace(code, &cat);
    for (auto& [code, set] : s_->reforms) law.reforms.emplace(code, &set);
    return law;
  }

  static std::vector<ReformPackSql> Packs(const LawRefs& law) {
    std::vector<ReformPackSql> packs;
    for (const auto& [code, set] : law.reforms) {
      auto cat = law.catalogs.find(code);
      packs.push_back({code, set, cat == law.catalogs.end() ? nullptr : cat->second});
    }
    return packs;
  }

  static Shared* s_;
};

ReformSqlTest::Shared* ReformSqlTest::s_ = nullptr;

TEST_F(ReformSqlTest, MatchesTheEngineOnEverySentence) {
  const Sql pg{SqlDialect::kPostgres};
  // Before Prop 47; the day after Prop 36's window closed; US 782's window open; before and on
  // Prop 47's window's last day and after it; after SB 483, AB 600 and Prop 36 (2024).
  const char* as_ofs[] = {"2014-11-04", "2014-11-08", "2016-01-01", "2022-06-01", "2022-11-04", "2022-11-05", "2024-12-18", "2026-01-01"};
  const LawRefs law = Law(true);
  bool loaded = false;
  size_t total = 0;
  for (const char* a : as_ofs) {
    const auto t0 = std::chrono::steady_clock::now();
    const FactTable t = BuildFactTable(s_->pop, law, D(a));
    if (!loaded) {
      Load(t, law.catalogs);  // the inputs do not depend on the as-of date
      loaded = true;
    }
    const auto changed = Compare(t, ReformCtes(pg, Packs(law), D(a)), a);
    std::string counts;
    for (const auto& [jur, n] : changed) {
      counts += fmt::format(" {}={}", jur, n);
      total += n;
    }
    std::printf("as of %s: %zu sentences compared, changed:%s (%.1f s)\n", a, t.sentences(), counts.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  EXPECT_GT(total, 10000u);
}

TEST_F(ReformSqlTest, AJurisdictionWithAPackButNoCatalog) {
  const LawRefs law = Law(false);
  const FactTable t = BuildFactTable(s_->pop, law, D("2026-01-01"));
  Load(t, law.catalogs);
  const auto changed = Compare(t, ReformCtes(Sql{SqlDialect::kPostgres}, Packs(law), D("2026-01-01")), "OK without catalog");
  EXPECT_GT(changed.count("OK") ? changed.at("OK") : 0, 0u);
}

TEST_F(ReformSqlTest, NoReformInForceIsAnEmptyRelation) {
  const LawRefs law = Law(true);
  const FactTable t = BuildFactTable(s_->pop, law, D("2009-01-01"));
  const std::string ctes = ReformCtes(Sql{SqlDialect::kPostgres}, Packs(law), D("2009-01-01"));
  EXPECT_NE(ctes.find("law_out AS"), std::string::npos);
  EXPECT_TRUE(Compare(t, ctes, "2009-01-01").empty());
  EXPECT_NE(ReformCtes(Sql{SqlDialect::kPostgres}, {}, D("2026-01-01")).find("WHERE 1 = 0"), std::string::npos);
}

TEST_F(ReformSqlTest, EveryDialectMatchesItsGoldenFile) {
  const bool update = std::getenv("CLEMENCY_UPDATE_GOLDEN") != nullptr && std::string(std::getenv("CLEMENCY_UPDATE_GOLDEN")) == "1";
  const ReformPackSql ca{"CA", &s_->reforms.at("CA"), &s_->catalogs.at("CA")};
  for (SqlDialect d : {SqlDialect::kPostgres, SqlDialect::kDuckDb, SqlDialect::kBigQuery, SqlDialect::kSpark}) {
    for (const char* st : kStates) {
      const ReformPackSql p{st, &s_->reforms.at(st), &s_->catalogs.at(st)};
      EXPECT_FALSE(ReformCtes(Sql{d}, {p}, D("2026-01-01")).empty()) << DialectName(d) << " " << st;
    }
    const std::string sql = ReformCtes(Sql{d}, {ca}, D("2026-01-01")) + "\n";
    const std::string path = kGoldenDir + "/reforms-CA-" + std::string(DialectName(d)) + ".sql";
    if (update) {
      std::filesystem::create_directories(kGoldenDir);
      std::ofstream(path, std::ios::binary) << sql;
      continue;
    }
    EXPECT_EQ(ReadFile(path), sql) << path << " differs (CLEMENCY_UPDATE_GOLDEN=1 rewrites it)";
  }
}

}  // namespace
}  // namespace clemency
