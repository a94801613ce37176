#include "clemency/report/param_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace clemency {
namespace {

bool IdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string ValueText(const PolicyParam& p) {
  if (p.value.type == ValueType::kBool) return p.value.boolean ? "on" : "off";
  return p.value.ToString();
}

std::string Shown(const PolicyParam& p) {
  if (p.value.type == ValueType::kBool) return fmt::format("the setting {}, now {}", p.name, ValueText(p));
  return ValueText(p);
}

}  // namespace

namespace {

std::string Substitute(const Policy& policy, std::string_view text, bool expression) {
  static constexpr std::string_view kPrefix = "params.";
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t at = text.find(kPrefix, i);
    if (at == std::string_view::npos) break;
    size_t end = at + kPrefix.size();
    while (end < text.size() && IdentChar(text[end])) ++end;
    const bool word_start = at == 0 || !IdentChar(text[at - 1]);
    const int param = word_start ? policy.FindParam(text.substr(at + kPrefix.size(), end - at - kPrefix.size())) : -1;
    out.append(text.substr(i, at - i));
    if (param >= 0) {
      const PolicyParam& p = policy.params[static_cast<size_t>(param)];
      out += expression ? p.value.ToString() : Shown(p);
    }
    else out.append(text.substr(at, end - at));
    i = end;
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

}  // namespace

std::string WithParamValues(const Policy& policy, std::string_view text) { return Substitute(policy, text, false); }
std::string ExpressionWithParamValues(const Policy& policy, std::string_view expr) {
  return Substitute(policy, expr, true);
}

std::vector<std::string> ParamMeanings(const Policy& policy, const PolicyRule& rule) {
  std::vector<std::string> out;
  for (int i : rule.params_used) {
    const PolicyParam& p = policy.params[static_cast<size_t>(i)];
    out.push_back(fmt::format("{}: {} ({}, --set to change)", ValueText(p), p.text, p.name));
  }
  return out;
}

}  // namespace clemency
