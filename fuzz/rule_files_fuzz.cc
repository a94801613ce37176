// Fuzzes the law-layer rule loaders: the input is written as a TOML file and
// loaded as a reforms file, a jurisdiction file, an offense catalog, a
// return-rates file, a prison-flows file and a legal-clocks file (only as the kinds its table headers show, when they show
// any: KindsToLoad). Beyond not crashing and not leaking:
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
#include <algorithm>
#include <fstream>
#include <string>
#include <string_view>

#include "clemency/campaign/campaign_file.h"
#include "clemency/campaign/plan.h"
#include "clemency/law/current_law_term.h"
#include "clemency/law/jurisdiction.h"
#include "clemency/law/legal_clocks.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/prison_flows.h"
#include "clemency/law/reform.h"
#include "clemency/law/return_rates.h"
#include "scratch_dir.h"

namespace {

const std::string& Path() {
  static const std::string path = FuzzScratchDir("rules-fuzz") + "/CA.toml";
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
  if (t.changed() && !t.remedy) Fail("an applied reform without a remedy");
}

// Which loaders to run. Parsing the TOML was most of the time, and every
// loader parses the file again, so a file whose table headers show its kind
// is loaded only as that kind (a file of another kind would only reach the
// others' "no such table" checks); a file whose headers show no kind goes
// through all four. Told from the text, not a parse, so that a file is parsed
// once.
struct Kinds {
  bool reforms = true, jurisdiction = true, catalog = true, rates = true, flows = true, clocks = true, campaign = true;
};

Kinds KindsToLoad(std::string_view text) {
  auto has = [text](std::string_view header) { return text.find(header) != std::string_view::npos; };
  const Kinds k{has("[reforms]") || has("[[reform]]"), has("[jurisdiction]"),
                has("[catalog]") || has("[[offense]]") || has("[[pattern]]"), has("[[table]]"), has("[flows]"),
                has("[clocks]") || has("[[clock]]"), has("[campaign]") || has("[defaults]")};
  if (!k.reforms && !k.jurisdiction && !k.catalog && !k.rates && !k.flows && !k.clocks && !k.campaign) return {};
  return k;
}

// A loaded campaign plans a small input without breaking its own invariants.
void CheckCampaign(std::string& error) {
  auto campaign = clemency::Campaign::Load(Path(), &error);
  CheckError(campaign.has_value(), error);
  if (!campaign) return;
  if (campaign->target < 1 || campaign->horizon_years < 1 || campaign->defaults.capacity_per_month < 1)
    Fail("a campaign out of range:", campaign->id);
  campaign->replicates = std::min(campaign->replicates, 20);
  clemency::PlanJurisdiction j;
  j.code = campaign->jurisdictions.empty() ? "CA" : campaign->jurisdictions.front();
  j.eligible = 1000;
  j.needs_review = 100;
  const clemency::PlanResult plan = clemency::ComputePlan(*campaign, {j});
  if (plan.low > plan.high || plan.probability < 0 || plan.probability > 1 || plan.releases_in_horizon < 0)
    Fail("a plan that breaks its invariants:", campaign->id);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(Path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const Kinds kinds = KindsToLoad(std::string_view(reinterpret_cast<const char*>(data), size));
  std::string error;
  auto reforms = kinds.reforms ? clemency::ReformSet::Load(Path(), &error) : std::nullopt;
  CheckError(reforms.has_value() || !kinds.reforms, error);
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
  if (kinds.jurisdiction) CheckError(clemency::JurisdictionFacts::Load(Path(), &error).has_value(), error);
  error.clear();
  if (kinds.catalog) CheckError(clemency::OffenseCatalog::Load(Path(), &error).has_value(), error);
  error.clear();
  if (kinds.rates) CheckError(clemency::ReturnRates::Load(Path(), &error).has_value(), error);
  error.clear();
  if (kinds.flows) {
    const auto flows = clemency::PrisonFlows::Load(Path(), &error);
    CheckError(flows.has_value(), error);
    if (flows)
      for (const auto& [code, f] : flows->by_jurisdiction)
        if (f.stock <= 0 || f.admissions < 0 || f.releases < 0) Fail("a flow out of range:", code);
  }
  error.clear();
  if (kinds.clocks) {
    const auto clocks = clemency::LegalClockSet::Load(Path(), &error);
    CheckError(clocks.has_value(), error);
    if (clocks)
      for (const clemency::LegalClock& c : clocks->clocks()) {
        if (c.id.empty() || c.amount <= 0) Fail("a clock without id or length:", c.id);
        if (c.RunsOut(clemency::Date::FromCivil(2024, 2, 29)) <= clemency::Date::FromCivil(2024, 2, 29))
          Fail("a clock that runs out before it starts:", c.id);
      }
  }
  error.clear();
  if (kinds.campaign) CheckCampaign(error);
  return 0;
}
