#include "clemency/law/import_mapping.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "clemency/law/rule_fields.h"

namespace clemency {
namespace {

using namespace rule_file;
using import::FieldSpec;
using import::ImportMapping;

// A constant (or pattern output without captures) must already be canonical.
void CheckConstant(const toml::node& at, const InputColumn& f, const std::string& v, std::string_view what) {
  if (v.empty()) return;
  switch (f.type) {
    case ColumnType::kDate:
    case ColumnType::kProjectedDate:
      if (!ParseDate(v).ok()) Fail(at, fmt::format("{} for {} must be a date written YYYY-MM-DD", what, f.name));
      break;
    case ColumnType::kCode:
    case ColumnType::kFlag: {
      if (!f.InVocabulary(v))
        Fail(at, fmt::format("{} \"{}\" is not a {} (expected one of: {})", what, v, f.name, f.VocabularyText()));
      break;
    }
    case ColumnType::kCount:
      if (!import::ParseDays(v)) Fail(at, fmt::format("{} for {} must be a whole number of days", what, f.name));
      break;
    default:
      break;
  }
}

const toml::table& SubTable(const toml::node& n, std::string_view what) {
  const auto* t = n.as_table();
  if (t == nullptr) Fail(n, fmt::format("{} must be a table", what));
  return *t;
}

std::string StringAt(const toml::table& t, std::string_view key) {
  const toml::node* n = t.get(key);
  const auto* s = n == nullptr ? nullptr : n->as_string();
  if (s == nullptr) Fail(n == nullptr ? static_cast<const toml::node&>(t) : *n, Cat("\"", key) + "\" must be a string");
  return s->get();
}

void CheckDateFormat(const toml::table& t, std::string_view key) {
  if (const toml::node* n = t.get(key)) {
    const std::string problem = import::CheckDatePattern(StringAt(t, key));
    if (!problem.empty()) Fail(*n, fmt::format("date format \"{}\": {}", StringAt(t, key), problem));
  }
}

void LoadMaps(const toml::table& root, ImportMapping& m) {
  const toml::node* n = root.get("maps");
  if (n == nullptr) return;
  for (auto&& [key, node] : SubTable(*n, "\"maps\"")) {
    const std::string name(key.str());
    const toml::table& t = SubTable(node, fmt::format("[maps.{}]", name));
    CheckKeys(t, {"values", "unmapped", "default"}, fmt::format("[maps.{}]", name));
    import::ValueMap vm;
    vm.name = name;
    const toml::node* values = t.get("values");
    if (values == nullptr) Fail(t, fmt::format("[maps.{}] has no \"values\"", name));
    for (auto&& [from, to] : SubTable(*values, "\"values\"")) {
      const auto* s = to.as_string();
      if (s == nullptr) Fail(to, fmt::format("the value for \"{}\" must be a string", from.str()));
      const std::string k = import::Lower(import::TrimSpace(from.str()));
      if (!vm.values.emplace(k, s->get()).second)
        Fail(from.source().begin,
             fmt::format("\"{}\" is mapped twice (keys are compared case-insensitively, spaces trimmed)", from.str()));
    }
    const std::string unmapped = t.get("unmapped") ? StringAt(t, "unmapped") : "reject";
    if (unmapped != "reject" && unmapped != "default")
      Fail(*t.get("unmapped"), "\"unmapped\" must be \"reject\" or \"default\"");
    if (unmapped == "default") {
      if (t.get("default") == nullptr) Fail(*t.get("unmapped"), "unmapped = \"default\" needs a \"default\" value");
      vm.default_value = StringAt(t, "default");
    } else if (const toml::node* d = t.get("default")) {
      Fail(*d, "\"default\" is only used with unmapped = \"default\"");
    }
    m.maps.emplace(name, std::move(vm));
  }
}

// In RE2 syntax; a pattern RE2 refuses stops the load.
Regex CompileRegex(const toml::node& at, const std::string& pattern, std::string_view key, bool icase) {
  std::string error;
  if (auto re = Regex::Compile(pattern, icase, &error)) return *std::move(re);
  Fail(at, fmt::format("\"{}\" is not a valid regular expression (RE2 syntax: no backreferences or lookaround): {}",
                       key, error));
}

void LoadPatterns(const toml::table& root, ImportMapping& m) {
  const toml::node* n = root.get("patterns");
  if (n == nullptr) return;
  for (auto&& [key, node] : SubTable(*n, "\"patterns\"")) {
    const std::string name(key.str());
    const auto* arr = node.as_array();
    if (arr == nullptr || !arr->is_array_of_tables() || arr->empty())
      Fail(node, fmt::format("\"patterns.{}\" must be a list of [[patterns.{}]] tables", name, name));
    std::vector<import::Pattern> list;
    for (const toml::node& item : *arr) {
      const toml::table& t = *item.as_table();
      CheckKeys(t, {"match", "set"}, fmt::format("[[patterns.{}]]", name));
      import::Pattern p;
      p.match = RequiredString(t, "match", fmt::format("[[patterns.{}]]", name));
      p.re = CompileRegex(*t.get("match"), p.match, "match", true);
      const toml::node* set = t.get("set");
      if (set == nullptr) Fail(t, fmt::format("[[patterns.{}]] has no \"set\"", name));
      for (auto&& [field, value] : SubTable(*set, "\"set\"")) {
        const std::string f(field.str());
        const InputColumn* cf = FindInputColumn(InputFile::kSentences, f);
        if (cf == nullptr) cf = FindInputColumn(InputFile::kPeople, f);
        if (cf == nullptr || f == "person_id" || f == "sentence_id")
          Fail(field.source().begin, fmt::format("\"{}\" is not a field a pattern can set", f));
        const auto* s = value.as_string();
        if (s == nullptr) Fail(value, fmt::format("the value for \"{}\" must be a string", f));
        const std::string& tmpl = s->get();
        bool captures = false;
        for (size_t i = 0; i + 1 < tmpl.size(); ++i) {
          if (tmpl[i] != '$' || tmpl[i + 1] < '0' || tmpl[i + 1] > '9') continue;
          captures = true;
          const size_t g = static_cast<size_t>(tmpl[i + 1] - '0');
          if (g > static_cast<size_t>(p.re.capture_groups()))
            Fail(value, fmt::format("\"${}\" but the pattern has {} capture group{}", g, p.re.capture_groups(),
                                    p.re.capture_groups() == 1 ? "" : "s"));
        }
        if (!captures) CheckConstant(value, *cf, tmpl, "the value");
        p.set.emplace_back(f, tmpl);
      }
      list.push_back(std::move(p));
    }
    m.patterns.emplace(name, std::move(list));
  }
}

// One step of a transform list: a name, or { replace = "...", with = "..." },
// or { regex = '...', with = "..." }.
import::TextStep LoadStep(const toml::node& n) {
  using K = import::TextStep::Kind;
  import::TextStep st;
  if (const auto* name = n.as_string()) {
    static const std::pair<std::string_view, K> kNames[] = {
        {"trim", K::kTrim}, {"upper", K::kUpper}, {"lower", K::kLower}, {"collapse_spaces", K::kCollapseSpaces}};
    for (const auto& [text, kind] : kNames)
      if (name->get() == text) st.kind = kind;
    if (st.kind == K::kTrim && name->get() != "trim")
      Fail(n, fmt::format("unknown step \"{}\" (expected trim, upper, lower, collapse_spaces, "
                          "{{ replace = \"...\", with = \"...\" }} or {{ regex = '...', with = \"...\" }})",
                          name->get()));
    return st;
  }
  const toml::table& t = SubTable(n, "a transform step");
  CheckKeys(t, {"replace", "regex", "with"}, "a transform step");
  if (t.contains("replace") == t.contains("regex")) Fail(t, "a transform step needs exactly one of \"replace\", \"regex\"");
  st.kind = t.contains("replace") ? K::kReplace : K::kRegexReplace;
  st.from = RequiredString(t, t.contains("replace") ? "replace" : "regex", "a transform step");
  if (!t.contains("with")) Fail(t, "a transform step needs \"with\", the replacement (may be \"\")");
  st.to = StringAt(t, "with");
  if (st.kind == K::kReplace && st.from.empty()) Fail(*t.get("replace"), "\"replace\" must not be empty");
  if (st.kind == K::kRegexReplace) st.re = CompileRegex(*t.get("regex"), st.from, "regex", false);
  return st;
}

std::vector<import::TextStep> LoadTransform(const toml::node& n) {
  const auto* arr = n.as_array();
  if (arr == nullptr) Fail(n, "\"transform\" must be a list of steps, e.g. [\"trim\", { replace = \"&\", with = \"and\" }]");
  std::vector<import::TextStep> steps;
  for (const toml::node& item : *arr) steps.push_back(LoadStep(item));
  return steps;
}

// when_any: one { column, matches, value } table or a list of them.
std::vector<import::ItemRule> LoadWhenAny(const toml::node& n, const InputColumn& f) {
  std::vector<const toml::node*> tables;
  if (const auto* arr = n.as_array()) {
    for (const toml::node& item : *arr) tables.push_back(&item);
  } else {
    tables.push_back(&n);
  }
  if (tables.empty()) Fail(n, "\"when_any\" must not be empty");
  std::vector<import::ItemRule> rules;
  for (const toml::node* tn : tables) {
    const toml::table& t = SubTable(*tn, "\"when_any\"");
    CheckKeys(t, {"column", "matches", "value"}, "when_any");
    import::ItemRule r;
    r.column = RequiredString(t, "column", "when_any");
    r.match = RequiredString(t, "matches", "when_any");
    r.re = CompileRegex(*t.get("matches"), r.match, "matches", true);
    r.value = RequiredString(t, "value", "when_any");
    CheckConstant(*t.get("value"), f, r.value, "when_any value");
    rules.push_back(std::move(r));
  }
  return rules;
}

FieldSpec LoadField(const toml::node& node, const InputColumn& f, const ImportMapping& m, std::string_view table) {
  const std::string what = fmt::format("{}.{}", table, f.name);
  const auto* tp = node.as_table();
  if (tp == nullptr)
    Fail(node, fmt::format("\"{}\" must be a table such as {{ column = \"...\" }} or {{ value = \"...\" }}", f.name));
  const toml::table& t = *tp;
  CheckKeys(t, {"column", "template", "value", "format", "map", "prefix", "transform", "when_any", "age_column",
                "on_column", "on_format", "on_date", "convention", "sequence"},
            what);
  FieldSpec s;
  int kinds = 0;
  for (std::string_view k : {"column", "template", "value", "age_column", "sequence"}) kinds += t.contains(k) ? 1 : 0;
  if (kinds != 1)
    Fail(t, fmt::format("{} needs exactly one of \"column\", \"template\", \"value\", \"age_column\", \"sequence\"",
                        what));
  auto only_with = [&](std::string_view key, bool allowed, std::string_view when) {
    if (const toml::node* n = t.get(key); n != nullptr && !allowed)
      Fail(*n, fmt::format("\"{}\" is only allowed {}", key, when));
  };
  if (const toml::node* wn = t.get("when_any")) {
    if (table != "people") Fail(*wn, "\"when_any\" is only allowed for a [people] field");
    if (t.contains("age_column")) Fail(*wn, "\"when_any\" is not allowed with \"age_column\"");
    s.when_any = LoadWhenAny(*wn, f);
  }
  if (t.contains("column") || t.contains("template")) {
    s.kind = t.contains("column") ? FieldSpec::Kind::kColumn : FieldSpec::Kind::kTemplate;
    if (t.contains("column")) {
      s.column = RequiredString(t, "column", what);
    } else {
      s.column = RequiredString(t, "template", what);
      s.parts = import::ParseTemplate(s.column);
      if (!s.parts.error.empty()) Fail(*t.get("template"), fmt::format("template \"{}\": {}", s.column, s.parts.error));
    }
    if (const toml::node* tn = t.get("transform")) s.transform = LoadTransform(*tn);
    only_with("format", f.is_date(), "for a date field");
    if (t.contains("format")) {
      if (StringAt(t, "format") != "excel_serial") CheckDateFormat(t, "format");
      s.format = StringAt(t, "format");
    }
    if (const toml::node* mn = t.get("map")) {
      s.map = StringAt(t, "map");
      auto it = m.maps.find(s.map);
      if (it == m.maps.end()) Fail(*mn, fmt::format("no value map \"{}\" (define it as [maps.{}])", s.map, s.map));
      if (f.has_vocabulary() && s.prefix.empty()) {
        for (const auto& [from, to] : it->second.values)
          CheckConstant(*mn, f, to, fmt::format("value map \"{}\" maps \"{}\" to", s.map, from));
        if (it->second.default_value)
          CheckConstant(*mn, f, *it->second.default_value, fmt::format("value map \"{}\" has default", s.map));
      }
    }
    if (t.contains("prefix")) {
      only_with("prefix", f.is_text(), "for a text field");
      s.prefix = StringAt(t, "prefix");
    }
  } else {
    for (std::string_view k : {"format", "map", "prefix", "transform"}) only_with(k, false, "with \"column\" or \"template\"");
  }
  if (!t.contains("age_column"))
    for (std::string_view k : {"on_column", "on_format", "on_date", "convention"}) only_with(k, false, "with \"age_column\"");
  if (t.contains("value")) {
    s.kind = FieldSpec::Kind::kConstant;
    const toml::node& vn = *t.get("value");
    if (const auto* d = vn.as_date()) {
      s.value = Date::FromCivil(d->get().year, d->get().month, d->get().day).ToString();
    } else {
      s.value = StringAt(t, "value");
    }
    CheckConstant(vn, f, s.value, "value");
    if (f.required() && s.value.empty()) Fail(vn, fmt::format("{} is required: the value must not be empty", f.name));
  }
  if (t.contains("age_column")) {
    if (f.name != "birth_date") Fail(*t.get("age_column"), "\"age_column\" is only allowed for birth_date");
    s.kind = FieldSpec::Kind::kBirthFromAge;
    s.column = RequiredString(t, "age_column", what);
    if (t.contains("on_column") == t.contains("on_date"))
      Fail(t, fmt::format("{} needs the date the age was measured on: \"on_column\" or \"on_date\"", what));
    if (t.contains("on_column")) {
      s.on_column = RequiredString(t, "on_column", what);
      if (t.contains("on_format")) {
        CheckDateFormat(t, "on_format");
        s.on_format = StringAt(t, "on_format");
      }
    } else {
      only_with("on_format", false, "with \"on_column\"");
      s.on_date = OptionalDate(t, "on_date");
    }
    if (const toml::node* c = t.get("convention")) {
      const std::string conv = StringAt(t, "convention");
      if (conv != "midpoint" && conv != "latest") Fail(*c, "\"convention\" must be \"midpoint\" or \"latest\"");
      s.latest = conv == "latest";
    }
  }
  if (t.contains("sequence")) {
    if (f.name != "sentence_id") Fail(*t.get("sequence"), "\"sequence\" is only allowed for sentence_id");
    s.kind = FieldSpec::Kind::kSequence;
    s.value = StringAt(t, "sequence");
  }
  return s;
}

// split = { columns = [...], format = "delimited" (delimiter = ";") | "list_literal" }.
// brackets = true is the older spelling of format = "list_literal".
void LoadSplit(const toml::node& node, ImportMapping& m) {
  const toml::table& t = SubTable(node, "\"split\"");
  CheckKeys(t, {"columns", "format", "delimiter", "brackets"}, "sentences.split");
  m.split_columns = StringList(t, "columns");
  if (m.split_columns.empty()) Fail(t, "sentences.split needs \"columns\", a list of column names");
  if (t.contains("delimiter")) {
    m.split_delimiter = StringAt(t, "delimiter");
    if (m.split_delimiter.empty()) Fail(*t.get("delimiter"), "\"delimiter\" must not be empty");
  }
  const bool brackets = OptionalBool(t, "brackets");
  if (brackets) m.split_format = import::ListFormat::kListLiteral;
  if (const toml::node* f = t.get("format")) {
    const std::string format = StringAt(t, "format");
    if (format != "list_literal" && format != "delimited")
      Fail(*f, "\"format\" must be \"list_literal\" (['a', \"b\"]) or \"delimited\" (a;b)");
    if (brackets) Fail(*t.get("brackets"), "\"brackets\" is the older spelling of format = \"list_literal\": give one");
    m.split_format = format == "list_literal" ? import::ListFormat::kListLiteral : import::ListFormat::kDelimited;
    if (m.split_format == import::ListFormat::kListLiteral && t.contains("delimiter"))
      Fail(*t.get("delimiter"), "a list literal is always separated by commas: \"delimiter\" is only for \"delimited\"");
  }
}

// [[skip]]: column, one of equals / matches / empty = true, and a reason.
void LoadSkips(const toml::table& root, ImportMapping& m) {
  for (const toml::node& item : TableArray(root, "skip", false)) {
    const toml::table& t = *item.as_table();
    CheckKeys(t, {"column", "equals", "matches", "empty", "reason"}, "[[skip]]");
    import::SkipRule k;
    k.column = RequiredString(t, "column", "[[skip]]");
    int tests = 0;
    for (std::string_view key : {"equals", "matches", "empty"}) tests += t.contains(key) ? 1 : 0;
    if (tests != 1) Fail(t, "[[skip]] needs exactly one of \"equals\", \"matches\", \"empty = true\"");
    std::string auto_reason;
    if (t.contains("equals")) {
      k.value = import::Lower(import::TrimSpace(StringAt(t, "equals")));
      auto_reason = fmt::format("column \"{}\" is \"{}\"", k.column, StringAt(t, "equals"));
    } else if (t.contains("matches")) {
      k.test = import::SkipRule::Test::kMatches;
      k.value = StringAt(t, "matches");
      k.re = CompileRegex(*t.get("matches"), k.value, "matches", true);
      auto_reason = fmt::format("column \"{}\" matches '{}'", k.column, k.value);
    } else {
      if (!OptionalBool(t, "empty")) Fail(*t.get("empty"), "\"empty\" can only be true");
      k.test = import::SkipRule::Test::kEmpty;
      auto_reason = fmt::format("column \"{}\" is empty", k.column);
    }
    k.reason = t.contains("reason") ? StringAt(t, "reason") : auto_reason;
    if (k.reason.empty()) Fail(*t.get("reason"), "\"reason\" must not be empty");
    m.skips.push_back(std::move(k));
  }
}

void Load(const toml::table& root, ImportMapping& m) {
  CheckKeys(root, {"name", "description", "catalog", "decode_html", "sheet", "skip", "people", "sentences", "parse",
                   "maps", "patterns", "duplicate_rows"},
            "the mapping file");
  if (auto sheet = OptionalString(root, "sheet")) {
    if (sheet->empty()) Fail(*root.get("sheet"), "\"sheet\" must name a worksheet");
    m.sheet = *sheet;
  }
  LoadSkips(root, m);
  m.name = RequiredString(root, "name", "the mapping file");
  OptionalString(root, "description");
  if (auto c = OptionalString(root, "catalog")) {
    const bool ok = *c == "US" || (c->size() == 2 && std::all_of(c->begin(), c->end(),
                                                                  [](char ch) { return ch >= 'A' && ch <= 'Z'; }));
    if (!ok) Fail(*root.get("catalog"), "\"catalog\" must be US or a two-letter state code in upper case");
    m.catalog = *c;
  }
  if (root.contains("decode_html")) m.decode_html = OptionalBool(root, "decode_html");
  if (auto d = OptionalString(root, "duplicate_rows")) {
    if (*d != "keep" && *d != "drop") Fail(*root.get("duplicate_rows"), "\"duplicate_rows\" must be \"keep\" or \"drop\"");
    m.drop_duplicate_rows = *d == "drop";
  }
  LoadMaps(root, m);
  LoadPatterns(root, m);

  const toml::node* pn = root.get("people");
  if (pn == nullptr) Fail(root, "the mapping file has no [people] table");
  const toml::table& people = SubTable(*pn, "[people]");
  for (auto&& [key, node] : people) {
    const InputColumn* f = FindInputColumn(InputFile::kPeople, key.str());
    if (f == nullptr)
      Fail(key.source().begin, fmt::format("\"{}\" is not a column of people.csv (DESIGN.md section 3)", key.str()));
    m.people.emplace(std::string(key.str()), LoadField(node, *f, m, "people"));
  }
  const toml::node* sn = root.get("sentences");
  if (sn == nullptr) Fail(root, "the mapping file has no [sentences] table");
  const toml::table& sentences = SubTable(*sn, "[sentences]");
  for (auto&& [key, node] : sentences) {
    if (key.str() == "split") {
      LoadSplit(node, m);
      continue;
    }
    const InputColumn* f = FindInputColumn(InputFile::kSentences, key.str());
    if (f == nullptr || key.str() == "person_id")
      Fail(key.source().begin,
           key.str() == "person_id"
               ? std::string("sentences.person_id is implied: it is the person's person_id")
               : fmt::format("\"{}\" is not a column of sentences.csv (DESIGN.md section 3)", key.str()));
    m.sentences.emplace(std::string(key.str()), LoadField(node, *f, m, "sentences"));
  }

  // A person has one value per row: a list column cannot feed a person field.
  for (auto&& [key, node] : people) {
    const FieldSpec& spec = m.people.at(std::string(key.str()));
    std::vector<std::string> reads = spec.parts.columns;
    if (spec.kind == FieldSpec::Kind::kColumn) reads.push_back(spec.column);
    for (const std::string& r : reads)
      for (const std::string& c : m.split_columns)
        if (import::Lower(import::TrimSpace(c)) == import::Lower(import::TrimSpace(r)))
          Fail(node, fmt::format("people.{} reads \"{}\", which is split into several sentences (use when_any to "
                                 "derive a person field from its items)",
                                 key.str(), r));
  }

  // Parse rules: a column's cell matched against a pattern list.
  std::set<std::string> parsed;  // fields some pattern sets
  for (const toml::node& item : TableArray(root, "parse", false)) {
    const toml::table& t = *item.as_table();
    CheckKeys(t, {"column", "patterns", "unmatched"}, "[[parse]]");
    import::ParseRule pr;
    pr.column = RequiredString(t, "column", "[[parse]]");
    pr.patterns = RequiredString(t, "patterns", "[[parse]]");
    auto it = m.patterns.find(pr.patterns);
    if (it == m.patterns.end())
      Fail(*t.get("patterns"), fmt::format("no pattern list \"{}\" (define it as [[patterns.{}]])", pr.patterns,
                                           pr.patterns));
    if (const toml::node* u = t.get("unmatched")) {
      const std::string v = StringAt(t, "unmatched");
      if (v != "reject" && v != "leave_empty") Fail(*u, "\"unmatched\" must be \"reject\" or \"leave_empty\"");
      pr.reject_unmatched = v == "reject";
    }
    const std::string key = import::Lower(import::TrimSpace(pr.column));
    const bool split = std::any_of(m.split_columns.begin(), m.split_columns.end(), [&](const std::string& c) {
      return import::Lower(import::TrimSpace(c)) == key;
    });
    for (const import::Pattern& p : it->second) {
      for (const auto& [field, tmpl] : p.set) {
        const bool sentence_field = FindInputColumn(InputFile::kSentences, field) != nullptr;
        if (!sentence_field && split)
          Fail(*t.get("column"), fmt::format("patterns \"{}\" set the person field {} from the list column \"{}\"",
                                             pr.patterns, field, pr.column));
        if ((sentence_field ? m.sentences : m.people).contains(field))
          Fail(*t.get("patterns"), fmt::format("{} is set both by [{}] and by patterns \"{}\"", field,
                                               sentence_field ? "sentences" : "people", pr.patterns));
        parsed.insert(field);
      }
    }
    m.parses.push_back(std::move(pr));
  }

  for (const InputColumn& f : kPeopleSchema)
    if (f.required() && !m.people.contains(std::string(f.name)) && !parsed.contains(std::string(f.name)))
      Fail(people, fmt::format("[people] does not set {}, which people.csv requires (give a column, a value, or a "
                               "[[parse]] pattern that sets it)",
                               f.name));
  for (const InputColumn& f : kSentenceSchema)
    if (f.required() && f.name != "person_id" && f.name != "sentence_id" && !m.sentences.contains(std::string(f.name)) &&
        !parsed.contains(std::string(f.name)))
      Fail(sentences, fmt::format("[sentences] does not set {}, which sentences.csv requires (give a column, a value, "
                                  "or a [[parse]] pattern that sets it)",
                                  f.name));
}

}  // namespace

std::optional<import::ImportMapping> LoadImportMapping(const std::string& path, std::string* error) {
  import::ImportMapping m;
  m.path = path;
  if (!LoadTomlFile(path, error, [&](const toml::table& root) { Load(root, m); })) return std::nullopt;
  return m;
}

std::optional<import::ImportMapping> ParseImportMapping(std::string_view text, const std::string& name,
                                                        std::string* error) {
  import::ImportMapping m;
  m.path = name;
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    if (error != nullptr) *error = Position(name, e.source().begin) + ": " + std::string(e.description());
    return std::nullopt;
  }
  try {
    Load(root, m);
  } catch (const LoadError& e) {
    if (error != nullptr) *error = Position(name, e.where) + ": " + e.message;
    return std::nullopt;
  }
  return m;
}

}  // namespace clemency
