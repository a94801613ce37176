#include "clemency/io/xlsx_reader.h"

#include "clemency/io/input_file.h"
#include "clemency/io/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <map>
#include <vector>

#include "clemency/io/excel_date.h"
#include "clemency/io/zip_xml_part.h"

namespace clemency {
namespace {

using xml::Attr;
using xml::XmlHandler;
using xml::XmlPart;

constexpr size_t kMaxCellBytes = 1 << 20;       // Excel itself stops at 32,767 characters
constexpr uint32_t kMaxColumns = 16384;         // A .. XFD
constexpr uint64_t kMaxRow = 1048576;

bool ParseUint(std::string_view s, uint64_t* out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

// What a part's elements mean to one reader; Stop() ends the parse with a message.

// ---- the parts read when the workbook is opened ----

struct WorkbookHandler : XmlHandler {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  bool date1904 = false;
  void Start(std::string_view name, const char** atts) override {
    if (name == "workbookPr") {
      const char* d = Attr(atts, "date1904");
      date1904 = d != nullptr && (std::string_view(d) == "1" || std::string_view(d) == "true");
    } else if (name == "sheet") {
      const char* n = Attr(atts, "name");
      const char* id = Attr(atts, "id");
      sheets.emplace_back(n ? n : "", id ? id : "");
    }
  }
};

struct RelsHandler : XmlHandler {
  std::map<std::string, std::string> targets;  // Id -> Target
  void Start(std::string_view name, const char** atts) override {
    const char* id = Attr(atts, "Id");
    const char* target = Attr(atts, "Target");
    if (name == "Relationship" && id != nullptr && target != nullptr) targets[id] = target;
  }
};

struct SharedStringsHandler : XmlHandler {
  std::vector<std::string> strings;
  int in_t = 0, in_phonetic = 0;
  uint64_t bytes = 0;
  void Start(std::string_view name, const char**) override {
    if (name == "si") strings.emplace_back();
    if (name == "t") ++in_t;
    if (name == "rPh") ++in_phonetic;
  }
  void End(std::string_view name) override {
    if (name == "t") --in_t;
    if (name == "rPh") --in_phonetic;
  }
  void Text(std::string_view s) override {
    if (in_t <= 0 || in_phonetic > 0 || strings.empty()) return;
    if (strings.back().size() + s.size() > kMaxCellBytes) return Stop("a shared string longer than 1 MiB");
    strings.back() += s;
  }
};

// Whether a number format shows a date: the built-in date formats, or a
// custom code with a day or a year outside quotes, brackets and escapes.
bool IsDateFormat(uint64_t id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  bool quoted = false, bracket = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"')
      quoted = !quoted;
    else if (quoted)
      continue;
    else if (c == '\\' || c == '_' || c == '*')
      ++i;
    else if (c == '[')
      bracket = true;
    else if (c == ']')
      bracket = false;
    else if (!bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y'))
      return true;
  }
  return false;
}

struct StylesHandler : XmlHandler {
  std::map<uint64_t, std::string> codes;  // custom numFmtId -> formatCode
  std::vector<uint64_t> xf_formats;       // cellXfs, in order
  bool in_cell_xfs = false;
  void Start(std::string_view name, const char** atts) override {
    uint64_t id = 0;
    const char* idt = Attr(atts, "numFmtId");
    const bool has_id = idt != nullptr && ParseUint(idt, &id);
    if (name == "cellXfs") in_cell_xfs = true;
    if (name == "numFmt" && has_id) codes[id] = Attr(atts, "formatCode") ? Attr(atts, "formatCode") : "";
    if (name == "xf" && in_cell_xfs) xf_formats.push_back(has_id ? id : 0);
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  std::vector<bool> DateStyles() const {
    std::vector<bool> out;
    for (uint64_t id : xf_formats) {
      auto it = codes.find(id);
      out.push_back(IsDateFormat(id, it == codes.end() ? "" : it->second));
    }
    return out;
  }
};

// ---- the worksheet, streamed ----

// A row as read: its non-empty cells by column, so that a queued row costs
// what its XML did (a lone cell at XFD is not 16,384 strings until it is used).
struct SheetRow {
  uint64_t line = 0;
  std::vector<std::pair<uint32_t, std::string>> cells;  // column (0-based), text
};

// "BC12" -> column 54 (0-based) and row 12; false when malformed or out of range.
bool ParseReference(std::string_view ref, uint32_t* column, uint64_t* row) {
  size_t i = 0;
  uint64_t col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
    col = col * 26 + static_cast<uint64_t>(ref[i++] - 'A' + 1);
  if (i == 0 || col > kMaxColumns || !ParseUint(ref.substr(i), row) || *row < 1 || *row > kMaxRow) return false;
  *column = static_cast<uint32_t>(col - 1);
  return true;
}

// A number as text: whole numbers without a fraction or exponent.
std::string NumberText(const std::string& v) {
  double x = 0;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || x != std::floor(x) || !(std::fabs(x) < 1e15)) return v;
  return fmt::format("{}", static_cast<int64_t>(x));
}

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& strings, const std::vector<bool>& date_styles, bool date1904)
      : strings_(strings), date_styles_(date_styles), date1904_(date1904) {}
  std::deque<SheetRow> rows;

