#include "clemency/sqlgen/reform_sql.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "clemency/law/remedy.h"

namespace clemency {
namespace {

const std::string kLife = kSqlLifeDays;

// ------------------------------------------------------------ small text helpers

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? std::string(sep) : "") + parts[i];
  return out;
}

// Parts joined by OR (or AND), in parentheses when more than one; `empty` when none.
std::string AnyOf(const std::vector<std::string>& parts, const char* empty = "FALSE") {
  if (parts.empty()) return empty;
  return parts.size() == 1 ? parts[0] : "(" + Join(parts, " OR ") + ")";
}
std::string AllOf(const std::vector<std::string>& parts) {
  if (parts.empty()) return "TRUE";
  return parts.size() == 1 ? parts[0] : "(" + Join(parts, " AND ") + ")";
}

// A comment's text on one line.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

// A name for SQL identifiers: lower case, anything else than a letter or digit as '_'.
std::string IdentPart(std::string_view s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  return out;
}

// The strings, each once, in their first order.
std::vector<std::string> Distinct(const std::vector<std::string>& xs) {
  std::vector<std::string> out;
  for (const std::string& x : xs)
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  return out;
}

std::string DayLit(Date d) { return fmt::format("{} /* {} */", d.days(), d.ToString()); }

std::string ListSql(const Sql& sql, const std::vector<std::string>& xs) {
  std::vector<std::string> q;
  for (const std::string& x : xs) q.push_back(sql.Str(x));
  return "(" + Join(q, ", ") + ")";
}

std::string InSql(const Sql& sql, const std::string& expr, const std::vector<std::string>& xs) {
  return xs.empty() ? "FALSE" : expr + " IN " + ListSql(sql, xs);
}

// Whether flag text (";a;b;") has any of the flags.
std::string AnyFlagSql(const Sql& sql, const std::string& flags, const std::vector<std::string>& names) {
  std::vector<std::string> parts;
  for (const std::string& f : names) parts.push_back(sql.Contains(flags, sql.Str(";" + f + ";")));
  return AnyOf(parts);
}

// ------------------------------------------------------------ the match, as current_law_term.cc's

// CodeMatches: exact codes, or prefixes ending in '*'.
std::string CodeMatchSql(const Sql& sql, const std::string& code, const std::vector<std::string>& patterns) {
  std::vector<std::string> exact, parts;
  for (const std::string& p : patterns) {
    if (p.empty() || p.back() != '*') exact.push_back(p);
    else if (p.size() == 1) parts.push_back("TRUE");
    else parts.push_back(sql.StartsWith(code, std::string_view(p).substr(0, p.size() - 1)));
  }
  if (!exact.empty()) parts.insert(parts.begin(), InSql(sql, code, exact));
  return AnyOf(parts);
}

// DatesMatch as 'yes', 'no' or 'unknown' (an unrecorded date leaves it open).
std::string DatesSql(const ReformMatch& m, const std::string& p) {
  const std::string sd = p + "sentence_date", od = p + "offense_date";
  std::vector<std::string> w;
  if (!m.sentenced_before.missing()) w.push_back(fmt::format("WHEN {} >= {} THEN 'no'", sd, DayLit(m.sentenced_before)));
  if (!m.sentenced_on_or_after.missing())
    w.push_back(fmt::format("WHEN {} < {} THEN 'no'", sd, DayLit(m.sentenced_on_or_after)));
  if (!m.offense_before.missing()) {
    w.push_back(fmt::format("WHEN {} >= {} THEN 'no'", od, DayLit(m.offense_before)));
    if (!m.sentenced_before.missing())
      w.push_back(fmt::format("WHEN {} IS NOT NULL AND {} IS NULL THEN 'unknown'", od, sd));
    w.push_back(fmt::format("WHEN {} IS NOT NULL THEN 'yes'", od));
    w.push_back(fmt::format("WHEN {} < {} THEN 'yes'", sd, DayLit(m.offense_before)));
    w.push_back("ELSE 'unknown'");
  } else {
    if (!m.sentenced_before.missing()) w.push_back(fmt::format("WHEN {} IS NULL THEN 'unknown'", sd));
    if (w.empty()) return "'yes'";
    w.push_back("ELSE 'yes'");
  }
  return "CASE " + Join(w, " ") + " END";
}

// ------------------------------------------------------------ the compile-time plan of a jurisdiction

int Rank(Remedy r) { return KindOf(r).rank; }

// WindowedRemedy on the as-of date.
Remedy WindowedRemedy(const Reform& r, Date as_of) {
  const Remedy own = r.remedy.value_or(Remedy::kClemency);
  if (!r.window) return own;
  if (!r.window->opens.missing() && as_of < r.window->opens) return Remedy::kClemency;
  if (!r.window->closes.missing() && r.window->closes < as_of) return r.window->after;
  return own;
}

