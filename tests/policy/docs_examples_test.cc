// Keeps docs/policy-language.md honest: every expression in an ```expr block
// must parse and type-check, every ```toml block must be valid TOML whose
// expressions check (a block with an `id` must load as a policy with no
// problem at all), and the facts table must be the engine's own list.
//
// Names in examples resolve against the params and rules of
// rules/policies/redemption-2020.toml and of every ```toml block of the
// document. An ```expr block may hold several expressions separated by blank
// lines; each may be of any type (a sub-expression such as `55 years` is fine)
// but must be person-scoped, as every expression in a policy is.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "clemency/policy/expr_parser.h"
#include "clemency/policy/facts.h"
#include "clemency/policy/policy.h"
#include "clemency/policy/typed_expr.h"

namespace clemency {
namespace {

const std::string kDoc = std::string(CLEMENCY_TEST_DATA) + "/../../docs/policy-language.md";
const std::string kRedemption = std::string(CLEMENCY_TEST_DATA) + "/../../rules/policies/redemption-2020.toml";

struct Block {
  std::string lang;
  int line = 0;  // of the first line inside the fence
  std::string text;
};

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

std::vector<Block> FencedBlocks(const std::vector<std::string>& lines) {
  std::vector<Block> blocks;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("```", 0) != 0) continue;
    Block b;
    b.lang = lines[i].substr(3);
    b.line = static_cast<int>(i) + 2;
    size_t j = i + 1;
    for (; j < lines.size() && lines[j].rfind("```", 0) != 0; ++j) b.text += lines[j] + "\n";
    EXPECT_LT(j, lines.size()) << "policy-language.md:" << i + 1 << ": a fenced block is never closed";
    blocks.push_back(std::move(b));
    i = j;
  }
  return blocks;
}

// Expressions of an ```expr block: separated by blank lines.
std::vector<std::pair<int, std::string>> SplitExpressions(const Block& b) {
  std::vector<std::pair<int, std::string>> out;
  std::istringstream in(b.text);
  int line = b.line;
  std::string current;
  int start = line;
  for (std::string l; std::getline(in, l); ++line) {
    if (l.find_first_not_of(" \t") == std::string::npos) {
      if (!current.empty()) out.emplace_back(start, current);
      current.clear();
      continue;
    }
    if (current.empty()) start = line;
    current += l + "\n";
  }
  if (!current.empty()) out.emplace_back(start, current);
  return out;
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

void AddPolicyNames(const Policy& p, NameScope& names) {
  for (const PolicyParam& prm : p.params) names.params.push_back({prm.name, prm.value.type});
  for (const PolicyRule& r : p.rules) {
    const int index = static_cast<int>(names.rules.size());
    const char* prefix = r.kind == RuleKind::kCriterion ? "criteria." : r.kind == RuleKind::kExclusion ? "exclusions." : "groups.";
    names.rules.push_back({r.id, index});
    names.rules.push_back({prefix + r.id, index});
  }
}

// "" when the expression checks as some type, else the reason.
std::string CheckAnyType(const std::string& text, const NameScope& names) {
  const ParseResult parsed = ParseExpression(text);
  if (!parsed.ok()) return "parse error at " + std::to_string(parsed.error.offset) + ": " + parsed.error.message;
  std::string first_error;
  for (ValueType want : {ValueType::kBool, ValueType::kNumber, ValueType::kInt, ValueType::kString, ValueType::kDate,
                         ValueType::kDuration, ValueType::kSpan}) {
    const CheckResult r = CheckExpression(*parsed.root, names, want);
    if (r.expr) return "";
    if (first_error.empty() || r.error.message.find("is needed here") == std::string::npos)
      first_error = "error at " + std::to_string(r.error.offset) + ": " + r.error.message;
  }
  return first_error;
}

std::string CheckWant(const std::string& text, const NameScope& names, ValueType want) {
  const ParseResult parsed = ParseExpression(text);
  if (!parsed.ok()) return "parse error at " + std::to_string(parsed.error.offset) + ": " + parsed.error.message;
  const CheckResult r = CheckExpression(*parsed.root, names, want);
  return r.expr ? "" : "error at " + std::to_string(r.error.offset) + ": " + r.error.message;
}

class DocsExamplesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    lines_ = Lines(kDoc);
    ASSERT_FALSE(lines_.empty()) << "cannot read " << kDoc;
    blocks_ = FencedBlocks(lines_);
  }
  std::vector<std::string> lines_;
  std::vector<Block> blocks_;
};

