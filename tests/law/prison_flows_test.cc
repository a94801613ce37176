#include "clemency/law/prison_flows.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "clemency/io/csv_reader.h"

namespace clemency {
namespace {

const std::string kRules = CLEMENCY_TEST_DATA "/../../rules";

// {state name as BJS prints it (footnotes cut): column value} of a raw BJS table.
std::map<std::string, int64_t> Column(const std::string& file, size_t col) {
  std::string error;
  auto reader = CsvReader::Open(CLEMENCY_TEST_DATA "/bjs/" + file, &error);
  EXPECT_TRUE(reader) << error;
  std::map<std::string, int64_t> out;
  if (!reader) return out;
  reader->set_check_text(false);  // Windows-1252
  CsvRecord rec;
  while (reader->Next(rec)) {
    if (rec.fields.size() <= col) continue;
    std::string name(rec.fields[0].empty() ? rec.fields[1] : rec.fields[0]);
    name = name.substr(0, name.find('/'));
    std::string digits;
    for (char c : rec.fields[col])
      if (c != ',') digits += c;
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    out.emplace(name, std::stoll(digits));
  }
  return out;
}

TEST(PrisonFlowsTest, EveryNumberIsTheBjsTables) {
  std::string error;
  const auto flows = PrisonFlows::Load(PrisonFlows::DefaultPath(kRules), &error);
  ASSERT_TRUE(flows) << error;
  EXPECT_EQ(flows->by_jurisdiction.size(), 51u);  // 50 states and the federal system
  const auto stock = Column("p22stt04.csv", 6), admissions = Column("p22stt08.csv", 3),
             releases = Column("p22stt09.csv", 3);
  const std::pair<const char*, const char*> some[] = {
      {"California", "CA"}, {"Iowa", "IA"}, {"Texas", "TX"}, {"Vermont", "VT"}, {"Federal", "US"}};
  for (const auto& [name, code] : some) {
    const PrisonFlow* f = flows->Find(code);
    ASSERT_NE(f, nullptr) << code;
    EXPECT_EQ(f->stock, stock.at(name)) << code;
    EXPECT_EQ(f->admissions, admissions.at(name)) << code;
    EXPECT_EQ(f->releases, releases.at(name)) << code;
  }
  // Table 8 prints Virginia as "Virginial" (a footnote letter without its slash).
  EXPECT_EQ(flows->Find("VA")->admissions, admissions.at("Virginial"));
  EXPECT_EQ(flows->Find("DC"), nullptr);
  EXPECT_NEAR(flows->Find("CA")->ExitRatePerYear(), 32055.0 / 97483.0, 1e-12);
}

std::string LoadError(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("clemency-flows-test-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << text;
  std::string error;
  EXPECT_FALSE(PrisonFlows::Load(path.string(), &error));
  std::filesystem::remove(path);
  const size_t at = error.find(".toml:");
  return at == std::string::npos ? error : "FILE" + error.substr(at + 5);
}

constexpr const char* kSource =
    "[source]\ntitle = \"t\"\nncj = \"n\"\nyear = 2022\ncitation = \"c\"\nconfidence = \"primary\"\n";

TEST(PrisonFlowsTest, BadFilesSayWhereAndWhat) {
  EXPECT_EQ(LoadError(std::string(kSource) + "[flows]\nCA = [1, 2]\n"),
            "FILE:8:6: CA must be [stock, admissions, releases]");
  EXPECT_EQ(LoadError(std::string(kSource) + "[flows]\nXX = [1, 2, 3]\n"),
            "FILE:8:6: \"XX\" is not a jurisdiction code (two-letter state, DC or US)");
  EXPECT_EQ(LoadError(std::string(kSource) + "[flows]\nCA = [0, 2, 3]\n"), "FILE:8:7: CA: stock must be above 0");
  EXPECT_EQ(LoadError(std::string(kSource) + "[flows]\nCA = [5, -2, 3]\n"),
            "FILE:8:10: CA: admissions must be a whole number from 0 to 10000000");
  // A float beyond int64_t once reached toml++'s unchecked cast (UBSan, found by the rule_files fuzzer).
  EXPECT_EQ(LoadError(std::string(kSource) + "[flows]\nCA = [8.4e49, 2, 3]\n"),
            "FILE:8:7: CA: stock must be a whole number from 0 to 10000000");
  EXPECT_EQ(LoadError(std::string(kSource) + "[flows]\nCA = [5, 2.0, 3]\n"),
            "FILE:8:10: CA: admissions must be a whole number from 0 to 10000000");
  EXPECT_EQ(LoadError("[flows]\nCA = [1, 2, 3]\n"), "FILE:1:1: the flows file needs a [source] table");
}

}  // namespace
}  // namespace clemency