  void Start(std::string_view name, const char** atts) override {
    if (name == "row") return StartRow(atts);
    if (name == "c") return StartCell(atts);
    if (name == "v" && in_cell_) in_v_ = true;
    if (name == "t" && in_cell_) ++in_t_;
    if (name == "rPh") ++in_phonetic_;
  }
  void End(std::string_view name) override {
    if (name == "v") in_v_ = false;
    if (name == "t" && in_t_ > 0) --in_t_;
    if (name == "rPh" && in_phonetic_ > 0) --in_phonetic_;
    if (name == "c" && in_cell_) EndCell();
    if (name == "row") EndRow();
  }
  void Text(std::string_view s) override {
    std::string* to = in_v_ ? &v_ : (in_t_ > 0 && in_phonetic_ == 0 && in_cell_) ? &inline_ : nullptr;
    if (to == nullptr) return;
    if (to->size() + s.size() > kMaxCellBytes) return Stop("a cell longer than 1 MiB");
    *to += s;
  }

 private:
  void StartRow(const char** atts) {
    uint64_t r = row_ + 1;
    if (const char* rt = Attr(atts, "r"); rt != nullptr && (!ParseUint(rt, &r) || r < 1 || r > kMaxRow))
      return Stop(fmt::format("row number \"{}\": expected 1 to {}", rt, kMaxRow));
    row_ = r;
    cells_.clear();
    next_column_ = 0;
  }
  void StartCell(const char** atts) {
    column_ = next_column_;
    if (const char* ref = Attr(atts, "r")) {
      uint64_t r = 0;
      if (!ParseReference(ref, &column_, &r))
        return Stop(fmt::format("cell reference \"{}\": expected a column A to XFD and a row 1 to {}", ref, kMaxRow));
    }
    if (column_ >= kMaxColumns) return Stop("a row with more than 16384 cells");
    const char* t = Attr(atts, "t");
    type_ = t ? t : "n";
    style_ = 0;
    if (const char* s = Attr(atts, "s"); s != nullptr && !ParseUint(s, &style_))
      return Stop(fmt::format("cell style \"{}\": expected a number", s));
    v_.clear();
    inline_.clear();
    in_cell_ = true;
  }
  void EndCell() {
    in_cell_ = false;
    next_column_ = column_ + 1;
    std::string value = CellText();
    if (stopped() || value.empty()) return;
    if (!cells_.empty() && cells_.back().first == column_) cells_.pop_back();  // the same cell twice: the last wins
    cells_.emplace_back(column_, std::move(value));
  }
  std::string CellText() {
    if (type_ == "s") {
      uint64_t i = 0;
      if (!ParseUint(v_, &i) || i >= strings_.size()) {
        Stop(fmt::format("shared string \"{}\" does not exist (the workbook has {})", v_, strings_.size()));
        return "";
      }
      return strings_[i];
    }
    if (type_ == "inlineStr") return inline_;
    if (type_ == "str" || type_ == "e") return v_;
    if (type_ == "b") return v_ == "1" ? "TRUE" : v_ == "0" ? "FALSE" : v_;
    if (type_ == "d") return v_.size() >= 10 && ParseDate(v_.substr(0, 10)).ok() ? v_.substr(0, 10) : v_;
    if (style_ < date_styles_.size() && date_styles_[style_] && !v_.empty()) {
      const DateParseResult d = ParseExcelSerial(v_, date1904_);
      if (d.ok()) return d.date.ToString();
    }
    return NumberText(v_);
  }
  void EndRow() {
    if (!cells_.empty()) rows.push_back(SheetRow{row_, std::move(cells_)});
    cells_.clear();
  }