// The names examples may use: redemption-2020's, then those of every ```toml
// block (a whole policy, or a fragment's params and rule ids).
NameScope DocumentNames(const std::vector<Block>& blocks) {
  NameScope names;
  std::vector<PolicyProblem> problems;
  auto redemption = LoadPolicy(kRedemption, &problems);
  EXPECT_TRUE(redemption.has_value()) << kRedemption;
  if (redemption) AddPolicyNames(*redemption, names);
  int n = 0;
  for (const Block& b : blocks) {
    if (b.lang != "toml") continue;
    toml::table t;
    try {
      t = toml::parse(b.text);
    } catch (const toml::parse_error&) {
      continue;  // reported by TomlBlocksAreValidAndCheck
    }
    if (t.contains("id")) {
      problems.clear();
      auto p = LoadPolicy(WriteTemp("doc_policy_" + std::to_string(++n) + ".toml", b.text), &problems);
      if (p) AddPolicyNames(*p, names);
      continue;
    }
    // A fragment: its params, typed by the loader, and its rule ids.
    if (const toml::table* params = t["params"].as_table()) {
      toml::table only;
      only.insert("id", "fragment");
      only.insert("title", "fragment");
      only.insert("citation", "fragment");
      only.insert("eligibility", "true");
      only.insert("priority", "0");
      only.insert("params", *params);
      std::ostringstream text;
      text << only;
      problems.clear();
      auto p = LoadPolicy(WriteTemp("doc_fragment_" + std::to_string(++n) + ".toml", text.str()), &problems);
      if (p) AddPolicyNames(*p, names);
      for (const auto& pr : problems)
        if (!pr.lint) ADD_FAILURE() << "policy-language.md:" << b.line << ": params: " << pr.message;
    }
    for (const char* kind : {"criteria", "exclusions", "groups"}) {
      const toml::array* arr = t[kind].as_array();
      if (arr == nullptr) continue;
      for (const toml::node& item : *arr) {
        const toml::table* rule = item.as_table();
        if (rule == nullptr || !(*rule)["id"].is_string()) continue;
        const std::string id = (*rule)["id"].value_or(std::string());
        const int index = static_cast<int>(names.rules.size());
        names.rules.push_back({id, index});
        names.rules.push_back({std::string(kind) + "." + id, index});
      }
    }
  }
  return names;
}

TEST_F(DocsExamplesTest, EveryExprBlockParsesAndTypeChecks) {
  const NameScope names = DocumentNames(blocks_);
  int checked = 0;
  for (const Block& b : blocks_) {
    if (b.lang != "expr") continue;
    for (const auto& [line, text] : SplitExpressions(b)) {
      ++checked;
      const std::string error = CheckAnyType(text, names);
      EXPECT_EQ(error, "") << "policy-language.md:" << line << ": " << text;
    }
  }
  // The document is full of examples; finding few means the extraction broke.
  EXPECT_GE(checked, 30);
}

