#include "clemency/report/person_reasons.h"

#include "clemency/report/sentence_table.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "clemency/io/json_text.h"
#include "clemency/report/current_law_text.h"
#include "clemency/report/param_text.h"
#include "clemency/screen/fact_columns.h"

namespace clemency {
namespace {

void AppendInt(std::string& o, int64_t v) {
  char b[24];
  const auto r = std::to_chars(b, b + sizeof b, v);
  o.append(b, static_cast<size_t>(r.ptr - b));
}
void AppendDate(std::string& o, int64_t d) {
  if (d == kNa) o += "unknown";
  else AppendIsoDate(o, Date::FromDays(static_cast<int32_t>(d)));
}
void AppendStr(std::string& o, const FactTable& f, int64_t id) {
  if (id == kNa) o += "unknown";
  else o += f.strings.View(static_cast<StrId>(id));
}
void AppendIntOrUnknown(std::string& o, int64_t v) {
  if (v == kNa) o += "unknown";
  else AppendInt(o, v);
}
void AppendBool(std::string& o, uint8_t b) { o += b == kUnknownBool ? "unknown" : b == kTrue ? "true" : "false"; }
std::string_view ResultText(uint8_t b) { return b == kUnknownBool ? "unknown" : b == kTrue ? "true" : "false"; }
std::string DateText(int64_t d) {
  std::string s;
  AppendDate(s, d);
  return s;
}

void AppendDays(std::string& o, int64_t days) {
  if (days == kNa) {
    o += "unknown";
    return;
  }
  AppendInt(o, days);
  o += " days";
}

void AppendSpan(std::string& o, int64_t from, int64_t to) {
  if (from == kNa || to == kNa) {
    o += "unknown";
    return;
  }
  const Date a = Date::FromDays(static_cast<int32_t>(from)), b = Date::FromDays(static_cast<int32_t>(to));
  const int64_t months = WholeMonthsBetween(a, b);
  AppendInt(o, months / 12);
  o += " years ";
  AppendInt(o, months % 12);
  o += " months ";
  AppendInt(o, DaysBetween(a.PlusMonths(months), b));
  o += " days (";
  AppendIsoDate(o, a);
  o += " to ";
  AppendIsoDate(o, b);
  o += ')';
}

// s.flags: the flags that are certainly true, then those unknown.
void AppendFlags(std::string& o, const FactTable& f, uint32_t s) {
  if (f.flags_known[s] == 0) {
    o += "unknown (offense not in the catalog)";
    return;
  }
  const size_t before = o.size();
  for (size_t b = 0; b < f.flag_names.size(); ++b) {
    if (!(f.flags[s] >> b & 1)) continue;
    if (o.size() > before) o.push_back(' ');
    o += f.flag_names[b];
  }
  if (o.size() == before) o += "none";
  std::string unknown;
  for (size_t b = 0; b < f.flag_names.size(); ++b)
    if (!(f.flags_known[s] >> b & 1)) unknown += (unknown.empty() ? "" : " ") + f.flag_names[b];
  if (!unknown.empty()) o += " (unknown: " + unknown + ")";
}

// s.enhancements: code=days, space-separated, as written.
void AppendEnhancements(std::string& o, const FactTable& f, uint32_t s) {
  const Population& pop = *f.population;
  const IndexRange r = pop.EnhancementsOf(s);
  if (r.size() == 0) o += "none";
  for (uint32_t e = r.begin; e < r.end; ++e) {
    if (e > r.begin) o.push_back(' ');
    o += pop.str(pop.enhancements[e].code);
    o.push_back('=');
    AppendInt(o, pop.enhancements[e].days);
  }
}

// An int column's value as its type reads: a date, days, a string or a count.
void AppendIntValue(std::string& o, const FactTable& f, ValueType type, int64_t v) {
  switch (type) {
    case ValueType::kDate: AppendDate(o, v); break;
    case ValueType::kDuration: AppendDays(o, v); break;
    case ValueType::kString: AppendStr(o, f, v); break;
    default: AppendIntOrUnknown(o, v); break;
  }
}

// The value of a fact at one row (a person, or a sentence for sentence
// facts), as its entry in screen/fact_columns.h stores it.
void AppendValue(std::string& o, const FactTable& f, Fact fact, uint32_t row) {
  const FactColumn& c = ColumnOf(fact);
  switch (c.storage) {
    case Storage::kAsOf: AppendIsoDate(o, f.as_of); break;
    case Storage::kInt: AppendIntValue(o, f, InfoOf(fact).type, (f.*c.ints)[row]); break;
    case Storage::kBool: AppendBool(o, (f.*c.bools)[row]); break;
    case Storage::kSpan: AppendSpan(o, SpanEndAt(f, c.start, row), SpanEndAt(f, c.end, row)); break;
    case Storage::kNumber:
    case Storage::kComputed: {
      const double v = NumberAt(f, c, row);
      if (std::isnan(v)) o += "unknown";
      else if (c.decimals < 0) o += fmt::format("{}", v);
      else o += fmt::format("{:.{}f}", v, c.decimals);
      break;
    }
    case Storage::kFlagMask: AppendFlags(o, f, row); break;
    case Storage::kEnhancements: AppendEnhancements(o, f, row); break;
  }
}

// The value of a fact for a person, as shown in reasons; sentence facts give
// one value per sentence, "; "-separated, in sentence order.
void AppendFactText(std::string& o, const FactTable& f, Fact fact, uint32_t p) {
  if (InfoOf(fact).scope == Scope::kPerson) {
    AppendValue(o, f, fact, p);
    return;
  }
  if (f.sentence_begin[p] == f.sentence_begin[p + 1]) o += "no sentences";
  for (uint32_t s = f.sentence_begin[p]; s < f.sentence_begin[p + 1]; ++s) {
    if (s > f.sentence_begin[p]) o += "; ";
    AppendValue(o, f, fact, s);
  }
}

}  // namespace

std::string FactText(const FactTable& facts, Fact fact, uint32_t person) {
  std::string s;
  AppendFactText(s, facts, fact, person);
  return s;
}

std::string DescribeDays(int64_t days) {
  std::string s;
  AppendDays(s, days);
  return s;
}

std::string DescribeSpan(int64_t from, int64_t to) {
  std::string s;
  AppendSpan(s, from, to);
  return s;
}

std::string GroupsMet(const ScreenContext& c, uint32_t p) {
  std::string out;
  for (size_t r = 0; r < c.policy.rules.size(); ++r)
    if (c.policy.rules[r].kind == RuleKind::kGroup && c.screening.rules[r].ob[p] == kTrue)
      out += (out.empty() ? "" : ";") + c.policy.rules[r].id;
  return out;
}

std::string ExcludedBy(const ScreenContext& c, uint32_t p) {
  std::string out;
  for (size_t r = 0; r < c.policy.rules.size(); ++r)
    if (c.policy.rules[r].kind == RuleKind::kExclusion && c.screening.rules[r].ob[p] == kTrue)
      out += (out.empty() ? "" : ";") + c.policy.rules[r].id;
  return out;
}

namespace {

// name -> value pairs a rule used, in order: facts, then parameters.
std::vector<std::pair<std::string, std::string>> ValuesUsed(const ScreenContext& c, const PolicyRule& r, uint32_t p) {
  std::vector<std::pair<std::string, std::string>> out;
  for (Fact f : r.facts_used) {
    std::string v;
    AppendFactText(v, c.facts, f, p);
    if (IsAssumed(c.assumptions, f, p)) v += kAssumedMark;
    out.emplace_back(std::string(FactName(f)), std::move(v));
  }
  return out;
}

}  // namespace

ReasonsWriter::ReasonsWriter(const ScreenContext& c, ReasonsDetail detail) : c_(c), detail_(detail) {
  const bool full = detail == ReasonsDetail::kFull;
  for (const PolicyRule& rule : c.policy.rules) {
    RuleText t;
    t.head = "{\"id\":";
    AppendJsonString(t.head, rule.id);
    if (full) t.head += ",\"kind\":\"" + std::string(RuleKindName(rule.kind)) + "\"";
    t.head += ",\"result\":\"";
    for (Fact f : rule.facts_used) {
      std::string key;
      AppendJsonString(key, FactName(f));
      t.fact_keys.push_back(std::move(key));
    }
    for (int i : rule.params_used) {
      const PolicyParam& prm = c.policy.params[static_cast<size_t>(i)];
      AppendJsonString(t.params, "params." + prm.name);
      t.params.push_back(':');
      AppendJsonString(t.params, prm.value.ToString());
      t.params.push_back(',');
    }
    if (!t.params.empty()) t.params.pop_back();
    if (!full) {
      t.params.clear();  // the parameters are in policy.json
      t.tail = "}}";
      rules_.push_back(std::move(t));
      continue;
    }
    t.tail = "},\"text\":";
    AppendJsonString(t.tail, WithParamValues(c.policy, rule.text));
    t.tail += ",\"citation\":";
    AppendJsonString(t.tail, rule.citation);
    t.tail += "}";
    rules_.push_back(std::move(t));
  }
  head_ = ",\"policy\":";
  AppendJsonString(head_, c.policy.id);
  head_ += ",\"as_of\":\"" + c.facts.as_of.ToString() + "\"";
}

void ReasonsWriter::Append(std::string& o, uint32_t p) const {
  const Screening& s = c_.screening;
  const Population& pop = *c_.facts.population;
  std::string scratch;
  o += "{\"person_id\":";
  AppendJsonString(o, pop.str(pop.people.id[p]));
  o += head_;
  o += ",\"status\":\"";
  o += StatusName(s.status[p]);
  o += "\",\"rank\":";
  if (s.rank[p]) AppendInt(o, s.rank[p]);
  else o += "null";
  o += ",\"priority\":";
  if (std::isnan(s.priority[p])) o += "null";
  else o += fmt::format("{:.4f}", s.priority[p]);
  o += ",\"eligible_on\":";
  if (s.eligible_on[p] == kNa) {
    o += "null";
  } else {
    o.push_back('"');
    AppendDate(o, s.eligible_on[p]);
    o.push_back('"');
  }
  o += ",\"groups\":";
  AppendJsonString(o, GroupsMet(c_, p));
  o += ",\"excluded_by\":";
  AppendJsonString(o, ExcludedBy(c_, p));
  o += ",\"rules\":[";
  for (size_t r = 0; r < rules_.size(); ++r) {
    const RuleText& t = rules_[r];
    const PolicyRule& rule = c_.policy.rules[r];
    if (r) o.push_back(',');
    o += t.head;
    o += ResultText(s.rules[r].ob[p]);
    o += "\",\"values\":{";
    for (size_t k = 0; k < rule.facts_used.size(); ++k) {
      if (k) o.push_back(',');
      o += t.fact_keys[k];
      o.push_back(':');
      scratch.clear();
      AppendFactText(scratch, c_.facts, rule.facts_used[k], p);
      if (IsAssumed(c_.assumptions, rule.facts_used[k], p)) scratch += kAssumedMark;
      AppendJsonString(o, scratch);
    }
    if (!t.params.empty()) {
      if (!rule.facts_used.empty()) o.push_back(',');
      o += t.params;
    }
    o += t.tail;
  }
  o += "],";
  AppendReview(o, p);
  AppendCurrentLawJson(o, c_.facts, p, detail_);
  o += "}";
}

// "review":["infractions_5y",...], — the facts that would decide a
// needs_review person; empty for everyone else.
void ReasonsWriter::AppendReview(std::string& o, uint32_t p) const {
  o += "\"review\":[";
  if (c_.triage != nullptr) {
    bool first = true;
    for (const std::string& f : c_.triage->FactsOf(p)) {
      if (!first) o.push_back(',');
      first = false;
      AppendJsonString(o, f);
    }
  }
  o += "],";
}

std::string PersonReasonsJson(const ScreenContext& c, uint32_t p) {
  std::string o;
  ReasonsWriter(c, ReasonsDetail::kFull).Append(o, p);
  return o;
}

std::string PersonExplanation(const ScreenContext& c, uint32_t p) {
  const Screening& s = c.screening;
  const Population& pop = *c.facts.population;
  std::string o;
  o += fmt::format("{} under {} ({}), as of {}\n", pop.str(pop.people.id[p]), c.policy.id, c.policy.title,
                   c.facts.as_of.ToString());
  o += fmt::format("status: {}", StatusName(s.status[p]));
  if (s.rank[p]) o += fmt::format(", rank {} (priority {:.2f})", s.rank[p], s.priority[p]);
  o += "\n";
  if (s.eligible_on[p] != kNa) o += fmt::format("eligible on: {} if nothing but time changes\n", DateText(s.eligible_on[p]));
  const std::string groups = GroupsMet(c, p), excluded = ExcludedBy(c, p);
  o += fmt::format("groups met: {}\n", groups.empty() ? "none" : groups);
  o += fmt::format("excluded by: {}\n", excluded.empty() ? "none" : excluded);
  o += fmt::format("in short: {}\n", PlainReason(c, p));
  if (c.triage != nullptr && s.status[p] == Status::kNeedsReview)
    o += fmt::format("would be decided by: {}\n", c.triage->Joined(p, ", "));
  o += "\n" + PersonSentencesText(c.facts, p);
  for (size_t r = 0; r < c.policy.rules.size(); ++r) {
    const PolicyRule& rule = c.policy.rules[r];
    o += fmt::format("\n[{}] {} {}: {}\n", ResultText(s.rules[r].ob[p]), RuleKindName(rule.kind), rule.id,
                     WithParamValues(c.policy, rule.text));
    o += fmt::format("    rule:     {}\n", ExpressionWithParamValues(c.policy, rule.expr_text));
    for (const auto& [name, value] : ValuesUsed(c, rule, p)) o += fmt::format("    {:<9} {}\n", name + ":", value);
    for (const std::string& meaning : ParamMeanings(c.policy, rule)) o += fmt::format("    setting:  {}\n", meaning);
    if (!rule.citation.empty()) o += fmt::format("    citation: {}\n", rule.citation);
  }
  o += fmt::format("\n[{}] eligibility: {}\n", ResultText(s.eligibility[p]),
                   ExpressionWithParamValues(c.policy, c.policy.eligibility.expr_text));
  o += "    (a person is eligible when this is true and no exclusion is true; unknown means needs_review)\n";
  o += CurrentLawExplanation(c.facts, p);
  return o;
}

namespace {

// A rule's text without its final period, for joining into one sentence.
std::string_view Clause(std::string_view text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.remove_suffix(1);
  return text;
}

}  // namespace

namespace {

// " Assumed: infractions_5y = 0 (--assume)." for the assumed values of the
// person that the policy reads; empty when none.
std::string AssumedNote(const ScreenContext& c, uint32_t p) {
  if (c.assumptions == nullptr) return "";
  std::string list;
  for (const Assumption& a : *c.assumptions) {
    if (!a.applied[p]) continue;
    bool read = false;
    for (const PolicyRule& r : c.policy.rules)
      for (Fact f : r.facts_used) read |= f == a.fact->fact;
    if (read) list += fmt::format("{}{} = {}", list.empty() ? "" : ", ", a.fact->name, a.text);
  }
  return list.empty() ? "" : " Assumed: " + list + " (--assume).";
}

std::string PlainReasonText(const ScreenContext& c, uint32_t p);

}  // namespace

std::string PlainReason(const ScreenContext& c, uint32_t p) { return PlainReasonText(c, p) + AssumedNote(c, p); }

namespace {

std::string PlainReasonText(const ScreenContext& c, uint32_t p) {
  const Screening& s = c.screening;
  std::string groups, unknown;
  for (size_t r = 0; r < c.policy.rules.size(); ++r) {
    const PolicyRule& rule = c.policy.rules[r];
    const uint8_t v = s.rules[r].ob[p];
    if (rule.kind == RuleKind::kGroup && v == kTrue) {
      if (!groups.empty()) groups += "; ";
      groups += Clause(WithParamValues(c.policy, rule.text));
    }
    if (rule.kind != RuleKind::kGroup && v == kUnknownBool) {
      std::string missing;
      for (const auto& [name, value] : ValuesUsed(c, rule, p))
        if (value.find("unknown") != std::string::npos) missing += (missing.empty() ? "" : ", ") + name;
      unknown += fmt::format("{}{} ({} unknown)", unknown.empty() ? "" : "; ", Clause(WithParamValues(c.policy, rule.text)),
                             missing.empty() ? "a value" : missing);
    }
  }
  if (s.status[p] == Status::kEligible)
    return fmt::format("Eligible: {}. No exclusion applies.", groups.empty() ? "the eligibility rule holds" : groups);
  if (s.status[p] == Status::kNeedsReview) {
    std::string out = fmt::format("Needs review: {}. Could not be decided from the data: {}.",
                                  groups.empty() ? "may qualify" : groups, unknown.empty() ? "see reasons" : unknown);
    if (c.triage != nullptr) out += fmt::format(" Would be decided by: {}.", c.triage->Joined(p, ", "));
    return out;
  }
  const std::string excluded = ExcludedBy(c, p);
  return excluded.empty() ? "Not eligible: in no group." : "Not eligible: excluded by " + excluded + ".";
}

}  // namespace

}  // namespace clemency
