#include "clemency/report/html.h"

#include <fmt/format.h>

#include <cmath>

#include "clemency/report/review_text.h"

namespace clemency::html {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ScriptJson(std::string_view json) {
  // '<' occurs in JSON text only inside strings, where \u003c means the same.
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

std::string Percent(int64_t n, int64_t d) {
  if (d == 0) return "n/a";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(n) / static_cast<double>(d));
}

std::string Of(int64_t n, int64_t d) { return fmt::format("{} of {} ({})", Thousands(n), Thousands(d), Percent(n, d)); }

std::string Ratio(double r) { return std::isfinite(r) ? fmt::format("{:.2f}", r) : "n/a"; }

Table::Table(std::vector<std::string> header, std::string css_class) {
  head_ = css_class.empty() ? "<table>" : "<table class=\"" + Escape(css_class) + "\">";
  head_ += "<thead><tr>";
  for (const std::string& h : header) head_ += "<th>" + Escape(h) + "</th>";
  head_ += "</tr></thead>";
}

Table& Table::Row(const std::vector<std::string>& cells) {
  std::vector<std::string> escaped;
  for (const std::string& c : cells) escaped.push_back(Escape(c));
  return Raw(escaped);
}

Table& Table::Raw(const std::vector<std::string>& cells) {
  body_ += "<tr>";
  for (const std::string& c : cells) body_ += "<td>" + c + "</td>";
  body_ += "</tr>";
  ++rows_;
  return *this;
}

std::string Table::str() const { return head_ + "<tbody>" + body_ + "</tbody></table>\n"; }

}  // namespace clemency::html
