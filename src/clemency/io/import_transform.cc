#include "clemency/io/import_transform.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>

#include "clemency/io/excel_date.h"
#include "clemency/io/text_functions.h"

namespace clemency::import {
namespace {

// Positions in kSentenceSchema of the columns a determinate sentence's check reads.
constexpr size_t kTypeColumn = ColumnIndex(InputFile::kSentences, "sentence_type");
constexpr size_t kTermColumn = ColumnIndex(InputFile::kSentences, "term_days");

const InputColumn* FindPeopleField(std::string_view name) { return FindInputColumn(InputFile::kPeople, name); }
const InputColumn* FindSentenceField(std::string_view name) { return FindInputColumn(InputFile::kSentences, name); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }


}  // namespace

std::string_view TrimSpace(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {


}  // namespace

std::string DecodeHtmlEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i++]);
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    static const std::pair<std::string_view, std::string_view> kNamed[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
    bool done = false;
    for (const auto& [n, v] : kNamed) {
      if (Lower(name) == n) {
        out += v;
        done = true;
        break;
      }
    }
    if (!done && name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      uint32_t cp = 0;
      const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
      if (!digits.empty() && r.ec == std::errc() && r.ptr == digits.data() + digits.size() && cp > 0 &&
          cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        AppendUtf8(out, cp);
        done = true;
      }
    }
    if (done) {
      i = semi + 1;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

std::string CheckDatePattern(std::string_view p) {
  bool y = false, m = false, d = false;
  size_t i = 0;
  while (i < p.size()) {
    const std::string_view rest = p.substr(i);
    if (rest.starts_with("YYYY")) {
      if (y) return "YYYY appears twice";
      y = true;
      i += 4;
    } else if (rest.starts_with("MM") || rest.starts_with("M")) {
      if (m) return "the month appears twice";
      m = true;
      i += rest.starts_with("MM") ? 2 : 1;
    } else if (rest.starts_with("DD") || rest.starts_with("D")) {
      if (d) return "the day appears twice";
      d = true;
      i += rest.starts_with("DD") ? 2 : 1;
    } else if (rest[0] == '*') {
      if (rest.size() != 1) return "\"*\" may only end the pattern";
      ++i;
    } else if ((rest[0] >= 'a' && rest[0] <= 'z') || (rest[0] >= 'A' && rest[0] <= 'Z')) {
      return fmt::format("unknown letter '{}' (use YYYY, MM, M, DD, D and separators)", rest[0]);
    } else {
      ++i;
    }
  }
  if (!y || !m || !d) return "needs YYYY, a month (MM or M) and a day (DD or D)";
  return "";
}

DateParseResult ParseDateWithPattern(std::string_view p, std::string_view text) {
  DateParseResult bad;
  bad.error = DateParseError::kFormat;
  int year = 0, month = 0, day = 0;
  size_t i = 0, t = 0;
  auto digits = [&](size_t min, size_t max, int* out) {
    size_t n = 0;
    int v = 0;
    while (n < max && t < text.size() && IsDigit(text[t])) {
      v = v * 10 + (text[t] - '0');
      ++t;
      ++n;
    }
    *out = v;
    return n >= min;
  };
  while (i < p.size()) {
    const std::string_view rest = p.substr(i);
    if (rest.starts_with("YYYY")) {
      if (!digits(4, 4, &year)) return bad;
      i += 4;
    } else if (rest.starts_with("MM")) {
      if (!digits(2, 2, &month)) return bad;
      i += 2;
    } else if (rest.starts_with("M")) {
      if (!digits(1, 2, &month)) return bad;
      i += 1;
    } else if (rest.starts_with("DD")) {
      if (!digits(2, 2, &day)) return bad;
      i += 2;
    } else if (rest.starts_with("D")) {
      if (!digits(1, 2, &day)) return bad;
      i += 1;
    } else if (rest[0] == '*') {
      t = text.size();
      ++i;
    } else {
      if (t >= text.size() || text[t] != rest[0]) return bad;
      ++t;
      ++i;
    }
  }
  if (t != text.size()) return bad;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    DateParseResult r;
    r.error = DateParseError::kNoSuchDate;
    return r;
  }
  DateParseResult r;
  r.date = Date::FromCivil(year, month, day);
  return r;
}

std::optional<int64_t> ParseDays(std::string_view text) {
  if (text.empty()) return std::nullopt;
  constexpr int64_t kMax = 10'000'000;
  auto number = [](std::string_view s, int64_t* v) {
    if (s.size() > 8) return false;
    *v = 0;
    for (char c : s) {
      if (!IsDigit(c)) return false;
      *v = *v * 10 + (c - '0');
    }
    return true;
  };
  int64_t total = 0;
  if (std::all_of(text.begin(), text.end(), IsDigit)) {
    if (!number(text, &total)) return std::nullopt;
    return total <= kMax ? std::optional<int64_t>(total) : std::nullopt;
  }
  const std::string_view units = "ymd";
  size_t next_unit = 0, start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsDigit(text[i])) continue;
    const size_t u = units.find(static_cast<char>(text[i] | 0x20));
    if (u == std::string_view::npos || u < next_unit) return std::nullopt;
    int64_t v = 0;
    if (!number(text.substr(start, i - start), &v)) return std::nullopt;
    total += v * (u == 0 ? 365 : u == 1 ? 30 : 1);
    next_unit = u + 1;
    start = i + 1;
  }
  if (start != text.size()) return std::nullopt;  // digits without a unit
  if (total > kMax) return std::nullopt;
  return total;
}

