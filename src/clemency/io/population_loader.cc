#include "clemency/io/population_loader.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <deque>
#include <fmt/format.h>
#include <functional>
#include <span>
#include <string_view>
#include <thread>

#include "clemency/core/edit_distance.h"
#include "clemency/core/input_schema.h"
#include "clemency/core/population_builder.h"
#include "clemency/io/csv_chunks.h"
#include "clemency/io/csv_reader.h"
#include "clemency/io/mapped_file.h"
#include "clemency/io/run_each.h"
#include "clemency/io/sha256.h"
#include "clemency/io/sentence_references.h"

namespace clemency {
namespace {

// "XX:" where XX is a jurisdiction code.
bool HasJurisdictionPrefix(std::string_view code) {
  const size_t colon = code.find(':');
  return colon != std::string_view::npos && IsJurisdictionCode(code.substr(0, colon));
}

std::string Qualified(std::string_view code, std::string_view jurisdiction) {
  std::string out(jurisdiction);
  out += ':';
  out += code;
  return out;
}


// Schema positions of the columns this loader reads (core/input_schema.h).
consteval int People(std::string_view name) { return static_cast<int>(ColumnIndex(InputFile::kPeople, name)); }
consteval int Sentence(std::string_view name) { return static_cast<int>(ColumnIndex(InputFile::kSentences, name)); }
consteval int Facility(std::string_view name) { return static_cast<int>(ColumnIndex(InputFile::kFacilities, name)); }

constexpr int kPId = People("person_id"), kPJur = People("jurisdiction"), kPBirth = People("birth_date"),
              kPPrec = People("birth_date_precision"), kPSex = People("sex"), kPRace = People("race"),
              kPAdm = People("admission_date"), kPAdmType = People("admission_type"),
              kPFac = People("facility_id"), kPInf = People("infractions_5y"),
              kPMed = People("medical_high_risk");
constexpr int kSPerson = Sentence("person_id"), kSId = Sentence("sentence_id"), kSCode = Sentence("offense_code"),
              kSDesc = Sentence("offense_description"), kSOffDate = Sentence("offense_date"),
              kSSentDate = Sentence("sentence_date"), kSType = Sentence("sentence_type"),
              kSTerm = Sentence("term_days"), kSMin = Sentence("min_term_days"), kSMax = Sentence("max_term_days"),
              kSEnh = Sentence("enhancements"), kSDrug = Sentence("drug_type"), kSGrams = Sentence("drug_grams"),
              kSConsec = Sentence("consecutive_to"), kSStatus = Sentence("status"),
              kSCredits = Sentence("credits_days"), kSProj = Sentence("projected_release_date"),
              kSParole = Sentence("parole_eligibility_date");
constexpr int kFId = Facility("facility_id"), kFName = Facility("name"), kFJur = Facility("jurisdiction"),
              kFCap = Facility("design_capacity"), kFHousing = Facility("housing");

// The problems of a LoadResult, and its fatal ones.
class LoadProblems {
 public:
  explicit LoadProblems(LoadResult& r) : r_(r) {}
  void Add(Problem p) { r_.Add(std::move(p)); }
  void Fatal(std::string file, std::string message, std::string code = "file") {
    r_.fatal = true;
    Problem p;
    p.code = std::move(code);
    p.file = std::move(file);
    p.message = std::move(message);
    Add(std::move(p));
  }

 private:
  LoadResult& r_;
};

// The problems of one row, appended to `out`; the row is rejected when any
// is an error.
class RowCheck {
 public:
  RowCheck(std::vector<Problem>& out, std::string_view file, uint64_t line)
      : out_(out), file_(file), line_(line) {}

  void Error(std::string_view code, std::string_view column, std::string_view value,
             std::string message) {
    Report(Severity::kError, code, column, value, std::move(message));
  }
  void Warning(std::string_view code, std::string_view column, std::string_view value,
               std::string message) {
    Report(Severity::kWarning, code, column, value, std::move(message));
  }
  bool failed() const { return !reason_.empty(); }
  const std::string& reason() const { return reason_; }