  const std::vector<std::string>& strings_;
  const std::vector<bool>& date_styles_;
  bool date1904_;
  uint64_t row_ = 0;
  std::vector<std::pair<uint32_t, std::string>> cells_;
  uint32_t next_column_ = 0, column_ = 0;
  std::string type_, v_, inline_;
  uint64_t style_ = 0;
  bool in_cell_ = false, in_v_ = false;
  int in_t_ = 0, in_phonetic_ = 0;
};

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The worksheet's part: its relationship's target, else the conventional name.
std::string SheetPart(const std::map<std::string, std::string>& rels, const std::string& id, size_t index) {
  auto it = rels.find(id);
  if (it == rels.end()) return fmt::format("xl/worksheets/sheet{}.xml", index + 1);
  const std::string& target = it->second;
  return target.starts_with('/') ? target.substr(1) : "xl/" + target;
}

}  // namespace

struct XlsxReader::Impl {
  std::string bytes;  // FromMemory: the archive
  zip_t* zip = nullptr;
  std::vector<std::string> strings;
  std::vector<bool> date_styles;
  bool date1904 = false;
  std::unique_ptr<SheetHandler> handler;
  std::unique_ptr<XmlPart> part;
  std::vector<std::string> current;
  std::string raw;
  size_t header_width = 0;
  bool header_seen = false;
  std::string io_error;

  ~Impl() {
    part.reset();
    if (zip != nullptr) zip_discard(zip);
  }

  // Reads the workbook, shared strings and styles, and opens the sheet.
  bool Load(const std::string& sheet, std::string* error) {
    WorkbookHandler wb;
    if (!XmlPart(zip, "xl/workbook.xml", wb).ParseAll(error)) return false;
    date1904 = wb.date1904;
    if (wb.sheets.empty()) return (*error = "xl/workbook.xml names no worksheet", false);
    size_t index = 0;
    if (!sheet.empty()) {
      std::string names;
      for (index = 0; index < wb.sheets.size() && Lower(wb.sheets[index].first) != Lower(sheet); ++index)
        names += (names.empty() ? "" : ", ") + wb.sheets[index].first;
      if (index == wb.sheets.size())
        return (*error = fmt::format("no worksheet \"{}\" (the workbook has: {})", sheet, names), false);
    }
    RelsHandler rels;
    std::string ignored;
    XmlPart(zip, "xl/_rels/workbook.xml.rels", rels).ParseAll(&ignored);  // optional
    if (!LoadOptional<SharedStringsHandler>("xl/sharedStrings.xml", error,
                                            [&](SharedStringsHandler& h) { strings = std::move(h.strings); }))
      return false;
    if (!LoadOptional<StylesHandler>("xl/styles.xml", error, [&](StylesHandler& h) { date_styles = h.DateStyles(); }))
      return false;
    handler = std::make_unique<SheetHandler>(strings, date_styles, date1904);
    part = std::make_unique<XmlPart>(zip, SheetPart(rels.targets, wb.sheets[index].second, index), *handler);
    return part->Open(error);
  }

  template <typename Handler, typename Use>
  bool LoadOptional(const char* name, std::string* error, Use use) {
    if (zip_name_locate(zip, name, 0) < 0) return true;
    Handler h;
    if (!XmlPart(zip, name, h).ParseAll(error)) return false;
    use(h);
    return true;
  }