TEST_F(DocsExamplesTest, TomlBlocksAreValidAndCheck) {
  const NameScope names = DocumentNames(blocks_);
  int policies = 0, expressions = 0, n = 0;
  for (const Block& b : blocks_) {
    if (b.lang != "toml") continue;
    toml::table t;
    try {
      t = toml::parse(b.text);
    } catch (const toml::parse_error& e) {
      ADD_FAILURE() << "policy-language.md:" << b.line + static_cast<int>(e.source().begin.line) - 1 << ": "
                    << e.description();
      continue;
    }
    if (t.contains("id")) {
      // A whole policy: it loads with no problem at all, lints included.
      ++policies;
      std::vector<PolicyProblem> problems;
      auto p = LoadPolicy(WriteTemp("doc_whole_" + std::to_string(++n) + ".toml", b.text), &problems);
      EXPECT_TRUE(p.has_value()) << "policy-language.md:" << b.line;
      for (const PolicyProblem& pr : problems)
        ADD_FAILURE() << "policy-language.md:" << b.line + pr.pos.line - 1 << ": " << pr.message;
      continue;
    }
    // A fragment: each expression in it checks.
    auto check = [&](const toml::node* e, ValueType want, std::string_view what) {
      if (e == nullptr || !e->is_string()) return;
      ++expressions;
      const std::string error = CheckWant(e->as_string()->get(), names, want);
      EXPECT_EQ(error, "") << "policy-language.md:" << b.line + static_cast<int>(e->source().begin.line) - 1 << ": "
                           << what;
    };
    check(t.get("eligibility"), ValueType::kBool, "eligibility");
    check(t.get("priority"), ValueType::kNumber, "priority");
    for (const char* kind : {"criteria", "exclusions", "groups"}) {
      const toml::array* arr = t[kind].as_array();
      if (arr == nullptr) continue;
      for (const toml::node& item : *arr)
        if (const toml::table* rule = item.as_table()) check(rule->get("expr"), ValueType::kBool, kind);
    }
  }
  EXPECT_GE(policies, 2);
  EXPECT_GE(expressions, 2);
}

// The rows between <!-- facts:begin --> and <!-- facts:end --> are exactly
// AllFacts(): `name` | type | meaning.
TEST_F(DocsExamplesTest, FactsTableIsTheEnginesList) {
  std::map<std::string, std::pair<std::string, std::string>> rows;
  bool inside = false, seen = false;
  for (size_t i = 0; i < lines_.size(); ++i) {
    const std::string& l = lines_[i];
    if (l == "<!-- facts:begin -->") inside = seen = true;
    if (l == "<!-- facts:end -->") inside = false;
    if (!inside || l.rfind("| `", 0) != 0) continue;
    // | `name` | type | meaning |
    const size_t name_end = l.find("` |", 3);
    ASSERT_NE(name_end, std::string::npos) << "policy-language.md:" << i + 1;
    const std::string name = l.substr(3, name_end - 3);
    const size_t type_begin = name_end + 4;
    const size_t type_end = l.find(" | ", type_begin);
    ASSERT_NE(type_end, std::string::npos) << "policy-language.md:" << i + 1;
    ASSERT_GE(l.size(), type_end + 5) << "policy-language.md:" << i + 1;
    const std::string type = l.substr(type_begin, type_end - type_begin);
    const std::string meaning = l.substr(type_end + 3, l.size() - (type_end + 3) - 2);
    EXPECT_TRUE(rows.emplace(name, std::make_pair(type, meaning)).second) << name << " is listed twice";
  }
  ASSERT_TRUE(seen) << "no <!-- facts:begin --> marker";
  for (const FactInfo& f : AllFacts()) {
    const auto it = rows.find(std::string(f.name));
    if (it == rows.end()) {
      ADD_FAILURE() << "the fact " << f.name << " is missing from the table";
      continue;
    }
    EXPECT_EQ(it->second.first, TypeName(f.type)) << f.name;
    EXPECT_EQ(it->second.second, f.meaning) << f.name;
    rows.erase(it);
  }
  for (const auto& [name, rest] : rows) ADD_FAILURE() << "the table lists " << name << ", which is not a fact";
}

}  // namespace
}  // namespace clemency