// ---------------------------------------------------------------------------

namespace {

class Importer {
 public:
  Importer(const ImportMapping& m, const ImportOptions& o, ImportResult& r) : m_(m), o_(o), r_(r) {}

  bool Header(const CsvRecord& rec) {
    std::unordered_map<std::string, size_t> by_name;
    std::vector<std::string> dup;
    for (size_t i = 0; i < rec.fields.size(); ++i) {
      std::string name = Lower(TrimSpace(m_.decode_html ? DecodeHtmlEntities(rec.fields[i]) : std::string(rec.fields[i])));
      if (!by_name.emplace(name, i).second) dup.push_back(name);
    }
    header_size_ = rec.fields.size();
    std::vector<std::string> needed;
    auto need = [&](const std::string& c) {
      if (!c.empty()) needed.push_back(c);
    };
    for (const auto* specs : {&m_.people, &m_.sentences})
      for (const auto& [field, spec] : *specs) {
        if (spec.kind == FieldSpec::Kind::kColumn || spec.kind == FieldSpec::Kind::kBirthFromAge) need(spec.column);
        for (const std::string& c : spec.parts.columns) need(c);
        for (const ItemRule& rule : spec.when_any) need(rule.column);
        need(spec.on_column);
      }
    for (const std::string& c : m_.split_columns) need(c);
    for (const ParseRule& p : m_.parses) need(p.column);
    for (const SkipRule& k : m_.skips) need(k.column);
    bool ok = true;
    std::set<std::string> reported;
    for (const std::string& c : needed) {
      const std::string key = Lower(TrimSpace(c));
      if (col_.contains(key) || !reported.insert(key).second) continue;
      auto it = by_name.find(key);
      if (it == by_name.end()) {
        Fatal(fmt::format("column \"{}\" named by the mapping is missing from the header", c));
        ok = false;
        continue;
      }
      if (std::find(dup.begin(), dup.end(), key) != dup.end()) {
        Fatal(fmt::format("column \"{}\" appears twice in the header", c));
        ok = false;
        continue;
      }
      col_[key] = it->second;
    }
    return ok;
  }

 private:
  struct SeenPerson {
    size_t index = 0;
    uint64_t line = 0;
    int sentences = 0;
    std::set<std::string> sentence_ids;
    std::set<std::string> derived;  // people fields some row's items set through when_any
  };

