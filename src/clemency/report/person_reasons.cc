#include "clemency/report/person_reasons.h"

#include <fmt/format.h>

#include <cmath>

#include "clemency/io/json_text.h"

namespace clemency {
namespace {

std::string DateText(int64_t d) { return d == kNa ? "unknown" : Date::FromDays(static_cast<int32_t>(d)).ToString(); }
std::string Str(const FactTable& f, int64_t id) {
  return id == kNa ? "unknown" : std::string(f.strings.View(static_cast<StrId>(id)));
}
std::string IntText(int64_t v) { return v == kNa ? "unknown" : std::to_string(v); }
std::string BoolText(uint8_t b) { return b == kUnknownBool ? "unknown" : b == kTrue ? "true" : "false"; }
std::string ResultText(uint8_t b) { return BoolText(b); }

std::string SentenceFact(const FactTable& f, Fact fact, uint32_t s) {
  const Population& pop = *f.population;
  switch (fact) {
    case Fact::kSOffenseCode: return Str(f, f.offense_code[s]);
    case Fact::kSCategory: return Str(f, f.category[s]);
    case Fact::kSFlags: {
      if (!f.in_catalog[s]) return "unknown (offense not in the catalog)";
      std::string out;
      for (size_t b = 0; b < f.flag_names.size(); ++b)
        if (f.flags[s] >> b & 1) out += (out.empty() ? "" : " ") + f.flag_names[b];
      return out.empty() ? "none" : out;
    }
    case Fact::kSType: return Str(f, f.type[s]);
    case Fact::kSStatus: return Str(f, f.status[s]);
    case Fact::kSActive: return BoolText(f.active[s]);
    case Fact::kSTerm: return DescribeDays(f.term[s]);
    case Fact::kSMinTerm: return DescribeDays(f.min_term[s]);
    case Fact::kSSentenceDate: return DateText(f.sentence_date[s]);
    case Fact::kSOffenseDate: return DateText(f.offense_date[s]);
    case Fact::kSProjectedRelease: return DateText(f.projected_release[s]);
    case Fact::kSParoleEligibility: return DateText(f.parole_eligibility[s]);
    case Fact::kSDrugType: return Str(f, f.drug_type[s]);
    case Fact::kSDrugGrams: return std::isnan(f.drug_grams[s]) ? "unknown" : fmt::format("{}", f.drug_grams[s]);
    case Fact::kSEnhancements: {
      std::string out;
      const IndexRange r = pop.EnhancementsOf(s);
      for (uint32_t e = r.begin; e < r.end; ++e)
        out += fmt::format("{}{}={}", out.empty() ? "" : " ", pop.str(pop.enhancements[e].code), pop.enhancements[e].days);
      return out.empty() ? "none" : out;
    }
    case Fact::kSEnhancementDays: return DescribeDays(f.enhancement_days[s]);
    case Fact::kSAgeAtOffense: return DescribeSpan(f.birth[f.sentence_person[s]], f.offense_date[s]);
    case Fact::kSCurrentLawTerm: return DescribeDays(f.s_current_law_term[s]);
    case Fact::kSCurrentLawExcess: return DescribeDays(f.s_current_law_excess[s]);
    default: return "";
  }
}

}  // namespace

std::string DescribeDays(int64_t days) {
  if (days == kNa) return "unknown";
  return fmt::format("{} days", days);
}

std::string DescribeSpan(int64_t from, int64_t to) {
  if (from == kNa || to == kNa) return "unknown";
  const Date a = Date::FromDays(static_cast<int32_t>(from)), b = Date::FromDays(static_cast<int32_t>(to));
  const int64_t months = WholeMonthsBetween(a, b);
  const int64_t days = DaysBetween(a.PlusMonths(months), b);
  return fmt::format("{} years {} months {} days ({} to {})", months / 12, months % 12, days, a.ToString(), b.ToString());
}

// The value of a fact for a person, as shown in reasons; sentence facts give
// one value per sentence, "; "-separated, in sentence order.
std::string FactText(const FactTable& f, Fact fact, uint32_t p) {
  const int64_t as_of = f.as_of.days();
  switch (fact) {
    case Fact::kAsOf: return f.as_of.ToString();
    case Fact::kBirthDate: return DateText(f.birth[p]);
    case Fact::kAdmissionDate: return DateText(f.admission[p]);
    case Fact::kAge: return DescribeSpan(f.birth[p], as_of);
    case Fact::kTimeServed: return DescribeSpan(f.admission[p], as_of);
    case Fact::kRemaining: return DescribeSpan(as_of, f.release[p]);
    case Fact::kServedFraction: {
      const int64_t t = f.current_law_term[p];
      if (t == kNa || t <= 0) return "unknown";
      return fmt::format("{:.3f}", static_cast<double>(as_of - f.admission[p]) / static_cast<double>(t));
    }
    case Fact::kMostSeriousCategory: return Str(f, f.most_serious_category[p]);
    case Fact::kActiveSentences: return IntText(f.active_sentences[p]);
    case Fact::kImposedTerm: return DescribeDays(f.imposed_term[p]);
    case Fact::kCurrentLawTerm: return DescribeDays(f.current_law_term[p]);
    case Fact::kCurrentLawExcess: return DescribeDays(f.current_law_excess[p]);
    case Fact::kAdmissionTypeFact: return Str(f, f.admission_type[p]);
    case Fact::kSexFact: return Str(f, f.sex[p]);
    case Fact::kRaceFact: return Str(f, f.race[p]);
    case Fact::kJurisdiction: return Str(f, f.jurisdiction[p]);
    case Fact::kFacilityId: return Str(f, f.facility_id[p]);
    case Fact::kInfractions5y: return IntText(f.infractions_5y[p]);
    case Fact::kMedicalHighRisk: return BoolText(f.medical_high_risk[p]);
    default: {
      std::string out;
      for (uint32_t s = f.sentence_begin[p]; s < f.sentence_begin[p + 1]; ++s)
        out += (out.empty() ? "" : "; ") + SentenceFact(f, fact, s);
      return out.empty() ? "no sentences" : out;
    }
  }
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
  for (Fact f : r.facts_used)
    for (const FactInfo& info : AllFacts())
      if (info.fact == f) out.emplace_back(std::string(info.name), FactText(c.facts, f, p));
  for (int i : r.params_used) {
    const PolicyParam& prm = c.policy.params[static_cast<size_t>(i)];
    out.emplace_back("params." + prm.name, prm.value.ToString());
  }
  return out;
}

}  // namespace

