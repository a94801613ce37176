#include "clemency/io/input_file.h"
#include "clemency/policy/policy.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "clemency/core/codes.h"
#include "clemency/law/toml.h"
#include "clemency/policy/assumable_facts.h"
#include "clemency/policy/expr_parser.h"

namespace clemency {
namespace {

using enum ValueType;

SourcePos PosOf(const toml::node& n) {
  return {static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column)};
}

// Where byte `offset` of an expression lies in the file, given where its TOML
// string starts (the opening quote). Escapes are rare in expressions and are
// not accounted for.
SourcePos ExprPos(const std::vector<std::string>& lines, SourcePos start, uint32_t offset) {
  if (start.line <= 0 || static_cast<size_t>(start.line) > lines.size()) return start;
  size_t line = static_cast<size_t>(start.line) - 1;
  size_t col = static_cast<size_t>(start.column) - 1;
  const std::string* text = &lines[line];
  size_t skip = 1;
  if (text->compare(col, 3, "\"\"\"") == 0 || text->compare(col, 3, "'''") == 0) {
    skip = 3;
    if (col + 3 >= text->size() && line + 1 < lines.size()) {  // the string starts on the next line
      ++line;
      text = &lines[line];
      col = 0;
      skip = 0;
    }
  }
  col += skip;
  for (uint32_t i = 0; i < offset; ++i) {
    if (col >= text->size()) {
      if (line + 1 >= lines.size()) break;
      ++line;
      text = &lines[line];
      col = 0;
    } else {
      ++col;
    }
  }
  return {static_cast<int>(line) + 1, static_cast<int>(col) + 1};
}

bool IsDurationText(std::string_view t, CalendarDuration* out) {
  size_t i = 0;
  int64_t n = 0;
  // At most 6 digits count; reading stops at 7 so that n cannot overflow.
  while (i < t.size() && i < 7 && t[i] >= '0' && t[i] <= '9') n = n * 10 + (t[i++] - '0');
  if (i == 0 || i > 6 || i >= t.size() || t[i] != ' ') return false;
  const std::string_view unit = t.substr(i + 1);
  if (unit == "year" || unit == "years") *out = CalendarDuration::Years(n);
  else if (unit == "month" || unit == "months") *out = CalendarDuration::Months(n);
  else if (unit == "day" || unit == "days") *out = CalendarDuration::Days(n);
  else return false;
  return true;
}

class Loader {
 public:
  Loader(std::string path, std::vector<PolicyProblem>* problems) : path_(std::move(path)), problems_(problems) {}

  std::optional<Policy> Load() {
    if (std::string problem = InputFileProblem(path_); !problem.empty()) {  // a FIFO would block
      Error({}, problem.substr(path_.size() + 2));
      return std::nullopt;
    }
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
      Error({}, "cannot open the policy file");
      return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::istringstream split(text);
    for (std::string l; std::getline(split, l);) lines_.push_back(l);

    toml::table root;
    try {
      root = toml::parse(text, path_);
    } catch (const toml::parse_error& e) {
      Error({static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)},
            std::string(e.description()));
      return std::nullopt;
    }
    Policy p;
    p.path = path_;
    p.id = RequiredString(root, "id", {1, 1});
    p.title = RequiredString(root, "title", {1, 1});
    p.summary = OptionalString(root, "summary");
    p.citation = RequiredString(root, "citation", {1, 1});
    static constexpr std::string_view kKnownKeys[] = {"id", "title", "summary", "citation", "params", "criteria",
                                                      "exclusions", "groups", "eligibility", "priority", "assumptions", "notes",
                                                      "jurisdictions", "in_force", "in_force_citation", "ends",
                                                      "ends_citation", "ended_text"};
    for (const auto& [k, v] : root) {
      bool known = false;
      for (std::string_view kk : kKnownKeys) known |= k.str() == kk;
      if (!known) Error(PosOf(v), fmt::format("unknown key \"{}\"; a policy has {}", k.str(),
                                               "id, title, summary, citation, jurisdictions, in_force, in_force_citation, ends, ends_citation, ended_text, params, criteria, exclusions, groups, eligibility, priority, assumptions, notes"));
    }