 private:
  void Report(Severity s, std::string_view code, std::string_view column, std::string_view value,
              std::string message) {
    Problem p;
    p.severity = s;
    p.code = code;
    p.file = file_;
    p.line = line_;
    p.column = column;
    p.value = value;
    p.message = std::move(message);
    if (s == Severity::kError) {
      if (!reason_.empty()) reason_ += "; ";
      reason_ += p.Reason();
    }
    out_.push_back(std::move(p));
  }
  std::vector<Problem>& out_;
  std::string_view file_;
  uint64_t line_;
  std::string reason_;
};

}  // namespace

std::string HeaderKey(std::string_view cell) {
  const size_t b = cell.find_first_not_of(" \t");
  const size_t e = cell.find_last_not_of(" \t");
  std::string out(b == std::string_view::npos ? std::string_view() : cell.substr(b, e - b + 1));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

namespace {

// A schema column absent from the header that `key` nearly names: within 1
// edit for names of up to 5 characters, 2 for longer ones. Null when none.
const InputColumn* NearMiss(std::string_view key, std::span<const InputColumn> spec, const std::vector<int>& index) {
  for (size_t k = 0; k < spec.size(); ++k) {
    if (index[k] >= 0) continue;
    const size_t limit = spec[k].name.size() <= 5 ? 1 : 2;
    if (EditDistance(key, spec[k].name) <= limit) return &spec[k];
  }
  return nullptr;
}

// Maps schema columns to positions in the file's header.
struct Header {
  std::span<const InputColumn> schema;
  std::vector<int> index;  // per schema column, -1 when absent
  size_t width = 0;
};

std::optional<Header> ReadHeader(CsvReader& reader, std::string_view file,
                                 std::span<const InputColumn> spec, LoadProblems& log) {
  CsvRecord rec;
  if (!reader.Next(rec)) {
    log.Fatal(std::string(file), reader.io_error().empty() ? "the file is empty: expected a header row"
                                                           : reader.io_error());
    return std::nullopt;
  }
  if (!rec.ok()) {
    log.Fatal(fmt::format("{}:{}:{}", file, rec.error_line, rec.error_column), "header row: " + rec.error,
              rec.error_code);
    return std::nullopt;
  }
  Header h;
  h.schema = spec;
  h.width = rec.fields.size();
  h.index.assign(spec.size(), -1);
  bool ok = true;
  std::vector<size_t> unknown;  // header positions that name no column
  for (size_t i = 0; i < rec.fields.size(); ++i) {
    const std::string name = HeaderKey(rec.fields[i]);
    auto it = std::find_if(spec.begin(), spec.end(), [&](const InputColumn& c) { return c.name == name; });
    if (it == spec.end()) {
      unknown.push_back(i);
      continue;
    }
    const size_t k = static_cast<size_t>(it - spec.begin());
    if (h.index[k] >= 0) {
      log.Fatal(fmt::format("{}:{}", file, rec.line),
                fmt::format("columns \"{}\" and \"{}\" are both column \"{}\" (names are matched ignoring case "
                            "and surrounding spaces)",
                            Printable(rec.fields[static_cast<size_t>(h.index[k])]), Printable(rec.fields[i]), name),
                "header");
      ok = false;
    }
    h.index[k] = static_cast<int>(i);
  }
  for (size_t i : unknown) {
    const std::string name = HeaderKey(rec.fields[i]);
    const InputColumn* near = NearMiss(name, spec, h.index);
    if (near != nullptr) {
      log.Fatal(fmt::format("{}:{}", file, rec.line),
                fmt::format("column \"{}\" is not a column of the schema but close to \"{}\", which is absent: "
                            "rename it to \"{}\" (or, if it is another column, to a name not so close)",
                            Printable(rec.fields[i]), near->name, near->name),
                "near_miss_header");
      ok = false;
      continue;
    }
    Problem p;
    p.severity = Severity::kWarning;
    p.code = "unknown_column";
    p.file = file;
    p.line = rec.line;
    p.column = rec.fields[i];
    p.message = "not a column of the canonical schema; ignored";
    log.Add(std::move(p));
  }
  for (size_t k = 0; k < spec.size(); ++k) {
    if (spec[k].in_header() && h.index[k] < 0) {
      log.Fatal(fmt::format("{}:{}", file, rec.line),
                fmt::format("required column \"{}\" is missing from the header", spec[k].name),
                "header");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return h;
}

// A row's fields by schema column ("" for absent columns).
struct Row {
  const Header* header;
  const CsvRecord* rec;
  std::string_view operator[](int col) const {
    const int i = header->index[static_cast<size_t>(col)];
    return i < 0 ? std::string_view() : rec->fields[static_cast<size_t>(i)];
  }
  const InputColumn& column(int col) const { return header->schema[static_cast<size_t>(col)]; }
};

template <typename E>
std::string Expected(const Vocabulary<E>& v) {
  std::string s = "expected one of ";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) s += ", ";
    s += v.names[i];
  }
  return s;
}

// The checks shared by the three files. Each returns the parsed value of the
// row's column `col` and reports into the row's RowCheck; the column's name
// and whether a value is required come from the schema.
struct FieldParser {
  RowCheck& check;
  Date as_of;

  bool Required(const Row& row, int col) { return Required(row.column(col).name, row[col]); }
  bool Required(std::string_view name, std::string_view v) {
    if (!v.empty()) return true;
    check.Error("missing_value", name, v, "a value is required");
    return false;
  }

  Date DateField(const Row& row, int col) {
    const std::string_view name = row.column(col).name, v = row[col];
    if (v.empty()) {
      if (row.column(col).required()) Required(name, v);
      return Date();
    }
    const DateParseResult r = ParseDate(v);
    if (!r.ok()) {
      check.Error("bad_date", name, v, std::string(DescribeDateParseError(r.error)));
      return Date();
    }
    if (r.date > as_of) {
      check.Error("date_after_as_of", name, v,
                  fmt::format("is after the as-of date {}", as_of.ToString()));
      return Date();
    }
    return r.date;
  }

  // A date that may lie after as_of (projected release, parole eligibility).
  Date FutureDateField(const Row& row, int col) {
    const std::string_view name = row.column(col).name, v = row[col];
    if (v.empty()) return Date();
    const DateParseResult r = ParseDate(v);
    if (!r.ok()) check.Error("bad_date", name, v, std::string(DescribeDateParseError(r.error)));
    return r.date;
  }

  // A whole number >= 0; kMissingInt when empty or bad.
  int32_t Count(const Row& row, int col) {
    const std::string_view name = row.column(col).name, v = row[col];
    if (v.empty()) return kMissingInt;
    int64_t x = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc() || ptr != v.data() + v.size()) {
      check.Error("bad_number", name, v, "expected a whole number");
      return kMissingInt;
    }
    if (x < 0) {
      check.Error("negative", name, v, "must not be negative");
      return kMissingInt;
    }
    if (x > 2'000'000'000) {
      check.Error("bad_number", name, v, "is too large");
      return kMissingInt;
    }
    return static_cast<int32_t>(x);
  }

  template <typename E>
  std::optional<E> Enum(const Row& row, int col, const Vocabulary<E>& vocab) {
    const std::string_view name = row.column(col).name, v = row[col];
    if (v.empty()) {
      if (row.column(col).required()) Required(name, v);
      return std::nullopt;
    }
    auto e = vocab.Parse(v);
    if (!e) check.Error("bad_code", name, v, Expected(vocab));
    return e;
  }

  bool Jurisdiction(const Row& row, int col) {
    const std::string_view name = row.column(col).name, v = row[col];
    if (v.empty()) return !row.column(col).required() || Required(name, v);
    if (IsJurisdictionCode(v)) return true;
    check.Error("bad_jurisdiction", name, v,
                "expected US or a two-letter state code such as CA (upper case)");
    return false;
  }
};

bool CheckWidth(const CsvRecord& rec, const Header& h, RowCheck& check) {
  if (!rec.ok()) {
    check.Error(rec.error_code, "", "", fmt::format("line {} byte {}: {}", rec.error_line, rec.error_column, rec.error));
    return false;
  }
  if (rec.fields.size() != h.width) {
    check.Error("ragged_row", "", "",
                fmt::format("has {} fields, the header has {}", rec.fields.size(), h.width));
    return false;
  }
  return true;
}

// Where accepted rows are in their file, so that a row rejected after reading
// (a duplicate id found later) can be copied to rejected.csv as it was.
struct RowLocations {
  std::vector<uint64_t> offset;
  std::vector<uint32_t> length;
  void Add(uint64_t at, uint32_t size) {
    offset.push_back(at);
    length.push_back(size);
  }
};

std::string ReadBytes(const std::string& path, uint64_t offset, uint32_t length) {
  std::string out(length, '\0');
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  const bool ok = std::fseek(f, static_cast<long>(offset), SEEK_SET) == 0 &&
                  std::fread(out.data(), 1, length, f) == length;
  std::fclose(f);
  return ok ? out : "";
}

// Accepted rows identical byte for byte to an earlier one: a hash per row
// while reading, then equal hashes confirmed by reading the rows back.
class DuplicateRows {
 public:
  static size_t Hash(std::string_view raw) { return std::hash<std::string_view>()(raw); }
  void Add(size_t hash, uint32_t row) { rows_.push_back({hash, row}); }
  // Calls found(row, earlier_row) for each row equal to an earlier one.
  template <typename F>
  void Report(const std::string& path, const RowLocations& where, F&& found) {
    std::sort(rows_.begin(), rows_.end());
    for (size_t a = 0; a < rows_.size();) {
      size_t b = a + 1;
      while (b < rows_.size() && rows_[b].first == rows_[a].first) ++b;
      for (size_t j = a + 1; j < b; ++j) {
        const std::string text = Text(path, where, rows_[j].second);
        for (size_t i = a; i < j; ++i) {
          if (Text(path, where, rows_[i].second) != text) continue;
          found(rows_[j].second, rows_[i].second);
          break;
        }
      }
      a = b;
    }
  }

 private:
  static std::string Text(const std::string& path, const RowLocations& where, uint32_t row) {
    return ReadBytes(path, where.offset[row], where.length[row]);
  }
  std::vector<std::pair<size_t, uint32_t>> rows_;  // (hash, row), rows in reading order
};

// What every parsed row carries besides its fields (FileLoader::ForEachParsedRow).
struct RowHead {
  uint64_t line = 0;
  uint64_t offset = 0;  // of the row's bytes in its file
  uint32_t length = 0;
  uint32_t problems_end = 0;  // its problems end here in its chunk's list
  bool failed = false;        // it has an error: it is rejected
};

// Keeps the fields a parsed row views: bytes of the mapped file as they are,
// fields the reader unescaped (in its scratch space) as copies.
class FieldStore {
 public:
  FieldStore() = default;  // keeps nothing: the row is committed before the next is read
  explicit FieldStore(std::string_view file) : file_(file), copy_(true) {}
  void Clear() { copies_.clear(); }
  std::string_view Keep(std::string_view v) {
    const auto at = reinterpret_cast<uintptr_t>(v.data()), lo = reinterpret_cast<uintptr_t>(file_.data());
    if (!copy_ || v.empty() || (at >= lo && at + v.size() <= lo + file_.size())) return v;
    return copies_.emplace_back(v);
  }

 private:
  std::string_view file_;
  bool copy_ = false;
  std::deque<std::string> copies_;
};

// One chunk of a file, parsed on its own thread: its rows in file order and
// their problems.
template <typename Parsed>
struct ParsedChunk {
  size_t begin = 0;
  size_t stop = SIZE_MAX;
  uint64_t line = 0;
  std::unique_ptr<CsvReader> reader;
  std::vector<Parsed> rows;
  std::vector<Problem> problems;
  FieldStore store;
};

uint64_t FileSize(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

// Drives a file's rows through `on_row(rec, check)`, or through parse and
// commit steps (ForEachParsedRow); records rejected rows.
class FileLoader {
 public:
  // Files are parsed in rounds of about this many bytes, so that the parsed
  // rows waiting for their commit take bounded memory.
  static constexpr size_t kRoundBytes = size_t{16} << 20;
  // With LoadOptions::threads 0, smaller files are read on one thread.
  static constexpr uint64_t kMinParallelBytes = uint64_t{1} << 20;

  FileLoader(const std::string& dir, FileCounts& counts, LoadResult& result, LoadProblems& log,
             const LoadOptions& options, uint64_t bytes_before, uint64_t bytes_total)
      : path_(dir + "/" + counts.file), counts_(counts), result_(result), log_(log),
        options_(options), bytes_before_(bytes_before), bytes_total_(bytes_total) {}

  std::unique_ptr<CsvReader> Open() {
    std::string error;
    auto reader = CsvReader::Open(path_, &error);
    if (!reader) log_.Fatal(counts_.file, error.substr(error.find(": ") + 2));
    counts_.present = reader != nullptr;
    return reader;
  }

  // on_row returns false when it rejected the row.
  template <typename F>
  void ForEachRow(CsvReader& reader, F&& on_row) {
    RowLoop(reader, on_row);
    Finish(reader, reader.bytes_consumed(), reader.sha256());
  }

  // The rows after the header `reader` read, each parsed by
  // parse(rec, check, store, row) into a Parsed (a RowHead) and then given to
  // commit(row), which returns whether it accepted the row. parse runs on
  // several threads, a chunk of the file each, so it may only read state
  // complete before the file; commit runs in file order on this thread. The
  // result is the one-thread result: a chunk whose reader does not stop at
  // the next chunk's start on a record boundary reads on to the end of the
  // file, and the chunks after it are dropped.
  template <typename Parsed, typename ParseFn, typename CommitFn>
  void ForEachParsedRow(CsvReader& reader, ParseFn&& parse, CommitFn&& commit) {
    auto one_row = [&](const CsvRecord& rec, RowCheck& check) {
      Parsed row;
      FieldStore direct;
      parse(rec, check, direct, row);
      Describe(rec, check, row);
      return commit(row);
    };
    const size_t threads = Threads();
    std::string error;
    const auto file = threads > 1 ? MappedFile::Open(path_, &error) : nullptr;
    if (!file) return ForEachRow(reader, one_row);
    const std::string_view bytes = file->bytes();
    std::string sha;
    std::thread hash([&] {
      Sha256 h;
      h.Update(bytes);
      sha = h.Hex();
    });
    size_t start = reader.bytes_consumed();
    uint64_t line = reader.line();
    std::unique_ptr<CsvReader> rest;  // a chunk's reader that must read on to the end
    std::vector<ParsedChunk<Parsed>> chunks(threads);  // reused from round to round
    for (ParsedChunk<Parsed>& c : chunks) c.store = FieldStore(bytes);
    while (start < bytes.size() && !rest) {
      const size_t end = CutAfterLineEnd(bytes, std::min(bytes.size(), start + kRoundBytes));
      rest = CommitRound(chunks, bytes, start, end, line, reader.header_commas(), parse, commit);
      start = end;
    }
    if (rest) {
      rest->StopAt(SIZE_MAX);
      RowLoop(*rest, one_row);
    }
    hash.join();
    Finish(reader, bytes.size(), std::move(sha));
  }

  // Rejects a row that on_row had accepted (a problem found after reading).
  void RejectLater(uint64_t line, std::string reason, const RowLocations& where, size_t row) {
    --counts_.accepted;
    Reject(line, std::move(reason), ReadBytes(path_, where.offset[row], where.length[row]));
  }

 private:
  size_t Threads() const {
    if (options_.threads > 0) return options_.threads;
    if (FileSize(path_) < kMinParallelBytes) return 1;
    return std::max(1u, std::thread::hardware_concurrency());
  }

  template <typename F>
  void RowLoop(CsvReader& reader, F& on_row) {
    CsvRecord rec;
    std::vector<Problem> problems;
    while (reader.Next(rec)) {
      ++counts_.rows_read;
      RowCheck check(problems, counts_.file, rec.line);
      const bool accepted = on_row(rec, check);
      for (Problem& p : problems) log_.Add(std::move(p));
      problems.clear();
      if (accepted) {
        ++counts_.accepted;
      } else {
        Reject(rec.line, check.reason(), std::string(rec.raw));
      }
      Progress(reader.bytes_consumed());
    }
  }

  // Bytes [begin, end) cut into chunks parsed at once, then committed in
  // order. Null when every chunk stopped where the next starts (line is then
  // the line at end), else the reader that must read on.
  template <typename Parsed, typename ParseFn, typename CommitFn>
  std::unique_ptr<CsvReader> CommitRound(std::vector<ParsedChunk<Parsed>>& chunks, std::string_view bytes,
                                         size_t begin, size_t end, uint64_t& line, size_t header_commas,
                                         ParseFn& parse, CommitFn& commit) {
    const std::vector<size_t> starts = ChunkStarts(bytes, begin, end, chunks.size());
    const size_t n = starts.size();
    std::vector<uint64_t> line_ends(n, 0);
    RunEach(n, [&](size_t k) {
      if (k + 1 < n) line_ends[k] = CountLineEnds(bytes, starts[k], starts[k + 1]);
    });
    for (size_t k = 0; k < n; ++k) {
      chunks[k].begin = starts[k];
      chunks[k].stop = k + 1 < n ? starts[k + 1] : end == bytes.size() ? SIZE_MAX : end;
      chunks[k].line = k == 0 ? line : chunks[k - 1].line + line_ends[k - 1];
    }
    RunEach(n, [&](size_t k) { ParseChunk(chunks[k], bytes, header_commas, parse); });
    for (size_t k = 0; k < n; ++k) {
      ParsedChunk<Parsed>& c = chunks[k];
      CommitChunk(c, bytes, commit);
      if (c.stop == SIZE_MAX) return nullptr;
      const bool next_line_right = k + 1 == n || c.reader->line() == chunks[k + 1].line;
      if (!c.reader->stopped_at_boundary() || !next_line_right) return std::move(c.reader);
    }
    line = chunks[n - 1].reader->line();
    return nullptr;
  }

  template <typename Parsed, typename ParseFn>
  void ParseChunk(ParsedChunk<Parsed>& c, std::string_view bytes, size_t header_commas, ParseFn& parse) const {
    c.reader = CsvReader::OverBytes(bytes);
    c.reader->StartAt(c.begin, c.line, header_commas);
    c.reader->StopAt(c.stop);
    c.rows.clear();
    c.problems.clear();
    c.store.Clear();
    CsvRecord rec;
    while (c.reader->Next(rec)) {
      Parsed& row = c.rows.emplace_back();
      RowCheck check(c.problems, counts_.file, rec.line);
      parse(rec, check, c.store, row);
      Describe(rec, check, row);
      row.problems_end = static_cast<uint32_t>(c.problems.size());
    }
  }

  template <typename Parsed, typename CommitFn>
  void CommitChunk(ParsedChunk<Parsed>& c, std::string_view bytes, CommitFn& commit) {
    size_t p = 0;
    for (Parsed& row : c.rows) {
      ++counts_.rows_read;
      std::string reason;  // as RowCheck::reason()
      for (; p < row.problems_end; ++p) {
        if (c.problems[p].severity == Severity::kError) {
          if (!reason.empty()) reason += "; ";
          reason += c.problems[p].Reason();
        }
        log_.Add(std::move(c.problems[p]));
      }
      if (commit(row)) {
        ++counts_.accepted;
      } else {
        Reject(row.line, std::move(reason), std::string(bytes.substr(row.offset, row.length)));
      }
      Progress(row.offset + row.length);
    }
  }

  static void Describe(const CsvRecord& rec, const RowCheck& check, RowHead& row) {
    row.line = rec.line;
    row.offset = rec.offset;
    row.length = static_cast<uint32_t>(rec.raw.size());
    row.failed = check.failed();
  }

  void Progress(uint64_t done) const {
    if (options_.progress && (counts_.rows_read & 0xFFFF) == 0)
      options_.progress("loading", bytes_before_ + done, bytes_total_);
  }

  void Finish(const CsvReader& reader, uint64_t bytes, std::string sha256) {
    if (!reader.io_error().empty()) log_.Fatal(counts_.file, reader.io_error());
    counts_.bytes = bytes;
    counts_.sha256 = std::move(sha256);
  }

  void Reject(uint64_t line, std::string reason, std::string record) {
    ++counts_.rejected;
    result_.rejected.push_back({counts_.file, line, std::move(reason), std::move(record)});
  }
  std::string path_;
  FileCounts& counts_;
  LoadResult& result_;
  LoadProblems& log_;
  const LoadOptions& options_;
  uint64_t bytes_before_;
  uint64_t bytes_total_;
};

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

// A people.csv row as parsed and checked, before its commit.
struct ParsedPerson : RowHead {
  std::optional<std::string_view> id;  // person_id, also of a rejected row that has one
  std::string_view jurisdiction, facility;
  Date birth, admission;
  std::optional<BirthPrecision> precision;
  std::optional<Sex> sex;
  std::optional<Race> race;
  std::optional<AdmissionType> admission_type;
  int32_t infractions = kMissingInt;
  int8_t medical = kUnknownFlag;
};

struct SentenceDates {
  Date offense, sentenced, projected_release, parole;
};

// A sentences.csv row as parsed and checked, before its commit.
struct ParsedSentence : RowHead {
  uint32_t person = kNoIndex;
  std::string code;  // qualified with the person's jurisdiction
  std::string_view id, description, drug_type, consecutive_to, enhancements;
  SentenceDates dates;
  std::optional<SentenceType> type;
  std::optional<SentenceStatus> status;
  int32_t term = kMissingInt, min_term = kMissingInt, max_term = kMissingInt, credits = kMissingInt;
  double grams = 0;
  size_t raw_hash = 0;  // DuplicateRows::Hash of the row
};

// Calls item(code, days) for each CODE=DAYS of an enhancements cell, in
// order; returns the first malformed item (reading stops there), if any.
template <typename F>
std::optional<std::string_view> SplitEnhancements(std::string_view e, F&& item) {
  if (e.empty()) return std::nullopt;
  for (size_t start = 0; start <= e.size();) {
    size_t end = e.find(';', start);
    if (end == std::string_view::npos) end = e.size();
    const std::string_view it = e.substr(start, end - start);
    const size_t eq = it.rfind('=');
    int64_t days = -1;
    if (eq != std::string_view::npos && eq > 0) {
      auto [ptr, ec] = std::from_chars(it.data() + eq + 1, it.data() + it.size(), days);
      if (ec != std::errc() || ptr != it.data() + it.size() || eq + 1 == it.size()) days = -1;
    }
    if (days < 0 || days > 2'000'000'000) return it;
    item(it.substr(0, eq), days);
    start = end + 1;
  }
  return std::nullopt;
}

// One LoadPopulation call: facilities.csv, then people.csv, then
// sentences.csv, each file's rows checked and added to the builder.
class PopulationLoad {
 public:
  PopulationLoad(const std::string& dir, const LoadOptions& options)
      : dir_(dir), options_(options), log_(result_), strings_(builder_.strings()),
        total_bytes_(FileSize(dir + "/people.csv") + FileSize(dir + "/sentences.csv") +
                     FileSize(dir + "/facilities.csv")) {}

  LoadResult Run() {
    if (Exists(dir_ + "/facilities.csv")) LoadFacilities();
    LoadPeople();
    if (result_.fatal) return std::move(result_);
    if (!LoadSentences()) return std::move(result_);
    if (options_.progress) options_.progress("loading", total_bytes_, total_bytes_);
    if (!result_.fatal) result_.population = builder_.Finish();
    SortRejected();
    return std::move(result_);
  }

 private:
  // ---- facilities.csv (optional) ----
  void LoadFacilities() {
    FileLoader loader(dir_, result_.facilities, result_, log_, options_, bytes_before_, total_bytes_);
    auto reader = loader.Open();
    if (!reader) return;
    if (auto header = ReadHeader(*reader, "facilities.csv", kFacilitySchema, log_)) {
      std::vector<uint64_t> line_of;  // by StrId, first line with this id
      loader.ForEachRow(*reader, [&](const CsvRecord& rec, RowCheck& check) {
        return AcceptFacility(rec, *header, check, line_of);
      });
      facility_known_.assign(strings_.size(), 0);
      for (StrId id : builder_.facilities().id) facility_known_[id] = 1;
    }
    bytes_before_ += result_.facilities.bytes;
  }

  bool AcceptFacility(const CsvRecord& rec, const Header& header, RowCheck& check, std::vector<uint64_t>& line_of) {
    if (!CheckWidth(rec, header, check)) return false;
    Row row{&header, &rec};
    FieldParser parse{check, options_.as_of};
    const std::string_view id = row[kFId];
    parse.Required(row, kFId);
    parse.Jurisdiction(row, kFJur);
    const int32_t cap = parse.Count(row, kFCap);
    if (cap == 0) check.Error("bad_number", "design_capacity", row[kFCap], "must be at least 1");
    const auto housing = parse.Enum(row, kFHousing, kHousing);
    if (check.failed()) return false;
    const StrId sid = strings_.Intern(id);
    if (sid >= line_of.size()) line_of.resize(strings_.size(), 0);
    if (line_of[sid] != 0) {
      check.Error("duplicate_id", "facility_id", id, fmt::format("already used on line {}; ids must be unique", line_of[sid]));
      return false;
    }
    line_of[sid] = rec.line;
    FacilityColumns& f = builder_.facilities();
    f.id.push_back(sid);
    f.name.push_back(strings_.Intern(row[kFName]));
    f.jurisdiction.push_back(strings_.Intern(row[kFJur]));
    f.design_capacity.push_back(cap);
    f.housing.push_back(housing.value_or(Housing::kUnknown));
    return true;
  }

  // ---- people.csv ----
  // What reading people.csv leaves for the checks after it.
  struct PeopleRead {
    std::vector<uint32_t> first_row_of;  // StrId -> row index + 1 of first occurrence
    std::vector<bool> keep;
    RowLocations where;
    std::vector<std::pair<std::string, uint64_t>> rejected_ids;  // (person_id, line)
    std::vector<std::pair<uint32_t, uint32_t>> duplicates;       // (row, first row)
  };

  void LoadPeople() {
    FileLoader loader(dir_, result_.people, result_, log_, options_, bytes_before_, total_bytes_);
    auto reader = loader.Open();
    std::optional<Header> header;
    if (reader) header = ReadHeader(*reader, "people.csv", kPeopleSchema, log_);
    if (header) {
      PeopleRead read;
      loader.ForEachParsedRow<ParsedPerson>(
          *reader,
          [&](const CsvRecord& rec, RowCheck& check, FieldStore& store, ParsedPerson& row) {
            ParsePerson(rec, *header, check, store, row);
          },
          [&](const ParsedPerson& row) { return CommitPerson(row, read); });
      RejectDuplicatePeople(read, loader);
      builder_.KeepPeople(read.keep);
      const PeopleColumns& pc = builder_.people();
      person_of_str_.assign(strings_.size(), kNoIndex);
      for (uint32_t i = 0; i < pc.id.size(); ++i) person_of_str_[pc.id[i]] = i;
      RememberRejectedPeople(read.rejected_ids);
    }
    bytes_before_ += result_.people.bytes;
  }

  // Reads only what is complete before people.csv: it runs on several threads.
  void ParsePerson(const CsvRecord& rec, const Header& header, RowCheck& check, FieldStore& store,
                   ParsedPerson& out) const {
    if (const auto i = static_cast<size_t>(header.index[kPId]); i < rec.fields.size())
      out.id = store.Keep(rec.fields[i]);
    if (!CheckWidth(rec, header, check)) return;
    Row row{&header, &rec};
    FieldParser parse{check, options_.as_of};
    parse.Required(row, kPId);
    parse.Jurisdiction(row, kPJur);
    out.birth = parse.DateField(row, kPBirth);
    out.precision = parse.Enum(row, kPPrec, kBirthPrecision);
    out.sex = parse.Enum(row, kPSex, kSex);
    out.race = parse.Enum(row, kPRace, kRace);
    out.admission = parse.DateField(row, kPAdm);
    out.admission_type = parse.Enum(row, kPAdmType, kAdmissionType);
    out.infractions = parse.Count(row, kPInf);
    out.medical = MedicalHighRisk(row, check);
    CheckPersonDates(row, out.birth, out.admission, check);
    CheckFacility(row[kPFac], check);
    out.jurisdiction = store.Keep(row[kPJur]);
    out.facility = store.Keep(row[kPFac]);
  }

  bool CommitPerson(const ParsedPerson& r, PeopleRead& read) {
    if (r.failed) {
      if (r.id) read.rejected_ids.emplace_back(*r.id, r.line);
      return false;
    }
    const StrId sid = strings_.Intern(*r.id);
    if (sid >= read.first_row_of.size()) read.first_row_of.resize(strings_.size() + 1024, 0);
    PeopleColumns& pc = builder_.people();
    const auto row_index = static_cast<uint32_t>(pc.id.size());
    if (read.first_row_of[sid] != 0) read.duplicates.push_back({row_index, read.first_row_of[sid] - 1});
    else read.first_row_of[sid] = row_index + 1;
    pc.id.push_back(sid);
    pc.jurisdiction.push_back(strings_.Intern(r.jurisdiction));
    pc.birth_date.push_back(r.birth);
    pc.birth_precision.push_back(r.precision.value_or(BirthPrecision::kDay));
    pc.sex.push_back(*r.sex);
    pc.race.push_back(*r.race);
    pc.admission_date.push_back(r.admission);
    pc.admission_type.push_back(r.admission_type.value_or(AdmissionType::kUnknown));
    pc.facility_id.push_back(strings_.Intern(r.facility));
    pc.infractions_5y.push_back(r.infractions);
    pc.medical_high_risk.push_back(r.medical);
    pc.source_line.push_back(static_cast<uint32_t>(r.line));
    read.keep.push_back(true);
    read.where.Add(r.offset, r.length);
    return true;
  }

  static int8_t MedicalHighRisk(const Row& row, RowCheck& check) {
    const std::string_view m = row[kPMed];
    if (m == "0" || m == "1") return static_cast<int8_t>(m[0] - '0');
    if (!m.empty()) check.Error("bad_code", "medical_high_risk", m, "expected 0 or 1");
    return kUnknownFlag;
  }

  void CheckPersonDates(const Row& row, Date birth, Date adm, RowCheck& check) const {
    if (!birth.missing() && !adm.missing()) {
      if (adm < birth) {
        check.Error("date_order", "admission_date", row[kPAdm], fmt::format("is before birth_date {}", birth.ToString()));
      } else if (AgeOn(birth, adm) < 10) {
        check.Error("implausible_age", "birth_date", row[kPBirth],
                    fmt::format("gives an age of {} at admission; expected at least 10", AgeOn(birth, adm)));
      }
    }
    if (!birth.missing() && AgeOn(birth, options_.as_of) > 110)
      check.Warning("implausible_age", "birth_date", row[kPBirth],
                    fmt::format("gives an age of {} on the as-of date", AgeOn(birth, options_.as_of)));
  }

  void CheckFacility(std::string_view fac, RowCheck& check) const {
    if (fac.empty() || !result_.facilities.present || result_.fatal) return;
    auto fid = strings_.Find(fac);
    if (!fid || *fid >= facility_known_.size() || !facility_known_[*fid])
      check.Warning("unknown_facility", "facility_id", fac, "is not in facilities.csv; the facility is treated as unknown");
  }

  // Duplicate person_id: every row with that id is rejected, since which one
  // is right cannot be known.
  void RejectDuplicatePeople(PeopleRead& read, FileLoader& loader) {
    const PeopleColumns& pc = builder_.people();
    rejected_person_line_.assign(strings_.size(), 0);
    for (auto [dup, first] : read.duplicates) {
      for (uint32_t r : {first, dup}) {
        if (!read.keep[r]) continue;
        read.keep[r] = false;
        const uint32_t other = r == first ? dup : first;
        Problem p;
        p.code = "duplicate_id";
        p.file = "people.csv";
        p.line = pc.source_line[r];
        p.column = "person_id";
        p.value = strings_.View(pc.id[r]);
        p.message = fmt::format("also on line {}; ids must be unique, so both rows are rejected", pc.source_line[other]);
        const std::string reason = p.Reason();
        log_.Add(std::move(p));
        loader.RejectLater(pc.source_line[r], reason, read.where, r);
        if (rejected_person_line_[pc.id[r]] == 0) rejected_person_line_[pc.id[r]] = pc.source_line[r];
      }
    }
  }

  // People rejected for their own errors: their ids, for the sentences' reasons.
  void RememberRejectedPeople(const std::vector<std::pair<std::string, uint64_t>>& rejected_ids) {
    for (const auto& [id, line] : rejected_ids) {
      const StrId sid = strings_.Intern(id);
      if (sid == kNoStr) continue;
      if (sid >= rejected_person_line_.size()) rejected_person_line_.resize(strings_.size(), 0);
      if (rejected_person_line_[sid] == 0) rejected_person_line_[sid] = line;
    }
  }

  // ---- sentences.csv ----
  // False when the file cannot be read at all.
  bool LoadSentences() {
    FileLoader loader(dir_, result_.sentences, result_, log_, options_, bytes_before_, total_bytes_);
    auto reader = loader.Open();
    std::optional<Header> header;
    if (reader) header = ReadHeader(*reader, "sentences.csv", kSentenceSchema, log_);
    if (!header) return false;
    RowLocations where;
    DuplicateRows duplicate_rows;
    loader.ForEachParsedRow<ParsedSentence>(
        *reader,
        [&](const CsvRecord& rec, RowCheck& check, FieldStore& store, ParsedSentence& row) {
          ParseSentence(rec, *header, check, store, row);
        },
        [&](const ParsedSentence& row) {
          if (!CommitSentence(row)) return false;
          duplicate_rows.Add(row.raw_hash, static_cast<uint32_t>(builder_.sentences().size() - 1));
          where.Add(row.offset, row.length);
          return true;
        });
    ReportDuplicateRows(duplicate_rows, where);
    CheckAcrossSentences(loader, where);
    return true;
  }

  // Reads only what is complete before sentences.csv: it runs on several threads.
  void ParseSentence(const CsvRecord& rec, const Header& header, RowCheck& check, FieldStore& store,
                     ParsedSentence& out) const {
    if (!CheckWidth(rec, header, check)) return;
    Row row{&header, &rec};
    FieldParser parse{check, options_.as_of};
    out.person = SentencePerson(row, parse, check);
    parse.Required(row, kSId);
    // A code without a jurisdiction prefix is the person's jurisdiction's.
    out.code = OffenseCode(row, parse, PersonJurisdiction(out.person), check);
    SentenceDates& d = out.dates;
    d.offense = parse.DateField(row, kSOffDate);
    // An agency export may not record the sentencing date (Iowa's does not):
    // it is then unknown, with a warning, and whatever needs it is unknown.
    d.sentenced = parse.DateField(row, kSSentDate);
    if (row[kSSentDate].empty())
      check.Warning("missing_sentence_date", "sentence_date", "",
                    "not recorded: rules that need the sentencing date will be unknown");
    out.type = parse.Enum(row, kSType, kSentenceType);
    out.term = parse.Count(row, kSTerm);
    out.min_term = parse.Count(row, kSMin);
    out.max_term = parse.Count(row, kSMax);
    out.status = parse.Enum(row, kSStatus, kSentenceStatus);
    out.credits = parse.Count(row, kSCredits);
    d.projected_release = parse.FutureDateField(row, kSProj);
    d.parole = parse.FutureDateField(row, kSParole);
    const int64_t enh_total = CheckEnhancements(row[kSEnh], check);
    out.grams = DrugGrams(row[kSGrams], check);
    if (out.type) CheckTerm(row, *out.type, out.term, out.min_term, out.max_term, enh_total, check);
    CheckSentenceDates(row, d, out.person, out.status, check);
    out.id = store.Keep(row[kSId]);
    out.description = store.Keep(row[kSDesc]);
    out.drug_type = store.Keep(row[kSDrug]);
    out.consecutive_to = store.Keep(row[kSConsec]);
    out.enhancements = store.Keep(row[kSEnh]);
    out.raw_hash = DuplicateRows::Hash(rec.raw);
  }

  // A rejected row's enhancement codes are interned too, as they always were.
  bool CommitSentence(const ParsedSentence& r) {
    InternEnhancements(r.enhancements, PersonJurisdiction(r.person));
    if (r.failed) return false;
    SentenceColumns& sc = builder_.sentences();
    sc.person.push_back(r.person);
    sc.id.push_back(strings_.Intern(r.id));
    sc.offense_code.push_back(strings_.Intern(r.code));
    sc.offense_description.push_back(strings_.Intern(r.description));
    sc.offense_date.push_back(r.dates.offense);
    sc.sentence_date.push_back(r.dates.sentenced);
    sc.type.push_back(*r.type);
    sc.term_days.push_back(r.term);
    sc.min_term_days.push_back(r.min_term);
    sc.max_term_days.push_back(r.max_term);
    sc.drug_type.push_back(strings_.Intern(r.drug_type));
    sc.drug_grams.push_back(r.grams);
    sc.status.push_back(*r.status);
    sc.credits_days.push_back(r.credits);
    sc.projected_release_date.push_back(r.dates.projected_release);
    sc.parole_eligibility_date.push_back(r.dates.parole);
    sc.source_line.push_back(static_cast<uint32_t>(r.line));
    builder_.AddSentence(enhancements_, strings_.Intern(r.consecutive_to));
    return true;
  }

  std::string_view PersonJurisdiction(uint32_t person) const {
    return person != kNoIndex ? strings_.View(builder_.people().jurisdiction[person]) : "";
  }

  // The person the row names, or kNoIndex (with an error).
  uint32_t SentencePerson(const Row& row, FieldParser& parse, RowCheck& check) const {
    if (!parse.Required(row, kSPerson)) return kNoIndex;
    const std::string_view pid = row[kSPerson];
    const auto sid = strings_.Find(pid);
    const uint32_t person = sid && *sid < person_of_str_.size() ? person_of_str_[*sid] : kNoIndex;
    if (person != kNoIndex) return person;
    if (sid && *sid < rejected_person_line_.size() && rejected_person_line_[*sid] != 0)
      check.Error("person_rejected", "person_id", pid,
                  fmt::format("this person was rejected (people.csv:{})", rejected_person_line_[*sid]));
    else
      check.Error("unknown_person", "person_id", pid, "is not in people.csv");
    return kNoIndex;
  }

  // The offense code, qualified with the person's jurisdiction when it has no prefix.
  static std::string OffenseCode(const Row& row, FieldParser& parse, std::string_view person_jur, RowCheck& check) {
    std::string code(row[kSCode]);
    if (!parse.Required(row, kSCode)) return code;
    if (!HasJurisdictionPrefix(code) && !person_jur.empty()) code = Qualified(code, person_jur);
    const size_t colon = code.find(':');
    if (!HasJurisdictionPrefix(code) || colon + 1 == code.size()) {
      check.Error("bad_offense_code", "offense_code", code,
                  "expected a statute code, such as \"CA:PC 459\" or \"PC 459\" (the person's jurisdiction is taken)");
    } else if (!person_jur.empty() && code.substr(0, colon) != person_jur) {
      check.Warning("offense_jurisdiction", "offense_code", code,
                    fmt::format("is not a {} code, the person's jurisdiction", person_jur));
    }
    return code;
  }

  // enhancements: CODE=DAYS;CODE=DAYS; their total days (up to a malformed item).
  static int64_t CheckEnhancements(std::string_view e, RowCheck& check) {
    int64_t total = 0;
    const auto bad = SplitEnhancements(e, [&](std::string_view, int64_t days) { total += days; });
    if (bad)
      check.Error("bad_enhancement", "enhancements", e,
                  fmt::format("item \"{}\": expected CODE=DAYS with DAYS a whole number >= 0", Printable(*bad)));
    return total;
  }

  // The enhancements (up to a malformed item) into enhancements_, codes
  // qualified with the person's jurisdiction when they have no prefix.
  void InternEnhancements(std::string_view e, std::string_view person_jur) {
    enhancements_.clear();
    SplitEnhancements(e, [&](std::string_view code, int64_t days) {
      enhancements_.push_back({HasJurisdictionPrefix(code) || person_jur.empty() ? strings_.Intern(code)
                                                                                 : strings_.Intern(Qualified(code, person_jur)),
                               static_cast<int32_t>(days)});
    });
  }

  static double DrugGrams(std::string_view g, RowCheck& check) {
    double grams = std::nan("");
    if (g.empty()) return grams;
    auto [ptr, ec] = std::from_chars(g.data(), g.data() + g.size(), grams);
    if (ec != std::errc() || ptr != g.data() + g.size() || !std::isfinite(grams)) {
      check.Error("bad_number", "drug_grams", g, "expected a number of grams such as 28.5");
      return std::nan("");
    }
    if (grams < 0) check.Error("negative", "drug_grams", g, "must not be negative");
    return grams;
  }

  static void CheckTerm(const Row& row, SentenceType type, int32_t term, int32_t min_term, int32_t max_term,
                        int64_t enh_total, RowCheck& check) {
    switch (type) {
      case SentenceType::kDeterminate:
        // An agency that did not record the length (Iowa's misdemeanors): the
        // term is unknown, and the person is still screened.
        if (row[kSTerm].empty())
          check.Warning("unknown_term", "term_days", "", "a determinate sentence with no recorded length: the term is unknown");
        else if (term == 0)
          check.Warning("zero_term", "term_days", row[kSTerm], "a determinate term of 0 days");
        if (term != kMissingInt && enh_total > term)
          check.Error("enhancements_exceed_term", "enhancements", row[kSEnh],
                      fmt::format("add up to {} days, more than term_days {} (which includes them)", enh_total, term));
        break;
      case SentenceType::kIndeterminate:
        // A missing minimum is unknown (Iowa's indeterminate terms have none
        // unless a mandatory minimum applies).
        if (min_term != kMissingInt && max_term != kMissingInt && min_term > max_term)
          check.Error("min_above_max", "min_term_days", row[kSMin], fmt::format("is more than max_term_days {}", max_term));
        break;
      case SentenceType::kLife:
      case SentenceType::kLwop:
      case SentenceType::kDeath:
        if (!row[kSTerm].empty())
          check.Warning("term_not_used", "term_days", row[kSTerm], fmt::format("is not used for a {} sentence", row[kSType]));
        break;
    }
  }

  void CheckSentenceDates(const Row& row, const SentenceDates& d, uint32_t person, std::optional<SentenceStatus> status,
                          RowCheck& check) const {
    if (!d.offense.missing() && !d.sentenced.missing() && d.offense > d.sentenced)
      check.Error("date_order", "offense_date", row[kSOffDate], fmt::format("is after sentence_date {}", d.sentenced.ToString()));
    if (person != kNoIndex && !d.sentenced.missing() && d.sentenced < builder_.people().birth_date[person])
      check.Error("date_order", "sentence_date", row[kSSentDate],
                  fmt::format("is before the person's birth_date {}", builder_.people().birth_date[person].ToString()));
    if (!d.projected_release.missing() && !d.sentenced.missing() && d.projected_release < d.sentenced)
      check.Error("date_order", "projected_release_date", row[kSProj],
                  fmt::format("is before sentence_date {}", d.sentenced.ToString()));
    if (!d.projected_release.missing() && status == SentenceStatus::kActive && d.projected_release < options_.as_of)
      check.Warning("release_passed", "projected_release_date", row[kSProj],
                    "has passed on the as-of date but the sentence is active");
    if (!d.parole.missing() && !d.projected_release.missing() && d.parole > d.projected_release)
      check.Warning("date_order", "parole_eligibility_date", row[kSParole],
                    fmt::format("is after projected_release_date {}", d.projected_release.ToString()));
  }

  void ReportDuplicateRows(DuplicateRows& duplicate_rows, const RowLocations& where) {
    const SentenceColumns& sc = builder_.sentences();
    duplicate_rows.Report(dir_ + "/sentences.csv", where, [&](uint32_t row, uint32_t earlier) {
      Problem p;
      p.severity = Severity::kWarning;
      p.code = "duplicate_row";
      p.file = "sentences.csv";
      p.line = sc.source_line[row];
      p.message = fmt::format("identical to line {}: an exact duplicate row (an export fault?); its sentence_id is "
                              "then a duplicate too",
                              sc.source_line[earlier]);
      log_.Add(std::move(p));
    });
  }

  // Checks across a person's sentences: unique sentence_id, consecutive_to
  // naming another of their sentences, no cycles, at least one active.
  void CheckAcrossSentences(FileLoader& loader, const RowLocations& where) {
    const SentenceColumns& sc = builder_.sentences();
    const PeopleColumns& pc = builder_.people();
    const size_t n = sc.person.size();
    std::vector<bool> keep(n, true);
    std::vector<uint32_t> begin(pc.id.size() + 1, 0);
    for (uint32_t p : sc.person) ++begin[p + 1];
    for (size_t i = 0; i < pc.id.size(); ++i) begin[i + 1] += begin[i];
    std::vector<uint32_t> by_person(n);
    {
      std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
      for (uint32_t i = 0; i < n; ++i) by_person[next[sc.person[i]]++] = i;
    }
    auto reject = [&](uint32_t s, std::string_view code, std::string_view column, std::string_view value,
                      std::string message) {
      if (!keep[s]) return;
      keep[s] = false;
      Problem p;
      p.code = code;
      p.file = "sentences.csv";
      p.line = sc.source_line[s];
      p.column = column;
      p.value = value;
      p.message = std::move(message);
      const std::string reason = p.Reason();
      log_.Add(std::move(p));
      loader.RejectLater(sc.source_line[s], reason, where, s);
    };
    std::vector<StrId> consecutive_to(n);
    for (size_t i = 0; i < n; ++i) consecutive_to[i] = builder_.consecutive_to_id(i);
    SentenceReferenceCheck references({sc.id, consecutive_to, sc.source_line}, strings_);
    for (size_t person = 0; person < pc.id.size(); ++person) {
      const std::span<const uint32_t> rows(by_person.data() + begin[person], begin[person + 1] - begin[person]);
      references.Check(rows, keep, reject);
      WarnWithoutActiveSentence(person, rows, keep);
    }
    builder_.KeepSentences(keep);
  }

  void WarnWithoutActiveSentence(size_t person, std::span<const uint32_t> rows, const std::vector<bool>& keep) {
    const SentenceColumns& sc = builder_.sentences();
    for (uint32_t s : rows)
      if (keep[s] && sc.status[s] == SentenceStatus::kActive) return;
    const PeopleColumns& pc = builder_.people();
    Problem p;
    p.severity = Severity::kWarning;
    p.code = "no_active_sentence";
    p.file = "people.csv";
    p.line = pc.source_line[person];
    p.column = "person_id";
    p.value = strings_.View(pc.id[person]);
    p.message = rows.empty() ? "has no sentences in sentences.csv" : "has no active sentence in sentences.csv";
    log_.Add(std::move(p));
  }

  // Rejections found after reading were appended late; list them in file and line order.
  void SortRejected() {
    std::stable_sort(result_.rejected.begin(), result_.rejected.end(), [](const RejectedRow& a, const RejectedRow& b) {
      auto rank = [](const std::string& f) { return f == "facilities.csv" ? 0 : f == "people.csv" ? 1 : 2; };
      return std::pair(rank(a.file), a.line) < std::pair(rank(b.file), b.line);
    });
  }

  const std::string dir_;
  const LoadOptions& options_;
  LoadResult result_;
  LoadProblems log_;
  PopulationBuilder builder_;
  StringPool& strings_;
  const uint64_t total_bytes_;
  uint64_t bytes_before_ = 0;
  std::vector<uint8_t> facility_known_;        // by StrId of facility_id
  std::vector<uint32_t> person_of_str_;        // StrId -> person row (kNoIndex)
  std::vector<uint64_t> rejected_person_line_;  // StrId -> line where that person was rejected
  std::vector<Enhancement> enhancements_;      // of the sentence being read
};

}  // namespace

LoadResult LoadPopulation(const std::string& dir, const LoadOptions& options) {
  return PopulationLoad(dir, options).Run();
}

}  // namespace clemency
