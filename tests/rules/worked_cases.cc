#include "worked_cases.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "clemency/io/population_loader.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/toml.h"
#include "clemency/screen/fact_table.h"

namespace clemency::worked {
namespace {

using rule_file::Cat;
using rule_file::Fail;
using rule_file::LoadError;

// The canonical columns of DESIGN.md section 3, in file order, and which are required.
struct Col {
  std::string_view name;
  bool required;
};
constexpr Col kPeopleCols[] = {
    {"person_id", true},      {"jurisdiction", true},   {"birth_date", true},  {"birth_date_precision", false},
    {"sex", true},            {"race", true},           {"admission_date", true}, {"admission_type", false},
    {"facility_id", false},   {"infractions_5y", false}, {"medical_high_risk", false}};
constexpr Col kSentenceCols[] = {
    {"person_id", true},         {"sentence_id", true},      {"offense_code", true},
    {"offense_description", false}, {"offense_date", false}, {"sentence_date", true},
    {"sentence_type", true},     {"term_days", false},       {"min_term_days", false},
    {"max_term_days", false},    {"enhancements", false},    {"drug_type", false},
    {"drug_grams", false},       {"consecutive_to", false},  {"status", true},
    {"credits_days", false},     {"projected_release_date", false}, {"parole_eligibility_date", false}};
constexpr Col kFacilityCols[] = {
    {"facility_id", true}, {"name", false}, {"jurisdiction", false}, {"design_capacity", false}, {"housing", false}};

template <size_t N>
bool Known(const Col (&cols)[N], std::string_view key) {
  return std::any_of(std::begin(cols), std::end(cols), [&](const Col& c) { return c.name == key; });
}
template <size_t N>
std::string ColumnList(const Col (&cols)[N]) {
  std::string s;
  for (const Col& c : cols) s += Cat(s.empty() ? "" : ", ", c.name);
  return s;
}

std::string Position(const std::string& path, toml::source_position p) {
  return fmt::format("{}:{}:{}", path, p.line, p.column);
}

std::string DateText(const toml::date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

// A column value as CSV text.
std::string CellText(const toml::node& n, std::string_view key) {
  if (const auto* s = n.as_string()) return s->get();
  if (const auto* i = n.as_integer()) return std::to_string(i->get());
  if (const auto* f = n.as_floating_point()) return fmt::format("{}", f->get());
  if (const auto* b = n.as_boolean()) return b->get() ? "1" : "0";
  if (const auto* d = n.as_date()) return DateText(d->get());
  if (const auto* a = n.as_array()) {
    std::string out;
    for (const toml::node& e : *a) {
      if (!e.is_string()) Fail(e, Cat("\"", key, "\": an array value must hold strings (joined with ';')"));
      out += Cat(out.empty() ? "" : ";", e.as_string()->get());
    }
    return out;
  }
  Fail(n, Cat("\"", key, "\": expected a string, a number, a date, true/false or an array of strings"));
}

using Row = std::map<std::string, std::string>;

template <size_t N>
void ReadRow(const toml::table& t, const Col (&cols)[N], std::string_view what, Row& row) {
  for (const auto& [k, v] : t) {
    const std::string_view key = k.str();
    if (!Known(cols, key))
      Fail(k.source().begin, Cat("unknown ", what, " column \"", key, "\"; the columns are: ", ColumnList(cols)));
    row[std::string(key)] = CellText(v, key);
  }
}

const toml::table& AsTable(const toml::node& n, std::string_view what) {
  if (!n.is_table()) Fail(n, Cat("\"", what, "\" must be a table"));
  return *n.as_table();
}


std::string CsvField(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

template <size_t N>
std::string Csv(const Col (&cols)[N], const std::vector<Row>& rows) {
  std::vector<std::string_view> header;
  for (const Col& c : cols) {
    bool used = c.required;
    for (const Row& r : rows) used = used || r.count(std::string(c.name)) > 0;
    if (used) header.push_back(c.name);
  }
  std::string out;
  for (size_t i = 0; i < header.size(); ++i) out += Cat(i ? "," : "", header[i]);
  out += "\n";
  for (const Row& r : rows) {
    for (size_t i = 0; i < header.size(); ++i) {
      auto it = r.find(std::string(header[i]));
      out += Cat(i ? "," : "", it == r.end() ? std::string() : CsvField(it->second));
    }
    out += "\n";
  }
  return out;
}

Date ReadDate(const toml::node& n, std::string_view key) {
  if (const auto* d = n.as_date()) {
    const toml::date& v = d->get();
    return Date::FromCivil(v.year, v.month, v.day);
  }
  if (const auto* s = n.as_string()) {
    const DateParseResult r = ParseDate(s->get());
    if (r.ok()) return r.date;
    Fail(n, Cat("\"", key, "\" \"", s->get(), "\": ", DescribeDateParseError(r.error)));
  }
  Fail(n, Cat("\"", key, "\": expected a date such as 2020-07-15"));
}

std::string ReadString(const toml::node& n, std::string_view key, bool allow_empty = false) {
  const auto* s = n.as_string();
  if (s == nullptr) Fail(n, Cat("\"", key, "\": expected a string"));
  if (!allow_empty && s->get().empty()) Fail(n, Cat("\"", key, "\" must not be empty"));
  return s->get();
}

// A `set = { NAME = VALUE }` table as --set NAME=VALUE pairs (a list as "a,b").
void ReadSets(const toml::node& v, std::vector<std::pair<std::string, std::string>>& sets) {
  for (const auto& [sk, sv] : AsTable(v, "set")) {
    std::string text;
    if (const auto* b = sv.as_boolean()) text = b->get() ? "true" : "false";
    else if (const auto* a = sv.as_array()) {
      for (const toml::node& e : *a) text += Cat(text.empty() ? "" : ",", ReadString(e, sk.str()));
    } else text = CellText(sv, sk.str());
    sets.emplace_back(std::string(sk.str()), text);
  }
}


std::vector<std::string> ReadStringSet(const toml::node& n, std::string_view key) {
  const auto* a = n.as_array();
  if (a == nullptr) Fail(n, Cat("\"", key, "\": expected an array of strings"));
  std::vector<std::string> out;
  for (const toml::node& e : *a) out.push_back(ReadString(e, key));
  std::sort(out.begin(), out.end());
  return out;
}

// Flattens an expectation this runner does not check into dotted keys.
void Flatten(const toml::node& n, const std::string& key, std::map<std::string, std::string>& out) {
  if (const auto* t = n.as_table()) {
    for (const auto& [k, v] : *t) Flatten(v, Cat(key, ".", k.str()), out);
    return;
  }
  if (const auto* a = n.as_array()) {
    std::string s;
    for (const toml::node& e : *a) {
      std::map<std::string, std::string> one;
      Flatten(e, "x", one);
      for (const auto& [k, v] : one) s += Cat(s.empty() ? "" : ";", v);
    }
    out[key] = s;
    return;
  }
  if (const auto* b = n.as_boolean()) {
    out[key] = b->get() ? "true" : "false";
    return;
  }
  if (n.is_date_time() || n.is_time()) Fail(n, Cat("\"", key, "\": a date-time or time is not a value here"));
  out[key] = CellText(n, key);
}

CaseExpect ReadExpect(const toml::table& t) {
  CaseExpect e;
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (key == "status") {
      const std::string s = ReadString(v, key);
      if (s != "eligible" && s != "needs_review" && s != "not_eligible")
        Fail(v, Cat("status \"", s, "\": expected eligible, needs_review or not_eligible"));
      e.status = s;
    } else if (key == "groups") {
      e.groups = ReadStringSet(v, key);
    } else if (key == "excluded_by") {
      e.excluded_by = ReadStringSet(v, key);
    } else if (key == "criteria") {
      for (const auto& [ck, cv] : AsTable(v, key)) {
        std::string r;
        if (const auto* b = cv.as_boolean()) r = b->get() ? "true" : "false";
        else r = ReadString(cv, ck.str());
        if (r != "true" && r != "false" && r != "unknown")
          Fail(cv, Cat("criteria.", ck.str(), " \"", r, "\": expected \"true\", \"false\" or \"unknown\""));
        e.criteria[std::string(ck.str())] = r;
      }
    } else if (key == "eligible_on") {
      e.has_eligible_on = true;
      if (const auto* s = v.as_string(); s != nullptr && s->get().empty()) e.eligible_on.clear();
      else e.eligible_on = ReadDate(v, key).ToString();
    } else {
      Flatten(v, key, e.extra);
    }
  }
  return e;
}

bool ValidId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

CaseFile ReadFile(const toml::table& root, const std::string& path) {
  CaseFile f;
  f.path = path;
  std::optional<Date> as_of;
  Row default_person, default_sentence;
  std::vector<std::pair<std::string, std::string>> default_sets;
  std::vector<Row> facilities;
  const toml::node* cases = nullptr;
  for (const auto& [k, v] : root) {
    const std::string_view key = k.str();
    if (key == "policy") {
      f.policy = ReadString(v, key);
    } else if (key == "as_of") {
      as_of = ReadDate(v, key);
    } else if (key == "defaults") {
      for (const auto& [dk, dv] : AsTable(v, key)) {
        if (dk.str() == "person") ReadRow(AsTable(dv, "defaults.person"), kPeopleCols, "person", default_person);
        else if (dk.str() == "sentence") ReadRow(AsTable(dv, "defaults.sentence"), kSentenceCols, "sentence", default_sentence);
        else if (dk.str() == "set") ReadSets(dv, default_sets);
        else Fail(dk.source().begin, Cat("unknown key \"defaults.", dk.str(), "\"; expected defaults.person, defaults.sentence or defaults.set"));
      }
    } else if (key == "facility") {
      const auto* a = v.as_array();
      if (a == nullptr || !a->is_array_of_tables()) Fail(v, "\"facility\" must be an array of tables: [[facility]]");
      for (const toml::node& n : *a) {
        Row r;
        ReadRow(*n.as_table(), kFacilityCols, "facility", r);
        if (!r.count("facility_id")) Fail(n, "a [[facility]] needs a facility_id");
        facilities.push_back(std::move(r));
      }
    } else if (key == "case") {
      cases = &v;
    } else {
      Fail(k.source().begin, Cat("unknown key \"", key, "\"; expected policy, as_of, defaults, facility or case"));
    }
  }
  if (default_person.count("person_id")) Fail(root, "defaults.person must not set person_id (it defaults to the case id)");
  if (default_sentence.count("person_id") || default_sentence.count("sentence_id"))
    Fail(root, "defaults.sentence must not set person_id or sentence_id");
  if (!facilities.empty()) f.facilities_csv = Csv(kFacilityCols, facilities);
  if (cases == nullptr || !cases->is_array_of_tables() || cases->as_array()->empty())
    Fail(cases != nullptr ? cases->source().begin : root.source().begin, "a cases file needs at least one [[case]]");

  std::set<std::string> ids, test_names;
  for (const toml::node& cn : *cases->as_array()) {
    const toml::table& t = *cn.as_table();
    WorkedCase c;
    c.sets = default_sets;  // the case's own come after, so they win
    Row person = default_person;
    std::vector<Row> sentences;
    const toml::node* id_node = t.get("id");
    if (id_node == nullptr) Fail(cn, "a [[case]] needs an id");
    c.id = ReadString(*id_node, "id");
    if (!ValidId(c.id)) Fail(*id_node, Cat("case id \"", c.id, "\": use letters, digits, '-' and '_' only"));
    c.test_name = c.id;
    std::replace(c.test_name.begin(), c.test_name.end(), '-', '_');
    if (!ids.insert(c.id).second || !test_names.insert(c.test_name).second)
      Fail(*id_node, Cat("case id \"", c.id, "\" is used twice (ids differing only in '-' and '_' count as the same)"));
    c.line = static_cast<int>(id_node->source().begin.line);
    c.column = static_cast<int>(id_node->source().begin.column);
    bool has_source = false, has_expect = false;
    std::optional<Date> case_as_of;
    for (const auto& [k, v] : t) {
      const std::string_view key = k.str();
      if (key == "id") {
      } else if (key == "source") {
        c.source = ReadString(v, key);
        has_source = true;
      } else if (key == "as_of") {
        case_as_of = ReadDate(v, key);
      } else if (key == "set") {
        ReadSets(v, c.sets);
      } else if (key == "person") {
        ReadRow(AsTable(v, key), kPeopleCols, "person", person);
      } else if (key == "sentence") {
        const auto* a = v.as_array();
        if (a == nullptr || !a->is_array_of_tables()) Fail(v, "\"sentence\" must be an array of tables: [[case.sentence]]");
        for (const toml::node& sn : *a) {
          Row r = default_sentence;
          Row own;
          ReadRow(*sn.as_table(), kSentenceCols, "sentence", own);
          if (own.count("person_id")) Fail(sn, "a sentence's person_id is the case's person; leave it out");
          for (auto& [ok, ov] : own) r[ok] = ov;
          if (!r.count("sentence_id")) r["sentence_id"] = Cat("S", std::to_string(sentences.size() + 1));
          sentences.push_back(std::move(r));
        }
      } else if (key == "expect") {
        c.expect = ReadExpect(AsTable(v, key));
        has_expect = true;
      } else {
        std::string hint;
        if (Known(kPeopleCols, key)) hint = Cat(" (a person column: write person = { ", key, " = ... })");
        else if (Known(kSentenceCols, key)) hint = Cat(" (a sentence column: write it under [[case.sentence]])");
        Fail(k.source().begin, Cat("unknown key \"", key, "\" in case \"", c.id,
                                   "\"; expected id, source, as_of, set, person, sentence or expect", hint));
      }
    }
    if (!has_source) Fail(*id_node, Cat("case \"", c.id, "\" has no source: quote the statute or program text the expected result follows from"));
    if (!has_expect) Fail(*id_node, Cat("case \"", c.id, "\" has no [case.expect]"));
    if (!case_as_of && !as_of) Fail(*id_node, Cat("case \"", c.id, "\" has no as_of, and the file sets none"));
    c.as_of = case_as_of ? *case_as_of : *as_of;
    if (!person.count("person_id")) person["person_id"] = c.id;
    std::set<std::string> jur;
    for (Row& s : sentences) {
      s["person_id"] = person["person_id"];
      if (auto it = s.find("offense_code"); it != s.end() && it->second.find(':') != std::string::npos)
        jur.insert(it->second.substr(0, it->second.find(':')));
    }
    c.jurisdictions.assign(jur.begin(), jur.end());
    c.people_csv = Csv(kPeopleCols, {person});
    c.sentences_csv = Csv(kSentenceCols, sentences);
    f.cases.push_back(std::move(c));
  }
  return f;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += Cat(i ? ", " : "", v[i]);
  return s + "]";
}

std::string_view BoolText(uint8_t b) { return b == kTrue ? "true" : b == kFalse ? "false" : "unknown"; }

uint8_t RuleValue(const Column& c, uint32_t p) { return c.ob.empty() ? c.b[p] : c.ob[p]; }

struct TempDir {
  std::string path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "clemency_worked_XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace

std::string WorkedCase::Where(const std::string& file) const {
  return fmt::format("{}:{}:{}: case \"{}\"", file, line, column, id);
}

std::optional<CaseFile> ParseCaseText(std::string_view text, const std::string& path, std::string* error) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    *error = Cat(Position(path, e.source().begin), ": ", e.description());
    return std::nullopt;
  }
  try {
    return ReadFile(root, path);
  } catch (const LoadError& e) {
    *error = Cat(Position(path, e.where), ": ", e.message);
    return std::nullopt;
  }
}

std::optional<CaseFile> ParseCaseFile(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = Cat(path, ": cannot read the file");
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseCaseText(ss.str(), path, error);
}

std::vector<std::string> FindCaseFiles(const std::string& rules_dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(rules_dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.ends_with(".cases.toml")) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string SuiteName(const std::string& path, const std::string& rules_dir) {
  std::string rel = std::filesystem::path(path).lexically_relative(rules_dir).generic_string();
  if (rel.empty() || rel.starts_with("..")) rel = std::filesystem::path(path).filename().string();
  if (rel.ends_with(".cases.toml")) rel.resize(rel.size() - std::string_view(".cases.toml").size());
  for (char& ch : rel)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) ch = '_';
  return "worked_" + rel;
}

std::vector<std::string> CompareCase(const std::string& file, const WorkedCase& c, const Policy& policy,
                                     const Screening& s, uint32_t p) {
  std::vector<std::string> out;
  const std::string where = c.Where(file);
  const CaseExpect& e = c.expect;
  if (e.status) {
    const std::string_view got = StatusName(s.status[p]);
    if (got != *e.status) out.push_back(fmt::format("{}: status is {}, expected {}", where, got, *e.status));
  }
  auto met = [&](RuleKind kind) {
    std::vector<std::string> v;
    for (size_t r = 0; r < policy.rules.size(); ++r)
      if (policy.rules[r].kind == kind && RuleValue(s.rules[r], p) == kTrue) v.push_back(policy.rules[r].id);
    std::sort(v.begin(), v.end());
    return v;
  };
  if (e.groups) {
    const auto got = met(RuleKind::kGroup);
    if (got != *e.groups) out.push_back(fmt::format("{}: groups met are {}, expected {}", where, Join(got), Join(*e.groups)));
  }
  if (e.excluded_by) {
    const auto got = met(RuleKind::kExclusion);
    if (got != *e.excluded_by)
      out.push_back(fmt::format("{}: excluded_by is {}, expected {}", where, Join(got), Join(*e.excluded_by)));
  }
  for (const auto& [id, want] : e.criteria) {
    std::string_view got;
    if (id == "eligibility") {
      got = BoolText(s.eligibility[p]);
    } else {
      const int r = policy.FindRule(id);
      if (r < 0) {
        out.push_back(fmt::format("{}: criteria.{}: the policy {} has no rule \"{}\"", where, id, policy.id, id));
        continue;
      }
      got = BoolText(RuleValue(s.rules[static_cast<size_t>(r)], p));
    }
    if (got != want) out.push_back(fmt::format("{}: {} is {}, expected {}", where, id, got, want));
  }
  if (e.has_eligible_on) {
    const std::string got =
        s.eligible_on.empty() || s.eligible_on[p] == kNa ? "" : Date::FromDays(static_cast<int32_t>(s.eligible_on[p])).ToString();
    if (got != e.eligible_on)
      out.push_back(fmt::format("{}: eligible_on is \"{}\", expected \"{}\"", where, got, e.eligible_on));
  }
  return out;
}

std::vector<std::string> CompareCurrentLaw(const std::string& file, const WorkedCase& c, const FactTable& f,
                                           uint32_t p) {
  std::vector<std::string> out;
  const std::string where = c.Where(file);
  auto days = [](int64_t v) { return v == kNa ? std::string() : std::to_string(v); };
  auto sorted_list = [](std::string_view joined) {
    std::vector<std::string> items;
    size_t start = 0;
    while (start <= joined.size() && !joined.empty()) {
      const size_t semi = joined.find(';', start);
      items.emplace_back(joined.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start));
      if (semi == std::string_view::npos) break;
      start = semi + 1;
    }
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    std::string s;
    for (const std::string& x : items) s += (s.empty() ? "" : ";") + x;
    return s;
  };
  std::string applied;
  for (uint32_t s = f.sentence_begin[p]; s < f.sentence_begin[p + 1]; ++s) {
    if (f.law_index[s] == kNoIndex) continue;
    const FactTable::SentenceLaw& law = f.law[f.law_index[s]];
    for (const AppliedReform& a : law.term.applied)
      applied += (applied.empty() ? "" : ";") + law.reforms->reforms()[static_cast<size_t>(a.reform)].id;
  }
  for (const auto& [key, want] : c.expect.extra) {
    if (key.rfind("current_law.", 0) != 0) continue;
    const std::string name = key.substr(std::string_view("current_law.").size());
    std::string got;
    if (name == "term_days") got = days(f.current_law_term[p]);
    else if (name == "term_low_days") got = days(f.current_law_term_low[p]);
    else if (name == "excess_days") got = days(f.current_law_excess[p]);
    else if (name == "excess_max_days") got = days(f.current_law_excess_max[p]);
    else if (name == "remedy") got = std::string(f.strings.View(static_cast<StrId>(f.current_law_remedy[p])));
    else if (name == "reforms") got = sorted_list(applied);
    else {
      out.push_back(Cat(where, ": expect.current_law.", name,
                        " is not a current-law result (term_days, term_low_days, excess_days, excess_max_days, remedy, reforms)"));
      continue;
    }
    const std::string wanted = name == "reforms" ? sorted_list(want) : want;
    if (got != wanted)
      out.push_back(Cat(where, ": current_law.", name, ": expected \"", wanted, "\", got \"", got, "\""));
  }
  return out;
}

PopulationLaw CaseLaw(const Population& pop, const std::string& rules_dir) {
  return PopulationLaw::Load(pop, PopulationLawOptions{rules_dir, true});
}

CaseResult RunCase(const CaseFile& file, const WorkedCase& c, const std::string& rules_dir) {
  CaseResult res;
  const std::string where = c.Where(file.path);
  TempDir dir;
  if (dir.path.empty()) {
    res.failures.push_back(Cat(where, ": cannot create a temporary directory"));
    return res;
  }
  std::ofstream(dir.path + "/people.csv", std::ios::binary) << c.people_csv;
  std::ofstream(dir.path + "/sentences.csv", std::ios::binary) << c.sentences_csv;
  if (!file.facilities_csv.empty()) std::ofstream(dir.path + "/facilities.csv", std::ios::binary) << file.facilities_csv;

  LoadOptions options;
  options.as_of = c.as_of;
  LoadResult load = LoadPopulation(dir.path, options);
  for (const Problem& pr : load.problems) {
    if (pr.severity == Severity::kError) res.failures.push_back(Cat(where, ": the case's data does not load: ", pr.Format()));
    else res.notes.push_back(Cat(where, ": loader warning: ", pr.Format()));
  }
  if (load.fatal || load.error_count > 0 || !load.population) {
    if (res.failures.empty()) res.failures.push_back(Cat(where, ": the case's data does not load"));
    return res;
  }
  const Population& pop = *load.population;
  if (pop.people_count() != 1) {
    res.failures.push_back(fmt::format("{}: expected one person, loaded {}", where, pop.people_count()));
    return res;
  }

  const PopulationLaw law = CaseLaw(pop, rules_dir);
  for (const LawProblem& w : law.warnings())
    res.notes.push_back(Cat(where, ": no offense catalog for ", w.jurisdiction, ": its offenses' category and flags are unknown"));
  if (!law.ok()) {
    res.failures.push_back(Cat(where, ": ", law.error()->message));
    return res;
  }
  const FactTable facts = BuildFactTable(pop, law.refs(), c.as_of);

  for (const auto& [k, v] : c.expect.extra)
    if (k.rfind("current_law.", 0) != 0)
      res.notes.push_back(Cat(where, ": expect.", k, " = ", v, " is not checked by this runner"));
  for (std::string& m : CompareCurrentLaw(file.path, c, facts, 0)) res.failures.push_back(std::move(m));
  if (!res.failures.empty()) return res;

  const CaseExpect& e = c.expect;
  const bool wants_screen = e.status || e.groups || e.excluded_by || !e.criteria.empty() || e.has_eligible_on;
  if (file.policy.empty()) {
    if (wants_screen)
      res.failures.push_back(Cat(where, ": expects a screening result, but the file names no policy"));
    if (!c.sets.empty()) res.failures.push_back(Cat(where, ": \"set\" needs a policy"));
    return res;
  }
  const std::string policy_path = Cat(rules_dir, "/policies/", file.policy, ".toml");
  std::vector<PolicyProblem> problems;
  std::optional<Policy> policy = LoadPolicy(policy_path, &problems);
  if (!policy) {
    for (const PolicyProblem& pr : problems)
      if (!pr.lint) res.failures.push_back(Cat(where, ": policy ", file.policy, ": ", pr.Format()));
    if (res.failures.empty()) res.failures.push_back(Cat(where, ": policy ", file.policy, " does not load"));
    return res;
  }
  for (const auto& [name, value] : c.sets) {
    std::string error;
    if (!SetParam(*policy, name, value, &error)) res.failures.push_back(Cat(where, ": set ", name, "=", value, ": ", error));
  }
  if (!res.failures.empty()) return res;

  const Screening s = Screen(*policy, facts);
  res.failures = CompareCase(file.path, c, *policy, s, 0);
  if (!res.failures.empty()) {
    std::string dump = fmt::format("{}: as of {}: status {}, eligibility {}", where, c.as_of.ToString(),
                                   StatusName(s.status[0]), BoolText(s.eligibility[0]));
    for (size_t r = 0; r < policy->rules.size(); ++r)
      dump += fmt::format("\n  {} {} = {}", RuleKindName(policy->rules[r].kind), policy->rules[r].id,
                          BoolText(RuleValue(s.rules[r], 0)));
    if (s.eligible_on[0] != kNa) dump += Cat("\n  eligible_on ", Date::FromDays(static_cast<int32_t>(s.eligible_on[0])).ToString());
    res.notes.push_back(dump);
    res.notes.push_back(Cat("people.csv:\n", c.people_csv, "sentences.csv:\n", c.sentences_csv));
  }
  return res;
}

}  // namespace clemency::worked