    if (const toml::node* params = root.get("params")) {
      if (!params->is_table()) {
        Error(PosOf(*params), "params must be a table of [params.NAME] entries");
      } else {
        for (const auto& [name, node] : *params->as_table()) LoadParam(p, std::string(name.str()), node);
      }
    }
    for (const PolicyParam& prm : p.params) names_.params.push_back({prm.name, prm.value.type});

    LoadDates(p, root);
    LoadScope(p, root);
    LoadRules(p, root, "criteria", RuleKind::kCriterion);
    LoadRules(p, root, "exclusions", RuleKind::kExclusion);
    LoadRules(p, root, "groups", RuleKind::kGroup);

    p.eligibility.kind = RuleKind::kEligibility;
    p.eligibility.id = "eligibility";
    p.priority.kind = RuleKind::kPriority;
    p.priority.id = "priority";
    LoadTopExpr(root, "eligibility", p.eligibility, kBool);
    LoadTopExpr(root, "priority", p.priority, kNumber);
    LoadAssumptions(p, root);

    Lint(p);
    if (errors_ > 0) return std::nullopt;
    return p;
  }

 private:
  void Error(SourcePos pos, std::string message) {
    ++errors_;
    problems_->push_back({path_, pos, std::move(message), false});
  }
  void LintAt(SourcePos pos, std::string message) { problems_->push_back({path_, pos, std::move(message), true}); }

  std::string RequiredString(const toml::table& t, std::string_view key, SourcePos where) {
    const toml::node* n = t.get(key);
    if (n == nullptr || !n->is_string()) {
      Error(n ? PosOf(*n) : where, fmt::format("\"{}\" is required and must be a string", key));
      return "";
    }
    if (n->as_string()->get().empty()) Error(PosOf(*n), fmt::format("\"{}\" must not be empty", key));
    return n->as_string()->get();
  }
  std::string OptionalString(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return "";
    if (!n->is_string()) {
      Error(PosOf(*n), fmt::format("\"{}\" must be a string", key));
      return "";
    }
    return n->as_string()->get();
  }

