// Import mappings end to end below the CLI: loading a mapping (every error
// with its position), and the row transformation of each feature with the
// exact rows it writes, messy input, rejections and reconciled counts.
#include "clemency/law/import_mapping.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "clemency/law/offense_catalog.h"

namespace clemency {
namespace {

using import::ImportResult;
using ::testing::ElementsAre;

// A complete small mapping; tests replace parts of it.
const std::string kBase = R"(name = "test"
[people]
person_id = { column = "ID" }
jurisdiction = { value = "IA" }
birth_date = { column = "DOB", format = "MM/DD/YYYY" }
sex = { column = "Sex", map = "sex" }
race = { column = "Race", map = "race" }
admission_date = { column = "Admit", format = "M/D/YYYY" }
[sentences]
offense_code = { column = "Code", prefix = "IA:" }
sentence_date = { column = "Admit", format = "M/D/YYYY" }
sentence_type = { value = "life" }
status = { value = "active" }
[maps.sex]
values = { "Male" = "M", "Female" = "F" }
[maps.race]
unmapped = "default"
default = "unknown"
values = { "Black" = "black", "White" = "white" }
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  if (at == std::string::npos) ADD_FAILURE() << "no \"" << from << "\" in the mapping";
  else text.replace(at, from.size(), to);
  return text;
}

std::string LoadError(const std::string& text) {
  std::string error;
  if (ParseImportMapping(text, "m.toml", &error)) return "(loaded)";
  return error;
}

import::ImportMapping MustLoad(const std::string& text) {
  std::string error;
  auto m = ParseImportMapping(text, "m.toml", &error);
  EXPECT_TRUE(m.has_value()) << error;
  return m ? *m : import::ImportMapping{};
}

ImportResult Import(const std::string& mapping, const std::string& csv, const char* as_of = "2021-12-31",
                 std::function<bool(std::string_view)> known = nullptr) {
  const import::ImportMapping m = MustLoad(mapping);
  auto reader = CsvReader::FromString(csv);
  import::ImportOptions o;
  o.file_name = "in.csv";
  o.as_of = ParseDate(as_of).date;
  o.offense_known = std::move(known);
  return import::ImportCsv(m, *reader, o);
}

std::vector<std::string> Lines(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) {
    std::string s;
    for (size_t i = 0; i < row.size(); ++i) s += (i ? "," : "") + row[i];
    out.push_back(s);
  }
  return out;
}
std::vector<std::string> Problems(const ImportResult& r) {
  std::vector<std::string> out;
  for (const Problem& p : r.problems) out.push_back(p.Format());
  return out;
}
void ExpectReconciled(const ImportResult& r) {
  EXPECT_EQ(r.rows_read, r.rows_imported + r.rows_rejected);
  EXPECT_EQ(r.rows_rejected, r.rejected.size());
}

const char kHeader[] = "ID,DOB,Sex,Race,Admit,Code\n";

// ---------------------------------------------------------------- features

TEST(ImportMappingTest, MapsColumnsConstantsDatesAndValueMaps) {
  const ImportResult r = Import(kBase, std::string(kHeader) + "7,03/02/1960,Male,Black,1/5/2001,707.2\n");
  ExpectReconciled(r);
  EXPECT_THAT(Lines(r.people), ElementsAre("7,IA,1960-03-02,,M,black,2001-01-05,,,,"));
  EXPECT_THAT(Lines(r.sentences), ElementsAre("7,S1,IA:707.2,,,2001-01-05,life,,,,,,,,active,,,"));
  EXPECT_TRUE(r.problems.empty());
}

TEST(ImportMappingTest, ReadsMessyInput) {
  // BOM, CRLF, mixed-case and padded header names, a column order of its own, an
  // extra column, trailing spaces, value-map keys in any case, HTML entities, a
  // blank optional cell.
  const std::string mapping =
      Replace(kBase, "status = { value = \"active\" }",
              "status = { value = \"active\" }\noffense_description = { column = \"Desc\" }\n"
              "[people.facility_id]\ncolumn = \"Unit\"");
  const ImportResult r = Import(mapping,
                             "\xEF\xBB\xBF  code ,id,SEX,Race , Admit,dob,Desc,Unit,Extra\r\n"
                             "707.2 ,7  ,  mALE ,BLACK,1/5/2001,03/02/1960,Theft &amp; Burglary &#39;1st&#39;,,x\r\n");
  ExpectReconciled(r);
  EXPECT_THAT(Lines(r.people), ElementsAre("7,IA,1960-03-02,,M,black,2001-01-05,,,,"));
  EXPECT_THAT(Lines(r.sentences),
              ElementsAre("7,S1,IA:707.2,Theft & Burglary '1st',,2001-01-05,life,,,,,,,,active,,,"));
  EXPECT_TRUE(r.problems.empty());
}

TEST(ImportMappingTest, HtmlDecodingCanBeTurnedOff) {
  const std::string mapping = Replace(kBase, "name = \"test\"", "name = \"test\"\ndecode_html = false");
  const ImportResult r = Import(mapping, std::string(kHeader) + "A&amp;B,03/02/1960,Male,Black,1/5/2001,707.2\n");
  EXPECT_THAT(Lines(r.people), ElementsAre("A&amp;B,IA,1960-03-02,,M,black,2001-01-05,,,,"));
}

TEST(ImportMappingTest, UnmappedValueRejectsOrDefaultsWithAWarning) {
  const ImportResult r = Import(kBase, std::string(kHeader) +
                                        "1,03/02/1960,Mle,Black,1/5/2001,707.2\n"
                                        "2,03/02/1960,Female,Martian,1/5/2001,707.2\n"
                                        "3,03/02/1960,,Black,1/5/2001,707.2\n");
  ExpectReconciled(r);
  EXPECT_EQ(r.rows_read, 3u);
  EXPECT_EQ(r.rows_imported, 1u);
  EXPECT_THAT(Lines(r.people), ElementsAre("2,IA,1960-03-02,,F,unknown,2001-01-05,,,,"));
  EXPECT_THAT(Problems(r),
              ElementsAre("in.csv:2: column \"Sex\" value \"Mle\": not in value map \"sex\" (known: female, male)",
                          "in.csv:3: warning: column \"Race\" value \"Martian\": not in value map \"race\": race set "
                          "to \"unknown\"",
                          "in.csv:4: column \"Sex\" value \"\": sex is required"));
  EXPECT_EQ(r.defaulted_values.at("race").at("Martian"), 1u);
  ASSERT_EQ(r.rejected.size(), 2u);
  EXPECT_EQ(r.rejected[0].line, 2u);
  EXPECT_EQ(r.rejected[0].reason, "column \"Sex\" value \"Mle\": not in value map \"sex\" (known: female, male)");
  EXPECT_EQ(r.rejected[0].record, "1,03/02/1960,Mle,Black,1/5/2001,707.2");
}

