// clemency sql --policy ID|FILE --dialect postgres|duckdb|bigquery|spark --as-of DATE --data DIR -o OUT [--set ...]
// Compiles the policy, and the law it reads, to OUT/screen.sql with the rule
// tables in OUT/tables/ (sqlgen/screen_sql.h). The data folder is loaded and
// validated first, as `clemency screen` does: the script is written for data
// the engine accepts, and its crosswalk covers the data's offense codes.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "clemency/cli/commands.h"
#include "clemency/cli/command_output.h"
#include "clemency/cli/screen_session.h"
#include "clemency/io/csv_reader.h"
#include "clemency/io/sha256.h"
#include "clemency/sqlgen/screen_sql.h"
#include "clemency/sqlgen/sql_expr.h"

namespace clemency {
namespace {

int Fail(int code, const std::string& message) {
  std::fprintf(stderr, "clemency sql: %s\n", message.c_str());
  return code;
}

// The header cells of a CSV file (already validated by the load), as the file has them.
std::vector<std::string> HeaderOf(const std::string& path) {
  std::string error;
  auto reader = CsvReader::Open(path, &error);
  CsvRecord rec;
  std::vector<std::string> cells;
  if (reader && reader->Next(rec))
    for (std::string_view f : rec.fields) cells.emplace_back(f);
  return cells;
}

bool WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out.flush());
}

}  // namespace

int RunSql(const SqlArgs& args) {
  const std::optional<SqlDialect> dialect = ParseDialect(args.dialect);
  if (!dialect) return Fail(kExitUsage, "--dialect: expected postgres, duckdb, bigquery or spark, got \"" + args.dialect + "\"");
  const std::string data = std::filesystem::absolute(args.in.data_dir).lexically_normal().string();
  if (!std::filesystem::is_directory(data))
    return Fail(kExitUsage, "--data " + args.in.data_dir + ": expected the folder of people.csv and sentences.csv");
  if (OutputHolds(args.out_dir, data)) return Fail(kExitUsage, "-o " + args.out_dir + " holds the data folder");
  CommandOutput out("sql", args.out_dir);
  if (const int rc = out.Open({"screen.sql", "tables"}); rc != kExitOk) return rc;
  ScreenInputs in = args.in;
  in.data_dir = data;
  in.decisions_only = true;
  ScreenSession session;
  if (const int rc = PrepareScreen(in, "sql", session); rc != kExitOk) return rc;
  const std::string final_out = std::filesystem::absolute(args.out_dir).lexically_normal().string();
  ScreenSqlInputs sin;
  sin.dialect = *dialect;
  sin.policy = &*session.policy;
  sin.policy_hash = Sha256File(session.policy->path);
  sin.pop = &*session.load.population;
  sin.law = &session.law.refs();
  sin.as_of = session.facts.as_of;
  sin.data_dir = data;
  sin.tables_dir = final_out + "/tables";
  sin.output = *dialect == SqlDialect::kSpark || *dialect == SqlDialect::kBigQuery ? final_out + "/screening"
                                                                                     : final_out + "/screening.csv";
  sin.people_header = HeaderOf(data + "/people.csv");
  sin.sentences_header = HeaderOf(data + "/sentences.csv");
  sin.generator = "clemency " CLEMENCY_VERSION;
  ScreenSql compiled;
  try {
    compiled = CompileScreenSql(sin);
  } catch (const SqlUnsupported& e) {
    return Fail(kExitBadRules, fmt::format("policy {} cannot be compiled to SQL: {}", session.policy->id, e.what()));
  }
  std::filesystem::create_directories(out.path("tables"));
  if (!WriteText(out.path("screen.sql"), compiled.script)) return out.Fail("cannot write screen.sql");
  for (const RuleTable& t : compiled.tables)
    if (!WriteText(out.path("tables/" + t.name + ".csv"), RuleTableCsv(t))) return out.Fail("cannot write tables/" + t.name + ".csv");
  ManifestInfo manifest{"sql", session.facts.as_of.ToString(), session.manifest.inputs};
  manifest.later = {"screening.csv", "screening"};  // what the script writes (Spark and BigQuery: a folder)
  if (const int rc = out.Commit(manifest); rc != kExitOk) return rc;
  fmt::print("clemency sql: {} for {} ({} people, {} rule tables) in {}/screen.sql\n", session.policy->id,
             DialectName(*dialect), session.load.population->people_count(), compiled.tables.size(), args.out_dir);
  return kExitOk;
}

}  // namespace clemency
