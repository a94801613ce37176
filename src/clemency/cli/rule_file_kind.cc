#include "clemency/cli/rule_file_kind.h"

#include <fmt/format.h>

#include <filesystem>

#include "clemency/law/toml.h"

namespace clemency {
namespace {

RuleFileKind KindOfContent(const toml::table& t) {
  auto has = [&t](std::string_view key) { return t.contains(key); };
  if (has("case")) return RuleFileKind::kWorkedCases;
  if (has("people") || has("sentences")) return RuleFileKind::kMapping;
  if (has("catalog") && (has("offense") || has("pattern") || has("enhancement"))) return RuleFileKind::kCatalog;
  if (has("reform") || has("reforms")) return RuleFileKind::kReforms;
  if (has("jurisdiction") && (has("clemency") || has("voting"))) return RuleFileKind::kJurisdiction;
  if (has("source") && (has("table4") || has("appendix1"))) return RuleFileKind::kCalibration;
  if (has("source") && has("flows")) return RuleFileKind::kPrisonFlows;
  if (has("table") && t.size() == 1) return RuleFileKind::kRecidivism;
  if (has("eligibility") || has("priority") || has("criteria")) return RuleFileKind::kPolicy;
  if (has("clocks") || has("clock")) return RuleFileKind::kClocks;
  if (has("campaign")) return RuleFileKind::kCampaign;
  return RuleFileKind::kUnknown;
}

RuleFileKind KindOfFolder(const std::string& path) {
  const std::string folder = std::filesystem::path(path).parent_path().filename().string();
  if (path.ends_with(".cases.toml")) return RuleFileKind::kWorkedCases;
  if (folder == "offenses") return RuleFileKind::kCatalog;
  if (folder == "reforms") return RuleFileKind::kReforms;
  if (folder == "jurisdictions") return RuleFileKind::kJurisdiction;
  if (folder == "recidivism") return RuleFileKind::kRecidivism;
  if (folder == "calibration") return RuleFileKind::kCalibration;
  if (folder == "projection") return RuleFileKind::kPrisonFlows;
  if (folder == "mappings") return RuleFileKind::kMapping;
  if (folder == "policies") return RuleFileKind::kPolicy;
  if (folder == "clocks") return RuleFileKind::kClocks;
  if (folder == "campaigns") return RuleFileKind::kCampaign;
  return RuleFileKind::kUnknown;
}

}  // namespace

RuleFileClass ClassifyRuleFile(const std::string& path) {
  try {
    const RuleFileKind kind = KindOfContent(toml::parse_file(path));
    return {kind != RuleFileKind::kUnknown ? kind : KindOfFolder(path), ""};
  } catch (const toml::parse_error& e) {
    const RuleFileKind by_folder = KindOfFolder(path);
    if (by_folder != RuleFileKind::kUnknown) return {by_folder, ""};
    const toml::source_position at = e.source().begin;
    return {RuleFileKind::kUnreadable,
            fmt::format("{}:{}:{}: not valid TOML: {}", path, at.line, at.column, e.description())};
  }
}

std::string_view RuleFileKindName(RuleFileKind kind) {
  switch (kind) {
    case RuleFileKind::kWorkedCases: return "worked cases";
    case RuleFileKind::kMapping: return "import mapping";
    case RuleFileKind::kCatalog: return "offense catalog";
    case RuleFileKind::kReforms: return "reforms";
    case RuleFileKind::kJurisdiction: return "jurisdiction facts";
    case RuleFileKind::kRecidivism: return "recidivism rates";
    case RuleFileKind::kCalibration: return "calibration extract";
    case RuleFileKind::kPrisonFlows: return "prison flows";
    case RuleFileKind::kPolicy: return "policy";
    case RuleFileKind::kClocks: return "legal clocks";
    case RuleFileKind::kCampaign: return "campaign";
    case RuleFileKind::kUnknown: return "unknown";
    case RuleFileKind::kUnreadable: return "unreadable";
  }
  return "unknown";
}

}  // namespace clemency