  void LoadParam(Policy& p, std::string name, const toml::node& node) {
    PolicyParam prm;
    prm.name = name;
    prm.pos = PosOf(node);
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      Error(prm.pos, fmt::format("params.{} must be a table with value, text and citation", name));
      return;
    }
    const toml::node* v = t->get("value");
    if (v == nullptr) {
      Error(prm.pos, fmt::format("params.{} has no value", name));
      return;
    }
    Value val;
    if (v->is_boolean()) {
      val.type = kBool;
      val.boolean = v->as_boolean()->get();
    } else if (v->is_integer()) {
      val.type = kInt;
      val.integer = v->as_integer()->get();
    } else if (v->is_floating_point()) {
      val.type = kNumber;
      val.number = v->as_floating_point()->get();
    } else if (v->is_date()) {
      const toml::date d = v->as_date()->get();
      val.type = kDate;
      val.date = Date::FromCivil(d.year, d.month, d.day);
    } else if (v->is_string()) {
      const std::string& s = v->as_string()->get();
      if (IsDurationText(s, &val.duration)) {
        val.type = kDuration;
      } else {
        val.type = kString;
        val.string = s;
      }
    } else if (v->is_array()) {
      val.type = kList;
      for (const toml::node& e : *v->as_array()) {
        if (!e.is_string()) {
          Error(PosOf(e), fmt::format("params.{}: a list may hold only strings", name));
          return;
        }
        val.list.push_back(e.as_string()->get());
      }
    } else {
      Error(PosOf(*v), fmt::format("params.{}: the value must be a number, a boolean, a date, a duration such as \"55 years\", a string or a list of strings", name));
      return;
    }
    prm.value = val;
    prm.declared = val;
    prm.text = OptionalString(*t, "text");
    prm.citation = OptionalString(*t, "citation");
    if (prm.text.empty()) Error(prm.pos, fmt::format("params.{} needs a text saying what it is", name));
    p.params.push_back(std::move(prm));
  }

  void LoadRules(Policy& p, const toml::table& root, std::string_view key, RuleKind kind) {
    const toml::node* n = root.get(key);
    if (n == nullptr) return;
    const toml::array* arr = n->as_array();
    if (arr == nullptr) {
      Error(PosOf(*n), fmt::format("\"{}\" must be an array of tables: [[{}]]", key, key));
      return;
    }
    for (const toml::node& item : *arr) {
      const toml::table* t = item.as_table();
      if (t == nullptr) {
        Error(PosOf(item), fmt::format("each entry of {} must be a table", key));
        continue;
      }
      PolicyRule r;
      r.kind = kind;
      r.pos = PosOf(item);
      r.id = RequiredString(*t, "id", r.pos);
      r.text = RequiredString(*t, "text", r.pos);
      r.citation = OptionalString(*t, "citation");
      if (kind != RuleKind::kGroup && r.citation.empty())
        Error(r.pos, fmt::format("{} \"{}\" has no citation: every criterion and exclusion must cite the statute or program text it rests on", RuleKindName(kind), r.id));
      for (const auto& [k, v] : *t) {
        const std::string_view ks = k.str();
        if (ks == "eligibility" || ks == "priority" || ks == "summary" || ks == "title")
          Error(PosOf(v), fmt::format("\"{}\" is read as part of {} \"{}\": in TOML, keys after a [[table]] belong to it; move {} to the top of the file, before the first table", ks, RuleKindName(kind), r.id, ks));
        else if (ks != "id" && ks != "text" && ks != "citation" && ks != "expr" && ks != "notes")
          Error(PosOf(v), fmt::format("unknown key \"{}\" in {} \"{}\"; expected id, text, citation, expr, notes", ks, RuleKindName(kind), r.id));
      }
      if (!r.id.empty()) {
        for (const auto& other : p.rules)
          if (other.id == r.id) Error(r.pos, fmt::format("the id \"{}\" is already used (line {})", r.id, other.pos.line));
      }
      const toml::node* e = t->get("expr");
      if (e == nullptr || !e->is_string()) {
        Error(e ? PosOf(*e) : r.pos, fmt::format("{} \"{}\" needs an expr string", RuleKindName(kind), r.id));
      } else {
        r.expr_text = e->as_string()->get();
        Compile(r, PosOf(*e), kBool);
      }
      const int index = static_cast<int>(p.rules.size());
      names_.rules.push_back({r.id, index});
      names_.rules.push_back({std::string(kind == RuleKind::kCriterion ? "criteria." : kind == RuleKind::kExclusion ? "exclusions." : "groups.") + r.id, index});
      p.rules.push_back(std::move(r));
    }
  }

  // `in_force = DATE` and `ends = DATE` (with `ends_citation`): when the
  // program runs. As of a date before in_force or after ends, everyone is
  // excluded by "program_not_in_force" or "program_ended", first among the
  // rules so explain shows them first.
  void LoadDates(Policy& p, const toml::table& root) {
    p.in_force = OptionalDate(root, "in_force");
    p.ends = OptionalDate(root, "ends");
    p.in_force_citation = OptionalString(root, "in_force_citation");
    p.ends_citation = OptionalString(root, "ends_citation");
    p.ended_text = OptionalString(root, "ended_text");
    const toml::node* ends = root.get("ends");
    if (p.ends && p.ends_citation.empty())
      Error(PosOf(*ends), "\"ends\" needs \"ends_citation\": the statute, order or page that says the program ended");
    for (const char* key : {"ends_citation", "ended_text"})
      if (const toml::node* n = root.get(key); n != nullptr && !p.ends && ends == nullptr)
        Error(PosOf(*n), fmt::format("\"{}\" is given but \"ends\" is not", key));
    if (const toml::node* n = root.get("in_force_citation"); n != nullptr && root.get("in_force") == nullptr)
      Error(PosOf(*n), "\"in_force_citation\" is given but \"in_force\" is not");
    if (p.in_force && p.ends && *p.ends < *p.in_force)
      Error(PosOf(*ends), fmt::format("\"ends\" ({}) is before \"in_force\" ({})", p.ends->ToString(), p.in_force->ToString()));
    if (p.in_force) {
      const std::string cite = p.in_force_citation.empty() ? p.citation : p.in_force_citation;
      AddDateRule(p, "program_not_in_force", PosOf(*root.get("in_force")), "as_of < " + p.in_force->ToString(), cite,
                  fmt::format("The program is in force from {} ({}); a screening as of an earlier date finds no one eligible.",
                              p.in_force->ToString(), cite));
    }
    if (p.ends && !p.ends_citation.empty()) {
      std::string text = fmt::format("The program ended on {} ({}); a screening as of a later date finds no one eligible.",
                                     p.ends->ToString(), p.ends_citation);
      if (!p.ended_text.empty()) text += " " + p.ended_text;
      AddDateRule(p, "program_ended", PosOf(*ends), "as_of > " + p.ends->ToString(), p.ends_citation, std::move(text));
    }
  }

  std::optional<Date> OptionalDate(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return std::nullopt;
    if (!n->is_date()) {
      Error(PosOf(*n), fmt::format("\"{}\" must be a bare date such as 2023-09-30 (no quotes, no time)", key));
      return std::nullopt;
    }
    const toml::date d = n->as_date()->get();
    return Date::FromCivil(d.year, d.month, d.day);
  }

  void AddDateRule(Policy& p, std::string id, SourcePos pos, std::string expr, std::string citation, std::string text) {
    PolicyRule r;
    r.kind = RuleKind::kExclusion;
    r.id = std::move(id);
    r.pos = pos;
    r.expr_text = std::move(expr);
    r.citation = std::move(citation);
    r.text = std::move(text);
    Compile(r, r.pos, kBool);
    names_.rules.push_back({r.id, static_cast<int>(p.rules.size())});
    p.rules.push_back(std::move(r));
  }

  // `jurisdictions = ["US"]` or `jurisdictions = "params.NAME"` (a list
  // parameter): where the policy applies. Everyone else is excluded by the
  // rule "outside_scope", first among the rules so explain shows it first.
  void LoadScope(Policy& p, const toml::table& root) {
    const toml::node* n = root.get("jurisdictions");
    if (n == nullptr) return;
    PolicyRule r;
    r.kind = RuleKind::kExclusion;
    r.id = "outside_scope";
    r.pos = PosOf(*n);
    std::string list;
    if (const toml::array* arr = n->as_array()) {
      for (const toml::node& item : *arr) {
        const auto* code = item.as_string();
        if (code == nullptr || !IsJurisdictionCode(code->get())) {
          Error(PosOf(item), "jurisdictions lists jurisdiction codes: \"US\" or a two-letter state code such as \"CA\"");
          continue;
        }
        p.jurisdictions.push_back(code->get());
        list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", code->get());
      }
      if (p.jurisdictions.empty()) Error(r.pos, "jurisdictions must list at least one jurisdiction (leave it out to apply everywhere)");
      r.expr_text = "not (jurisdiction in [" + list + "])";
      r.text = "Outside the policy's scope: it applies only in " + Join(p.jurisdictions) + ".";
    } else if (const auto* param = n->as_string(); param != nullptr && param->get().starts_with("params.")) {
      p.jurisdictions_param = param->get().substr(7);
      r.expr_text = "not (jurisdiction in " + param->get() + ")";
      r.text = "Outside the policy's scope: it applies only in the jurisdictions of " + param->get() + ".";
    } else {
      Error(r.pos, "jurisdictions must be a list of jurisdiction codes, or \"params.NAME\" naming a list parameter");
      return;
    }
    r.citation = p.citation;
    Compile(r, r.pos, kBool);
    names_.rules.push_back({r.id, static_cast<int>(p.rules.size())});
    p.rules.push_back(std::move(r));
  }

  static std::string Join(const std::vector<std::string>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : i + 1 == v.size() ? " and " : ", ") + v[i];
    return out;
  }

  // [[assumptions]] fact, value, reason: the fact must be one --assume may
  // fill, and the value must be of its type.
  void LoadAssumptions(Policy& p, const toml::table& root) {
    const toml::node* n = root.get("assumptions");
    if (n == nullptr) return;
    const toml::array* arr = n->as_array();
    if (arr == nullptr) {
      Error(PosOf(*n), "\"assumptions\" must be an array of tables: [[assumptions]]");
      return;
    }
    for (const toml::node& item : *arr) {
      const toml::table* t = item.as_table();
      if (t == nullptr) {
        Error(PosOf(item), "each entry of assumptions must be a table with fact, value and reason");
        continue;
      }
      PolicyAssumption a;
      a.pos = PosOf(item);
      for (const auto& [k, v] : *t)
        if (k.str() != "fact" && k.str() != "value" && k.str() != "reason" && k.str() != "notes")
          Error(PosOf(v), fmt::format("unknown key \"{}\" in an assumption; expected fact, value, reason, notes", k.str()));
      a.fact = RequiredString(*t, "fact", a.pos);
      a.reason = RequiredString(*t, "reason", a.pos);
      const AssumableFact* fact = FindAssumableFact(a.fact);
      if (!a.fact.empty() && fact == nullptr) {
        Error(a.pos, fmt::format("assumption: \"{}\" cannot be assumed; the facts that can are {}", a.fact,
                                 AssumableFactNames()));
        continue;
      }
      const toml::node* v = t->get("value");
      if (v == nullptr) {
        Error(a.pos, fmt::format("assumption {}: no value", a.fact));
        continue;
      }
      if (v->is_integer()) a.value = std::to_string(v->as_integer()->get());
      else if (v->is_boolean()) a.value = v->as_boolean()->get() ? "true" : "false";
      else if (v->is_string()) a.value = v->as_string()->get();
      else a.value = "?";
      std::string error;
      Value parsed;
      if (fact != nullptr && !ParseAssumedValue(*fact, a.value, &parsed, &error))
        Error(PosOf(*v), "assumption " + error);
      for (const PolicyAssumption& other : p.assumptions)
        if (other.fact == a.fact) Error(a.pos, fmt::format("a second assumption for {} (line {})", a.fact, other.pos.line));
      p.assumptions.push_back(std::move(a));
    }
  }

  void LoadTopExpr(const toml::table& root, std::string_view key, PolicyRule& r, ValueType want) {
    const toml::node* e = root.get(key);
    if (e == nullptr || !e->is_string()) {
      Error(e ? PosOf(*e) : SourcePos{1, 1}, fmt::format("\"{}\" is required: an expression string", key));
      return;
    }
    r.pos = PosOf(*e);
    r.expr_text = e->as_string()->get();
    Compile(r, r.pos, want);
  }

  void Compile(PolicyRule& r, SourcePos string_pos, ValueType want) {
    ParseResult parsed = ParseExpression(r.expr_text);
    if (!parsed.ok()) {
      Error(ExprPos(lines_, string_pos, parsed.error.offset), parsed.error.message);
      return;
    }
    CheckResult checked = CheckExpression(*parsed.root, names_, want);
    if (!checked.expr) {
      Error(ExprPos(lines_, string_pos, checked.error.offset), checked.error.message);
      return;
    }
    r.expr = std::move(checked.expr);
    r.params_used = std::move(checked.params_used);
    r.rules_used = std::move(checked.rules_used);
    r.facts_used = std::move(checked.facts_used);
  }

  void Lint(const Policy& p) {
    std::vector<bool> param_used(p.params.size(), false), rule_used(p.rules.size(), false);
    auto mark = [&](const PolicyRule& r) {
      for (int i : r.params_used) param_used[static_cast<size_t>(i)] = true;
      for (int i : r.rules_used) rule_used[static_cast<size_t>(i)] = true;
    };
    for (const auto& r : p.rules) mark(r);
    mark(p.eligibility);
    mark(p.priority);
    for (size_t i = 0; i < p.params.size(); ++i)
      if (!param_used[i]) LintAt(p.params[i].pos, fmt::format("params.{} is declared but no expression uses it", p.params[i].name));
    for (size_t i = 0; i < p.rules.size(); ++i) {
      const PolicyRule& r = p.rules[i];
      // Exclusions always apply; criteria and groups must be used somewhere.
      if (r.kind != RuleKind::kExclusion && !rule_used[i] && r.expr)
        LintAt(r.pos, fmt::format("{} \"{}\" is not used by the eligibility expression or any other rule", RuleKindName(r.kind), r.id));
    }
  }

  std::string path_;
  std::vector<PolicyProblem>* problems_;
  std::vector<std::string> lines_;
  NameScope names_;
  int errors_ = 0;
};

}  // namespace