 public:
  // One data row: skipped, rejected with every reason, or imported (its
  // person added or merged, one sentence per list item).
  void Row(const CsvRecord& rec) {
    ++r_.rows_read;
    line_ = rec.line;
    errors_.clear();
    warnings_.clear();
    if (!ReadCells(rec)) return Reject(rec);
    if (const SkipRule* k = SkipOf(); k != nullptr) return Skip(rec, k->reason);
    if (const auto [it, first] = row_lines_.try_emplace(std::string(rec.raw), rec.line); !first) {
      if (m_.drop_duplicate_rows) return Skip(rec, "duplicate row");
      Warning("duplicate_row", "", "",
              fmt::format("identical to line {}: an exact duplicate row, imported again (its sentences count twice; "
                          "duplicate_rows = \"drop\" in the mapping skips such rows)",
                          it->second));
    }
    const size_t n_items = SplitItems(rec);
    std::map<std::string, std::string> row_sentence_parsed;  // parse outputs for sentence fields, whole-cell
    std::vector<std::string> person_row = PersonRow(&row_sentence_parsed);
    std::vector<std::map<std::string, std::string>> sentences;
    if (errors_.empty()) sentences = SentenceMaps(n_items, row_sentence_parsed);
    if (!errors_.empty()) return Reject(rec);

    const std::string id = person_row[0];
    auto [it, inserted] = persons_.try_emplace(id);
    if (!inserted && !AgreesWithEarlierRow(it->second, person_row)) return Reject(rec);
    SeenPerson& seen = it->second;
    int next = seen.sentences;
    std::vector<std::vector<std::string>> sentence_rows = SentenceRows(sentences, id, seen, &next);
    if (!errors_.empty()) {
      if (inserted) persons_.erase(it);
      return Reject(rec);
    }
    if (sentences.empty()) Warning("no_sentence", "", "", "the row has no sentence (an empty list)");
    Accept(std::move(person_row), std::move(sentence_rows), seen, inserted);
    seen.sentences = next;
  }

 private:
  // The row's cells, decoded and trimmed; false (with the error) for a CSV
  // syntax error or a row whose width is not the header's.
  bool ReadCells(const CsvRecord& rec) {
    if (!rec.ok()) {
      Problem p = Base();
      p.line = rec.error_line;
      p.byte_column = rec.error_column;
      p.code = rec.error_code.empty() ? "csv_syntax" : rec.error_code;
      p.message = rec.error;
      errors_.push_back(std::move(p));
      return false;
    }
    if (rec.fields.size() != header_size_) {
      Error("ragged_row", "", "", fmt::format("the row has {} fields, the header has {}", rec.fields.size(), header_size_));
      return false;
    }
    cells_.clear();
    for (std::string_view f : rec.fields)
      cells_.emplace_back(TrimSpace(m_.decode_html ? DecodeHtmlEntities(f) : std::string(f)));
    return true;
  }

  // People fields (a matching when_any rule first, else the field's source),
  // then parse rules on whole cells; their sentence outputs go to *sentence_parsed.
  std::vector<std::string> PersonRow(std::map<std::string, std::string>* sentence_parsed) {
    std::map<std::string, std::string> person;
    failed_.clear();
    derived_.clear();
    for (const auto& [field, spec] : m_.people) {
      if (const ItemRule* rule = MatchingRule(spec)) {
        person[field] = rule->value;
        derived_.insert(field);
      } else {
        person[field] = Resolve(field, *FindPeopleField(field), spec);
      }
    }
    for (const ParseRule& pr : m_.parses) {
      if (IsSplit(pr.column)) continue;
      std::map<std::string, std::string> out;
      ApplyPatterns(pr, Cell(pr.column), &out);
      for (auto& [k, v] : out) (FindSentenceField(k) != nullptr && k != "person_id" ? (*sentence_parsed)[k] : person[k]) = v;
    }
    std::vector<std::string> row;
    for (const InputColumn& f : kPeopleSchema) {
      auto it = person.find(std::string(f.name));
      std::string v = it == person.end() ? "" : it->second;
      Check(f, v, it == person.end() ? "" : SourceOf(m_.people, f.name));
      row.push_back(std::move(v));
    }
    return row;
  }