struct Opener {
  const Reform* q;
  Remedy remedy;
};

// One reform in force: its step number in the chain and ChooseRemedy's options.
struct Step {
  int k = 0;
  const Reform* r = nullptr;
  Remedy base = Remedy::kClemency;  // without an opener
  std::vector<Opener> openers;      // stronger than base, strongest then earliest first
};

struct Jur {
  const Sql& sql;
  std::string tag;  // "ca": prefix of the CTE names
  std::string code;  // "CA"
  const ReformSet& set;
  bool has_catalog;
  Date as_of;
  std::vector<Step> steps;
  std::vector<const Reform*> openers;  // makes_retroactive reforms in force
  std::vector<std::string> fr_openers;  // those of them that are a full resentencing

  std::string Cte(std::string_view name) const { return tag + "_" + std::string(name); }
};

Step PlanStep(const Jur& j, int k, const Reform& r) {
  Step s;
  s.k = k;
  s.r = &r;
  s.base = r.retroactive ? WindowedRemedy(r, j.as_of) : Remedy::kClemency;
  if (r.effect->kind == EffectKind::kRestoreFelony) s.base = Remedy::kNone;
  else
    for (const Reform* q : j.openers)
      if (std::find(q->makes_retroactive.begin(), q->makes_retroactive.end(), r.id) != q->makes_retroactive.end() &&
          Rank(WindowedRemedy(*q, j.as_of)) > Rank(s.base))
        s.openers.push_back({q, WindowedRemedy(*q, j.as_of)});
  std::stable_sort(s.openers.begin(), s.openers.end(),
                   [](const Opener& a, const Opener& b) { return Rank(a.remedy) > Rank(b.remedy); });
  return s;
}

Jur PlanJur(const Sql& sql, const ReformPackSql& pack, Date as_of) {
  Jur j{sql, IdentPart(pack.jurisdiction), pack.jurisdiction, *pack.reforms, pack.catalog != nullptr, as_of, {}, {}, {}};
  for (const Reform& q : j.set.reforms()) {
    if (q.makes_retroactive.empty() || as_of < q.effective) continue;
    j.openers.push_back(&q);
    if (q.full_resentencing) j.fr_openers.push_back(q.id);
  }
  for (const Reform& r : j.set.reforms())
    if (r.effect && r.effective <= as_of) j.steps.push_back(PlanStep(j, static_cast<int>(j.steps.size()) + 1, r));
  return j;
}

std::string Col(int k, std::string_view name) { return fmt::format("r{}_{}", k, name); }
std::string ReachesCol(const Reform& q) { return "reaches_" + IdentPart(q.id); }

// ------------------------------------------------------------ the gate of ApplyReforms

// The people one of whose sentences a reform in force may touch: its code
// (OffenseMayBeTouched) or an enhancement (EnhancementMayBeTouched).
std::string GateSelect(const Jur& j) {
  std::vector<std::string> codes, enh;
  for (const Step& s : j.steps) {
    const ReformMatch& m = s.r->match;
    if (!m.offense_codes.empty()) codes.insert(codes.end(), m.offense_codes.begin(), m.offense_codes.end());
    else enh.insert(enh.end(), m.enhancements.begin(), m.enhancements.end());
  }
  codes = Distinct(codes);
  enh = Distinct(enh);
  const std::string jur = j.sql.Str(j.code);
  std::vector<std::string> parts;
  if (!codes.empty())
    parts.push_back(fmt::format("  -- {}: a sentence for an offense a reform in force names\n"
                                "  SELECT s.person_id FROM law_sentences s\n  WHERE s.jur = {} AND {}",
                                j.code, jur, CodeMatchSql(j.sql, "s.code", codes)));
  if (!enh.empty())
    parts.push_back(fmt::format("  -- {}: a sentence with an enhancement a reform in force names\n"
                                "  SELECT s.person_id FROM law_sentences s JOIN law_enhancements e ON e.sid = s.sid\n"
                                "  WHERE s.jur = {} AND {}",
                                j.code, jur, InSql(j.sql, "e.code", enh)));
  return Join(parts, "\n  UNION ALL\n");
}

std::string GateCte(const std::vector<Jur>& jurs) {
  std::vector<std::string> parts;
  for (const Jur& j : jurs)
    if (std::string g = GateSelect(j); !g.empty()) parts.push_back(std::move(g));
  if (parts.empty()) parts.push_back("  SELECT person_id FROM law_sentences WHERE 1 = 0");
  return "-- The people ApplyReforms computes: one of their sentences may be touched by a reform in force\n"
         "law_gate AS (\n" + Join(parts, "\n  UNION ALL\n") + "\n)";
}