std::string_view RuleKindName(RuleKind k) {
  switch (k) {
    case RuleKind::kCriterion: return "criterion";
    case RuleKind::kExclusion: return "exclusion";
    case RuleKind::kGroup: return "group";
    case RuleKind::kEligibility: return "eligibility";
    case RuleKind::kPriority: return "priority";
  }
  return "";
}

int Policy::FindParam(std::string_view name) const {
  for (size_t i = 0; i < params.size(); ++i)
    if (params[i].name == name) return static_cast<int>(i);
  return -1;
}

int Policy::FindRule(std::string_view rule_id) const {
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i].id == rule_id) return static_cast<int>(i);
  return -1;
}

std::string PolicyProblem::Format() const {
  if (pos.line <= 0) return fmt::format("{}: {}{}", file, lint ? "lint: " : "", message);
  return fmt::format("{}:{}:{}: {}{}", file, pos.line, pos.column, lint ? "lint: " : "", message);
}

std::optional<Policy> LoadPolicy(const std::string& path, std::vector<PolicyProblem>* problems) {
  return Loader(path, problems).Load();
}

Value ParseValueText(std::string_view text, ValueType want, bool* ok) {
  Value v;
  v.type = want;
  *ok = true;
  switch (want) {
    case kBool:
      if (text == "true" || text == "false") v.boolean = text == "true";
      else *ok = false;
      break;
    case kInt: {
      auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v.integer);
      *ok = ec == std::errc() && p == text.data() + text.size();
      break;
    }
    case kNumber: {
      auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v.number);
      *ok = ec == std::errc() && p == text.data() + text.size();
      break;
    }
    case kDate: {
      const DateParseResult r = ParseDate(text);
      *ok = r.ok();
      v.date = r.date;
      break;
    }
    case kDuration: *ok = IsDurationText(text, &v.duration); break;
    case kString: v.string = std::string(text); break;
    case kList: {
      size_t start = 0;
      while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) v.list.emplace_back(text.substr(start, end - start));
        start = end + 1;
      }
      break;
    }
    default: *ok = false; break;
  }
  return v;
}

