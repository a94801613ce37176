// report.html: one self-contained page for a governor's counsel, written by
// `screen` and (with the projection) by `simulate`. The text and tables are
// written here from summary.json and policy.json, so the page reads without
// JavaScript and prints as a brief; the charts are drawn by uPlot, bundled
// into the page with the page's own script (web/, embedded at build time).
// A Content-Security-Policy forbids every request: the page opens offline
// and asks no other host for anything. Aggregates only, no person's data.
#ifndef CLEMENCY_REPORT_REPORT_HTML_H_
#define CLEMENCY_REPORT_REPORT_HTML_H_

#include <nlohmann/json.hpp>
#include <string>

namespace clemency {

struct ReportInputs {
  // Null both when no policy was screened (simulate --releases alone): the
  // page then holds the projection only.
  nlohmann::ordered_json summary;     // summary.json (ScreeningSummary)
  nlohmann::ordered_json policy;      // policy.json (PolicyJson)
  nlohmann::ordered_json projection;  // null, or {"summary": projection_summary.json, "chart": ProjectionChartJson}
};

std::string ReportHtml(const ReportInputs& in);

// The bundled files (cmake/embed_assets.cmake): "uPlot.js", "uPlot.css",
// "report.css", "charts.js", "report.js", "dashboard.html", "dashboard.js";
// empty for another name.
std::string_view WebAsset(std::string_view name);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_REPORT_HTML_H_
