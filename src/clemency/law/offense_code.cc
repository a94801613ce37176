#include "clemency/law/offense_code.h"

#include <cctype>

namespace clemency {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Upper case without dots and spaces: how books are compared.
std::string BookLetters(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '.' && !IsSpace(c)) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Single spaces, none beside "(", ")" or "/".
std::string CanonicalSpacing(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    const bool tight = c == '(' || c == ')' || c == '/';
    if (pending_space && !tight && out.back() != '(' && out.back() != '/') out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Splits a leading code book ("PC", "P.C.", "H&S") off s when the catalog
// declares it and a section number follows.
std::string TakeBook(std::string& s, const CodeConventions& c) {
  size_t i = 0;
  while (i < s.size() && (IsAlpha(s[i]) || s[i] == '.' || s[i] == '&' || IsSpace(s[i]))) ++i;
  if (i == 0 || i == s.size() || !IsDigit(s[i])) return "";
  const std::string lead = BookLetters(std::string_view(s).substr(0, i));
  for (const auto& [book, aliases] : c.books) {
    bool match = BookLetters(book) == lead;
    for (const std::string& a : aliases) match = match || BookLetters(a) == lead;
    if (match) {
      s.erase(0, i);
      return Upper(book);
    }
  }
  return "";
}

}  // namespace

CodeKey NormalizeCode(std::string_view code, const CodeConventions& c) {
  std::string s = Trim(Upper(code));
  while (s.size() >= 3 && IsAlpha(s[0]) && IsAlpha(s[1]) && s[2] == ':') s = Trim(s.substr(3));
  for (const CodeRewrite& r : c.rewrites) s = r.re.ReplaceAll(s, r.replace);
  s = Trim(std::move(s));
  CodeKey out;
  // Attempt markers, as often as they are repeated: one attempt either way.
  for (bool found = true; found;) {
    found = false;
    for (const std::string& suffix : c.attempt_suffixes) {
      const std::string u = CanonicalSpacing(Upper(suffix));
      const std::string spaced = CanonicalSpacing(s);
      if (!u.empty() && spaced.ends_with(u)) {
        s = Trim(spaced.substr(0, spaced.size() - u.size()));
        out.attempt = found = true;
      }
    }
  }
  const std::string book = TakeBook(s, c);
  s = CanonicalSpacing(s);
  const std::string attempt = CanonicalSpacing(Upper(c.attempt));
  while (!attempt.empty() && s.starts_with(attempt)) {
    s = CanonicalSpacing(s.substr(attempt.size()));
    out.attempt = true;
  }
  const std::string book_part = book.empty() ? "" : book + " ";
  out.key = book_part + (out.attempt ? attempt : "") + s;
  out.base = book_part + s;
  return out;
}

bool IsRefinementOf(std::string_view child, std::string_view parent) {
  if (parent.empty() || child.size() <= parent.size() || !child.starts_with(parent)) return false;
  const char next = child[parent.size()];
  return next == ' ' || next == '(';
}

std::string ParentKey(std::string_view key) {
  if (key.ends_with(")")) {
    const size_t open = key.rfind('(');
    if (open == std::string_view::npos || open == 0) return "";
    return std::string(key.substr(0, open));
  }
  const size_t space = key.rfind(' ');
  if (space == std::string_view::npos || space == 0) return "";
  const char before = key[space - 1];
  if (!IsDigit(before) && before != ')') return "";
  return std::string(key.substr(0, space));
}

}  // namespace clemency