  // One field map per item of the split columns (zipped), else one.
  std::vector<std::map<std::string, std::string>> SentenceMaps(size_t n_items,
                                                               const std::map<std::string, std::string>& parsed) {
    std::vector<std::map<std::string, std::string>> sentences;
    for (size_t k = 0; k < n_items; ++k) {
      item_values_.clear();
      for (size_t i = 0; i < m_.split_columns.size(); ++i)
        item_values_[Lower(TrimSpace(m_.split_columns[i]))] = items_[i][k];
      failed_.clear();
      std::map<std::string, std::string> s = parsed;
      for (const auto& [field, spec] : m_.sentences)
        if (spec.kind != FieldSpec::Kind::kSequence) s[field] = Resolve(field, *FindSentenceField(field), spec);
      for (const ParseRule& pr : m_.parses)
        if (IsSplit(pr.column)) ApplyPatterns(pr, Cell(pr.column), &s);
      sentences.push_back(std::move(s));
    }
    item_values_.clear();
    return sentences;
  }

  // The same person on an earlier row must agree on every field, except the
  // fields some row's items derive (when_any): any row decides those.
  bool AgreesWithEarlierRow(const SeenPerson& seen, const std::vector<std::string>& person_row) {
    const std::vector<std::string>& before = r_.people[seen.index];
    for (size_t i = 0; i < person_row.size(); ++i) {
      const std::string name(kPeopleSchema[i].name);
      if (seen.derived.contains(name) || derived_.contains(name) || before[i] == person_row[i]) continue;
      Error("person_conflict", name, person_row[i],
            fmt::format("person_id \"{}\" is on line {} with {} \"{}\"", Printable(person_row[0]), seen.line, name,
                        Printable(before[i])));
      return false;
    }
    return true;
  }

  // The sentences as canonical rows, numbered after the person's earlier ones
  // (*next), each checked; a determinate one without a term is a warning.
  std::vector<std::vector<std::string>> SentenceRows(std::vector<std::map<std::string, std::string>>& sentences,
                                                     const std::string& id, const SeenPerson& seen, int* next) {
    std::vector<std::vector<std::string>> rows;
    auto sid = m_.sentences.find("sentence_id");
    const bool sequence = sid == m_.sentences.end() || sid->second.kind == FieldSpec::Kind::kSequence;
    for (auto& s : sentences) {
      if (sequence) s["sentence_id"] = (sid == m_.sentences.end() ? std::string("S") : sid->second.value) + std::to_string(++*next);
      s["person_id"] = id;
      std::vector<std::string> row;
      for (const InputColumn& f : kSentenceSchema) {
        auto v = s.find(std::string(f.name));
        std::string value = v == s.end() ? "" : v->second;
        Check(f, value, v == s.end() ? "" : SourceOf(m_.sentences, f.name));
        row.push_back(std::move(value));
      }
      if (row[kTypeColumn] == "determinate" && row[kTermColumn].empty() && !failed_.contains("term_days"))
        Warning("unknown_term", SourceOf(m_.sentences, "term_days"), "",
                "a determinate sentence with no recorded length: the term is unknown");
      const bool twice = seen.sentence_ids.contains(row[1]) ||
                         std::any_of(rows.begin(), rows.end(), [&](const auto& o) { return o[1] == row[1]; });
      if (!row[1].empty() && twice)
        Error("duplicate_id", SourceOf(m_.sentences, "sentence_id"), row[1],
              fmt::format("sentence_id \"{}\" is used twice for person_id \"{}\"", Printable(row[1]), Printable(id)));
      rows.push_back(std::move(row));
    }
    return rows;
  }

  // Writes an accepted row: its sentences, the person (new, or updated by
  // fields its items derive), the defaulted values and warnings.
  void Accept(std::vector<std::string> person_row, std::vector<std::vector<std::string>> sentence_rows,
              SeenPerson& seen, bool inserted) {
    for (auto& row : sentence_rows) {
      const std::string& code = row[2];
      if (o_.offense_known && !o_.offense_known(code)) {
        ++r_.unmatched_offense_codes[code];
        Warning("unmatched_offense", "offense_code", code,
                fmt::format("not in the {} offense catalog: kept as written, its category is unknown", m_.catalog));
      }
      seen.sentence_ids.insert(row[1]);
      r_.sentences.push_back(std::move(row));
    }
    if (inserted) {
      seen.index = r_.people.size();
      seen.line = line_;
      r_.people.push_back(std::move(person_row));
    } else {
      for (size_t i = 0; i < person_row.size(); ++i) {
        const std::string name(kPeopleSchema[i].name);
        if (derived_.contains(name) && !seen.derived.contains(name)) r_.people[seen.index][i] = person_row[i];
      }
    }
    seen.derived.insert(derived_.begin(), derived_.end());
    for (auto& [map, value] : pending_defaults_) ++r_.defaulted_values[map][value];
    pending_defaults_.clear();
    for (Problem& w : warnings_) Store(std::move(w));
    ++r_.rows_imported;
  }