// ------------------------------------------------------------ per-sentence and per-person inputs

// Per sentence, the enhancement facts the reforms read.
std::vector<std::string> EnhancementColumns(const Jur& j) {
  const Sql& sql = j.sql;
  std::vector<std::string> cols;
  bool all = false;
  for (const Step& s : j.steps) {
    const ReformMatch& m = s.r->match;
    const ReformEffect& e = *s.r->effect;
    if (!m.enhancements.empty())
      cols.push_back(fmt::format("MAX(CASE WHEN {} THEN 1 ELSE 0 END) AS {}", InSql(sql, "code", m.enhancements), Col(s.k, "enh_any")));
    if (!m.enhancements_none.empty())
      cols.push_back(fmt::format("MAX(CASE WHEN {} THEN 1 ELSE 0 END) AS {}", InSql(sql, "code", m.enhancements_none),
                                 Col(s.k, "enh_none")));
    if (e.kind == EffectKind::kRemoveEnhancement)
      cols.push_back(fmt::format("{} AS {}", sql.Cast(fmt::format("SUM(CASE WHEN {} THEN days ELSE 0 END)", InSql(sql, "code", e.enhancements)), sql.Int()),
                                 Col(s.k, "enh_days")));
    if (e.kind == EffectKind::kShortenEnhancement)
      cols.push_back(fmt::format("{} AS {}",
                                 sql.Cast(fmt::format("SUM(CASE WHEN {0} AND days > {1} THEN days - {1} ELSE 0 END)",
                                                      InSql(sql, "code", e.enhancements), e.to_days), sql.Int()),
                                 Col(s.k, "enh_days")));
    all = all || e.kind == EffectKind::kLifeToYears;
  }
  if (all) cols.push_back(fmt::format("{} AS enh_all_days", sql.Cast("SUM(days)", sql.Int())));
  return cols;
}

std::string EnhancementCte(const Jur& j, const std::vector<std::string>& cols) {
  return fmt::format("-- {}: the enhancements each reform reads, per sentence\n{} AS (\n  SELECT sid,\n    {}\n"
                     "  FROM law_enhancements GROUP BY sid\n)", j.code, j.Cte("enh"), Join(cols, ",\n    "));
}

// Per person, for person_flags_none: an offense not in the catalog, and each reform's flags.
std::vector<std::string> PersonColumns(const Jur& j) {
  std::vector<std::string> cols;
  for (const Step& s : j.steps)
    if (!s.r->match.person_flags_none.empty())
      cols.push_back(fmt::format("MAX(CASE WHEN {} THEN 1 ELSE 0 END) AS {}",
                                 AnyFlagSql(j.sql, "offense_flags", s.r->match.person_flags_none), Col(s.k, "flagged")));
  if (!cols.empty()) cols.insert(cols.begin(), "MAX(CASE WHEN offense_flags IS NULL THEN 1 ELSE 0 END) AS unknown_offense");
  return cols;
}

std::string PersonCte(const Jur& j, const std::vector<std::string>& cols) {
  return fmt::format("-- {}: per person, an offense not in the catalog, and the flags person_flags_none excludes\n"
                     "{} AS (\n  SELECT person_id,\n    {}\n  FROM law_person_offenses GROUP BY person_id\n)",
                     j.code, j.Cte("person"), Join(cols, ",\n    "));
}

std::string AliasOf(const std::string& col) { return col.substr(col.rfind(' ') + 1); }

