// The canonical input schema table (core/input_schema.h): its shape, that it
// reuses the vocabularies of core/codes.h, and that the schema tables in
// docs/validation.md are exactly it, so the docs cannot drift.
#include "clemency/core/input_schema.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace clemency {
namespace {

constexpr InputFile kFiles[] = {InputFile::kPeople, InputFile::kSentences, InputFile::kFacilities};

TEST(InputSchemaTest, ColumnIndexIsThePositionInTheTable) {
  static_assert(ColumnIndex(InputFile::kPeople, "person_id") == 0);
  static_assert(ColumnIndex(InputFile::kSentences, "sentence_type") == 6);
  EXPECT_EQ(kSentenceSchema[ColumnIndex(InputFile::kSentences, "term_days")].name, "term_days");
  EXPECT_EQ(FindInputColumn(InputFile::kFacilities, "housing"), &kFacilitySchema[4]);
  EXPECT_EQ(FindInputColumn(InputFile::kPeople, "housing"), nullptr);
  EXPECT_EQ(ColumnNames(InputFile::kFacilities),
            (std::vector<std::string_view>{"facility_id", "name", "jurisdiction", "design_capacity", "housing"}));
}

TEST(InputSchemaTest, EveryColumnIsWellFormed) {
  for (InputFile file : kFiles) {
    std::set<std::string_view> names;
    for (const InputColumn& c : InputSchema(file)) {
      SCOPED_TRACE(c.name);
      EXPECT_EQ(c.file, file);
      EXPECT_TRUE(names.insert(c.name).second) << "listed twice";
      EXPECT_FALSE(c.meaning.empty());
      EXPECT_EQ(c.has_vocabulary(), !c.vocabulary.empty());
    }
    EXPECT_TRUE(InputSchema(file)[0].required()) << InputFileName(file) << " starts with its key";
  }
}

TEST(InputSchemaTest, VocabulariesAreTheCodesLists) {
  auto vocab = [](InputFile f, std::string_view name) { return FindInputColumn(f, name)->vocabulary.data(); };
  EXPECT_EQ(vocab(InputFile::kPeople, "sex"), kSex.names.data());
  EXPECT_EQ(vocab(InputFile::kPeople, "race"), kRace.names.data());
  EXPECT_EQ(vocab(InputFile::kPeople, "admission_type"), kAdmissionType.names.data());
  EXPECT_EQ(vocab(InputFile::kPeople, "birth_date_precision"), kBirthPrecision.names.data());
  EXPECT_EQ(vocab(InputFile::kSentences, "sentence_type"), kSentenceType.names.data());
  EXPECT_EQ(vocab(InputFile::kSentences, "status"), kSentenceStatus.names.data());
  EXPECT_EQ(vocab(InputFile::kFacilities, "housing"), kHousing.names.data());
}

TEST(InputSchemaTest, RequiredAndHeaderColumns) {
  const InputColumn& sentence_date = *FindInputColumn(InputFile::kSentences, "sentence_date");
  EXPECT_TRUE(sentence_date.in_header());  // the column must be there, a cell may be empty
  EXPECT_FALSE(sentence_date.required());
  EXPECT_FALSE(FindInputColumn(InputFile::kPeople, "facility_id")->in_header());
  EXPECT_TRUE(FindInputColumn(InputFile::kSentences, "parole_eligibility_date")->is_date());
  EXPECT_TRUE(FindInputColumn(InputFile::kPeople, "jurisdiction")->is_text());
}

// One docs row: | `name` | type | required | `a`, `b` | meaning |
std::string DocsRow(const InputColumn& c) {
  std::string vocab;
  for (std::string_view v : c.vocabulary) {
    if (!vocab.empty()) vocab += ", ";
    vocab += "`" + std::string(v) + "`";
  }
  return "| `" + std::string(c.name) + "` | " + std::string(ColumnTypeName(c.type)) + " | " +
         std::string(NeedName(c.need)) + " | " + vocab + " | " + std::string(c.meaning) + " |";
}

// The rows of docs/validation.md between <!-- schema:begin --> and
// <!-- schema:end -->, by the "### FILE" heading above them.
std::map<std::string, std::vector<std::string>> DocsTables() {
  std::ifstream in(std::string(CLEMENCY_TEST_DATA) + "/../../docs/validation.md");
  std::map<std::string, std::vector<std::string>> tables;
  std::string line, file;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line == "<!-- schema:begin -->") inside = true;
    if (line == "<!-- schema:end -->") inside = false;
    if (!inside) continue;
    if (line.rfind("### ", 0) == 0) file = line.substr(4);
    if (line.rfind("| `", 0) == 0) tables[file].push_back(line);
  }
  return tables;
}

TEST(InputSchemaTest, DocsTablesAreTheSchema) {
  const auto tables = DocsTables();
  ASSERT_FALSE(tables.empty()) << "no <!-- schema:begin --> section in docs/validation.md";
  for (InputFile file : kFiles) {
    const std::string name(InputFileName(file));
    std::vector<std::string> expected;
    for (const InputColumn& c : InputSchema(file)) expected.push_back(DocsRow(c));
    const auto it = tables.find(name);
    ASSERT_NE(it, tables.end()) << "no ### " << name << " table";
    EXPECT_EQ(it->second, expected) << "docs/validation.md's " << name << " table differs from core/input_schema.h";
  }
  EXPECT_EQ(tables.size(), std::size(kFiles));
}

}  // namespace
}  // namespace clemency
