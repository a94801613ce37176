#include "clemency/law/rule_fields.h"

namespace clemency::rule_file {

void CheckKeys(const toml::table& tbl, std::initializer_list<std::string_view> allowed,
               std::string_view what) {
  for (auto&& [key, value] : tbl) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) {
        if (!list.empty()) list += ", ";
        list += a;
      }
      Fail(key.source().begin,
           "unknown key \"" + std::string(key.str()) + Cat("\" in ", what) +
               " (expected one of: " + list + ")");
    }
  }
}

std::string RequiredString(const toml::table& tbl, std::string_view key, std::string_view what) {
  const toml::node* n = tbl.get(key);
  if (n == nullptr)
    Fail(tbl, std::string(what) + Cat(" has no \"", key) + "\"");
  const auto* s = n->as_string();
  if (s == nullptr || s->get().empty())
    Fail(*n, Cat("\"", key) + "\" must be a non-empty string");
  return s->get();
}

std::optional<std::string> OptionalString(const toml::table& tbl, std::string_view key) {
  const toml::node* n = tbl.get(key);
  if (n == nullptr) return std::nullopt;
  const auto* s = n->as_string();
  if (s == nullptr || s->get().empty())
    Fail(*n, Cat("\"", key) + "\" must be a non-empty string");
  return s->get();
}

std::optional<int64_t> OptionalInt(const toml::table& tbl, std::string_view key, int64_t lo,
                                   int64_t hi) {
  const toml::node* n = tbl.get(key);
  if (n == nullptr) return std::nullopt;
  const auto* v = n->as_integer();
  if (v == nullptr) Fail(*n, Cat("\"", key) + "\" must be an integer");
  if (v->get() < lo || v->get() > hi)
    Fail(*n, Cat("\"", key) + "\" must be between " + std::to_string(lo) + " and " +
                 std::to_string(hi));
  return v->get();
}

bool OptionalBool(const toml::table& tbl, std::string_view key) {
  const toml::node* n = tbl.get(key);
  if (n == nullptr) return false;
  const auto* v = n->as_boolean();
  if (v == nullptr) Fail(*n, Cat("\"", key) + "\" must be true or false");
  return v->get();
}

std::vector<std::string> StringList(const toml::table& tbl, std::string_view key) {
  std::vector<std::string> out;
  const toml::node* n = tbl.get(key);
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr == nullptr) Fail(*n, Cat("\"", key) + "\" must be an array of strings");
  for (const toml::node& item : *arr) {
    const auto* s = item.as_string();
    if (s == nullptr || s->get().empty())
      Fail(item, Cat("\"", key) + "\" must hold non-empty strings");
    out.push_back(s->get());
  }
  return out;
}

std::vector<int> IntList(const toml::table& tbl, std::string_view key, int lo, int hi) {
  std::vector<int> out;
  const toml::node* n = tbl.get(key);
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr == nullptr) Fail(*n, Cat("\"", key) + "\" must be an array of integers");
  for (const toml::node& item : *arr) {
    const auto* v = item.as_integer();
    if (v == nullptr || v->get() < lo || v->get() > hi)
      Fail(item, Cat("\"", key) + "\" must hold integers between " + std::to_string(lo) +
                     " and " + std::to_string(hi));
    out.push_back(static_cast<int>(v->get()));
  }
  return out;
}

const toml::array& TableArray(const toml::table& root, std::string_view key, bool required) {
  static const toml::array kEmpty;
  const toml::node* n = root.get(key);
  if (n == nullptr) {
    if (required) Fail(root, Cat("no [[", key) + "]] entries");
    return kEmpty;
  }
  const auto* arr = n->as_array();
  if (arr == nullptr || !arr->is_array_of_tables())
    Fail(*n, Cat("\"", key) + Cat("\" must be an array of tables ([[", key) + "]])");
  return *arr;
}

Date OptionalDate(const toml::table& tbl, std::string_view key) {
  const toml::node* n = tbl.get(key);
  if (n == nullptr) return Date();
  const auto* v = n->as_date();
  if (v == nullptr) Fail(*n, Cat("\"", key) + "\" must be a date, written 2014-11-05 without quotes");
  const toml::date d = v->get();
  return Date::FromCivil(d.year, d.month, d.day);
}

std::optional<double> OptionalNumber(const toml::table& tbl, std::string_view key, double lo, double hi) {
  const toml::node* n = tbl.get(key);
  if (n == nullptr) return std::nullopt;
  const std::optional<double> v = n->value<double>();
  if (!v || !(*v >= lo && *v <= hi))
    Fail(*n, Cat("\"", key) + "\" must be a number between " + std::to_string(lo) + " and " + std::to_string(hi));
  return v;
}

std::string Position(const std::string& path, toml::source_position p) {
  if (!p) return path;
  return path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace clemency::rule_file
