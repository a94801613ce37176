#include "clemency/core/codes.h"

#include <array>

namespace clemency {

namespace {

constexpr std::array<std::string_view, 52> kCodes = {
      "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA",
      "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS",
      "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA",
      "RI", "SC", "SD", "TN", "TX", "US", "UT", "VA", "VT", "WA", "WI", "WV", "WY"};

// A 26 x 26 table of two-letter codes, built once.
struct CodeTable {
  bool valid[26][26] = {};
  constexpr CodeTable() {
    for (std::string_view c : kCodes) valid[c[0] - 'A'][c[1] - 'A'] = true;
  }
};
constexpr CodeTable kTable;

}  // namespace

bool IsJurisdictionCode(std::string_view s) {
  if (s.size() != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z') return false;
  return kTable.valid[s[0] - 'A'][s[1] - 'A'];
}

}  // namespace clemency