  // The next non-empty row, or false at the end or on an error.
  bool NextRow(SheetRow* row) {
    while (handler->rows.empty()) {
      if (!part->Feed(&io_error) && handler->rows.empty()) return false;
    }
    *row = std::move(handler->rows.front());
    handler->rows.pop_front();
    return true;
  }
};

XlsxReader::XlsxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxReader::~XlsxReader() = default;

namespace {

std::string ZipError(int code) {
  zip_error_t e;
  zip_error_init_with_code(&e, code);
  std::string out = zip_error_strerror(&e);
  zip_error_fini(&e);
  return out;
}

}  // namespace

std::unique_ptr<XlsxReader> XlsxReader::Open(const std::string& path, const std::string& sheet, std::string* error) {
  // zip_open would block on a FIFO; say why a file cannot be read.
  if (std::string problem = InputFileProblem(path); !problem.empty()) {
    *error = problem;
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  int code = 0;
  impl->zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (impl->zip == nullptr) {
    *error = code == ZIP_ER_OPEN || code == ZIP_ER_NOENT
                 ? fmt::format("{}: cannot open: {}", path, ZipError(code))
                 : fmt::format("{}: not an .xlsx workbook (expected a zip archive: {})", path, ZipError(code));
    return nullptr;
  }
  if (!impl->Load(sheet, error)) {
    *error = fmt::format("{}: {}", path, *error);
    return nullptr;
  }
  return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(impl)));
}

std::unique_ptr<XlsxReader> XlsxReader::FromMemory(std::string bytes, const std::string& name, const std::string& sheet,
                                                   std::string* error) {
  auto impl = std::make_unique<Impl>();
  impl->bytes = std::move(bytes);
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(impl->bytes.data(), impl->bytes.size(), 0, &zerr);
  if (src != nullptr) impl->zip = zip_open_from_source(src, ZIP_RDONLY, &zerr);
  if (impl->zip == nullptr) {
    *error = fmt::format("{}: not an .xlsx workbook (expected a zip archive: {})", name, zip_error_strerror(&zerr));
    if (src != nullptr) zip_source_free(src);
    zip_error_fini(&zerr);
    return nullptr;
  }
  zip_error_fini(&zerr);
  if (!impl->Load(sheet, error)) {
    *error = fmt::format("{}: {}", name, *error);
    return nullptr;
  }
  return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(impl)));
}

namespace {

// "C" for the third column, "AA" for the 27th.
std::string ColumnLetters(size_t index) {
  std::string out;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

// The text rules CSV input follows (io/utf8.h): a cell with a NUL, bad UTF-8
// or a byte order mark makes the row an error record.
void CheckCellText(CsvRecord& record) {
  for (size_t i = 0; i < record.fields.size(); ++i) {
    const auto issue = FindTextIssue(record.fields[i]);
    if (!issue) continue;
    record.error_code = issue->Code();
    record.error_line = record.line;
    record.error_column = i + 1;
    record.error = fmt::format("cell {}{}: {} at byte {} of the cell{}", ColumnLetters(i), record.line,
                               issue->Describe(record.fields[i]), issue->offset + 1,
                               issue->kind == TextIssue::Kind::kByteOrderMark ? ": remove it" : "");
    return;
  }
}

}  // namespace

bool XlsxReader::Next(CsvRecord& record) {
  SheetRow row;
  if (!impl_->NextRow(&row)) return false;
  Impl& m = *impl_;
  uint32_t width = 0;
  for (const auto& [column, text] : row.cells) width = std::max(width, column + 1);
  if (!m.header_seen) {
    m.header_seen = true;
    m.header_width = width;
  }
  m.current.assign(std::max<size_t>(width, m.header_width), std::string());
  for (auto& [column, text] : row.cells) m.current[column] = std::move(text);
  m.raw = CsvLine(m.current);
  record = CsvRecord();
  record.line = row.line;
  record.raw = m.raw;
  for (const std::string& f : m.current) record.fields.emplace_back(f);
  CheckCellText(record);
  return true;
}

const std::string& XlsxReader::io_error() const { return impl_->io_error; }

}  // namespace clemency