  Problem Base() const {
    Problem p;
    p.file = o_.file_name;
    p.line = line_;
    return p;
  }
  void Fatal(std::string message) {
    Problem p = Base();
    p.line = 1;
    p.code = "bad_header";
    p.message = std::move(message);
    r_.fatal = true;
    r_.Add(std::move(p));
  }
  void Error(std::string code, std::string column, std::string_view value, std::string message) {
    Problem p = Base();
    p.code = std::move(code);
    p.column = std::move(column);
    p.value = std::string(value);
    p.message = std::move(message);
    errors_.push_back(std::move(p));
  }
  void Warning(std::string code, std::string column, std::string_view value, std::string message) {
    Problem p = Base();
    p.severity = Severity::kWarning;
    p.code = std::move(code);
    p.column = std::move(column);
    p.value = std::string(value);
    p.message = std::move(message);
    warnings_.push_back(std::move(p));
  }
  void Store(Problem p) { r_.Add(std::move(p)); }
  void Reject(const CsvRecord& rec) {
    ++r_.rows_rejected;
    RejectedRow row;
    row.file = o_.file_name;
    row.line = rec.line;
    row.record = std::string(rec.raw);
    for (const Problem& p : errors_) {
      if (!row.reason.empty()) row.reason += "; ";
      row.reason += p.Reason();
    }
    r_.rejected.push_back(std::move(row));
    for (Problem& p : errors_) Store(std::move(p));
    errors_.clear();
    warnings_.clear();
    pending_defaults_.clear();
  }

  // The first skip rule the row passes, or null.
  const SkipRule* SkipOf() {
    for (const SkipRule& k : m_.skips) {
      const std::string cell = Cell(k.column);
      if ((k.test == SkipRule::Test::kEquals && Lower(cell) == k.value) ||
          (k.test == SkipRule::Test::kEmpty && cell.empty()) ||
          (k.test == SkipRule::Test::kMatches && k.re.Search(cell)))
        return &k;
    }
    return nullptr;
  }
  void Skip(const CsvRecord& rec, const std::string& reason) {
    ++r_.rows_skipped;
    ++r_.skipped_by_reason[reason];
    RejectedRow row;
    row.file = o_.file_name;
    row.line = rec.line;
    row.reason = reason;
    row.record = std::string(rec.raw);
    r_.skipped.push_back(std::move(row));
  }