// The sentences of the gated people, as imposed, with their inputs.
std::string InputCte(const Jur& j, const std::vector<std::string>& enh, const std::vector<std::string>& person) {
  std::vector<std::string> cols = {
      "s.sid", "s.person_id", "s.type", "s.code", "s.sentence_date", "s.offense_date", "s.drug_type", "s.drug_grams",
      j.has_catalog ? "COALESCE(s.in_catalog, FALSE) AS in_catalog" : "FALSE AS in_catalog  -- no offense catalog",
      "COALESCE(s.offense_flags, ';') AS offense_flags", "s.triad_lower_months", "s.triad_upper_months",
      fmt::format("CASE s.type WHEN 'determinate' THEN s.term_days WHEN 'indeterminate' THEN COALESCE(s.term_days, {0}) "
                  "ELSE {0} END AS imposed", kLife),
      "CASE WHEN s.type = 'indeterminate' AND s.term_days IS NULL THEN s.min_term_days END AS floor_days"};
  for (const std::string& c : enh) cols.push_back(fmt::format("COALESCE(e.{0}, 0) AS {0}", AliasOf(c)));
  for (const std::string& c : person) cols.push_back(fmt::format("COALESCE(p.{0}, 0) AS {0}", AliasOf(c)));
  for (const Reform* q : j.openers)
    cols.push_back(fmt::format("{} = 'yes' AS {}  -- {} reaches the sentence's dates", DatesSql(q->match, "s."),
                               ReachesCol(*q), q->id));
  std::string from = "law_sentences s";
  if (!enh.empty()) from += fmt::format(" LEFT JOIN {} e ON e.sid = s.sid", j.Cte("enh"));
  if (!person.empty()) from += fmt::format(" LEFT JOIN {} p ON p.person_id = s.person_id", j.Cte("person"));
  std::string body;
  for (size_t i = 0; i < cols.size(); ++i) {
    const std::string& c = cols[i];
    const size_t comment = c.find("  --");
    const std::string sep = i + 1 < cols.size() ? "," : "";
    body += "    " + (comment == std::string::npos ? c + sep : c.substr(0, comment) + sep + c.substr(comment)) + "\n";
  }
  return fmt::format("-- {0}: the sentences of those people, as imposed (life = {1} days)\n{2} {6} (\n  SELECT\n{3}"
                     "  FROM {4}\n  WHERE s.jur = {5} AND s.person_id IN (SELECT person_id FROM law_gate)\n)",
                     j.code, kLife, j.Cte("in"), body, from, j.sql.Str(j.code), j.sql.CteAs());
}


// ------------------------------------------------------------ one step per reform in force

// The state a step reads and writes: the column holding each value so far.
struct State {
  std::string low = "imposed", high = "imposed", code = "code", reclassified = "FALSE";
  std::string cte;                      // the relation of the last step
  std::vector<std::pair<std::string, int>> applied;  // reform id -> step, in order
};

std::string EffectText(const ReformEffect& e) {
  std::string t = std::string(EffectKindName(e.kind));
  switch (e.kind) {
    case EffectKind::kRemoveEnhancement: t += " " + Join(e.enhancements, ", "); break;
    case EffectKind::kShortenEnhancement: t += fmt::format(" {} to at most {} days", Join(e.enhancements, ", "), e.to_days); break;
    case EffectKind::kReclassify:
    case EffectKind::kCapTerm: t += fmt::format(", at most {} days", e.max_days); break;
    case EffectKind::kLowerMinimum: t += fmt::format(" from {} to {} days", e.from_days, e.to_days); break;
    case EffectKind::kLifeToYears:
      t += e.doubled_triad ? ", twice the catalog triad" : fmt::format(", {} days", e.min_days);
      if (!e.doubled_triad && e.max_life) t += " to life";
      else if (!e.doubled_triad && e.max_days > 0) t += fmt::format(" to {} days", e.max_days);
      t += ", plus the enhancements";
      break;
    case EffectKind::kRestoreFelony: t += fmt::format(" of {}, up to {} days", Join(e.restores, ", "), e.max_days); break;
    case EffectKind::kGuidelineRange: break;
  }
  if (e.discretionary) t += " (discretionary)";
  if (!e.now_code.empty()) t += "; now under " + e.now_code;
  return t;
}

std::string StepHeader(const Jur& j, const Step& s) {
  const Reform& r = *s.r;
  std::string h = fmt::format("-- {} step {}/{}: {}, effective {}: {}\n-- {}\n-- effect: {}", j.code, s.k, j.steps.size(),
                              r.id, r.effective.ToString(), OneLine(r.title), OneLine(r.citation), OneLine(EffectText(*r.effect)));
  if (!r.effect->text.empty()) h += "\n--   " + OneLine(r.effect->text);
  for (const std::string& d : r.depends_on) h += "\n-- depends on (a range): " + OneLine(d);
  return h;
}