TEST(ImportMappingTest, AnEmptyKeyMapsBlankCells) {
  const std::string mapping = Replace(kBase, "\"Female\" = \"F\"", "\"Female\" = \"F\", \"\" = \"U\"");
  const ImportResult r = Import(mapping, std::string(kHeader) + "3,03/02/1960,,Black,1/5/2001,707.2\n");
  EXPECT_THAT(Lines(r.people), ElementsAre("3,IA,1960-03-02,,U,black,2001-01-05,,,,"));
}

TEST(ImportMappingTest, BadAndFutureDatesAreRejected) {
  const ImportResult r = Import(kBase, std::string(kHeader) +
                                        "1,1960-03-02,Male,Black,1/5/2001,707.2\n"
                                        "2,02/30/1960,Male,Black,1/5/2001,707.2\n"
                                        "3,03/02/1960,Male,Black,1/5/2022,707.2\n");
  ExpectReconciled(r);
  EXPECT_EQ(r.rows_imported, 0u);
  EXPECT_THAT(Problems(r),
              ElementsAre("in.csv:2: column \"DOB\" value \"1960-03-02\": expected a date as MM/DD/YYYY",
                          "in.csv:3: column \"DOB\" value \"02/30/1960\": no such date",
                          "in.csv:4: column \"Admit\" value \"2022-01-05\": admission_date 2022-01-05 is after the "
                          "as-of date 2021-12-31"));
}

TEST(ImportMappingTest, BirthDateFromAgeMidpointOrLatest) {
  const std::string mapping = Replace(
      kBase, "birth_date = { column = \"DOB\", format = \"MM/DD/YYYY\" }",
      "birth_date = { age_column = \"DOB\", on_column = \"Report\", on_format = \"MM/DD/YYYY\" }\n"
      "birth_date_precision = { value = \"year\" }");
  const ImportResult r = Import(mapping,
                             "ID,DOB,Sex,Race,Admit,Code,Report\n"
                             "1,64,Male,Black,1/5/2001,707.2,12/13/2021\n"
                             "2,sixty,Male,Black,1/5/2001,707.2,12/13/2021\n"
                             "3,64,Male,Black,1/5/2001,707.2,13/13/2021\n");
  ExpectReconciled(r);
  EXPECT_THAT(Lines(r.people), ElementsAre("1,IA,1957-06-13,year,M,black,2001-01-05,,,,"));
  EXPECT_THAT(Problems(r),
              ElementsAre("in.csv:3: column \"DOB\" value \"sixty\": expected an age in whole years between 0 and 130",
                          "in.csv:4: column \"Report\" value \"13/13/2021\": no such date"));
  const std::string latest = Replace(
      kBase, "birth_date = { column = \"DOB\", format = \"MM/DD/YYYY\" }",
      "birth_date = { age_column = \"DOB\", on_date = 2021-12-13, convention = \"latest\" }");
  const ImportResult l = Import(latest, std::string(kHeader) + "1,64,Male,Black,1/5/2001,707.2\n");
  EXPECT_THAT(Lines(l.people), ElementsAre("1,IA,1957-12-13,,M,black,2001-01-05,,,,"));
}

const std::string kPatterns = R"(
[[parse]]
column = "Sentence"
patterns = "sentence"
[[patterns.sentence]]
match = '(\d+) *yrs?\.?(?: *(\d+) *mo\.?)?'
set = { sentence_type = "determinate", term_days = "$1y$2m" }
[[patterns.sentence]]
match = '(\d+) *- *(\d+) *yrs?'
set = { sentence_type = "indeterminate", min_term_days = "$1y", max_term_days = "$2y" }
[[patterns.sentence]]
match = 'life *(wo|w/o|without parole)'
set = { sentence_type = "lwop" }
[[patterns.sentence]]
match = 'life'
set = { sentence_type = "life" }
)";

TEST(ImportMappingTest, PatternsWithCaptureGroupsSetFields) {
  const std::string mapping = Replace(kBase, "sentence_type = { value = \"life\" }\n", "") + kPatterns;
  const ImportResult r = Import(mapping,
                             "ID,DOB,Sex,Race,Admit,Code,Sentence\n"
                             "1,03/02/1960,Male,Black,1/5/2001,707.2,15 yrs. 6 mo.\n"
                             "2,03/02/1960,Male,Black,1/5/2001,707.2,3 YRS\n"
                             "3,03/02/1960,Male,Black,1/5/2001,707.2,Life WO\n"
                             "4,03/02/1960,Male,Black,1/5/2001,707.2,life\n"
                             "5,03/02/1960,Male,Black,1/5/2001,707.2,10-25 yrs\n"
                             "6,03/02/1960,Male,Black,1/5/2001,707.2,a long time\n"
                             "7,03/02/1960,Male,Black,1/5/2001,707.2,\n");
  ExpectReconciled(r);
  EXPECT_THAT(Lines(r.sentences), ElementsAre("1,S1,IA:707.2,,,2001-01-05,determinate,5655,,,,,,,active,,,",
                                              "2,S1,IA:707.2,,,2001-01-05,determinate,1095,,,,,,,active,,,",
                                              "3,S1,IA:707.2,,,2001-01-05,lwop,,,,,,,,active,,,",
                                              "4,S1,IA:707.2,,,2001-01-05,life,,,,,,,,active,,,",
                                              "5,S1,IA:707.2,,,2001-01-05,indeterminate,,3650,9125,,,,,active,,,"));
  EXPECT_THAT(Problems(r),
              ElementsAre("in.csv:7: column \"Sentence\" value \"a long time\": matches no pattern of \"sentence\"",
                          "in.csv:8: column \"sentence_type\" value \"\": sentence_type is required"));
}