  // Parses the split columns' cells into items_ and returns how many
  // sentences the row makes (1 without split columns). A list literal is
  // split before HTML entities are decoded (&#39; inside a quoted item is not
  // a quote), a delimited cell after (the ";" of &amp; is not a delimiter).
  size_t SplitItems(const CsvRecord& rec) {
    items_.clear();
    if (m_.split_columns.empty()) return 1;
    const bool literal = m_.split_format == ListFormat::kListLiteral;
    for (const std::string& column : m_.split_columns) {
      const size_t at = col_.at(Lower(TrimSpace(column)));
      const std::string source = literal ? std::string(rec.fields[at]) : cells_[at];
      ListCell list = ParseListCell(source, m_.split_format, m_.split_delimiter);
      if (!list.ok())
        Error("bad_list", column, source, fmt::format("at byte {} of the cell: {}", list.position, list.error));
      for (std::string& item : list.items)
        item = std::string(TrimSpace(literal && m_.decode_html ? DecodeHtmlEntities(item) : item));
      items_.push_back(std::move(list.items));
    }
    if (!errors_.empty()) return 0;
    for (size_t i = 1; i < items_.size(); ++i)
      if (items_[i].size() != items_[0].size())
        Error("split_mismatch", m_.split_columns[i], Cell(m_.split_columns[i]),
              fmt::format("has {} items but column \"{}\" has {}: items are paired by position", items_[i].size(),
                          m_.split_columns[0], items_[0].size()));
    return errors_.empty() ? items_[0].size() : 0;
  }
  // The items of a split column, or the cell of any other column.
  std::vector<std::string> ItemsOf(const std::string& column) const {
    const std::string key = Lower(TrimSpace(column));
    for (size_t i = 0; i < m_.split_columns.size() && i < items_.size(); ++i)
      if (Lower(TrimSpace(m_.split_columns[i])) == key) return items_[i];
    return {Cell(column)};
  }
  // The first when_any rule one of whose items matches, or null.
  const ItemRule* MatchingRule(const FieldSpec& spec) {
    for (const ItemRule& rule : spec.when_any)
      for (const std::string& item : ItemsOf(rule.column))
        if (rule.re.Search(item)) return &rule;
    return nullptr;
  }
  // A template's text with each {Column} replaced by its cell, trimmed.
  std::string Expand(const TemplateParts& t) const {
    std::string out = t.literals[0];
    for (size_t i = 0; i < t.columns.size(); ++i) out += Cell(t.columns[i]) + t.literals[i + 1];
    return std::string(TrimSpace(out));
  }

  bool IsSplit(const std::string& column) const { return item_values_.contains(Lower(TrimSpace(column))) || IsSplitName(column); }
  bool IsSplitName(const std::string& column) const {
    const std::string key = Lower(TrimSpace(column));
    for (const std::string& c : m_.split_columns)
      if (Lower(TrimSpace(c)) == key) return true;
    return false;
  }
  // The cleaned cell of a source column (the current item for a split column).
  std::string Cell(const std::string& column) const {
    const std::string key = Lower(TrimSpace(column));
    if (auto it = item_values_.find(key); it != item_values_.end()) return it->second;
    auto it = col_.find(key);
    return it == col_.end() ? std::string() : cells_[it->second];
  }
  static std::string SourceOf(const std::map<std::string, FieldSpec>& specs, std::string_view field) {
    auto it = specs.find(std::string(field));
    if (it == specs.end() ||
        (it->second.kind != FieldSpec::Kind::kColumn && it->second.kind != FieldSpec::Kind::kTemplate))
      return "";
    return it->second.column;
  }

  std::optional<Date> DateFrom(const std::string& column, const std::string& format, const std::string& text) {
    const DateParseResult d = format.empty()              ? ParseDate(text)
                              : format == "excel_serial" ? ParseExcelSerial(text)
                                                         : ParseDateWithPattern(format, text);
    if (!d.ok()) {
      Error("bad_date", column, text,
            d.error == DateParseError::kNoSuchDate ? std::string("no such date")
            : format == "excel_serial"             ? std::string("expected a spreadsheet day number such as 45000")
                                       : fmt::format("expected a date as {}", format.empty() ? "YYYY-MM-DD" : format));
      return std::nullopt;
    }
    return d.date;
  }

