// `cases report`: the state of the pipeline as of a date, from the events
// dated on or before it (later events are not counted). Per case its
// position, flag from the latest sync, and legal clocks (campaign/case_clocks.h);
// the funnel by jurisdiction and position (how many are there now, how many
// ever reached it); observed grant rates, granted / (granted + denied), with
// withdrawals apart, against the plan's assumed rates; and, with a plan
// (plan.json of `clemency campaign plan`; only the keys below are read),
// releases against the plan's expected cumulative releases, interpolated
// linearly within a year from the plan's start.
// Files: cases.csv, funnel.csv, cases.xlsx, report.html (docs/cases.md).
#ifndef CLEMENCY_CAMPAIGN_CASE_REPORT_H_
#define CLEMENCY_CAMPAIGN_CASE_REPORT_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clemency/campaign/case_clocks.h"
#include "clemency/campaign/case_events.h"
#include "clemency/campaign/case_store.h"

namespace clemency {

struct PlannedJurisdiction {
  std::string jurisdiction;
  double assumed_grant_rate = -1;       // < 0: not given
  std::vector<double> releases_by_year;  // expected_releases_by_year
};

struct PlannedReleases {
  double target = 0;
  Date start;
  int horizon_years = 0;
  std::vector<PlannedJurisdiction> jurisdictions;
  std::vector<double> cumulative_by_year;  // expected_cumulative_by_year
};

// Reads plan.json; nullopt with *error ("FILE: ...").
std::optional<PlannedReleases> LoadCampaignPlan(const std::string& path, std::string* error);
// The plan's expected cumulative count on `on`, from yearly cumulative figures.
double ExpectedByDate(const std::vector<double>& cumulative_by_year, Date start, Date on);

struct ReportCase {
  CaseState state;  // as of the report's date
  std::string flag, status, groups;
  std::vector<RunningClock> clocks;
};

struct FunnelRow {
  std::string jurisdiction, position;
  int64_t now = 0, reached = 0;
};

struct GrantRow {
  std::string jurisdiction;  // "all" for the total
  int64_t granted = 0, denied = 0, withdrawn = 0;
  double assumed = -1;  // from the plan; < 0 when none
};

struct PlanProgress {
  std::string jurisdiction;  // "all" for the total
  int64_t released = 0;
  double expected = 0;
};

struct CasesReport {
  Date as_of;
  std::vector<ReportCase> cases;  // by case_id
  std::vector<FunnelRow> funnel;  // by jurisdiction, then position in stage order
  std::vector<GrantRow> grants;
  std::optional<PlannedReleases> plan;
  std::vector<PlanProgress> progress;  // with a plan
  std::vector<std::string> screenings;  // "N: FOLDER (policy P, as of D)"
  std::vector<std::string> clock_files;
};

CasesReport BuildCasesReport(CaseStore& store, const CaseClocks& clocks, Date as_of, std::optional<PlannedReleases> plan);
// The jurisdictions of every case (to load their clocks).
std::set<std::string> CaseJurisdictions(CaseStore& store);

std::string CasesCsv(const CasesReport& r);
std::string FunnelCsv(const CasesReport& r);
bool WriteCasesXlsx(const CasesReport& r, const std::string& path, std::string* error);
std::string CasesReportHtml(const CasesReport& r);

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_CASE_REPORT_H_