TEST(ImportMappingTest, UnmatchedPatternsCanLeaveFieldsEmpty) {
  std::string mapping = Replace(kBase, "[maps.sex]", "term_days = { column = \"Days\" }\n[maps.sex]") + R"(
[[parse]]
column = "Note"
patterns = "note"
unmatched = "leave_empty"
[[patterns.note]]
match = 'medical: *(yes|no)'
set = { medical_high_risk = "1" }
)";
  const ImportResult r = Import(mapping,
                             "ID,DOB,Sex,Race,Admit,Code,Note,Days\n"
                             "1,03/02/1960,Male,Black,1/5/2001,707.2,Medical: yes,\n"
                             "2,03/02/1960,Male,Black,1/5/2001,707.2,whatever,12\n");
  EXPECT_THAT(Lines(r.people), ElementsAre("1,IA,1960-03-02,,M,black,2001-01-05,,,,1",
                                           "2,IA,1960-03-02,,M,black,2001-01-05,,,,"));
  EXPECT_THAT(Lines(r.sentences), ElementsAre("1,S1,IA:707.2,,,2001-01-05,life,,,,,,,,active,,,",
                                              "2,S1,IA:707.2,,,2001-01-05,life,12,,,,,,,active,,,"));
}

TEST(ImportMappingTest, ListCellsBecomeSeveralSentences) {
  const std::string mapping =
      Replace(Replace(kBase, "[sentences]\n", "[sentences]\nsplit = { columns = [\"Code\", \"Desc\"], delimiter = \"|\" }\n"
                                              "sentence_id = { sequence = \"C\" }\n"
                                              "offense_description = { column = \"Desc\" }\n"),
              "x", "x");
  const ImportResult r = Import(mapping,
                             "ID,DOB,Sex,Race,Admit,Code,Desc\n"
                             "1,03/02/1960,Male,Black,1/5/2001,707.2 | 714.2(2),Murder|Theft\n"
                             "2,03/02/1960,Male,Black,1/5/2001,707.2|714.2(2),Murder\n"
                             "3,03/02/1960,Male,Black,1/5/2001,,\n");
  ExpectReconciled(r);
  EXPECT_THAT(Lines(r.sentences), ElementsAre("1,C1,IA:707.2,Murder,,2001-01-05,life,,,,,,,,active,,,",
                                              "1,C2,IA:714.2(2),Theft,,2001-01-05,life,,,,,,,,active,,,"));
  EXPECT_THAT(Problems(r),
              ElementsAre("in.csv:3: column \"Desc\" value \"Murder\": has 1 items but column \"Code\" has 2: items are paired by position",
                          "in.csv:4: warning: the row has no sentence (an empty list)"));
  EXPECT_EQ(r.people.size(), 2u);
}

TEST(ImportMappingTest, BracketedListsAndPatternsPerItem) {
  const std::string mapping =
      Replace(Replace(kBase, "sentence_type = { value = \"life\" }\n", ""), "[sentences]\n",
              "[sentences]\nsplit = { columns = [\"Code\", \"Sentence\"], delimiter = \",\", brackets = true }\n") +
      kPatterns;
  const ImportResult r = Import(mapping,
                             "ID,DOB,Sex,Race,Admit,Code,Sentence\n"
                             "1,03/02/1960,Male,Black,1/5/2001,\"['707.2', '714.2(2)']\",\"[Life, 2 yrs]\"\n");
  EXPECT_THAT(Lines(r.sentences), ElementsAre("1,S1,IA:707.2,,,2001-01-05,life,,,,,,,,active,,,",
                                              "1,S2,IA:714.2(2),,,2001-01-05,determinate,730,,,,,,,active,,,"));
}

TEST(ImportMappingTest, ListLiteralsKeepQuotedCommasEmptyItemsAndEntities) {
  const std::string mapping =
      Replace(Replace(kBase, "sentence_type = { value = \"life\" }\n", "sentence_type = { value = \"determinate\" }\n"),
              "[sentences]\n",
              "[sentences]\nsplit = { columns = [\"Code\", \"Desc\", \"Days\"], format = \"list_literal\" }\n"
              "offense_description = { column = \"Desc\" }\nterm_days = { column = \"Days\" }\n");
  const ImportResult r = Import(
      mapping,
      "ID,DOB,Sex,Race,Admit,Code,Desc,Days\n"
      // A comma and an apostrophe inside quoted items, a double-quoted item, an
      // entity that is a quote (&#39;) inside a single-quoted item, an empty item.
      "1,03/02/1960,Male,Black,1/5/2001,\"['714.2(2)', \"\"902.8\"\", 707.2]\","
      "\"['Theft of Property >= $5,000', \"\"Possession of Child's Toy, 2nd\"\", 'Murder &amp; O&#39;Hara']\","
      "\"['730', '', 9000]\"\n"
      // Parallel columns of different lengths.
      "2,03/02/1960,Male,Black,1/5/2001,\"['707.2', '714.2(2)']\",\"['Murder']\",\"[1, 2]\"\n"
      // An unterminated quote: an error naming the column and the byte, not a merge.
      "3,03/02/1960,Male,Black,1/5/2001,\"['707.2', '714.2(2)]\",\"['a', 'b']\",\"[1, 2]\"\n"
      // A missing bracket.
      "4,03/02/1960,Male,Black,1/5/2001,'707.2',\"['a']\",[1]\n");
  ExpectReconciled(r);
  EXPECT_THAT(Lines(r.sentences),
              ElementsAre("1,S1,IA:714.2(2),Theft of Property >= $5,000,,2001-01-05,determinate,730,,,,,,,active,,,",
                          "1,S2,IA:902.8,Possession of Child's Toy, 2nd,,2001-01-05,determinate,,,,,,,,active,,,",
                          "1,S3,IA:707.2,Murder & O'Hara,,2001-01-05,determinate,9000,,,,,,,active,,,"));
  EXPECT_THAT(Problems(r),
              ElementsAre("in.csv:2: warning: column \"Days\" value \"\": a determinate sentence with no recorded length: the term "
                          "is unknown",
                          "in.csv:3: column \"Desc\" value \"['Murder']\": has 1 items but column \"Code\" has 2: items "
                          "are paired by position",
                          "in.csv:4: column \"Code\" value \"['707.2', '714.2(2)]\": at byte 11 of the cell: "
                          "unterminated quote: expected a closing ' for the item opened here",
                          "in.csv:5: column \"Code\" value \"'707.2'\": at byte 1 of the cell: expected '[' to open a "
                          "list"));
}