// Touches (and the restore_felony and life_to_years conditions), dates aside.
std::string MatchSql(const Jur& j, const Step& s, const State& st) {
  const Sql& sql = j.sql;
  const ReformMatch& m = s.r->match;
  const ReformEffect& e = *s.r->effect;
  std::vector<std::string> c;
  if (!m.offense_codes.empty()) c.push_back(CodeMatchSql(sql, st.code, m.offense_codes));
  if (!m.enhancements.empty()) c.push_back(Col(s.k, "enh_any") + " = 1");
  if (!m.enhancements_none.empty()) c.push_back(Col(s.k, "enh_none") + " = 0");
  if (!m.sentence_types.empty()) c.push_back(InSql(sql, "type", m.sentence_types));
  if (!m.drug_types.empty()) c.push_back(InSql(sql, "COALESCE(drug_type, '')", m.drug_types));
  if (m.drug_grams_at_least >= 0 || m.drug_grams_below >= 0) {
    std::vector<std::string> g;
    if (m.drug_grams_at_least >= 0) g.push_back("drug_grams >= " + sql.Num(m.drug_grams_at_least));
    if (m.drug_grams_below >= 0) g.push_back("drug_grams < " + sql.Num(m.drug_grams_below));
    c.push_back("(drug_grams IS NULL OR " + AllOf(g) + ")");
  }
  if (!m.offense_flags_none.empty())
    c.push_back("(NOT in_catalog OR NOT " + AnyFlagSql(sql, "offense_flags", m.offense_flags_none) + ")");
  if (!m.person_flags_none.empty()) c.push_back(Col(s.k, "flagged") + " = 0");
  if (e.kind == EffectKind::kRestoreFelony) {
    std::vector<std::string> prior;
    for (const auto& [id, k] : st.applied)
      if (std::find(e.restores.begin(), e.restores.end(), id) != e.restores.end()) prior.push_back(Col(k, "applied"));
    c.push_back(AnyOf(prior));
  }
  if (e.kind == EffectKind::kLifeToYears) c.push_back("imposed = " + kLife);
  return AllOf(c);
}

// What the data cannot settle (the dates aside): the reduction becomes a range.
std::string UnsureSql(const Step& s) {
  const ReformMatch& m = s.r->match;
  if (!s.r->depends_on.empty()) return "TRUE";
  std::vector<std::string> u;
  if (m.drug_grams_at_least >= 0 || m.drug_grams_below >= 0) u.push_back("drug_grams IS NULL");
  if (!m.offense_flags_none.empty()) u.push_back("NOT in_catalog");
  if (!m.person_flags_none.empty()) u.push_back("unknown_offense = 1");
  return AnyOf(u);
}

// ChooseRemedy: the strength of the remedy, and the opener that gave it.
std::string RemedySql(const Step& s) {
  if (s.openers.empty()) return std::to_string(Rank(s.base));
  std::string w;
  for (const Opener& o : s.openers) w += fmt::format("WHEN {} THEN {} ", ReachesCol(*o.q), Rank(o.remedy));
  return fmt::format("CASE {}ELSE {} END", w, Rank(s.base));
}

std::string OpenerSql(const Jur& j, const Step& s) {
  if (s.openers.empty()) return j.sql.Cast("NULL", j.sql.Text());
  std::string w;
  for (const Opener& o : s.openers) w += fmt::format("WHEN {} THEN {} ", ReachesCol(*o.q), j.sql.Str(o.q->id));
  return "CASE " + w + "END";
}

std::string TestCte(const Jur& j, const Step& s, const State& st) {
  return fmt::format(
      "{0} AS (\n  SELECT p.*,\n    {1} AS {2},\n    {3} AS {4},\n    {5} AS {6},\n"
      "    {7} AS {8},  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none\n"
      "    {9} AS {10}\n  FROM {11} AS p\n)",
      j.Cte(fmt::format("{}_test", s.k)), DatesSql(s.r->match, ""), Col(s.k, "dates"), MatchSql(j, s, st), Col(s.k, "match"),
      UnsureSql(s), Col(s.k, "unsure"), RemedySql(s), Col(s.k, "remedy"), OpenerSql(j, s), Col(s.k, "opener"), st.cte);
}

// Minus: days off a term of days (never below 0); life and unknown stay.
std::string MinusSql(const std::string& t, const std::string& d) {
  return fmt::format("CASE WHEN {0} IS NULL OR {0} = {2} THEN {0} WHEN {0} - {1} > 0 THEN {0} - {1} ELSE 0 END", t, d, kLife);
}
// AtMost: an unknown term becomes the cap.
std::string AtMostSql(const std::string& t, int cap) {
  return fmt::format("CASE WHEN {0} IS NOT NULL AND {0} < {1} THEN {0} ELSE {1} END", t, cap);
}
std::string MaxSql(const std::string& a, const std::string& b) { return fmt::format("CASE WHEN {0} > {1} THEN {0} ELSE {1} END", a, b); }
std::string MinSql(const std::string& a, const std::string& b) { return fmt::format("CASE WHEN {0} < {1} THEN {0} ELSE {1} END", a, b); }
// MonthsToDays, llround(months * 365.25 / 12) in integers (months >= 0).
std::string MonthsToDaysSql(const Sql& sql, const std::string& months) {
  return sql.IntDiv(months + " * 1461 + 24", "48");
}