  std::string Resolve(const std::string& field, const InputColumn& f, const FieldSpec& spec) {
    const size_t before = errors_.size();
    std::string v = ResolveValue(field, f, spec);
    if (errors_.size() != before) failed_.insert(f.name);
    return v;
  }
  std::string ResolveValue(const std::string& field, const InputColumn& f, const FieldSpec& spec) {
    switch (spec.kind) {
      case FieldSpec::Kind::kConstant:
        return spec.value;
      case FieldSpec::Kind::kSequence:
        return "";
      case FieldSpec::Kind::kBirthFromAge: {
        const std::string age_text = Cell(spec.column);
        int age = -1;
        const auto r = std::from_chars(age_text.data(), age_text.data() + age_text.size(), age);
        if (age_text.empty() || r.ec != std::errc() || r.ptr != age_text.data() + age_text.size() || age < 0 ||
            age > 130) {
          Error("bad_age", spec.column, age_text, "expected an age in whole years between 0 and 130");
          return "";
        }
        Date on = spec.on_date;
        if (!spec.on_column.empty()) {
          auto d = DateFrom(spec.on_column, spec.on_format, Cell(spec.on_column));
          if (!d) return "";
          on = *d;
        }
        Date birth = on.PlusYears(-age);
        if (!spec.latest) birth = birth.PlusMonths(-6);
        return birth.ToString();
      }
      case FieldSpec::Kind::kColumn:
      case FieldSpec::Kind::kTemplate:
        break;
    }
    std::string v = spec.kind == FieldSpec::Kind::kTemplate ? Expand(spec.parts) : Cell(spec.column);
    if (!spec.transform.empty()) v = ApplyTextSteps(spec.transform, std::move(v));
    if (!spec.map.empty()) {
      const ValueMap& map = m_.maps.at(spec.map);
      const bool empty_key = map.values.contains("");
      if (!v.empty() || empty_key) {
        auto it = map.values.find(Lower(v));
        if (it != map.values.end()) {
          v = it->second;
        } else if (map.default_value) {
          Warning("unmapped_value", spec.column, v,
                  fmt::format("not in value map \"{}\": {} set to \"{}\"", map.name, field, *map.default_value));
          pending_defaults_.emplace_back(map.name, v);
          v = *map.default_value;
        } else {
          std::string known;
          size_t n = 0;
          for (const auto& [k, out] : map.values) {
            if (k.empty()) continue;
            if (n++ == 10) {
              known += ", ...";
              break;
            }
            if (!known.empty()) known += ", ";
            known += k;
          }
          Error("unmapped_value", spec.column, v, fmt::format("not in value map \"{}\" (known: {})", map.name, known));
          return "";
        }
      }
    }
    if (f.is_date() && !v.empty() && !spec.format.empty()) {
      auto d = DateFrom(spec.column, spec.format, v);
      if (!d) return "";
      v = d->ToString();
    }
    if (!spec.prefix.empty() && !v.empty()) v = spec.prefix + v;
    return v;
  }

  void ApplyPatterns(const ParseRule& pr, const std::string& cell, std::map<std::string, std::string>* out) {
    if (cell.empty()) return;
    const std::vector<Pattern>& list = m_.patterns.at(pr.patterns);
    std::vector<std::optional<std::string_view>> m;
    for (const Pattern& p : list) {
      if (!p.re.FullMatch(cell, &m)) continue;
      for (const auto& [field, tmpl] : p.set) {
        std::string v;
        for (size_t i = 0; i < tmpl.size(); ++i) {
          if (tmpl[i] == '$' && i + 1 < tmpl.size() && IsDigit(tmpl[i + 1])) {
            const size_t g = static_cast<size_t>(tmpl[i + 1] - '0');
            if (g < m.size() && m[g]) v += *m[g];
            ++i;
          } else {
            v.push_back(tmpl[i]);
          }
        }
        const InputColumn* f = FindSentenceField(field);
        if (f == nullptr) f = FindPeopleField(field);
        if (f != nullptr && f->type == ColumnType::kCount && !v.empty()) {
          const auto days = ParseDays(v);
          if (!days) {
            failed_.insert(field);
            Error("bad_pattern_output", pr.column, cell,
                  fmt::format("pattern \"{}\" gives {} \"{}\": expected days or a duration like 15y6m", p.match, field,
                              Printable(v)));
            return;
          }
          v = std::to_string(*days);
        }
        (*out)[field] = std::move(v);
      }
      return;
    }
    if (pr.reject_unmatched) {
      Error("no_pattern", pr.column, cell, fmt::format("matches no pattern of \"{}\"", pr.patterns));
      for (const Pattern& p : list)
        for (const auto& fv : p.set) failed_.insert(fv.first);
    }
  }