TEST(ImportMappingTest, DelimitedListsHonourQuotesAndKeepEmptyItems) {
  const std::string mapping = Replace(
      kBase, "[sentences]\n",
      "[sentences]\nsplit = { columns = [\"Code\", \"Desc\"], format = \"delimited\", delimiter = \";\" }\n"
      "offense_description = { column = \"Desc\" }\n");
  const ImportResult r = Import(mapping,
                                "ID,DOB,Sex,Race,Admit,Code,Desc\n"
                                "1,03/02/1960,Male,Black,1/5/2001,707.2;714.2(2),\"\"\"Theft; 2nd\"\";Drugs &amp; more\"\n"
                                "2,03/02/1960,Male,Black,1/5/2001,707.2;;714.2(2),a;b;c\n");
  ExpectReconciled(r);
  EXPECT_THAT(Lines(r.sentences), ElementsAre("1,S1,IA:707.2,Theft; 2nd,,2001-01-05,life,,,,,,,,active,,,",
                                              "1,S2,IA:714.2(2),Drugs & more,,2001-01-05,life,,,,,,,,active,,,"));
  // The empty middle item is kept, so the items stay paired: it has no offense code.
  EXPECT_THAT(Problems(r), ElementsAre("in.csv:3: column \"Code\" value \"\": offense_code is required"));
}

TEST(ImportMappingTest, StringFunctionsAndTemplates) {
  std::string mapping = Replace(kBase, "offense_code = { column = \"Code\", prefix = \"IA:\" }",
                                "offense_code = { template = \"{Code} {Sub}\", transform = [\"collapse_spaces\", "
                                "{ regex = '^0+', with = \"\" }, \"upper\"], prefix = \"IA:\" }\n"
                                "offense_description = { column = \"Desc\", transform = [{ replace = \"&\", with = \" "
                                "and \" }, \"collapse_spaces\", \"lower\"] }");
  mapping = Replace(mapping, "sex = { column = \"Sex\", map = \"sex\" }",
                    "sex = { column = \"Sex\", map = \"sex\", transform = [{ regex = '^(.).*$', with = \"$1\" }] }");
  mapping = Replace(mapping, "values = { \"Male\" = \"M\", \"Female\" = \"F\" }", "values = { \"M\" = \"M\", \"F\" = \"F\" }");
  const ImportResult r = Import(mapping,
                                "ID,DOB,Sex,Race,Admit,Code,Sub,Desc\n"
                                "1,03/02/1960,Male,Black,1/5/2001,0714.2,(2)a,Theft&Fraud   2ND\n"
                                "2,03/02/1960,Female,Black,1/5/2001,707.2,,Murder\n");
  ExpectReconciled(r);
  EXPECT_THAT(Lines(r.people), ElementsAre("1,IA,1960-03-02,,M,black,2001-01-05,,,,", "2,IA,1960-03-02,,F,black,2001-01-05,,,,"));
  EXPECT_THAT(Lines(r.sentences),
              ElementsAre("1,S1,IA:714.2 (2)A,theft and fraud 2nd,,2001-01-05,life,,,,,,,,active,,,",
                          "2,S1,IA:707.2,murder,,2001-01-05,life,,,,,,,,active,,,"));
}

TEST(ImportMappingTest, SkipRulesCountEverySkippedRowWithItsReason) {
  const std::string mapping = kBase +
                              "[[skip]]\ncolumn = \"Flag\"\nequals = \"dup\"\nreason = \"a duplicate, per the agency\"\n"
                              "[[skip]]\ncolumn = \"Code\"\nmatches = '^9999'\n"
                              "[[skip]]\ncolumn = \"Code\"\nempty = true\n";
  const ImportResult r = Import(mapping,
                                "ID,DOB,Sex,Race,Admit,Code,Flag\n"
                                "1,03/02/1960,Male,Black,1/5/2001,707.2,\n"
                                "2,03/02/1960,Male,Black,1/5/2001,707.2, DUP \n"
                                "3,03/02/1960,Male,Black,1/5/2001,9999.1,\n"
                                "4,03/02/1960,Male,Black,1/5/2001,,\n"
                                "5,03/02/1960,Mle,Black,1/5/2001,707.2,\n");
  EXPECT_EQ(r.rows_read, 5u);
  EXPECT_EQ(r.rows_imported, 1u);
  EXPECT_EQ(r.rows_rejected, 1u);
  EXPECT_EQ(r.rows_skipped, 3u);
  EXPECT_EQ(r.rows_read, r.rows_imported + r.rows_rejected + r.rows_skipped);
  ASSERT_EQ(r.skipped.size(), 3u);
  EXPECT_EQ(r.skipped[0].line, 3u);
  EXPECT_EQ(r.skipped[0].reason, "a duplicate, per the agency");
  EXPECT_EQ(r.skipped[0].record, "2,03/02/1960,Male,Black,1/5/2001,707.2, DUP ");
  EXPECT_EQ(r.skipped[1].reason, "column \"Code\" matches '^9999'");
  EXPECT_EQ(r.skipped[2].reason, "column \"Code\" is empty");
  EXPECT_EQ(r.skipped_by_reason.at("a duplicate, per the agency"), 1u);
  EXPECT_THAT(Lines(r.people), ElementsAre("1,IA,1960-03-02,,M,black,2001-01-05,,,,"));
}

