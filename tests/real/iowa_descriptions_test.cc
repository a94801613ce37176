// A description-only Iowa roster: the 2021-12-13 DOC snapshot with its
// Offense Code column emptied, imported with offense_code set to "not
// recorded", so that only the catalog's description patterns
// (rules/offenses/IA.toml [[pattern]]) can give each offense its category.
// The category must agree with the coded import for at least 95% of people
// (one lead offense each, so most_serious_category is that offense's), and
// every person left without one must be in `clemency catalog gaps`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "clemency/io/csv_reader.h"
#include "clemency/io/csv_writer.h"
#include "support/cli_fixture.h"
#include "support/run_clemency.h"

namespace clemency {
namespace {

namespace fs = std::filesystem;
using testing_support::RunClemency;
using testing_support::Slurp;

const std::string kSnapshot =
    std::string(CLEMENCY_SHARED_DIR) + "/data/real/iowa-prison-pop/iowa_current_prison_population_2021-12-13.csv";
const std::string kMapping = std::string(CLEMENCY_TEST_DATA) + "/../../rules/mappings/iowa-doc.toml";

// The snapshot with every Offense Code emptied.
void WriteWithoutCodes(const fs::path& out) {
  std::string error;
  auto reader = CsvReader::Open(kSnapshot, &error);
  ASSERT_TRUE(reader) << error;
  CsvWriter writer(out.string());
  CsvRecord rec;
  size_t code_column = SIZE_MAX;
  while (reader->Next(rec)) {
    for (size_t i = 0; i < rec.fields.size(); ++i) {
      if (rec.line == 1 && rec.fields[i] == "Offense Code") code_column = i;
      if (i == code_column && rec.line > 1) writer.EmptyField();
      else writer.Field(rec.fields[i]);
    }
    writer.EndRow();
  }
  ASSERT_NE(code_column, SIZE_MAX);
  ASSERT_TRUE(writer.Commit()) << writer.error();
}

// The iowa-doc mapping with offense_code a constant: the roster has no codes.
void WriteDescriptionMapping(const fs::path& out) {
  std::string text = Slurp(kMapping);
  const std::string coded = "offense_code = { column = \"Offense Code\", prefix = \"IA:\" }";
  const size_t at = text.find(coded);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, coded.size(), "offense_code = { value = \"IA:not recorded\" }");
  std::ofstream(out) << text;
}

// person_id -> most_serious_category from a screening.csv.
std::map<std::string, std::string> Categories(const fs::path& screening_csv) {
  std::string error;
  auto reader = CsvReader::Open(screening_csv.string(), &error);
  EXPECT_TRUE(reader) << error;
  std::map<std::string, std::string> out;
  CsvRecord rec;
  size_t col = SIZE_MAX;
  while (reader && reader->Next(rec)) {
    if (rec.line == 1) {
      for (size_t i = 0; i < rec.fields.size(); ++i)
        if (rec.fields[i] == "most_serious_category") col = i;
      continue;
    }
    out[std::string(rec.fields[0])] = std::string(rec.fields[col]);
  }
  return out;
}

TEST(IowaDescriptions, PatternsGiveTheCodedCategoryForAtLeast95PercentAndGapsListTheRest) {
  if (!fs::exists(kSnapshot)) GTEST_SKIP() << kSnapshot << " is not present";
  const fs::path dir = testing_support::FreshScratchDir();
  WriteWithoutCodes(dir / "no-codes.csv");
  WriteDescriptionMapping(dir / "iowa-descriptions.toml");
  const std::string as_of = " --as-of 2021-12-13 --on-error quarantine";
  ASSERT_EQ(RunClemency("import --mapping " + kMapping + " " + kSnapshot + " -o " + (dir / "coded").string() + as_of, dir).exit_code, 0);
  const auto imported = RunClemency("import --mapping " + (dir / "iowa-descriptions.toml").string() + " " +
                                        (dir / "no-codes.csv").string() + " -o " + (dir / "described").string() + as_of,
                                    dir);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  for (const char* which : {"coded", "described"}) {
    const auto r = RunClemency("screen --data " + (dir / which).string() + " --policy redemption-2020 -o " +
                                   (dir / (std::string("out-") + which)).string() + as_of,
                               dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const auto coded = Categories(dir / "out-coded" / "screening.csv");
  const auto described = Categories(dir / "out-described" / "screening.csv");
  ASSERT_EQ(coded.size(), described.size());
  size_t same = 0, unknown = 0;
  for (const auto& [person, category] : coded) {
    const std::string& d = described.at(person);
    same += d == category;
    unknown += d.empty();
  }
  const double share = static_cast<double>(same) / static_cast<double>(coded.size());
  EXPECT_GE(share, 0.95) << same << " of " << coded.size();
  RecordProperty("same_category", static_cast<int>(same));
  RecordProperty("people", static_cast<int>(coded.size()));
  std::printf("description patterns: %zu of %zu people (%.1f%%) get the coded category; %zu left unknown\n", same,
              coded.size(), 100.0 * share, unknown);

  // Everyone left without a category is counted in the gaps report.
  const auto gaps = RunClemency("catalog gaps --data " + (dir / "described").string() + as_of, dir);
  ASSERT_EQ(gaps.exit_code, 0) << gaps.err;
  std::istringstream lines(gaps.out);
  uint64_t category_gap_people = 0;
  std::string line, previous;
  while (std::getline(lines, line)) {
    // "# N people, ..." precedes each stub; "# unknown: category, ..." follows it when the category is unknown.
    if (line.starts_with("# unknown: category")) category_gap_people += std::stoull(previous.substr(2));
    if (line.find(" people, ") != std::string::npos) previous = line;
  }
  EXPECT_EQ(category_gap_people, unknown);
  EXPECT_NE(gaps.out.find("[[pattern]]\ndescription = '^"), std::string::npos) << gaps.out.substr(0, 2000);
}

}  // namespace
}  // namespace clemency
