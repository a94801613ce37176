#include "clemency/report/catalog_gaps.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace clemency {
namespace {

std::vector<std::string> UnknownFields(const ResolvedOffense& r) {
  std::vector<std::string> out;
  if (!r.category_known()) out.emplace_back("category");
  if (r.flags_known == 0) {
    out.emplace_back("flags");
  } else {
    for (size_t i = 0; i < std::size(kOffenseFlags); ++i)
      if (!(r.flags_known >> i & 1)) out.push_back("flag " + std::string(kOffenseFlags[i]));
  }
  return out;
}

// A TOML basic string.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

// A regular expression matching s exactly, case-insensitively, as a TOML literal string.
std::string ExactPattern(std::string_view s) {
  std::string re = "^";
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) re += '\\';
    if (c == '\'') re += "\\x27";
    else if (static_cast<unsigned char>(c) >= 0x20) re += c;
  }
  return "'" + re + "$'";
}

// Whether the person's review triage names the sentence's offense code.
bool TriageNames(const FactTable& f, const ReviewTriage& triage, uint32_t person, uint32_t sentence) {
  const std::string code = "[" + std::string(f.strings.View(static_cast<StrId>(f.offense_code[sentence]))) + "]";
  for (const std::string& fact : triage.FactsOf(person))
    if (fact.ends_with(code)) return true;
  return false;
}

}  // namespace

std::vector<CatalogGap> FindCatalogGaps(const FactTable& f, const Screening* screening, const ReviewTriage* triage) {
  const Population& pop = *f.population;
  const auto& entries = f.offenses.entries;
  std::vector<CatalogGap> gaps(entries.size());
  std::vector<uint32_t> last_person(entries.size(), UINT32_MAX);
  std::vector<std::map<StrId, uint64_t>> descriptions(entries.size());
  for (uint32_t p = 0; p < f.people(); ++p) {
    const bool review = screening != nullptr && screening->status[p] == Status::kNeedsReview;
    for (uint32_t s = f.sentence_begin[p]; s < f.sentence_begin[p + 1]; ++s) {
      const uint32_t i = f.offenses.of_sentence[s];
      if (entries[i].resolved.complete()) continue;
      CatalogGap& g = gaps[i];
      ++g.sentences;
      if (pop.sentences.offense_description[s] != kNoStr) ++descriptions[i][pop.sentences.offense_description[s]];
      if (last_person[i] == p) continue;
      last_person[i] = p;
      ++g.people;
      if (review && (triage == nullptr || TriageNames(f, *triage, p, s))) ++g.needs_review;
    }
  }
  std::vector<CatalogGap> out;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (gaps[i].sentences == 0) continue;
    CatalogGap g = std::move(gaps[i]);
    g.code = std::string(pop.str(entries[i].code));
    g.resolved = &entries[i].resolved;
    g.unknown = UnknownFields(entries[i].resolved);
    if (entries[i].description != kNoStr) {
      g.by_description = true;
      g.description = std::string(pop.str(entries[i].description));
    } else if (!descriptions[i].empty()) {
      auto most = std::max_element(descriptions[i].begin(), descriptions[i].end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
      g.description = std::string(pop.str(most->first));
    }
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const CatalogGap& a, const CatalogGap& b) {
    if (a.needs_review != b.needs_review) return a.needs_review > b.needs_review;
    if (a.people != b.people) return a.people > b.people;
    if (a.code != b.code) return a.code < b.code;
    return a.description < b.description;
  });
  return out;
}

nlohmann::ordered_json CatalogGapsJson(const std::vector<CatalogGap>& gaps, size_t limit) {
  nlohmann::ordered_json top = nlohmann::ordered_json::array();
  uint64_t people = 0, review = 0;
  for (const CatalogGap& g : gaps) {
    people += g.people;
    review += g.needs_review;
    if (top.size() >= limit) continue;
    nlohmann::ordered_json unknown = nlohmann::ordered_json::array();
    for (const std::string& u : g.unknown) unknown.push_back(u);
    top.push_back({{"code", g.code},
                   {"description", g.description},
                   {"resolution", g.resolved->Describe()},
                   {"unknown", unknown},
                   {"people", g.people},
                   {"sentences", g.sentences},
                   {"needs_review", g.needs_review}});
  }
  return {{"codes", gaps.size()},
          {"people", people},
          {"needs_review", review},
          {"meaning", "offense codes or descriptions the catalogs resolve to nothing or to a partial entry; "
                      "people may be counted under several; `clemency catalog gaps` writes them as catalog stubs"},
          {"top", top}};
}

std::string CatalogGapsToml(const std::vector<CatalogGap>& gaps) {
  std::string o = fmt::format(
      "# {} offense codes or descriptions resolve to nothing or to a partial catalog entry, most consequential first.\n"
      "# Complete each stub from the statute and paste it into rules/offenses/XX.toml (or your --rules folder);\n"
      "# category: violent | sex | property | drug_possession | drug_distribution | public_order | other.\n",
      gaps.size());
  for (const CatalogGap& g : gaps) {
    o += fmt::format("\n# {} people, {} sentences, {} needs_review decisions hang on it; today: {}\n", g.people, g.sentences,
                     g.needs_review, g.resolved->Describe());
    if (!g.unknown.empty()) {
      o += "# unknown:";
      for (size_t i = 0; i < g.unknown.size(); ++i) o += (i == 0 ? " " : ", ") + g.unknown[i];
      o += "\n";
    }
    if (g.by_description) {
      o += "[[pattern]]\ndescription = " + ExactPattern(g.description) + "\n";
    } else {
      o += "[[offense]]\ncode = " + Quoted(g.code) + "\ntitle = " + Quoted(g.description) + "\n";
    }
    // What is known today is filled in; the rest is left to complete.
    std::string flags;
    for (size_t i = 0; i < std::size(kOffenseFlags); ++i)
      if (g.resolved->flags >> i & 1) flags += (flags.empty() ? "\"" : ", \"") + std::string(kOffenseFlags[i]) + "\"";
    o += "category = " + Quoted(g.resolved->category) + "\nbjs_offense = " + Quoted(g.resolved->bjs_offense) +
         "\nflags = [" + flags + "]\ncitation = \"\"\n";
  }
  return o;
}

}  // namespace clemency