TEST(ImportMappingTest, PersonFieldsDerivedFromTheirItems) {
  const std::string when =
      "admission_type = { column = \"Adm\", map = \"adm\", when_any = [{ column = \"Desc\", matches = 'probation "
      "revocation', value = \"technical_violation\" }, { column = \"Desc\", matches = '^escape', value = \"other\" }] }\n";
  const std::string maps = "[maps.adm]\nvalues = { \"New\" = \"new_sentence\" }\n";
  // Items of a list column.
  const std::string split_mapping =
      Replace(Replace(kBase, "admission_date = { column = \"Admit\", format = \"M/D/YYYY\" }\n",
                      "admission_date = { column = \"Admit\", format = \"M/D/YYYY\" }\n" + when),
              "[sentences]\n", "[sentences]\nsplit = { columns = [\"Code\", \"Desc\"], delimiter = \"|\" }\n") +
      maps;
  const ImportResult items = Import(split_mapping,
                                    "ID,DOB,Sex,Race,Admit,Adm,Code,Desc\n"
                                    "1,03/02/1960,Male,Black,1/5/2001,New,707.2|714.2(2),Theft|Probation Revocation - Theft\n"
                                    "2,03/02/1960,Male,Black,1/5/2001,New,707.2|714.2(2),Escape|Murder\n"
                                    "3,03/02/1960,Male,Black,1/5/2001,New,707.2,Theft\n"
                                    // A match wins over a column value the map does not know...
                                    "4,03/02/1960,Male,Black,1/5/2001,Weird,707.2,Probation Revocation\n"
                                    // ...which rejects the row when nothing matches.
                                    "5,03/02/1960,Male,Black,1/5/2001,Weird,707.2,Theft\n");
  ExpectReconciled(items);
  EXPECT_THAT(Lines(items.people), ElementsAre("1,IA,1960-03-02,,M,black,2001-01-05,technical_violation,,,",
                                               "2,IA,1960-03-02,,M,black,2001-01-05,other,,,",
                                               "3,IA,1960-03-02,,M,black,2001-01-05,new_sentence,,,",
                                               "4,IA,1960-03-02,,M,black,2001-01-05,technical_violation,,,"));
  EXPECT_THAT(Problems(items), ElementsAre("in.csv:6: column \"Adm\" value \"Weird\": not in value map \"adm\" (known: new)"));
  // One row per sentence: any of the person's rows decides, whichever comes first.
  const ImportResult rows = Import(
      Replace(kBase, "admission_date = { column = \"Admit\", format = \"M/D/YYYY\" }\n",
              "admission_date = { column = \"Admit\", format = \"M/D/YYYY\" }\n" + when) +
          maps,
      "ID,DOB,Sex,Race,Admit,Adm,Code,Desc\n"
      "1,03/02/1960,Male,Black,1/5/2001,New,707.2,Theft\n"
      "1,03/02/1960,Male,Black,1/5/2001,New,714.2(2),Probation revocation\n"
      "1,03/02/1960,Male,Black,1/5/2001,New,902.8,Theft\n"
      "2,03/02/1960,Male,Black,1/5/2001,New,707.2,Theft\n");
  ExpectReconciled(rows);
  EXPECT_EQ(rows.rows_rejected, 0u);
  EXPECT_THAT(Lines(rows.people), ElementsAre("1,IA,1960-03-02,,M,black,2001-01-05,technical_violation,,,",
                                              "2,IA,1960-03-02,,M,black,2001-01-05,new_sentence,,,"));
  EXPECT_EQ(rows.sentences.size(), 4u);
}

TEST(ImportMappingTest, ExcelSerialDates) {
  const ImportResult r =
      Import(Replace(kBase, "admission_date = { column = \"Admit\", format = \"M/D/YYYY\" }",
                     "admission_date = { column = \"Serial\", format = \"excel_serial\" }"),
             "ID,DOB,Sex,Race,Admit,Code,Serial\n"
             "1,03/02/1960,Male,Black,1/5/2001,707.2,36896\n"
             "2,03/02/1960,Male,Black,1/5/2001,707.2,44543.75\n"
             "3,03/02/1960,Male,Black,1/5/2001,707.2,2001-01-05\n"
             "4,03/02/1960,Male,Black,1/5/2001,707.2,60\n");
  EXPECT_THAT(Lines(r.people), ElementsAre("1,IA,1960-03-02,,M,black,2001-01-05,,,,",
                                           "2,IA,1960-03-02,,M,black,2021-12-13,,,,"));
  EXPECT_THAT(Problems(r),
              ElementsAre("in.csv:4: column \"Serial\" value \"2001-01-05\": expected a spreadsheet day number such as 45000",
                          "in.csv:5: column \"Serial\" value \"60\": no such date"));
}

TEST(ImportMappingTest, RowsOfOnePersonAreMergedWhenTheyAgree) {
  const ImportResult r = Import(kBase, std::string(kHeader) +
                                        "1,03/02/1960,Male,Black,1/5/2001,707.2\n"
                                        "1,03/02/1960,male,Black,1/5/2001,714.2(2)\n"
                                        "1,03/02/1960,Female,Black,1/5/2001,902.8\n");
  ExpectReconciled(r);
  EXPECT_EQ(r.rows_imported, 2u);
  EXPECT_THAT(Lines(r.people), ElementsAre("1,IA,1960-03-02,,M,black,2001-01-05,,,,"));
  EXPECT_THAT(Lines(r.sentences), ElementsAre("1,S1,IA:707.2,,,2001-01-05,life,,,,,,,,active,,,",
                                              "1,S2,IA:714.2(2),,,2001-01-05,life,,,,,,,,active,,,"));
  EXPECT_THAT(Problems(r), ElementsAre("in.csv:4: column \"sex\" value \"F\": person_id \"1\" is on line 2 with sex \"M\""));
}

TEST(ImportMappingTest, CatalogLookupCountsUnmatchedCodesAndKeepsThem) {
  std::string error;
  auto catalog = OffenseCatalog::LoadJurisdiction("IA", &error);
  ASSERT_TRUE(catalog) << error;
  const ImportResult r =
      Import(kBase,
          std::string(kHeader) + "1,03/02/1960,Male,Black,1/5/2001,707.2\n"
                                 "2,03/02/1960,Male,Black,1/5/2001,9999.1\n"
                                 "3,03/02/1960,Male,Black,1/5/2001,9999.1\n",
          "2021-12-31", [&](std::string_view code) { return catalog->Find(code) != nullptr; });
  ExpectReconciled(r);
  EXPECT_EQ(r.rows_imported, 3u);
  EXPECT_EQ(r.unmatched_offense_codes.size(), 1u);
  EXPECT_EQ(r.unmatched_offense_codes.at("IA:9999.1"), 2u);
  EXPECT_EQ(r.WarningsByCode().at("unmatched_offense"), 2u);
  EXPECT_EQ(Lines(r.sentences)[1], "2,S1,IA:9999.1,,,2001-01-05,life,,,,,,,,active,,,");
}