  // The canonical check of one output value; source names the column it came from.
  void Check(const InputColumn& f, const std::string& v, const std::string& source) {
    if (failed_.contains(f.name)) return;  // already reported
    const std::string column = source.empty() ? std::string(f.name) : source;
    if (v.empty()) {
      if (f.required()) Error("missing_value", column, v, fmt::format("{} is required", f.name));
      return;
    }
    switch (f.type) {
      case ColumnType::kDate:
      case ColumnType::kProjectedDate: {
        const DateParseResult d = ParseDate(v);
        if (!d.ok()) {
          Error("bad_date", column, v, fmt::format("{}: {}", f.name, DescribeDateParseError(d.error)));
        } else if (!o_.as_of.missing() && d.date > o_.as_of &&
                   f.type == ColumnType::kDate) {
          Error("future_date", column, v, fmt::format("{} {} is after the as-of date {}", f.name, d.date.ToString(),
                                                      o_.as_of.ToString()));
        }
        break;
      }
      case ColumnType::kCode:
      case ColumnType::kFlag: {
        if (!f.InVocabulary(v)) Error("bad_value", column, v, fmt::format("{} must be one of: {}", f.name, f.VocabularyText()));
        break;
      }
      case ColumnType::kCount:
        if (!std::all_of(v.begin(), v.end(), IsDigit) || v.size() > 9)
          Error("bad_count", column, v, fmt::format("{} must be a whole number of days", f.name));
        break;
      case ColumnType::kNumber: {
        double d = 0;
        const auto r = std::from_chars(v.data(), v.data() + v.size(), d);
        if (r.ec != std::errc() || r.ptr != v.data() + v.size() || !(d >= 0))
          Error("bad_number", column, v, fmt::format("{} must be a number, not negative", f.name));
        break;
      }
      case ColumnType::kText:
      case ColumnType::kJurisdiction:
      case ColumnType::kList:
        break;
    }
  }

  const ImportMapping& m_;
  const ImportOptions& o_;
  ImportResult& r_;
  size_t header_size_ = 0;
  std::unordered_map<std::string, size_t> col_;  // lower-cased source column → index
  std::vector<std::string> cells_;
  std::map<std::string, std::string> item_values_;
  std::vector<std::vector<std::string>> items_;  // per split column, this row's items
  std::set<std::string> derived_;                // people fields this row's items set (when_any)
  std::unordered_map<std::string, SeenPerson> persons_;
  std::unordered_map<std::string, uint64_t> row_lines_;  // each distinct row as read → its first line
  std::vector<Problem> errors_, warnings_;
  std::set<std::string_view> failed_;  // fields whose value could not be made
  std::vector<std::pair<std::string, std::string>> pending_defaults_;
  uint64_t line_ = 0;
};

}  // namespace

namespace {

class CsvRows : public RowReader {
 public:
  explicit CsvRows(CsvReader& r) : r_(r) {}
  bool Next(CsvRecord& record) override { return r_.Next(record); }
  const std::string& io_error() const override { return r_.io_error(); }

 private:
  CsvReader& r_;
};

}  // namespace

ImportResult ImportCsv(const ImportMapping& mapping, CsvReader& reader, const ImportOptions& options) {
  CsvRows rows(reader);
  return ImportRows(mapping, rows, options);
}

ImportResult ImportRows(const ImportMapping& mapping, RowReader& reader, const ImportOptions& options) {
  ImportResult result;
  Importer imp(mapping, options, result);
  CsvRecord rec;
  if (!reader.Next(rec)) {
    Problem p;
    p.file = options.file_name;
    p.code = "empty_file";
    p.message = reader.io_error().empty() ? "the file is empty: expected a header row" : reader.io_error();
    result.fatal = true;
    ++result.error_count;
    result.problems.push_back(std::move(p));
    return result;
  }
  if (!rec.ok()) {
    Problem p;
    p.file = options.file_name;
    p.line = rec.error_line;
    p.byte_column = rec.error_column;
    p.code = rec.error_code.empty() ? "bad_header" : rec.error_code;
    p.message = rec.error;
    result.fatal = true;
    ++result.error_count;
    result.problems.push_back(std::move(p));
    return result;
  }
  if (!imp.Header(rec)) return result;
  while (reader.Next(rec)) imp.Row(rec);
  if (!reader.io_error().empty()) {
    Problem p;
    p.file = options.file_name;
    p.code = "io_error";
    p.message = reader.io_error();
    result.fatal = true;
    ++result.error_count;
    result.problems.push_back(std::move(p));
  }
  return result;
}

}  // namespace clemency::import
