#include "clemency/io/regex.h"

#include <re2/re2.h>

namespace clemency {
namespace {

using Groups = std::vector<re2::StringPiece>;

// Appends the expansion of an ECMAScript replacement format for one match.
void Expand(std::string_view format, const Groups& m, std::string& out) {
  for (size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    const char next = i + 1 < format.size() ? format[i + 1] : '\0';
    if (c == '$' && next >= '0' && next <= '9') {
      const size_t g = static_cast<size_t>(next - '0');
      if (g < m.size() && m[g].data() != nullptr) out.append(m[g].data(), m[g].size());
      ++i;
    } else if (c == '$' && next == '&') {
      out.append(m[0].data(), m[0].size());
      ++i;
    } else if (c == '$' && next == '$') {
      out.push_back('$');
      ++i;
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

std::optional<Regex> Regex::Compile(std::string_view pattern, bool case_insensitive, std::string* error) {
  RE2::Options options;
  options.set_case_sensitive(!case_insensitive);
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  auto re = std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) {
    *error = re->error();
    return std::nullopt;
  }
  Regex r;
  r.re_ = std::move(re);
  return r;
}

bool Regex::Search(std::string_view text) const {
  return re_ != nullptr && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

bool Regex::FullMatch(std::string_view text, std::vector<std::optional<std::string_view>>* groups) const {
  if (re_ == nullptr) return false;
  Groups m(static_cast<size_t>(re_->NumberOfCapturingGroups()) + 1);
  const re2::StringPiece piece(text.data(), text.size());
  if (!re_->Match(piece, 0, piece.size(), RE2::ANCHOR_BOTH, m.data(), static_cast<int>(m.size()))) return false;
  groups->clear();
  for (const re2::StringPiece& g : m)
    groups->push_back(g.data() == nullptr ? std::nullopt : std::optional(std::string_view(g.data(), g.size())));
  return true;
}

std::string Regex::ReplaceAll(std::string_view text, std::string_view format) const {
  if (re_ == nullptr) return std::string(text);
  Groups m(static_cast<size_t>(re_->NumberOfCapturingGroups()) + 1);
  const re2::StringPiece piece(text.data(), text.size());
  std::string out;
  size_t pos = 0;  // the text before pos is in out
  for (size_t from = 0; from <= text.size();) {
    if (!re_->Match(piece, from, piece.size(), RE2::UNANCHORED, m.data(), static_cast<int>(m.size()))) break;
    const size_t begin = static_cast<size_t>(m[0].data() - text.data()), end = begin + m[0].size();
    out.append(text.substr(pos, begin - pos));
    Expand(format, m, out);
    pos = end;
    if (end > begin) {
      from = end;
    } else {  // an empty match: keep the next character and search after it
      if (end < text.size()) out.push_back(text[end]);
      pos = from = end + 1;
    }
  }
  if (pos < text.size()) out.append(text.substr(pos));
  return out;
}

int Regex::capture_groups() const { return re_ == nullptr ? 0 : re_->NumberOfCapturingGroups(); }

}  // namespace clemency
