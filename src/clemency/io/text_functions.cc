#include "clemency/io/text_functions.h"

#include <fmt/format.h>

namespace clemency::import {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string Trimmed(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string CollapseSpaces(const std::string& s) {
  std::string out;
  bool gap = false;
  for (char c : s) {
    if (IsSpace(c)) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out.push_back(' ');
    gap = false;
    out.push_back(c);
  }
  return out;
}

std::string ReplaceAll(const std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  std::string out;
  size_t at = 0;
  for (size_t hit = s.find(from); hit != std::string::npos; hit = s.find(from, at)) {
    out.append(s, at, hit - at);
    out += to;
    at = hit + from.size();
  }
  out.append(s, at, std::string::npos);
  return out;
}

}  // namespace

std::string ApplyTextSteps(const std::vector<TextStep>& steps, std::string value) {
  for (const TextStep& st : steps) {
    switch (st.kind) {
      case TextStep::Kind::kTrim:
        value = Trimmed(value);
        break;
      case TextStep::Kind::kUpper:
        for (char& c : value)
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        break;
      case TextStep::Kind::kLower:
        for (char& c : value)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        break;
      case TextStep::Kind::kCollapseSpaces:
        value = CollapseSpaces(value);
        break;
      case TextStep::Kind::kReplace:
        value = ReplaceAll(value, st.from, st.to);
        break;
      case TextStep::Kind::kRegexReplace:
        value = st.re.ReplaceAll(value, st.to);
        break;
    }
  }
  return value;
}

TemplateParts ParseTemplate(std::string_view text) {
  TemplateParts t;
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal.push_back(c);
      ++i;
    } else if (c == '}') {
      t.error = fmt::format("byte {}: a lone '}}' (write '}}}}' for a brace)", i + 1);
      return t;
    } else if (c == '{') {
      const size_t close = text.find('}', i + 1);
      const std::string_view name = close == std::string_view::npos ? "" : text.substr(i + 1, close - i - 1);
      if (close == std::string_view::npos || name.empty() || name.find('{') != std::string_view::npos) {
        t.error = fmt::format("byte {}: expected a column name and '}}' after '{{' (write '{{{{' for a brace)", i + 1);
        return t;
      }
      t.literals.push_back(std::move(literal));
      literal.clear();
      t.columns.emplace_back(name);
      i = close;
    } else {
      literal.push_back(c);
    }
  }
  t.literals.push_back(std::move(literal));
  if (t.columns.empty()) t.error = "names no column: write {Column Name} for a column's cell";
  return t;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace clemency::import
