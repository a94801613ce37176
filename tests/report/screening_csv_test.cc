// screening.csv's columns are DESIGN.md's (section 5), in its order: the list
// is read from DESIGN.md itself, so neither can change without the other.
#include "clemency/report/screening_csv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace clemency {
namespace {

// The column names of the screening.csv bullet of DESIGN.md section 5: the
// backquoted names outside parentheses, split at commas.
std::vector<std::string> DesignColumns() {
  std::ifstream in(std::string(CLEMENCY_SHARED_DIR) + "/DESIGN.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string design = text.str();
  const size_t begin = design.find("- `screening.csv`");
  const size_t end = design.find("\n- `", begin + 1);
  if (begin == std::string::npos || end == std::string::npos) return {};
  std::string bullet = design.substr(begin, end - begin);
  bullet = bullet.substr(bullet.find("—"));  // past the file name
  std::string outside;  // the bullet without its parenthesized remarks
  int depth = 0;
  for (char ch : bullet) {
    if (ch == '(') ++depth;
    else if (ch == ')') --depth;
    else if (depth == 0) outside.push_back(ch);
  }
  std::vector<std::string> names;
  const std::regex quoted("`([^`]*)`"), name("[a-z_]+");
  for (std::sregex_iterator q(outside.begin(), outside.end(), quoted), qe; q != qe; ++q) {
    const std::string inner = (*q)[1];
    for (std::sregex_iterator n(inner.begin(), inner.end(), name), ne; n != ne; ++n) names.push_back(n->str());
  }
  return names;
}

TEST(ScreeningCsvTest, ColumnsAreDesignMdsInItsOrder) {
  const std::vector<std::string> design = DesignColumns();
  ASSERT_GE(design.size(), 10u) << "cannot find the screening.csv columns in " << CLEMENCY_SHARED_DIR << "/DESIGN.md";
  std::vector<std::string> ours;
  for (const ScreeningColumn& c : ScreeningColumns()) ours.emplace_back(c.name);
  EXPECT_EQ(ours, design);
}

TEST(ScreeningCsvTest, EveryColumnWritesItsValue) {
  for (const ScreeningColumn& c : ScreeningColumns()) EXPECT_NE(c.append, nullptr) << c.name;
}

}  // namespace
}  // namespace clemency
