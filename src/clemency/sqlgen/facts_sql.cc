#include "clemency/sqlgen/facts_sql.h"

#include <fmt/format.h>

#include "clemency/core/codes.h"
#include "clemency/law/remedy.h"
#include "clemency/sqlgen/reform_sql.h"

namespace clemency {
namespace {

constexpr std::string_view kSeverityOrder[] = {"violent", "sex", "property", "drug_distribution",
                                               "drug_possession", "public_order", "other"};
constexpr const char* kLife = kSqlLifeDays;  // the reforms' stand-in for a life term

// A cell of the agency's file as text (NULL when empty or when the file lacks the column).
std::string Cell(const FactsSqlInputs& in, const std::map<std::string, std::string>& columns, const char* alias,
                 const std::string& name) {
  auto it = columns.find(name);
  if (it == columns.end()) return in.sql.Cast("NULL", in.sql.Text());
  return fmt::format("NULLIF({}.{}, '')", alias, in.sql.Ident(it->second));
}

std::string DayCell(const FactsSqlInputs& in, const std::map<std::string, std::string>& columns, const char* alias,
                    const std::string& name) {
  return in.sql.DayOfDate(in.sql.ParseDate(Cell(in, columns, alias, name)));
}

std::string IntCell(const FactsSqlInputs& in, const std::map<std::string, std::string>& columns, const char* alias,
                    const std::string& name) {
  return in.sql.Cast(Cell(in, columns, alias, name), in.sql.Int());
}

// A code qualified with the person's jurisdiction when it has no "XX:" prefix
// (io/population_loader.cc): every jurisdiction code is two letters.
std::string Qualified(const Sql& sql, const std::string& code, const std::string& jurisdiction) {
  std::string list;
  for (char a = 'A'; a <= 'Z'; ++a)
    for (char b = 'A'; b <= 'Z'; ++b)
      if (const std::string c{a, b}; IsJurisdictionCode(c)) list += (list.empty() ? "'" : ", '") + c + "'";
  return fmt::format("CASE WHEN {0} = 3 AND substr({1}, 1, 2) IN ({2}) THEN {1} ELSE {3} || ':' || {1} END",
                     sql.Position(code, "':'"), code, list, jurisdiction);
}

std::string PeopleIn(const FactsSqlInputs& in) {
  const auto& c = in.people_columns;
  auto cell = [&](const std::string& n) { return Cell(in, c, "pc", n); };
  return fmt::format(
      "people_in AS (\n  SELECT {} AS person_id, {} AS jurisdiction, {} AS birth_date, {} AS admission_date,\n"
      "    CASE WHEN {} = 'unknown' THEN NULL ELSE {} END AS admission_type, {} AS sex, {} AS race,\n"
      "    {} AS facility_id, {} AS infractions_5y,\n"
      "    CASE {} WHEN '1' THEN TRUE WHEN '0' THEN FALSE ELSE NULL END AS medical_high_risk\n  FROM people_csv pc)",
      cell("person_id"), cell("jurisdiction"), DayCell(in, c, "pc", "birth_date"), DayCell(in, c, "pc", "admission_date"),
      cell("admission_type"), cell("admission_type"), cell("sex"), cell("race"), cell("facility_id"),
      IntCell(in, c, "pc", "infractions_5y"), cell("medical_high_risk"));
}

std::string SentencesIn(const FactsSqlInputs& in) {
  const auto& c = in.sentence_columns;
  auto cell = [&](const std::string& n) { return Cell(in, c, "sc", n); };
  auto day = [&](const std::string& n) { return DayCell(in, c, "sc", n); };
  auto integer = [&](const std::string& n) { return IntCell(in, c, "sc", n); };
  return fmt::format(
      "sentences_in AS (\n  SELECT ROW_NUMBER() OVER (ORDER BY {0}, {1}) AS sid, {0} AS person_id, {1} AS sentence_id,\n"
      "    {2} AS code, {3} AS description, {4} AS type, {5} AS status,\n"
      "    {6} AS term_days, {7} AS min_term_days, {8} AS max_term_days, {9} AS enhancements, {10} AS consecutive_to,\n"
      "    {11} AS sentence_date, {12} AS offense_date, {13} AS projected_release_date, {14} AS parole_eligibility_date,\n"
      "    {15} AS drug_type, {16} AS drug_grams, p.jurisdiction AS person_jurisdiction\n"
      "  FROM sentences_csv sc JOIN people_in p ON p.person_id = {0})",
      cell("person_id"), cell("sentence_id"), Qualified(in.sql, cell("offense_code"), "p.jurisdiction"),
      cell("offense_description"), cell("sentence_type"), cell("status"), integer("term_days"),
      integer("min_term_days"), integer("max_term_days"), cell("enhancements"), cell("consecutive_to"),
      day("sentence_date"), day("offense_date"), day("projected_release_date"), day("parole_eligibility_date"),
      cell("drug_type"), in.sql.Cast(cell("drug_grams"), in.sql.Double()));
}

// Enhancements "CODE=DAYS;CODE=DAYS" as rows, codes qualified and resolved.
std::string Enhancements(const FactsSqlInputs& in) {
  const Sql& sql = in.sql;
  std::string has;
  for (size_t i = 0; i < in.enhancement_codes.size(); ++i)
    has += fmt::format(",\n    MAX(CASE WHEN code = {} THEN 1 ELSE 0 END) AS has_{}", sql.Str(in.enhancement_codes[i]), i);
  return fmt::format(
      "enh_items AS (\n  SELECT si.sid, si.person_jurisdiction, item FROM sentences_in si {0}\n"
      "  WHERE si.enhancements IS NOT NULL),\n"
      "enh_parsed AS (\n  SELECT sid, {1} AS code, {2} AS days FROM (SELECT sid, person_jurisdiction, {3} AS raw_code, item\n"
      "    FROM enh_items) e),\n"
      "enh AS (\n  SELECT e.sid, COALESCE(ec.resolved_code, e.code) AS code, e.days\n"
      "  FROM enh_parsed e LEFT JOIN enhancement_codes ec ON ec.code = e.code),\n"
      "enh_by_sentence AS (\n  SELECT sid, SUM(days) AS days{4}\n  FROM enh GROUP BY sid)",
      sql.ExplodeItems("si.enhancements", "item"), Qualified(sql, "raw_code", "person_jurisdiction"),
      sql.Cast(sql.RegexpGroup("item", "=([0-9]+)$"), sql.Int()), sql.RegexpGroup("item", "^(.*)="), has);
}

// The crosswalk entry of each sentence: by code and description where one
// exists, else by code.
std::string Sentences(const FactsSqlInputs& in) {
  const Sql& sql = in.sql;
  auto pick = [](const char* col) {
    return fmt::format("CASE WHEN od.code IS NOT NULL THEN od.{0} ELSE oc.{0} END", col);
  };
  std::string has;
  for (size_t i = 0; i < in.enhancement_codes.size(); ++i)
    has += fmt::format(", COALESCE(eb.has_{0}, 0) = 1 AS enh_has_{0}", i);
  return fmt::format(
      "sent AS (\n  SELECT si.sid, si.person_id, si.sentence_id, si.consecutive_to, si.code AS written_code,\n"
      "    COALESCE({0}, si.code) AS s_offense_code, NULLIF({1}, '') AS s_category,\n"
      "    COALESCE({2}, ';') AS s_flags, COALESCE({3}, ';') AS s_flags_known, NULLIF({4}, '') AS person_offense_flags,\n"
      "    COALESCE({5}, '0') = '1' AS law_in_catalog, NULLIF({6}, '') AS law_offense_flags,\n"
      "    {7} AS triad_lower_months, {8} AS triad_upper_months,\n"
      "    si.type AS s_type, si.status AS s_status, si.status = 'active' AS s_active,\n"
      "    CASE si.type WHEN 'determinate' THEN si.term_days WHEN 'indeterminate' THEN si.max_term_days ELSE NULL END AS s_term,\n"
      "    CASE WHEN si.type = 'indeterminate' THEN si.min_term_days ELSE NULL END AS s_min_term,\n"
      "    si.sentence_date AS s_sentence_date, si.offense_date AS s_offense_date,\n"
      "    si.projected_release_date AS s_projected_release_date, si.parole_eligibility_date AS s_parole_eligibility_date,\n"
      "    si.drug_type AS s_drug_type, si.drug_grams AS s_drug_grams, COALESCE(eb.days, 0) AS s_enhancement_days{9}\n"
      "  FROM sentences_in si\n"
      "  LEFT JOIN offense_codes oc ON oc.code = si.code AND oc.description IS NULL\n"
      "  LEFT JOIN offense_codes od ON od.code = si.code AND od.description = si.description\n"
      "  LEFT JOIN enh_by_sentence eb ON eb.sid = si.sid)",
      pick("resolved_code"), pick("category"), pick("flags"), pick("flags_known"), pick("person_offense_flags"),
      pick("law_in_catalog"), pick("law_offense_flags"), sql.Cast(pick("triad_lower_months"), sql.Int()),
      sql.Cast(pick("triad_upper_months"), sql.Int()), has);
}

// Every jurisdiction's reform pack, with its catalog.
std::vector<ReformPackSql> Packs(const LawRefs& law) {
  std::vector<ReformPackSql> packs;
  for (const auto& [jurisdiction, set] : law.reforms) {
    auto catalog = law.catalogs.find(jurisdiction);
    packs.push_back({jurisdiction, set, catalog == law.catalogs.end() ? nullptr : catalog->second});
  }
  return packs;
}

// What the reforms read (sqlgen/reform_sql.h), and the reforms.
std::string LawInputs(const FactsSqlInputs& in) {
  return fmt::format(
      "law_sentences AS (\n  SELECT sid, person_id, substr(written_code, 1, 2) AS jur, s_offense_code AS code,\n"
      "    law_offense_flags AS offense_flags, law_in_catalog AS in_catalog, triad_lower_months, triad_upper_months,\n"
      "    s_type AS type, s_term AS term_days, s_min_term AS min_term_days, s_sentence_date AS sentence_date,\n"
      "    s_offense_date AS offense_date, s_drug_type AS drug_type, s_drug_grams AS drug_grams FROM sent),\n"
      "law_enhancements AS (SELECT sid, code, days FROM enh),\n"
      "law_person_offenses AS (SELECT person_id, person_offense_flags AS offense_flags FROM sent),\n{}",
      ReformCtes(in.sql, Packs(*in.law), in.as_of));
}

std::string ExcessFact(const std::string& mn, const std::string& mx) {
  return fmt::format("CASE WHEN {0} IS NULL THEN NULL WHEN {0} > 0 THEN {0} WHEN {1} = 0 THEN 0 ELSE NULL END", mn, mx);
}

std::string SentenceFacts() {
  auto term = [](const char* x) { return fmt::format("CASE WHEN {0} = {1} THEN NULL ELSE {0} END", x, kLife); };
  return fmt::format(
      "sf AS (\n  SELECT s.*,\n"
      "    CASE WHEN lo.sid IS NULL THEN s.s_term ELSE {} END AS s_current_law_term,\n"
      "    CASE WHEN lo.sid IS NULL THEN s.s_term ELSE {} END AS s_current_law_term_low,\n"
      "    CASE WHEN lo.sid IS NULL THEN 0 ELSE {} END AS s_current_law_excess,\n"
      "    COALESCE(lo.remedy, 'none') AS s_current_law_remedy, COALESCE(lo.reclassified, FALSE) AS s_current_law_reclassified,\n"
      "    lo.sid IS NOT NULL AS law_touched, lo.excess_min AS law_excess_min, lo.excess_max AS law_excess_max,\n"
      "    lo.remedy AS law_remedy\n"
      "  FROM sent s LEFT JOIN law_out lo ON lo.sid = s.sid)",
      term("lo.high"), term("lo.low"), ExcessFact("lo.excess_min", "lo.excess_max"));
}

// Longest consecutive_to chain of the data, in sentences (1 when none).
int ChainDepth(const Population& pop) {
  int depth = 1;
  for (uint32_t s = 0; s < pop.sentence_count(); ++s) {
    int n = 1;
    for (uint32_t c = pop.sentences.consecutive_to[s]; c != kNoIndex && n <= static_cast<int>(pop.sentence_count());
         c = pop.sentences.consecutive_to[c])
      ++n;
    depth = std::max(depth, n);
  }
  return depth;
}

// Each sentence's terms summed along its consecutive_to chain, unrolled to the
// data's longest chain; a sum is unknown when a term on the chain is.
std::string Chains(const FactsSqlInputs& in) {
  const int depth = ChainDepth(*in.pop);
  std::string joins, sums[3], unknown[3];
  const char* cols[3] = {"s_term", "s_current_law_term", "s_current_law_term_low"};
  for (int k = 0; k < depth; ++k) {
    if (k > 0)
      joins += fmt::format("\n  LEFT JOIN sf c{0} ON c{0}.person_id = c{1}.person_id AND c{0}.sentence_id = c{1}.consecutive_to", k, k - 1);
    for (int q = 0; q < 3; ++q) {
      sums[q] += fmt::format("{}COALESCE(c{}.{}, 0)", k ? " + " : "", k, cols[q]);
      unknown[q] += fmt::format("{}(c{}.sid IS NOT NULL AND c{}.{} IS NULL)", k ? " OR " : "", k, k, cols[q]);
    }
  }
  std::string select;
  const char* names[3] = {"chain_term", "chain_high", "chain_low"};
  for (int q = 0; q < 3; ++q)
    select += fmt::format(",\n    CASE WHEN {} THEN NULL ELSE {} END AS {}", unknown[q], sums[q], names[q]);
  return fmt::format("chain AS (\n  -- consecutive chains up to {} sentences long, the longest in the data\n"
                     "  SELECT c0.sid{}\n  FROM sf c0{})",
                     depth, select, joins);
}

std::string RemedyRank(const std::string& name) {
  std::string out = "CASE " + name;
  for (const RemedyKind& k : kRemedyKinds) out += fmt::format(" WHEN '{}' THEN {}", k.name, k.rank);
  return out + " ELSE 0 END";
}

std::string RemedyOfRank(const std::string& rank) {
  std::string out = "CASE " + rank;
  for (const RemedyKind& k : kRemedyKinds)
    if (k.rank > 0) out += fmt::format(" WHEN {} THEN '{}'", k.rank, k.name);
  return out + " ELSE 'none' END";
}

// What a person's active sentences add up to (screen/fact_table.cc SumActiveSentences).
std::string ActiveSentences() {
  auto all_known_max = [](const std::string& x) {
    return fmt::format("CASE WHEN COUNT({0}) < COUNT(*) THEN NULL ELSE MAX({0}) END", x);
  };
  auto touched_max = [](const char* x) {
    return fmt::format("CASE WHEN SUM(CASE WHEN s.law_touched AND s.{0} IS NULL THEN 1 ELSE 0 END) > 0 THEN NULL "
                       "ELSE MAX(CASE WHEN s.law_touched THEN s.{0} ELSE 0 END) END",
                       x);
  };
  std::string severity = "CASE s.s_category";
  for (size_t i = 0; i < std::size(kSeverityOrder); ++i) severity += fmt::format(" WHEN '{}' THEN {}", kSeverityOrder[i], i);
  severity += fmt::format(" ELSE {} END", std::size(kSeverityOrder));
  return fmt::format(
      "act AS (\n  SELECT s.person_id, COUNT(*) AS n, {} AS imposed, {} AS high, {} AS low, {} AS release,\n"
      "    MAX(CASE WHEN s.law_touched THEN 1 ELSE 0 END) AS touched, {} AS s_excess_min, {} AS s_excess_max,\n"
      "    MAX(CASE WHEN s.law_touched AND (s.law_excess_max IS NULL OR s.law_excess_max <> 0) THEN {} ELSE 0 END) AS remedy_rank,\n"
      "    MIN(CASE WHEN s.s_category IS NULL THEN NULL ELSE {} END) AS best,\n"
      "    MAX(CASE WHEN s.s_category IS NULL THEN 1 ELSE 0 END) AS category_unknown\n"
      "  FROM sf s JOIN chain c ON c.sid = s.sid WHERE s.s_active GROUP BY s.person_id)",
      all_known_max("c.chain_term"), all_known_max("c.chain_high"), all_known_max("c.chain_low"),
      all_known_max("s.s_projected_release_date"), touched_max("law_excess_min"), touched_max("law_excess_max"),
      RemedyRank("s.law_remedy"), severity);
}

std::string PersonFacts(const FactsSqlInputs& in) {
  const Sql& sql = in.sql;
  const std::string unknown_law =
      fmt::format("COALESCE(j.reforms_unknown = '1', {})", in.law->unknown_without_reforms ? "TRUE" : "FALSE");
  auto max0 = [](const std::string& x) { return fmt::format("CASE WHEN {0} < 0 THEN 0 ELSE {0} END", x); };
  const std::string mx = fmt::format("CASE WHEN a.low IS NULL THEN NULL ELSE {} END", max0("a.imposed - a.low"));
  auto excess = [&](const std::string& whole, const std::string& single) {
    return fmt::format("CASE WHEN a.n IS NULL OR {} THEN NULL WHEN a.touched = 0 THEN 0\n"
                       "      WHEN a.imposed IS NOT NULL AND a.high IS NOT NULL THEN {} ELSE {} END",
                       unknown_law, whole, single);
  };
  std::string category = "CASE a.best";
  for (size_t i = 0; i < std::size(kSeverityOrder); ++i) category += fmt::format(" WHEN {} THEN '{}'", i, kSeverityOrder[i]);
  category += " ELSE NULL END";
  return fmt::format(
      "pf AS (\n  SELECT p.person_id, p.birth_date, p.admission_date, p.admission_type, p.sex, p.race, p.jurisdiction,\n"
      "    p.facility_id, p.infractions_5y, p.medical_high_risk, j.clemency_authority, j.vote_restoration,\n"
      "    COALESCE(a.n, 0) AS active_sentences, a.imposed AS imposed_term, a.high AS current_law_term,\n"
      "    a.low AS current_law_term_low, a.release AS release,\n"
      "    {} AS current_law_excess,\n    {} AS current_law_excess_max,\n"
      "    CASE WHEN a.n > 0 AND {} THEN 'unknown' ELSE {} END AS current_law_remedy,\n"
      "    CASE WHEN a.best IS NOT NULL AND (a.category_unknown = 0 OR a.best = 0) THEN {} ELSE NULL END AS most_serious_category,\n"
      "    CASE WHEN a.high IS NULL OR a.high <= 0 THEN NULL ELSE {} / {} END AS served_fraction\n"
      "  FROM people_in p LEFT JOIN act a ON a.person_id = p.person_id\n"
      "  LEFT JOIN jurisdictions j ON j.jurisdiction = p.jurisdiction)",
      excess(ExcessFact(max0("a.imposed - a.high"), mx), ExcessFact("a.s_excess_min", "a.s_excess_max")),
      excess(mx, "a.s_excess_max"), unknown_law, RemedyOfRank("COALESCE(a.remedy_rank, 0)"), category,
      sql.Cast(fmt::format("{} - p.admission_date", in.as_of.days()), sql.Double()), sql.Cast("a.high", sql.Double()));
}

}  // namespace

std::string FactsCtes(const FactsSqlInputs& in) {
  return PeopleIn(in) + ",\n" + SentencesIn(in) + ",\n" + Enhancements(in) + ",\n" + Sentences(in) + ",\n" +
         LawInputs(in) + ",\n" + SentenceFacts() + ",\n" + Chains(in) + ",\n" + ActiveSentences() + ",\n" +
         PersonFacts(in);
}

}  // namespace clemency
