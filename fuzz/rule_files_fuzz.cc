// Fuzzes the law-layer rule loaders: the input is written as a TOML file and
// loaded as a reforms file, a jurisdiction file, an offense catalog and a
// return-rates file. Beyond not crashing and not leaking:
//   - a failed load always has an error that starts with the file's path;
//   - a loaded reform set is consistent: every reform has an id, a date, and
//     an effect unless it only makes others retroactive, and every
//     makes_retroactive id names a reform with an effect;
//   - a loaded reform set computes a current-law term for a few fixed
//     sentences without breaking its own invariants (low <= high, excess >= 0).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "clemency/law/current_law_term.h"
#include "clemency/law/jurisdiction.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/reform.h"
#include "clemency/law/return_rates.h"

namespace {

const std::string& Path() {
  static const std::string path = [] {
    char tmpl[] = "/tmp/clemency-rules-fuzz-XXXXXX";
    const char* d = mkdtemp(tmpl);
    if (d == nullptr) std::abort();
    return std::string(d) + "/CA.toml";
  }();
  return path;
}

[[noreturn]] void Fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "rule_files_fuzz: %s %s\n", what, detail.c_str());
  std::abort();
}

void CheckError(bool loaded, const std::string& error) {
  if (!loaded && error.rfind(Path(), 0) != 0) Fail("an error without the file's path:", error);
}

void CheckTerm(const clemency::CurrentLawTerm& t) {
  using clemency::kUnknownTerm;
  if (t.low != kUnknownTerm && t.high != kUnknownTerm && t.low > t.high) Fail("low above high");
  if (t.excess_min != kUnknownTerm && t.excess_min < 0) Fail("negative excess");
  if (t.excess_max != kUnknownTerm && t.excess_max < 0) Fail("negative excess_max");
  if (t.changed() && t.remedy.empty()) Fail("an applied reform without a remedy");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(Path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  std::string error;
  auto reforms = clemency::ReformSet::Load(Path(), &error);
  CheckError(reforms.has_value(), error);
  if (reforms) {
    for (const clemency::Reform& r : reforms->reforms()) {
      if (r.id.empty() || r.effective.missing()) Fail("a reform without id or date");
      if (!r.effect && r.makes_retroactive.empty()) Fail("a reform without an effect:", r.id);
      for (const std::string& id : r.makes_retroactive) {
        const clemency::Reform* target = reforms->Find(id);
        if (target == nullptr || !target->effect) Fail("makes_retroactive names no effective reform:", id);
      }
    }
    const clemency::EnhancementDays enh[] = {{"CA:PC 667.5(b)", 365}, {"CA:PC 667(e)(2)(A)", 0}};
    clemency::CurrentLawCalculator calc(nullptr, *reforms, clemency::Date::FromCivil(2025, 1, 1));
    for (int type = 0; type < 3; ++type) {
      clemency::ImposedSentence s;
      s.offense_code = "CA:HS 11350(a)";
      s.type = static_cast<clemency::SentenceType>(type);
      s.term_days = type == 0 ? 2190 : clemency::kUnknownTerm;
      s.min_term_days = type == 1 ? 9131 : clemency::kUnknownTerm;
      s.enhancements = enh;
      s.drug_type = "cocaine_base";
      s.drug_grams = 30;
      s.sentence_date = clemency::Date::FromCivil(2005, 6, 1);
      CheckTerm(calc.Compute(s, {}));
    }
  }
  error.clear();
  auto facts = clemency::JurisdictionFacts::Load(Path(), &error);
  CheckError(facts.has_value(), error);
  error.clear();
  auto catalog = clemency::OffenseCatalog::Load(Path(), &error);
  CheckError(catalog.has_value(), error);
  error.clear();
  auto rates = clemency::ReturnRates::Load(Path(), &error);
  CheckError(rates.has_value(), error);
  return 0;
}