// ApplyEffect on the low end and the high end ("" when the effect leaves it).
std::pair<std::string, std::string> EffectSql(const Jur& j, const Step& s, const State& st) {
  const ReformEffect& e = *s.r->effect;
  const std::string& lo = st.low;
  const std::string& hi = st.high;
  const std::string triad = "in_catalog AND triad_lower_months > 0";
  switch (e.kind) {
    case EffectKind::kRemoveEnhancement:
    case EffectKind::kShortenEnhancement: return {MinusSql(lo, Col(s.k, "enh_days")), MinusSql(hi, Col(s.k, "enh_days"))};
    case EffectKind::kReclassify:
    case EffectKind::kCapTerm: return {AtMostSql(lo, e.max_days), AtMostSql(hi, e.max_days)};
    case EffectKind::kLowerMinimum: {
      const int64_t diff = int64_t{e.from_days} - e.to_days;
      const std::string down = fmt::format("{} - {}", lo, diff);
      const std::string reduced = diff >= 0 ? fmt::format("CASE WHEN {0} <= {1} THEN {0} ELSE {2} END", lo, e.to_days,
                                                          MaxSql(down, std::to_string(e.to_days)))
                                            : MaxSql(MinSql(lo, std::to_string(e.to_days)), down);
      return {fmt::format("CASE WHEN {0} IS NULL OR {0} = {1} THEN {0} ELSE {2} END", lo, kLife, reduced), ""};
    }
    case EffectKind::kLifeToYears:
      if (!e.doubled_triad)
        return {fmt::format("{} + enh_all_days", e.min_days),
                e.max_life ? kLife : fmt::format("{} + enh_all_days", e.max_days > 0 ? e.max_days : e.min_days)};
      return {fmt::format("CASE WHEN {} THEN 2 * {} + enh_all_days END", triad, MonthsToDaysSql(j.sql, "triad_lower_months")),
              fmt::format("CASE WHEN {} THEN 2 * {} + enh_all_days ELSE {} END", triad,
                          MonthsToDaysSql(j.sql, "triad_upper_months"), hi)};
    case EffectKind::kRestoreFelony:
      return {"", fmt::format("CASE WHEN {0} IS NULL OR {0} = {1} OR imposed IS NULL OR imposed = {1} THEN {0} ELSE {2} END",
                              hi, kLife, MaxSql(hi, MinSql("imposed", std::to_string(e.max_days))))};
    case EffectKind::kGuidelineRange: return {"", ""};
  }
  return {"", ""};
}

// The step itself: whether the reform applies, and the range after it.
std::string ApplyCte(const Jur& j, const Step& s, State* st) {
  const ReformEffect& e = *s.r->effect;
  const std::string applied = fmt::format("{} <> 'no' AND {}", Col(s.k, "dates"), Col(s.k, "match"));
  std::vector<std::string> opener_ranges;
  for (const Opener& o : s.openers)
    if (!o.q->depends_on.empty()) opener_ranges.push_back(o.q->id);
  std::string range = "TRUE";
  if (!e.discretionary) {
    std::vector<std::string> r = {Col(s.k, "dates") + " = 'unknown'", Col(s.k, "unsure")};
    if (!opener_ranges.empty()) r.push_back(InSql(j.sql, Col(s.k, "opener"), opener_ranges));
    range = AnyOf(r);
  }
  std::vector<std::string> cols = {applied + " AS " + Col(s.k, "applied"), range + " AS " + Col(s.k, "range")};
  const auto [low, high] = EffectSql(j, s, *st);
  State next = *st;
  if (!low.empty()) {
    cols.push_back(fmt::format("CASE WHEN {} THEN {} ELSE {} END AS {}", applied, low, st->low, Col(s.k, "low")));
    next.low = Col(s.k, "low");
  }
  const bool restore = e.kind == EffectKind::kRestoreFelony;
  if (!high.empty() && (restore || range != "TRUE")) {
    const std::string when = restore ? applied : fmt::format("{} AND NOT {}", applied, range);
    cols.push_back(fmt::format("CASE WHEN {} THEN {} ELSE {} END AS {}", when, high, st->high, Col(s.k, "high")));
    next.high = Col(s.k, "high");
  }
  if ((e.kind == EffectKind::kReclassify && range != "TRUE") || restore) {
    cols.push_back(restore ? fmt::format("CASE WHEN {} THEN FALSE ELSE {} END AS {}", applied, st->reclassified, Col(s.k, "reclassified"))
                           : fmt::format("CASE WHEN {} AND NOT {} THEN TRUE ELSE {} END AS {}", applied, range, st->reclassified,
                                         Col(s.k, "reclassified")));
    next.reclassified = Col(s.k, "reclassified");
  }
  if (!e.now_code.empty()) {
    cols.push_back(fmt::format("CASE WHEN {} THEN {} ELSE {} END AS {}", applied, j.sql.Str(e.now_code), st->code, Col(s.k, "code")));
    next.code = Col(s.k, "code");
  }
  next.cte = j.Cte(std::to_string(s.k));
  next.applied.emplace_back(s.r->id, s.k);
  const std::string text = fmt::format("{} {} (\n  SELECT p.*,\n    {}\n  FROM {} AS p\n)", next.cte, j.sql.CteAs(), Join(cols, ",\n    "),
                                       j.Cte(fmt::format("{}_test", s.k)));
  *st = std::move(next);
  return text;
}


