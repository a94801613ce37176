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

}  // namespace clemency
