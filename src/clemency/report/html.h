// Small pieces for writing HTML by hand (report.html): escaping, a table, and
// counts written with their denominator ("1,234 of 10,000 (12.3%)"). Every
// string from data or rules goes through Escape(); nothing here is
// person-level.
#ifndef CLEMENCY_REPORT_HTML_H_
#define CLEMENCY_REPORT_HTML_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clemency::html {

// &, <, >, " and ' as entities.
std::string Escape(std::string_view text);
// JSON text made safe inside <script type="application/json">: every "<" as \u003c.
std::string ScriptJson(std::string_view json);

// "12.3%"; "n/a" when d is 0.
std::string Percent(int64_t n, int64_t d);
// "1,234 of 10,000 (12.3%)".
std::string Of(int64_t n, int64_t d);
// 1.8 -> "1.80"; NaN or infinite -> "n/a".
std::string Ratio(double r);

// A table of escaped text cells; Raw() adds a row of cells already HTML.
class Table {
 public:
  explicit Table(std::vector<std::string> header, std::string css_class = "");
  Table& Row(const std::vector<std::string>& cells);
  Table& Raw(const std::vector<std::string>& cells);
  bool empty() const { return rows_ == 0; }
  std::string str() const;

 private:
  std::string head_, body_;
  int rows_ = 0;
};

}  // namespace clemency::html

#endif  // CLEMENCY_REPORT_HTML_H_