TEST(ImportMappingTest, CsvSyntaxAndRaggedRowsAreRejected) {
  const ImportResult r = Import(kBase, std::string(kHeader) +
                                        "1,03/02/1960,Male,Black,1/5/2001\n"
                                        "2,03/02/1960,Ma\"le,Black,1/5/2001,707.2\n"
                                        "3,03/02/1960,Male,Black,1/5/2001,707.2\n");
  ExpectReconciled(r);
  EXPECT_EQ(r.rows_read, 3u);
  EXPECT_EQ(r.rows_imported, 1u);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].Format(), "in.csv:2: the row has 5 fields, the header has 6");
  EXPECT_EQ(r.problems[1].line, 3u);
  EXPECT_EQ(r.problems[1].code, "csv_syntax");
}

TEST(ImportMappingTest, AMissingColumnIsFatal) {
  const ImportResult r = Import(kBase, "ID,DOB,Sex,Race,Code\n1,03/02/1960,Male,Black,707.2\n");
  EXPECT_TRUE(r.fatal);
  EXPECT_EQ(r.rows_read, 0u);
  EXPECT_THAT(Problems(r), ElementsAre("in.csv:1: column \"Admit\" named by the mapping is missing from the header"));
  const ImportResult twice = Import(kBase, "ID,DOB,Sex,Race,Admit,Code,sex\n");
  EXPECT_THAT(Problems(twice), ElementsAre("in.csv:1: column \"Sex\" appears twice in the header"));
  const ImportResult empty = Import(kBase, "");
  EXPECT_THAT(Problems(empty), ElementsAre("in.csv: the file is empty: expected a header row"));
}

TEST(ImportMappingTest, ValuesOutsideTheSchemaAreRejected) {
  const std::string mapping = Replace(kBase, "[maps.sex]", "term_days = { column = \"Days\" }\n[maps.sex]");
  const ImportResult r = Import(Replace(mapping, "race = { column = \"Race\", map = \"race\" }", "race = { column = \"Race\" }"),
                             "ID,DOB,Sex,Race,Admit,Code,Days\n"
                             "1,03/02/1960,Male,Purple,1/5/2001,707.2,12\n"
                             "2,03/02/1960,Male,black,1/5/2001,707.2,1.5\n");
  EXPECT_THAT(Problems(r),
              ElementsAre("in.csv:2: column \"Race\" value \"Purple\": race must be one of: black, white, hispanic, "
                          "native, asian, pacific, other, unknown",
                          "in.csv:3: column \"Days\" value \"1.5\": term_days must be a whole number of days"));
}

TEST(ImportMappingTest, SentenceIdsFromAColumnMustBeGivenAndUnique) {
  const std::string mapping = Replace(kBase, "[sentences]\n", "[sentences]\nsentence_id = { column = \"SID\" }\n");
  const ImportResult r = Import(mapping,
                                "ID,DOB,Sex,Race,Admit,Code,SID\n"
                                "1,03/02/1960,Male,Black,1/5/2001,707.2,A\n"
                                "1,03/02/1960,Male,Black,1/5/2001,714.2(2),A\n"
                                "2,03/02/1960,Male,Black,1/5/2001,714.2(2),\n");
  ExpectReconciled(r);
  EXPECT_THAT(Lines(r.sentences), ElementsAre("1,A,IA:707.2,,,2001-01-05,life,,,,,,,,active,,,"));
  EXPECT_THAT(Problems(r), ElementsAre("in.csv:3: column \"SID\" value \"A\": sentence_id \"A\" is used twice for "
                                       "person_id \"1\"",
                                       "in.csv:4: column \"SID\" value \"\": sentence_id is required"));
}

// Issue 10: an exact duplicate row doubled a person's sentences without a word.
TEST(ImportMappingTest, ExactDuplicateRowsAreKeptWithAWarningOrDropped) {
  const std::string csv = std::string(kHeader) +
                          "1,03/02/1960,Male,Black,1/5/2001,707.2\n"
                          "1,03/02/1960,Male,Black,1/5/2001,714.2(2)\n"
                          "1,03/02/1960,Male,Black,1/5/2001,707.2\n";
  const ImportResult kept = Import(kBase, csv);
  EXPECT_EQ(kept.sentences.size(), 3u);
  EXPECT_THAT(Problems(kept),
              ElementsAre("in.csv:4: warning: identical to line 2: an exact duplicate row, imported again (its "
                          "sentences count twice; duplicate_rows = \"drop\" in the mapping skips such rows)"));
  const ImportResult dropped = Import("duplicate_rows = \"drop\"\n" + kBase, csv);
  EXPECT_EQ(dropped.sentences.size(), 2u);
  EXPECT_EQ(dropped.rows_read, dropped.rows_imported + dropped.rows_rejected + dropped.rows_skipped);
  EXPECT_EQ(dropped.rows_skipped, 1u);
  EXPECT_EQ(dropped.skipped_by_reason.at("duplicate row"), 1u);
  ASSERT_EQ(dropped.skipped.size(), 1u);
  EXPECT_EQ(dropped.skipped[0].line, 4u);
  EXPECT_TRUE(dropped.problems.empty());
  EXPECT_EQ(LoadError("duplicate_rows = \"merge\"\n" + kBase),
            "m.toml:1:18: \"duplicate_rows\" must be \"keep\" or \"drop\"");
}

// Issue 10: NUL and bytes that are not UTF-8 reached reasons.jsonl and the
// workbook; an import now rejects the row, naming where.
TEST(ImportMappingTest, BadTextIsRejectedWithWhereItIs) {
  const ImportResult r = Import(kBase, std::string(kHeader) +
                                           "1,03/02/1960,Male,Black,1/5/2001,707.2\n" +
                                           std::string("2\0,03/02/1960,Male,Black,1/5/2001,707.2\n", 40) +
                                           "3,03/02/1960,Male,Bl\xE9" "ck,1/5/2001,707.2\n");
  ExpectReconciled(r);
  EXPECT_EQ(r.rows_imported, 1u);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].code, "bad_encoding");
  EXPECT_EQ(r.problems[0].Format(), "in.csv:3:2: a NUL byte (0x00) at byte offset 67: the file must be UTF-8 text "
                                    "(save it as CSV UTF-8)");
  EXPECT_EQ(r.problems[1].Format(), "in.csv:4:21: invalid UTF-8 (byte 0xE9) at byte offset 126: the file must be "
                                    "UTF-8 text (save it as CSV UTF-8)");
  const ImportResult utf16 = Import(kBase, std::string("\xFE\xFF\0I\0D", 6));
  EXPECT_TRUE(utf16.fatal);
  EXPECT_THAT(Problems(utf16), ElementsAre("in.csv:1:1: the file is UTF-16 (it starts with a UTF-16 byte order "
                                           "mark): save it as UTF-8 (in Excel: CSV UTF-8)"));
}