// ------------------------------------------------------------ the remedy and the excess

bool Counted(const Step& s) { return s.r->effect->kind != EffectKind::kGuidelineRange; }

// Whether some step may be opened by a full resentencing (then there is a trigger to look for).
bool HasTrigger(const Jur& j) {
  for (const Step& s : j.steps)
    for (const Opener& o : s.openers)
      if (o.q->full_resentencing) return true;
  return false;
}

// The full resentencings (FR openers) that raise this step's remedy: those not excepting it.
std::vector<std::string> RaisedBy(const Jur& j, const Step& s) {
  std::vector<std::string> out;
  if (s.r->effect->kind == EffectKind::kRestoreFelony) return out;
  for (const Reform* q : j.openers)
    if (q->full_resentencing &&
        std::find(q->full_resentencing_except.begin(), q->full_resentencing_except.end(), s.r->id) ==
            q->full_resentencing_except.end())
      out.push_back(q->id);
  return out;
}

// OpenFullResentencing: the first applied reform opened by a full resentencing
// (fr_opener, fr_remedy) raises every other one it does not except.
std::string FullResentencingCte(const Jur& j, State* st) {
  std::string opener, remedy;
  for (const Step& s : j.steps) {
    std::vector<std::string> fr;
    for (const Opener& o : s.openers)
      if (o.q->full_resentencing) fr.push_back(o.q->id);
    if (fr.empty()) continue;
    const std::string when = fmt::format("WHEN {} AND {} ", Col(s.k, "applied"), InSql(j.sql, Col(s.k, "opener"), fr));
    opener += when + "THEN " + Col(s.k, "opener") + " ";
    remedy += when + "THEN " + Col(s.k, "remedy") + " ";
  }
  if (opener.empty()) return "";
  const std::string trigger = j.Cte("resentencing");
  std::string text = fmt::format(
      "-- {}: a full resentencing ({}) reaches every other reform applied to the sentence, except those it lists:\n"
      "-- the first applied reform it opened\n{} {} (\n  SELECT p.*,\n    CASE {}END AS fr_opener,\n    CASE {}END AS fr_remedy\n"
      "  FROM {} AS p\n)",
      j.code, Join(j.fr_openers, ", "), trigger, j.sql.CteAs(), opener, remedy, st->cte);
  st->cte = trigger;
  std::vector<std::string> cols;
  for (const Step& s : j.steps) {
    const std::vector<std::string> by = RaisedBy(j, s);
    if (by.empty()) continue;
    cols.push_back(fmt::format("CASE WHEN {} AND fr_remedy > {} THEN fr_remedy ELSE {} END AS {}", InSql(j.sql, "fr_opener", by),
                               Col(s.k, "remedy"), Col(s.k, "remedy"), Col(s.k, "final_remedy")));
  }
  if (cols.empty()) return text;
  st->cte = j.Cte("remedies");
  return text + fmt::format(",\n{} AS (\n  SELECT p.*,\n    {}\n  FROM {} AS p\n)", st->cte, Join(cols, ",\n    "), trigger);
}

// The strongest counted remedy: one WHEN per remedy, over the steps that can have it.
std::string FinalRemedySql(const Jur& j) {
  const bool fr = HasTrigger(j);
  std::vector<std::string> whens;
  for (const RemedyKind& kind : kRemedyKinds) {
    if (kind.rank <= 0) continue;
    std::vector<std::string> any;
    for (const Step& s : j.steps) {
      if (!Counted(s)) continue;
      std::set<int> possible = {Rank(s.base)};
      for (const Opener& o : s.openers) possible.insert(Rank(o.remedy));
      const bool raised = fr && !RaisedBy(j, s).empty();
      if (raised)
        for (const Reform* q : j.openers)
          if (q->full_resentencing) possible.insert(Rank(WindowedRemedy(*q, j.as_of)));
      if (!possible.count(kind.rank)) continue;
      any.push_back(fmt::format("({} AND {} = {})", Col(s.k, "applied"), Col(s.k, raised ? "final_remedy" : "remedy"), kind.rank));
    }
    if (!any.empty()) whens.push_back(fmt::format("WHEN {} THEN {}", Join(any, " OR "), j.sql.Str(kind.name)));
  }
  return whens.empty() ? j.sql.Str("none") : "CASE " + Join(whens, "\n      ") + " ELSE 'none' END";
}

