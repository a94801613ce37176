#include "clemency/law/return_rates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <utility>

#include "clemency/law/rule_fields.h"
#include "clemency/law/rules_dir.h"
#include "clemency/law/toml.h"

namespace clemency {
namespace {

using rule_file::Cat;
using rule_file::CheckKeys;
using rule_file::Fail;
using rule_file::ListOf;
using rule_file::LoadError;
using rule_file::OneOf;
using rule_file::Position;
using rule_file::RequiredString;

// Rounding of the printed values: a derived value may differ from its formula
// by at most half of the last printed digit.
constexpr double kDerivedTolerance = 0.05 + 1e-9;

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Strictly increasing years in 1..follow_up.
std::vector<int> Years(const toml::table& t, std::string_view what, int follow_up) {
  const toml::node* n = t.get("years");
  if (n == nullptr) Fail(t, Cat(what, " has no \"years\""));
  std::vector<int> years = rule_file::IntList(t, "years", 1, follow_up);
  if (years.empty()) Fail(*n, Cat(what, " \"years\" must list at least one year"));
  for (size_t i = 1; i < years.size(); ++i)
    if (years[i] <= years[i - 1])
      Fail(*n->as_array()->get(i), Cat(what, " \"years\" must be strictly increasing"));
  return years;
}

RateRow ParseRow(const toml::node& node, const RateTable& table) {
  const auto* t = node.as_table();
  if (t == nullptr) Fail(node, Cat("table ", table.id, ": each of \"rows\" must be a table { group = ..., percent = [...] }"));
  const std::string what = Cat("table ", table.id, " row");
  CheckKeys(*t, {"group", "years", "percent"}, what);
  RateRow row;
  row.group = RequiredString(*t, "group", what);
  if (!OneOf(row.group, kRecidivismGroups))
    Fail(*t->get("group"), Cat("table ", table.id, ": group \"", row.group, "\" is not one of: ") +
                               ListOf(kRecidivismGroups));
  const std::string row_what = Cat("table ", table.id, " row ", row.group);
  if (t->get("years") != nullptr) {
    row.years = Years(*t, row_what, table.follow_up_years);
    for (size_t i = 0; i < row.years.size(); ++i)
      if (std::find(table.years.begin(), table.years.end(), row.years[i]) == table.years.end())
        Fail(*t->get("years")->as_array()->get(i),
             Cat(row_what, ": year ", std::to_string(row.years[i]), " is not one of the table's years"));
  } else {
    row.years = table.years;
  }
  const toml::node* pn = t->get("percent");
  if (pn == nullptr) Fail(*t, Cat(row_what, " has no \"percent\""));
  const auto* arr = pn->as_array();
  if (arr == nullptr) Fail(*pn, Cat(row_what, ": \"percent\" must be an array of numbers"));
  if (arr->size() != row.years.size())
    Fail(*pn, Cat(row_what, ": \"percent\" has ", std::to_string(arr->size()),
                  " values but there are ", std::to_string(row.years.size()), " years"));
  for (size_t i = 0; i < arr->size(); ++i) {
    const toml::node& item = *arr->get(i);
    const std::optional<double> v = item.value<double>();
    if (!v || !(*v >= 0 && *v <= 100))
      Fail(item, Cat(row_what, ": a percent must be a number from 0 to 100"));
    if (!row.percent.empty() && *v < row.percent.back())
      Fail(item, Cat(row_what, ": ", Num(*v), "% at year ", std::to_string(row.years[i]),
                     " is below ", Num(row.percent.back()), "% at year ",
                     std::to_string(row.years[i - 1]),
                     "; cumulative rates cannot fall as years grow"));
    row.percent.push_back(*v);
  }
  return row;
}

// Recomputes every value of a derived table from its base and ratio tables.
void CheckDerived(const toml::table& t, const RateTable& d, const RateTable& base,
                  const RateTable& ratio) {
  const RateRow* base_all = base.Row("all");
  const RateRow* ratio_all = ratio.Row("all");
  if (base_all == nullptr) Fail(*t.get("base_table"), Cat("table ", base.id, " has no \"all\" row"));
  if (ratio_all == nullptr) Fail(*t.get("ratio_table"), Cat("table ", ratio.id, " has no \"all\" row"));
  const toml::array& rows = *t.get("rows")->as_array();
  for (size_t r = 0; r < d.rows.size(); ++r) {
    const RateRow& row = d.rows[r];
    const toml::array& percents = *rows.get(r)->as_table()->get("percent")->as_array();
    const RateRow* ratio_row = ratio.Row(row.group);
    if (ratio_row == nullptr || row.group == "all")
      Fail(*rows.get(r)->as_table()->get("group"),
           Cat("table ", d.id, ": group \"", row.group, "\" needs its own row in ", ratio.id));
    for (size_t i = 0; i < row.years.size(); ++i) {
      const int y = row.years[i];
      const auto b = base_all->At(y), num = ratio_row->At(y), den = ratio_all->At(y);
      if (!b || !num || !den || *den <= 0)
        Fail(*percents.get(i), Cat("table ", d.id, ": ", base.id, " and ", ratio.id,
                                   " have no values to derive ", row.group, " at year ",
                                   std::to_string(y)));
      const double expected = *b * *num / *den;
      if (std::fabs(row.percent[i] - expected) > kDerivedTolerance)
        Fail(*percents.get(i), Cat("table ", d.id, ": derived value ", Num(row.percent[i]), " for ",
                                   row.group, " at year ", std::to_string(y),
                                   " does not match the method: expected ", Num(expected), " (= ",
                                   Num(*b), " * ", Num(*num), " / ", Num(*den), ")"));
    }
  }
}

RateTable ParseTable(const toml::table& t, const std::vector<RateTable>& earlier) {
  CheckKeys(t,
            {"id", "measure", "cohort", "study", "authors", "published", "ncj",
             "cohort_description", "follow_up_years", "years", "derived", "method", "base_table",
             "ratio_table", "citation", "notes", "rows"},
            "[[table]]");
  RateTable tb;
  tb.id = RequiredString(t, "id", "[[table]]");
  for (const RateTable& e : earlier)
    if (e.id == tb.id) Fail(*t.get("id"), Cat("table id \"", tb.id, "\" is used twice"));
  const std::string what = "table " + tb.id;
  tb.measure = RequiredString(t, "measure", what);
  if (!OneOf(tb.measure, kRecidivismMeasures))
    Fail(*t.get("measure"), Cat(what, ": measure \"", tb.measure, "\" is not one of: ") +
                                ListOf(kRecidivismMeasures));
  tb.cohort = RequiredString(t, "cohort", what);
  if (!OneOf(tb.cohort, kRecidivismCohorts))
    Fail(*t.get("cohort"), Cat(what, ": cohort \"", tb.cohort, "\" is not one of: ") +
                               ListOf(kRecidivismCohorts));
  tb.derived = rule_file::OptionalBool(t, "derived");
  for (const RateTable& e : earlier)
    if (e.cohort == tb.cohort && e.measure == tb.measure && e.derived == tb.derived)
      Fail(t, Cat(what, ": table ", e.id, " already gives ", tb.derived ? "derived " : "BJS ",
                  tb.measure, " rates for cohort ", tb.cohort));
  tb.study = RequiredString(t, "study", what);
  tb.authors = RequiredString(t, "authors", what);
  tb.published = RequiredString(t, "published", what);
  tb.ncj = RequiredString(t, "ncj", what);
  tb.cohort_description = RequiredString(t, "cohort_description", what);
  tb.citation = RequiredString(t, "citation", what);
  tb.notes = rule_file::OptionalString(t, "notes").value_or("");
  const auto follow_up = rule_file::OptionalInt(t, "follow_up_years", 1, 50);
  if (!follow_up) Fail(t, Cat(what, " has no \"follow_up_years\""));
  tb.follow_up_years = static_cast<int>(*follow_up);
  tb.years = Years(t, what, tb.follow_up_years);

  const RateTable* base = nullptr;
  const RateTable* ratio = nullptr;
  if (tb.derived) {
    if (tb.measure != "returned_to_prison")
      Fail(*t.get("derived"), Cat(what, ": only returned_to_prison tables may be derived"));
    tb.method = RequiredString(t, "method", what);
    tb.base_table = RequiredString(t, "base_table", what);
    tb.ratio_table = RequiredString(t, "ratio_table", what);
    auto find = [&](const std::string& id, std::string_view key, std::string_view measure) {
      for (const RateTable& e : earlier)
        if (e.id == id) {
          if (e.derived || e.measure != measure || e.cohort != tb.cohort)
            Fail(*t.get(key), Cat(what, ": ", key, " must be a BJS ", measure,
                                  " table of cohort ", tb.cohort));
          return &e;
        }
      Fail(*t.get(key), Cat(what, ": ", key, " \"", id, "\" is not a table defined above"));
    };
    base = find(tb.base_table, "base_table", "returned_to_prison");
    ratio = find(tb.ratio_table, "ratio_table", "arrested");
  } else {
    for (std::string_view k : {"method", "base_table", "ratio_table"})
      if (const toml::node* n = t.get(k))
        Fail(*n, Cat(what, ": \"", k, "\" is only for derived = true"));
  }

  const toml::node* rn = t.get("rows");
  if (rn == nullptr) Fail(t, Cat(what, " has no \"rows\""));
  const auto* rows = rn->as_array();
  if (rows == nullptr || rows->empty())
    Fail(*rn, Cat(what, ": \"rows\" must be a non-empty array of { group, percent } tables"));
  std::set<std::string, std::less<>> groups;
  for (const toml::node& n : *rows) {
    RateRow row = ParseRow(n, tb);
    if (!groups.insert(row.group).second)
      Fail(*n.as_table()->get("group"), Cat(what, ": group \"", row.group, "\" is listed twice"));
    tb.rows.push_back(std::move(row));
  }
  if (tb.derived) CheckDerived(t, tb, *base, *ratio);
  return tb;
}

}  // namespace

std::optional<double> RateRow::At(int year) const {
  for (size_t i = 0; i < years.size(); ++i)
    if (years[i] == year) return percent[i];
  return std::nullopt;
}

const RateRow* RateTable::Row(std::string_view group) const {
  for (const RateRow& r : rows)
    if (r.group == group) return &r;
  return nullptr;
}

std::optional<ReturnRates> ReturnRates::Load(const std::string& path, std::string* error) {
  ReturnRates rates;
  rates.path_ = path;
  const bool loaded = rule_file::LoadTomlFile(path, error, [&](const toml::table& root) {
    CheckKeys(root, {"table"}, "the return-rates file");
    for (const toml::node& n : rule_file::TableArray(root, "table", true))
      rates.tables_.push_back(ParseTable(*n.as_table(), rates.tables_));
  });
  if (!loaded) return std::nullopt;
  return rates;
}

std::string ReturnRates::DefaultPath(const std::string& rules_dir) {
  return RuleFilePath("recidivism", "bjs-return-to-prison.toml", rules_dir);
}

std::optional<ReturnRates> ReturnRates::LoadDefault(std::string* error,
                                                    const std::string& rules_dir) {
  if (rules_dir.empty() && RulesDir().empty() && UserRulesDir().empty()) {
    if (error != nullptr) *error = "cannot find the rules/ folder (give --rules DIR or set CLEMENCY_RULES_DIR)";
    return std::nullopt;
  }
  return Load(DefaultPath(rules_dir), error);
}

const RateTable* ReturnRates::Find(std::string_view id) const {
  for (const RateTable& t : tables_)
    if (t.id == id) return &t;
  return nullptr;
}

const RateTable* ReturnRates::TableFor(std::string_view cohort, std::string_view measure,
                                       bool derived) const {
  for (const RateTable& t : tables_)
    if (t.cohort == cohort && t.measure == measure && t.derived == derived) return &t;
  return nullptr;
}

namespace {
std::optional<double> Lookup(const RateTable* t, std::string_view group, int years) {
  if (t == nullptr) return std::nullopt;
  const RateRow* row = t->Row(group);
  return row == nullptr ? std::nullopt : row->At(years);
}
}  // namespace

std::optional<double> ReturnRates::CumulativeReturn(std::string_view cohort,
                                                    std::string_view group, int years) const {
  return Lookup(TableFor(cohort, "returned_to_prison", false), group, years);
}

std::optional<RateValue> ReturnRates::CumulativeReturnByOffense(std::string_view cohort,
                                                                std::string_view offense,
                                                                int years) const {
  if (!OneOf(offense, kRecidivismOffenseGroups)) return std::nullopt;
  for (bool derived : {false, true}) {
    const RateTable* t = TableFor(cohort, "returned_to_prison", derived);
    if (const auto v = Lookup(t, offense, years)) return RateValue{*v, derived, t};
  }
  return std::nullopt;
}

std::optional<double> ReturnRates::CumulativeArrest(std::string_view cohort,
                                                    std::string_view group, int years) const {
  return Lookup(TableFor(cohort, "arrested", false), group, years);
}

}  // namespace clemency
