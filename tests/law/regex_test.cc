// Regular expressions of mappings and catalogs (RE2 syntax): the replacement
// format as mappings write it, patterns that backtrack catastrophically in a
// backtracking engine finishing at once (a hang fails by the ctest TIMEOUT,
// not a timing assertion), and lookaround refused at load with its position.
#include "clemency/io/regex.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "clemency/io/csv_reader.h"
#include "clemency/law/import_mapping.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/offense_resolver.h"

namespace clemency {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

Regex MustCompile(const std::string& pattern, bool icase = false) {
  std::string error;
  auto re = Regex::Compile(pattern, icase, &error);
  EXPECT_TRUE(re.has_value()) << pattern << ": " << error;
  return re.value_or(Regex());
}

TEST(RegexTest, ReplaceAllUsesTheMappingsReplacementFormat) {
  struct Case {
    const char* pattern;
    const char* text;
    const char* format;
    const char* expected;
  } cases[] = {
      {"^0+", "00123", "", "123"},
      {"^0", "0a0", "", "a0"},                    // ^ only at the start, after a match too
      {"([0-9]) *USC *([0-9])", "18USC924", "$1 USC $2", "18 USC 924"},
      {"([0-9]) *USC *([0-9])", "18USC924", "[$&]", "1[8USC9]24"},
      {"a", "banana", "$$", "b$n$n$"},
      {"x*", "ab", "-", "-a-b-"},               // empty matches, as ECMAScript replaces them
      {"(a)|(b)", "ab", "<$2>", "<><b>"},       // a group that took no part is empty
      {"§+", "18 §§ 924", "S", "18 S 924"},     // UTF-8 code points, not bytes
  };
  for (const Case& c : cases)
    EXPECT_EQ(MustCompile(c.pattern).ReplaceAll(c.text, c.format), c.expected) << c.pattern << " on " << c.text;
}

TEST(RegexTest, FullMatchGivesGroupsAndSearchFindsAnywhere) {
  std::vector<std::optional<std::string_view>> g;
  ASSERT_TRUE(MustCompile(R"((\d+) *yrs?\.?(?: *(\d+) *mo\.?)?)", true).FullMatch("15 YRS", &g));
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[1], "15");
  EXPECT_FALSE(g[2].has_value());
  EXPECT_FALSE(MustCompile("yrs").FullMatch("15 yrs", &g));
  EXPECT_TRUE(MustCompile("yrs").Search("15 yrs"));
  EXPECT_FALSE(Regex().Search("anything"));
}

// (a+)+$ on 500 characters ran over 35 s with std::regex.
const std::string kHostileCell = std::string(500, 'a') + "!";

TEST(RegexTest, NestedQuantifiersOnALongCellFinishAtOnce) {
  const Regex re = MustCompile("(a+)+$");
  EXPECT_FALSE(re.Search(kHostileCell));
  std::vector<std::optional<std::string_view>> g;
  EXPECT_FALSE(re.FullMatch(kHostileCell, &g));
  EXPECT_EQ(re.ReplaceAll(kHostileCell, "x"), kHostileCell);
  EXPECT_TRUE(MustCompile("(a+)+!$").Search(std::string(100000, 'a') + "!"));
}

const std::string kMapping = R"(name = "test"
[people]
person_id = { column = "ID" }
jurisdiction = { value = "IA" }
birth_date = { value = "1960-01-01" }
sex = { value = "M" }
race = { value = "white" }
admission_date = { value = "2001-01-01" }
[sentences]
offense_code = { column = "Code", prefix = "IA:", transform = [{ regex = '(a+)+$', with = "x" }] }
sentence_date = { value = "2001-01-01" }
status = { value = "active" }
[[skip]]
column = "Code"
matches = '(a+)+$'
reason = "never"
[[parse]]
column = "Sentence"
patterns = "sentence"
[[patterns.sentence]]
match = '(a+)+$'
set = { sentence_type = "life" }
)";

TEST(RegexTest, AHostileCellInEveryMappingRegexImportsAtOnce) {
  std::string error;
  const auto m = ParseImportMapping(kMapping, "m.toml", &error);
  ASSERT_TRUE(m.has_value()) << error;
  auto reader = CsvReader::FromString("ID,Code,Sentence\n1," + kHostileCell + "," + kHostileCell + "\n");
  import::ImportOptions o;
  o.file_name = "in.csv";
  o.as_of = ParseDate("2021-12-31").date;
  const import::ImportResult r = import::ImportCsv(*m, *reader, o);
  EXPECT_EQ(r.rows_read, 1u);
  EXPECT_EQ(r.rows_rejected, 1u);  // the sentence matches no pattern
  ASSERT_FALSE(r.problems.empty());
  EXPECT_THAT(r.problems[0].Format(), HasSubstr("matches no pattern of \"sentence\""));
}

TEST(RegexTest, LookaroundInAMappingIsRefusedAtLoadWithItsPosition) {
  std::string mapping = kMapping;
  mapping.replace(mapping.find("match = '(a+)+$'"), 16, "match = '(?=a)b'");
  std::string error;
  EXPECT_FALSE(ParseImportMapping(mapping, "m.toml", &error).has_value());
  EXPECT_THAT(error, StartsWith("m.toml:21:9: \"match\" is not a valid regular expression (RE2 syntax: no "
                                "backreferences or lookaround): invalid perl operator: (?="));
  mapping = kMapping;
  mapping.replace(mapping.find("matches = '(a+)+$'"), 18, "matches = '(a)\\1'");
  EXPECT_FALSE(ParseImportMapping(mapping, "m.toml", &error).has_value());
  EXPECT_THAT(error, StartsWith("m.toml:15:11: \"matches\" is not a valid regular expression"));
  EXPECT_THAT(error, HasSubstr("invalid escape sequence: \\1"));
}

std::filesystem::path WriteCatalog(const std::string& pattern) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("clemency-regex-test-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                     ".toml");
  std::ofstream(path) << "[catalog]\njurisdiction = \"IA\"\n\n[[pattern]]\ndescription = '" << pattern
                      << "'\ncategory = \"other\"\nbjs_offense = \"other_unspecified\"\ncitation = \"test\"\n"
                      << "\n[[offense]]\ncode = \"IA:1\"\ntitle = \"x\"\ncategory = \"property\"\nbjs_offense = \"fraud\"\n"
                         "citation = \"c\"\n";
  return path;
}

TEST(RegexTest, CatalogPatternsFinishAtOnceAndRefuseLookaround) {
  const auto path = WriteCatalog("(a+)+$");
  std::string error;
  const auto catalog = OffenseCatalog::Load(path.string(), &error);
  ASSERT_TRUE(catalog.has_value()) << error;
  EXPECT_EQ(ResolveOffense(&*catalog, "IA:999", kHostileCell).how, Resolution::kUnresolved);
  EXPECT_EQ(ResolveOffense(&*catalog, "IA:999", std::string(500, 'a')).how, Resolution::kDescriptionPattern);

  const auto bad = WriteCatalog("theft(?!s)");
  EXPECT_FALSE(OffenseCatalog::Load(bad.string(), &error).has_value());
  EXPECT_THAT(error, StartsWith(bad.string() + ":5:15: \"theft(?!s)\" is not a valid regular expression (RE2 syntax"));
  std::filesystem::remove(path);
  std::filesystem::remove(bad);
}

}  // namespace
}  // namespace clemency
