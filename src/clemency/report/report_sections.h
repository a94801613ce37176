// The sections of report.html that read other files than summary.json: the
// projection (projection_summary.json and its chart series), the policy's
// criteria with their citations (policy.json), and the data and manifest.
// Each returns the section's inner HTML, every string escaped.
#ifndef CLEMENCY_REPORT_REPORT_SECTIONS_H_
#define CLEMENCY_REPORT_REPORT_SECTIONS_H_

#include <nlohmann/json.hpp>
#include <string>

namespace clemency {

// projection: {"summary": projection_summary.json, "chart": ...}.
std::string ProjectionSectionHtml(const nlohmann::ordered_json& projection);
std::string PolicySectionHtml(const nlohmann::ordered_json& policy_json);
std::string DataSectionHtml(const nlohmann::ordered_json& summary);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_REPORT_SECTIONS_H_
