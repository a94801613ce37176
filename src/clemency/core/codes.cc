#include "clemency/core/codes.h"

#include <algorithm>
#include <array>

namespace clemency {

bool IsJurisdictionCode(std::string_view s) {
  static constexpr std::array<std::string_view, 52> kCodes = {
      "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA",
      "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS",
      "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA",
      "RI", "SC", "SD", "TN", "TX", "US", "UT", "VA", "VT", "WA", "WI", "WV", "WY"};
  return std::binary_search(kCodes.begin(), kCodes.end(), s);
}

}  // namespace clemency