// Issue 10: the problem store stopped at 10,000, hiding a later error.
TEST(ImportMappingTest, AnErrorAfterTenThousandWarningsIsKept) {
  std::string csv = kHeader;
  const size_t n = kMaxStoredWarnings + 3;
  for (size_t i = 0; i < n; ++i) csv += std::to_string(i) + ",03/02/1960,Male,Purple,1/5/2001,707.2\n";
  csv += "x,03/02/1960,Robot,Black,1/5/2001,707.2\n";
  const ImportResult r = Import(kBase, csv);
  EXPECT_EQ(r.warning_count, n);
  EXPECT_EQ(r.error_count, 1u);
  EXPECT_EQ(r.problems.size(), kMaxStoredWarnings + 1);
  EXPECT_EQ(r.problems.back().severity, Severity::kError);
  EXPECT_EQ(r.problems.back().line, n + 2);
  EXPECT_EQ(r.unlisted_warnings.size(), 1u);
  EXPECT_EQ(r.unlisted_warnings.begin()->second, 3u);
}

// ---------------------------------------------------------------- loader errors

TEST(ImportMappingLoadTest, ExampleAndShippedMappingsLoad) {
  std::string error;
  EXPECT_TRUE(LoadImportMapping(std::string(CLEMENCY_TEST_DATA) + "/../../rules/mappings/example-doc.toml", &error))
      << error;
}

TEST(ImportMappingLoadTest, ErrorsArePositioned) {
  EXPECT_EQ(LoadError("name = \"x\"\n[people\n"), "m.toml:2:8: Error while parsing table header: expected ']', saw '\\n'");
  EXPECT_EQ(LoadError(Replace(kBase, "name = \"test\"", "nam = \"test\"")),
            "m.toml:1:1: unknown key \"nam\" in the mapping file (expected one of: name, description, catalog, "
            "decode_html, sheet, skip, people, sentences, parse, maps, patterns, duplicate_rows)");
  EXPECT_EQ(LoadError(Replace(kBase, "person_id = {", "persn_id = {")),
            "m.toml:3:1: \"persn_id\" is not a column of people.csv (DESIGN.md section 3)");
  EXPECT_EQ(LoadError(Replace(kBase, "jurisdiction = { value = \"IA\" }\n", "")),
            "m.toml:2:1: [people] does not set jurisdiction, which people.csv requires (give a column, a value, "
            "or a [[parse]] pattern that sets it)");
  EXPECT_EQ(LoadError(Replace(kBase, "status = { value = \"active\" }\n", "")),
            "m.toml:9:1: [sentences] does not set status, which sentences.csv requires (give a column, a value, "
            "or a [[parse]] pattern that sets it)");
  EXPECT_EQ(LoadError(Replace(kBase, "sentence_type = { value = \"life\" }", "sentence_type = { value = \"Life\" }")),
            "m.toml:12:27: value \"Life\" is not a sentence_type (expected one of: determinate, indeterminate, life, "
            "lwop, death)");
  EXPECT_EQ(LoadError(Replace(kBase, "format = \"MM/DD/YYYY\"", "format = \"MM/DD/YY\"")),
            "m.toml:5:41: date format \"MM/DD/YY\": unknown letter 'Y' (use YYYY, MM, M, DD, D and separators)");
  EXPECT_EQ(LoadError(Replace(kBase, "map = \"sex\"", "map = \"gender\"")),
            "m.toml:6:31: no value map \"gender\" (define it as [maps.gender])");
  EXPECT_EQ(LoadError(Replace(kBase, "\"Male\" = \"M\"", "\"Male\" = \"Man\"")),
            "m.toml:6:31: value map \"sex\" maps \"male\" to \"Man\" is not a sex (expected one of: F, M, X, U)");
  EXPECT_EQ(LoadError(Replace(kBase, "\"Female\" = \"F\"", "\"Female\" = \"F\", \"MALE\" = \"M\"")),
            "m.toml:15:12: \"Male\" is mapped twice (keys are compared case-insensitively, spaces trimmed)");
  EXPECT_EQ(LoadError(Replace(kBase, "unmapped = \"default\"", "unmapped = \"skip\"")),
            "m.toml:17:12: \"unmapped\" must be \"reject\" or \"default\"");
  EXPECT_EQ(LoadError(Replace(kBase, "default = \"unknown\"\n", "")),
            "m.toml:17:12: unmapped = \"default\" needs a \"default\" value");
  EXPECT_EQ(LoadError(Replace(kBase, "jurisdiction = { value = \"IA\" }", "jurisdiction = { value = \"IA\", column = \"J\" }")),
            "m.toml:4:16: people.jurisdiction needs exactly one of \"column\", \"template\", \"value\", \"age_column\", \"sequence\"");
  EXPECT_EQ(LoadError(Replace(kBase, "jurisdiction = { value = \"IA\" }", "jurisdiction = \"IA\"")),
            "m.toml:4:16: \"jurisdiction\" must be a table such as { column = \"...\" } or { value = \"...\" }");
  EXPECT_EQ(LoadError(Replace(kBase, "sex = { column = \"Sex\", map = \"sex\" }",
                              "sex = { column = \"Sex\", format = \"MM/DD/YYYY\" }")),
            "m.toml:6:34: \"format\" is only allowed for a date field");
  EXPECT_EQ(LoadError(Replace(kBase, "[sentences]\n", "[sentences]\nperson_id = { column = \"ID\" }\n")),
            "m.toml:10:1: sentences.person_id is implied: it is the person's person_id");
  EXPECT_EQ(LoadError(Replace(kBase, "[sentences]\n", "[sentences]\nsentence_id = { value = \"S\", sequence = \"S\" }\n")),
            "m.toml:10:15: sentences.sentence_id needs exactly one of \"column\", \"template\", \"value\", \"age_column\", \"sequence\"");
  EXPECT_EQ(LoadError(Replace(kBase, "person_id = { column = \"ID\" }", "person_id = { sequence = \"P\" }")),
            "m.toml:3:26: \"sequence\" is only allowed for sentence_id");
  EXPECT_EQ(LoadError(Replace(kBase, "birth_date = { column = \"DOB\", format = \"MM/DD/YYYY\" }",
                              "birth_date = { age_column = \"Age\" }")),
            "m.toml:5:14: people.birth_date needs the date the age was measured on: \"on_column\" or \"on_date\"");
  EXPECT_EQ(LoadError(Replace(kBase, "[sentences]\n", "[sentences]\nsplit = { columns = [\"ID\"] }\n")),
            "m.toml:3:13: people.person_id reads \"ID\", which is split into several sentences (use when_any to "
            "derive a person field from its items)");
  EXPECT_EQ(LoadError(Replace(kBase, "name = \"test\"", "name = \"test\"\ncatalog = \"Iowa\"")),
            "m.toml:2:11: \"catalog\" must be US or a two-letter state code in upper case");
}