std::string ExcessMinSql(const State& st) {
  const std::string& h = st.high;
  return fmt::format(
      "CASE WHEN imposed IS NOT NULL AND imposed <> {0} THEN (CASE WHEN {1} IS NOT NULL AND {1} <> {0} THEN {2} ELSE 0 END)\n"
      "      WHEN imposed = {0} THEN (CASE WHEN {1} = {0} THEN 0 WHEN floor_days IS NOT NULL AND {1} IS NOT NULL THEN {3} END) END",
      kLife, h, MaxSql("imposed - " + h, "0"), MaxSql("floor_days - " + h, "0"));
}

std::string ExcessMaxSql(const State& st) {
  const std::string& l = st.low;
  return fmt::format(
      "CASE WHEN imposed IS NOT NULL AND imposed <> {0} THEN (CASE WHEN {1} IS NOT NULL THEN {2} END)\n"
      "      WHEN imposed = {0} AND {1} = {0} THEN 0 END",
      kLife, l, MaxSql("imposed - " + l, "0"));
}

std::string OutCte(const Jur& j, const State& st) {
  std::vector<std::string> any;
  for (const Step& s : j.steps) any.push_back(Col(s.k, "applied"));
  return fmt::format(
      "-- {0}: the sentences some reform changed: the current-law range, the excess and the remedy\n"
      "{1} AS (\n  SELECT sid, {2} AS high, {3} AS low,\n    {4} AS excess_min,\n    {5} AS excess_max,\n"
      "    {6} AS remedy,\n    {7} AS reclassified\n  FROM {8}\n  WHERE {9}\n)",
      j.code, j.Cte("out"), st.high, st.low, ExcessMinSql(st), ExcessMaxSql(st), FinalRemedySql(j), st.reclassified, st.cte,
      Join(any, " OR "));
}

// ------------------------------------------------------------ a jurisdiction's chain

std::vector<std::string> JurCtes(const Jur& j) {
  std::vector<std::string> out;
  const std::vector<std::string> enh = EnhancementColumns(j), person = PersonColumns(j);
  if (!enh.empty()) out.push_back(EnhancementCte(j, enh));
  if (!person.empty()) out.push_back(PersonCte(j, person));
  out.push_back(InputCte(j, enh, person));
  State st;
  st.cte = j.Cte("in");
  for (const Step& s : j.steps) {
    const std::string test = TestCte(j, s, st);
    out.push_back(StepHeader(j, s) + "\n" + test + ",\n" + ApplyCte(j, s, &st));
  }
  if (std::string fr = FullResentencingCte(j, &st); !fr.empty()) out.push_back(fr);
  out.push_back(OutCte(j, st));
  return out;
}

std::string EmptyOut(const Sql& sql) {
  return fmt::format(
      "-- No reform in force: no sentence changes\nlaw_out AS (\n  SELECT {0} AS sid, {0} AS high, {0} AS low, {0} AS excess_min, "
      "{0} AS excess_max, {1} AS remedy, {2} AS reclassified\n  FROM law_sentences WHERE 1 = 0\n)",
      sql.Cast("NULL", sql.Int()), sql.Cast("NULL", sql.Text()), sql.Cast("NULL", sql.Bool()));
}

}  // namespace

std::string ReformCtes(const Sql& sql, const std::vector<ReformPackSql>& packs, Date as_of) {
  std::vector<Jur> jurs;
  for (const ReformPackSql& p : packs) {
    if (p.reforms == nullptr) continue;
    Jur j = PlanJur(sql, p, as_of);
    if (!j.steps.empty()) jurs.push_back(std::move(j));
  }
  if (jurs.empty()) return EmptyOut(sql);
  std::vector<std::string> ctes = {GateCte(jurs)};
  std::vector<std::string> outs;
  for (const Jur& j : jurs) {
    for (std::string& c : JurCtes(j)) ctes.push_back(std::move(c));
    outs.push_back(fmt::format("  SELECT sid, high, low, excess_min, excess_max, remedy, reclassified FROM {}", j.Cte("out")));
  }
  ctes.push_back(fmt::format("-- Sentencing reforms in force on {}: every changed sentence\nlaw_out AS (\n{}\n)", as_of.ToString(),
                             Join(outs, "\n  UNION ALL\n")));
  return Join(ctes, ",\n");
}

}  // namespace clemency
