#include "clemency/report/sentence_table.h"

#include <fmt/format.h>

namespace clemency {
namespace {

std::string FlagsText(const FactTable& f, uint32_t s) {
  if (f.flags_known[s] == 0) return "flags unknown";
  std::string yes, unknown;
  for (size_t b = 0; b < f.flag_names.size(); ++b) {
    if (f.flags[s] >> b & 1) yes += (yes.empty() ? "" : ", ") + f.flag_names[b];
    else if (!(f.flags_known[s] >> b & 1)) unknown += (unknown.empty() ? "" : ", ") + f.flag_names[b];
  }
  std::string out = "flags: " + (yes.empty() ? std::string("none") : yes);
  if (!unknown.empty()) out += " (unknown: " + unknown + ")";
  return out;
}

std::string TermText(const Population& pop, uint32_t s) {
  const SentenceType type = pop.sentences.type[s];
  const std::string name(kSentenceTypeNames[static_cast<size_t>(type)]);
  auto days = [](int32_t d) { return d == kMissingInt ? std::string("unknown") : fmt::format("{} days", d); };
  if (type == SentenceType::kDeterminate) return name + ", " + days(pop.sentences.term_days[s]);
  if (type == SentenceType::kIndeterminate)
    return fmt::format("{}, {} to {}", name, days(pop.sentences.min_term_days[s]), days(pop.sentences.max_term_days[s]));
  return name;
}

}  // namespace

std::string OffenseDescription(const FactTable& f, uint32_t s) {
  const Population& pop = *f.population;
  if (pop.sentences.offense_description[s] != kNoStr) return std::string(pop.str(pop.sentences.offense_description[s]));
  const ResolvedOffense& r = f.offenses.of(s);
  if (r.offense != nullptr) return r.offense->title;
  std::string titles;  // a section: its refinements' titles
  for (const Offense* o : r.candidates) titles += (titles.empty() ? "" : " / ") + o->title;
  return titles;
}

uint32_t MostSeriousActiveSentence(const FactTable& f, uint32_t p) {
  uint32_t best = kNoIndex;
  int best_severity = 0;
  for (uint32_t s = f.sentence_begin[p]; s < f.sentence_begin[p + 1]; ++s) {
    if (f.active[s] != kTrue) continue;
    const int severity = f.category[s] == kNa ? CategorySeverity("") : CategorySeverity(f.strings.View(static_cast<StrId>(f.category[s])));
    const bool longer = best != kNoIndex && severity == best_severity && f.term[s] != kNa &&
                        (f.term[best] == kNa || f.term[s] > f.term[best]);
    if (best == kNoIndex || severity < best_severity || longer) {
      best = s;
      best_severity = severity;
    }
  }
  return best;
}

std::string PersonSentencesText(const FactTable& f, uint32_t p) {
  const Population& pop = *f.population;
  std::string o = "sentences:\n";
  for (uint32_t s = f.sentence_begin[p]; s < f.sentence_begin[p + 1]; ++s) {
    const ResolvedOffense& r = f.offenses.of(s);
    const std::string description = OffenseDescription(f, s);
    o += fmt::format("  {} {}{}\n", pop.str(pop.sentences.id[s]), pop.str(pop.sentences.offense_code[s]),
                     description.empty() ? "" : "  \"" + description + "\"");
    o += fmt::format("      resolved: {}\n", r.Describe());
    o += fmt::format("      category {}; {}\n", r.category_known() ? r.category : "unknown", FlagsText(f, s));
    o += fmt::format("      {}; {}\n", TermText(pop, s), kSentenceStatusNames[static_cast<size_t>(pop.sentences.status[s])]);
  }
  return o;
}

}  // namespace clemency
