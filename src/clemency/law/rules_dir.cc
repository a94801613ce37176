#include "clemency/law/rules_dir.h"

#include <cstdlib>
#include <filesystem>

namespace clemency {

std::string RulesDir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("CLEMENCY_RULES_DIR"); env != nullptr && *env != '\0')
    return env;
  const fs::path built = fs::path(CLEMENCY_SOURCE_DIR) / "rules";
  if (fs::is_directory(built, ec)) return built.string();
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = exe.parent_path().parent_path() / "rules";
    if (fs::is_directory(beside, ec)) return beside.string();
  }
  return "";
}

std::string RuleFilePath(std::string_view folder, std::string_view file, const std::string& rules_dir) {
  const std::string dir = rules_dir.empty() ? RulesDir() : rules_dir;
  return (std::filesystem::path(dir) / folder / file).string();
}

}  // namespace clemency