TEST(ImportMappingLoadTest, NewSyntaxErrorsArePositioned) {
  const std::string code = "offense_code = { column = \"Code\", prefix = \"IA:\" }";
  auto with = [&](const std::string& spec) { return LoadError(Replace(kBase, code, spec)); };
  EXPECT_EQ(with("offense_code = { template = \"{Code\" }"),
            "m.toml:10:29: template \"{Code\": byte 1: expected a column name and '}' after '{' (write '{{' for a brace)");
  EXPECT_EQ(with("offense_code = { column = \"Code\", transform = [\"capitalise\"] }"),
            "m.toml:10:48: unknown step \"capitalise\" (expected trim, upper, lower, collapse_spaces, { replace = \"...\", "
            "with = \"...\" } or { regex = '...', with = \"...\" })");
  EXPECT_THAT(with("offense_code = { column = \"Code\", transform = [{ regex = '(', with = \"\" }] }"),
              ::testing::StartsWith("m.toml:10:58: \"regex\" is not a valid regular expression"));
  EXPECT_EQ(with("offense_code = { column = \"Code\", transform = [{ replace = \"a\" }] }"),
            "m.toml:10:48: a transform step needs \"with\", the replacement (may be \"\")");
  EXPECT_EQ(with("offense_code = { column = \"Code\", when_any = { column = \"X\", matches = 'a', value = \"b\" } }"),
            "m.toml:10:46: \"when_any\" is only allowed for a [people] field");
  EXPECT_EQ(LoadError(Replace(kBase, "race = { column = \"Race\", map = \"race\" }",
                              "race = { column = \"Race\", map = \"race\", when_any = { column = \"Code\", matches = "
                              "'x', value = \"Black\" } }")),
            "m.toml:7:94: when_any value \"Black\" is not a race (expected one of: black, white, hispanic, native, "
            "asian, pacific, other, unknown)");
  EXPECT_EQ(LoadError(Replace(kBase, "[sentences]\n", "[sentences]\nsplit = { columns = [\"Code\"], format = \"csv\" }\n")),
            "m.toml:10:40: \"format\" must be \"list_literal\" (['a', \"b\"]) or \"delimited\" (a;b)");
  EXPECT_EQ(LoadError(Replace(kBase, "[sentences]\n",
                              "[sentences]\nsplit = { columns = [\"Code\"], format = \"list_literal\", delimiter = \",\" }\n")),
            "m.toml:10:68: a list literal is always separated by commas: \"delimiter\" is only for \"delimited\"");
  EXPECT_EQ(LoadError(kBase + "[[skip]]\ncolumn = \"Flag\"\nequals = \"x\"\nempty = true\n"),
            "m.toml:20:1: [[skip]] needs exactly one of \"equals\", \"matches\", \"empty = true\"");
  EXPECT_EQ(LoadError(kBase + "[[skip]]\ncolumn = \"Flag\"\nempty = false\n"),
            "m.toml:22:9: \"empty\" can only be true");
}

TEST(ImportMappingLoadTest, PatternErrorsArePositioned) {
  const std::string base = Replace(kBase, "sentence_type = { value = \"life\" }\n", "");
  EXPECT_EQ(LoadError(base + kPatterns), "(loaded)");
  EXPECT_THAT(LoadError(Replace(base + kPatterns, "match = 'life'", "match = 'life('")),
              ::testing::StartsWith("m.toml:33:9: \"match\" is not a valid regular expression (RE2 syntax: no backreferences or lookaround): "));
  EXPECT_EQ(LoadError(Replace(base + kPatterns, "max_term_days = \"$2y\"", "max_term_days = \"$3y\"")),
            "m.toml:28:81: \"$3\" but the pattern has 2 capture groups");
  EXPECT_EQ(LoadError(Replace(base + kPatterns, "set = { sentence_type = \"lwop\" }", "set = { sentence_type = \"LWOP\" }")),
            "m.toml:31:25: the value \"LWOP\" is not a sentence_type (expected one of: determinate, indeterminate, "
            "life, lwop, death)");
  EXPECT_EQ(LoadError(Replace(base + kPatterns, "set = { sentence_type = \"lwop\" }", "set = { sentence_kind = \"lwop\" }")),
            "m.toml:31:9: \"sentence_kind\" is not a field a pattern can set");
  EXPECT_EQ(LoadError(Replace(base + kPatterns, "patterns = \"sentence\"", "patterns = \"sentences\"")),
            "m.toml:22:12: no pattern list \"sentences\" (define it as [[patterns.sentences]])");
  EXPECT_EQ(LoadError(kBase + kPatterns),
            "m.toml:23:12: sentence_type is set both by [sentences] and by patterns \"sentence\"");
  EXPECT_EQ(LoadError(Replace(base + kPatterns, "patterns = \"sentence\"", "patterns = \"sentence\"\nunmatched = \"skip\"")),
            "m.toml:23:13: \"unmatched\" must be \"reject\" or \"leave_empty\"");
}

}  // namespace
}  // namespace clemency