std::string PersonReasonsJson(const ScreenContext& c, uint32_t p) {
  const Screening& s = c.screening;
  const Population& pop = *c.facts.population;
  std::string o;
  o.reserve(2048);
  o += "{\"person_id\":";
  AppendJsonString(o, pop.str(pop.people.id[p]));
  o += ",\"policy\":";
  AppendJsonString(o, c.policy.id);
  o += ",\"as_of\":\"" + c.facts.as_of.ToString() + "\"";
  o += ",\"status\":\"" + std::string(StatusName(s.status[p])) + "\"";
  o += ",\"rank\":" + (s.rank[p] ? std::to_string(s.rank[p]) : std::string("null"));
  o += ",\"priority\":" + (std::isnan(s.priority[p]) ? std::string("null") : fmt::format("{:.4f}", s.priority[p]));
  o += ",\"eligible_on\":" + (s.eligible_on[p] == kNa ? std::string("null") : "\"" + DateText(s.eligible_on[p]) + "\"");
  o += ",\"groups\":";
  AppendJsonString(o, GroupsMet(c, p));
  o += ",\"excluded_by\":";
  AppendJsonString(o, ExcludedBy(c, p));
  o += ",\"rules\":[";
  for (size_t r = 0; r < c.policy.rules.size(); ++r) {
    const PolicyRule& rule = c.policy.rules[r];
    if (r) o.push_back(',');
    o += "{\"id\":";
    AppendJsonString(o, rule.id);
    o += ",\"kind\":\"" + std::string(RuleKindName(rule.kind)) + "\"";
    o += ",\"result\":\"" + ResultText(s.rules[r].ob[p]) + "\"";
    o += ",\"values\":{";
    bool first = true;
    for (const auto& [name, value] : ValuesUsed(c, rule, p)) {
      if (!first) o.push_back(',');
      first = false;
      AppendJsonString(o, name);
      o.push_back(':');
      AppendJsonString(o, value);
    }
    o += "},\"text\":";
    AppendJsonString(o, rule.text);
    o += ",\"citation\":";
    AppendJsonString(o, rule.citation);
    o += "}";
  }
  // No reform is loaded yet, so none applies (the law layer fills this in).
  o += "],\"reforms\":[]}";
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
  for (size_t r = 0; r < c.policy.rules.size(); ++r) {
    const PolicyRule& rule = c.policy.rules[r];
    o += fmt::format("\n[{}] {} {}: {}\n", ResultText(s.rules[r].ob[p]), RuleKindName(rule.kind), rule.id, rule.text);
    o += fmt::format("    rule:     {}\n", rule.expr_text);
    for (const auto& [name, value] : ValuesUsed(c, rule, p)) o += fmt::format("    {:<9} {}\n", name + ":", value);
    if (!rule.citation.empty()) o += fmt::format("    citation: {}\n", rule.citation);
  }
  o += fmt::format("\n[{}] eligibility: {}\n", ResultText(s.eligibility[p]), c.policy.eligibility.expr_text);
  o += "    (a person is eligible when this is true and no exclusion is true; unknown means needs_review)\n";
  o += "reforms applied: none (no reform packs are loaded)\n";
  return o;
}

std::string PlainReason(const ScreenContext& c, uint32_t p) {
  const Screening& s = c.screening;
  std::string groups, unknown;
  for (size_t r = 0; r < c.policy.rules.size(); ++r) {
    const PolicyRule& rule = c.policy.rules[r];
    const uint8_t v = s.rules[r].ob[p];
    if (rule.kind == RuleKind::kGroup && v == kTrue) groups += (groups.empty() ? "" : "; ") + rule.text;
    if (rule.kind != RuleKind::kGroup && v == kUnknownBool) {
      std::string missing;
      for (const auto& [name, value] : ValuesUsed(c, rule, p))
        if (value.find("unknown") != std::string::npos) missing += (missing.empty() ? "" : ", ") + name;
      unknown += fmt::format("{}{} ({} unknown)", unknown.empty() ? "" : "; ", rule.text,
                             missing.empty() ? "a value" : missing);
    }
  }
  if (s.status[p] == Status::kEligible)
    return fmt::format("Eligible: {}. No exclusion applies.", groups.empty() ? "the eligibility rule holds" : groups);
  if (s.status[p] == Status::kNeedsReview)
    return fmt::format("Needs review: {}. Could not be decided from the data: {}.",
                       groups.empty() ? "may qualify" : groups, unknown.empty() ? "see reasons" : unknown);
  const std::string excluded = ExcludedBy(c, p);
  return excluded.empty() ? "Not eligible: in no group." : "Not eligible: excluded by " + excluded + ".";
}

}  // namespace clemency