namespace {

// --set numbers: finite and at most this far from 0, so that a weight or a
// count cannot make a priority infinite, NaN or overflow (1e308 times years).
constexpr int64_t kParamNumberLimit = 1'000'000'000;

bool WithinParamRange(const Value& v) {
  if (v.type == kInt) return v.integer >= -kParamNumberLimit && v.integer <= kParamNumberLimit;
  return std::isfinite(v.number) && std::fabs(v.number) <= static_cast<double>(kParamNumberLimit);
}

}  // namespace

bool SetParam(Policy& policy, std::string_view name, std::string_view text, std::string* error) {
  const int i = policy.FindParam(name);
  if (i < 0) {
    std::string known;
    for (const auto& p : policy.params) known += (known.empty() ? "" : ", ") + p.name;
    *error = fmt::format("--set {}: the policy {} has no parameter \"{}\" (it has: {})", name, policy.id, name,
                         known.empty() ? "none" : known);
    return false;
  }
  PolicyParam& p = policy.params[static_cast<size_t>(i)];
  bool ok = false;
  Value v = ParseValueText(text, p.declared.type, &ok);
  if (!ok && p.declared.type == kNumber) {  // an integer is a fine number
    v = ParseValueText(text, kNumber, &ok);
  }
  const ValueType type = p.declared.type;
  const bool is_number = type == kNumber || type == kInt;
  if (!ok || (is_number && !WithinParamRange(v))) {
    const std::string example = type == kDuration ? " such as \"55 years\", \"6 months\" or \"90 days\""
                                : type == kDate   ? " as YYYY-MM-DD"
                                : type == kBool   ? " (true or false)"
                                : is_number       ? fmt::format(" from {} to {}", -kParamNumberLimit, kParamNumberLimit)
                                                  : "";
    *error = fmt::format("--set {}={}: expected {}{}{}", name, text, is_number ? "a finite " : "",
                         is_number ? TypeName(type) : ATypeName(type), example);
    return false;
  }
  p.value = std::move(v);
  return true;
}

}  // namespace clemency
