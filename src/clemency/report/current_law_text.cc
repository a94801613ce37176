#include "clemency/report/current_law_text.h"

#include <fmt/format.h>

#include "clemency/io/json_text.h"
#include "clemency/law/remedy.h"

namespace clemency {
namespace {

// A term in JSON: days, "life", or null when unknown.
void AppendTermJson(std::string& o, int64_t t) {
  if (t == kLifeTerm) o += "\"life\"";
  else if (t == kUnknownTerm) o += "null";
  else o += std::to_string(t);
}

// "2,920 days (about 8.0 years)", "life", "unknown".
std::string TermWords(int64_t t) {
  if (t == kLifeTerm || t == kUnknownTerm) return TermText(t);
  return fmt::format("{} (about {:.1f} years)", TermText(t), static_cast<double>(t) / 365.25);
}

std::string RangeWords(int64_t low, int64_t high) {
  if (low == high) return TermWords(high);
  return fmt::format("between {} and {}", TermWords(low), TermWords(high));
}

// The notes of an applied reform; kCompact leaves out those that restate the reform.
void AppendNotes(std::string& o, const std::vector<ReformNote>& notes, ReasonsDetail detail) {
  o += ",\"notes\":[";
  bool first = true;
  for (const ReformNote& n : notes) {
    if (detail == ReasonsDetail::kCompact && n.from_reform) continue;
    if (!first) o.push_back(',');
    first = false;
    AppendJsonString(o, n.text);
  }
  o.push_back(']');
}

std::string_view Str(const FactTable& f, int64_t id) {
  return id == kNa ? std::string_view("unknown") : f.strings.View(static_cast<StrId>(id));
}

// The title, citation, effective date and, for the reform itself, the effect.
void AppendReformText(std::string& o, const Reform& r, bool with_effect) {
  o += ",\"title\":";
  AppendJsonString(o, r.title);
  o += ",\"citation\":";
  AppendJsonString(o, r.citation);
  o += ",\"effective\":\"" + r.effective.ToString() + "\"";
  if (!with_effect) return;
  o += ",\"effect\":";
  AppendJsonString(o, r.effect->text);
  o += ",\"discretionary\":";
  o += r.effect->discretionary ? "true" : "false";
}

// One applied reform: its sentence, range, remedy and notes; with kFull, the
// texts of the reform and of the law that opened its remedy too.
void AppendApplied(std::string& o, const FactTable& f, uint32_t s, const FactTable::SentenceLaw& law,
                   const AppliedReform& a, ReasonsDetail detail) {
  const Population& pop = *f.population;
  const Reform& r = law.reforms->reforms()[static_cast<size_t>(a.reform)];
  const Reform* via = a.opened_by >= 0 ? &law.reforms->reforms()[static_cast<size_t>(a.opened_by)] : nullptr;
  const bool full = detail == ReasonsDetail::kFull;
  o += "{\"sentence_id\":";
  AppendJsonString(o, pop.str(pop.sentences.id[s]));
  o += ",\"active\":";
  o += f.active[s] == kTrue ? "true" : "false";
  o += ",\"offense_code\":";
  AppendJsonString(o, pop.str(pop.sentences.offense_code[s]));
  o += ",\"id\":";
  AppendJsonString(o, r.id);
  if (full) AppendReformText(o, r, /*with_effect=*/true);
  o += ",\"term_low_days\":";
  AppendTermJson(o, a.low);
  o += ",\"term_days\":";
  AppendTermJson(o, a.high);
  o += ",\"remedy\":";
  AppendJsonString(o, RemedyName(a.remedy));
  if (full) {
    o += ",\"remedy_text\":";
    AppendJsonString(o, via != nullptr ? via->remedy_text : r.retroactive ? r.remedy_text : "");
  }
  if (!full) {  // compact: always present, an id or null
    o += ",\"remedy_by\":";
    if (via != nullptr) AppendJsonString(o, via->id);
    else o += "null";
  } else if (via != nullptr) {
    o += ",\"remedy_by\":{\"id\":";
    AppendJsonString(o, via->id);
    AppendReformText(o, *via, /*with_effect=*/false);
    o.push_back('}');
  }
  AppendNotes(o, a.notes, detail);
  o.push_back('}');
}

}  // namespace

void AppendCurrentLawJson(std::string& o, const FactTable& f, uint32_t p, ReasonsDetail detail) {
  auto days = [&](int64_t v) { AppendTermJson(o, v); };
  o += "\"current_law\":{\"imposed_days\":";
  days(f.imposed_term[p]);
  o += ",\"term_days\":";
  days(f.current_law_term[p]);
  o += ",\"term_low_days\":";
  days(f.current_law_term_low[p]);
  o += ",\"excess_days\":";
  days(f.current_law_excess[p]);
  o += ",\"excess_max_days\":";
  days(f.current_law_excess_max[p]);
  o += ",\"remedy\":";
  AppendJsonString(o, Str(f, f.current_law_remedy[p]));
  o += "},\"reforms\":[";
  bool first = true;
  for (uint32_t s = f.sentence_begin[p]; s < f.sentence_begin[p + 1]; ++s) {
    if (f.law_index[s] == kNoIndex) continue;
    const FactTable::SentenceLaw& law = f.law[f.law_index[s]];
    for (const AppliedReform& a : law.term.applied) {
      if (!first) o.push_back(',');
      first = false;
      AppendApplied(o, f, s, law, a, detail);
    }
  }
  o.push_back(']');
}

std::string CurrentLawExplanation(const FactTable& f, uint32_t p) {
  const Population& pop = *f.population;
  std::string o = "\ncurrent law (the sentencing reforms in force on the as-of date):\n";
  bool any = false;
  for (uint32_t s = f.sentence_begin[p]; s < f.sentence_begin[p + 1]; ++s) {
    if (f.law_index[s] == kNoIndex) continue;
    any = true;
    const FactTable::SentenceLaw& law = f.law[f.law_index[s]];
    o += fmt::format("  sentence {} ({}, {}), sentenced {}: imposed {}\n", pop.str(pop.sentences.id[s]),
                     pop.str(pop.sentences.offense_code[s]), f.active[s] == kTrue ? "active" : "served",
                     pop.sentences.sentence_date[s].ToString(), TermWords(law.term.imposed));
    for (const AppliedReform& a : law.term.applied) {
      const Reform& r = law.reforms->reforms()[static_cast<size_t>(a.reform)];
      o += fmt::format("    - {}: {} (in force {})\n", r.id, r.title, r.effective.ToString());
      o += fmt::format("      effect:   {}{}\n", r.effect->text,
                       r.effect->discretionary ? " (the court may, but need not)" : "");
      o += fmt::format("      term now: {}\n", RangeWords(a.low, a.high));
      o += fmt::format("      citation: {}\n", r.citation);
      for (const ReformNote& n : a.notes) o += fmt::format("      note:     {}\n", n.text);
      if (a.opened_by >= 0) {
        const Reform& via = law.reforms->reforms()[static_cast<size_t>(a.opened_by)];
        o += fmt::format("      remedy:   {}, opened by {} ({}; {}): {}\n", RemedyName(a.remedy), via.id, via.title, via.citation,
                         via.remedy_text);
      } else if (r.retroactive) {
        o += fmt::format("      remedy:   {}: {}\n", RemedyName(a.remedy), r.remedy_text);
      } else if (a.remedy == Remedy::kNone) {
        o += "      remedy:   none: this law shortens no sentence; it narrows what today's law would give\n";
      } else {
        o += "      remedy:   clemency: the reform does not reach sentences imposed before it\n";
      }
    }
    o += fmt::format("    current-law term of this sentence: {}\n", RangeWords(law.term.low, law.term.high));
  }
  if (!any) {
    const std::string_view j = Str(f, f.jurisdiction[p]);
    const auto reviewed = f.law_reviewed_through.find(j);
    if (Str(f, f.current_law_remedy[p]) != "unknown")
      o += "  no reform in force touches this person's sentences\n";
    else if (reviewed != f.law_reviewed_through.end())
      o += fmt::format("  the sentencing law of {} was reviewed through {} (rules/reforms/{}.toml), before the as-of date: "
                       "whether a later law gives a shorter term is unknown\n",
                       j, reviewed->second.ToString(), j);
    else
      o += fmt::format("  no sentencing reforms are encoded for {} (rules/reforms/{}.toml): whether today's law would give "
                       "a shorter term is unknown\n",
                       j, j);
    if (reviewed != f.law_reviewed_through.end() && Str(f, f.current_law_remedy[p]) != "unknown")
      o += fmt::format("  (the sentencing law of {} was reviewed through {}; rules/reforms/{}.toml lists what was "
                       "reviewed and why none of it applies)\n",
                       j, reviewed->second.ToString(), j);
    return o;
  }
  o += fmt::format("  imposed term (active sentences): {}\n", TermWords(f.imposed_term[p]));
  o += fmt::format("  current-law term: {}\n", RangeWords(f.current_law_term_low[p], f.current_law_term[p]));
  const int64_t ex = f.current_law_excess[p], mx = f.current_law_excess_max[p];
  if (ex != kNa && (mx == ex || mx == kNa))
    o += fmt::format("  excess: {}\n", TermWords(ex));
  else if (ex != kNa)
    o += fmt::format("  excess: {} for certain, up to {} if the court uses its discretion\n", TermWords(ex), TermWords(mx));
  else
    o += fmt::format("  excess: unknown (up to {}): the reduction is discretionary or depends on facts the data does not record\n",
                     TermWords(mx));
  const std::string_view remedy = Str(f, f.current_law_remedy[p]);
  for (const RemedyKind& k : kRemedyKinds)
    if (k.name == remedy) o += fmt::format("  remedy: {} ({})\n", remedy, k.text);
  return o;
}

}  // namespace clemency
