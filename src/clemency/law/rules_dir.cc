#include "clemency/law/rules_dir.h"

#include <cstdlib>
#include <filesystem>

namespace clemency {
namespace {

namespace fs = std::filesystem;

std::string& UserDirSetting() {
  static std::string dir;
  return dir;
}

}  // namespace

std::string RulesDir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "clemency" / "rules";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  const fs::path built = fs::path(CLEMENCY_SOURCE_DIR) / "rules";
  if (fs::is_directory(built, ec)) return built.string();
  if (!exe.empty()) {
    const fs::path beside = exe.parent_path().parent_path() / "rules";
    if (fs::is_directory(beside, ec)) return beside.string();
  }
  return "";
}

void SetUserRulesDir(std::string dir) { UserDirSetting() = std::move(dir); }

std::string UserRulesDir() {
  if (!UserDirSetting().empty()) return UserDirSetting();
  if (const char* env = std::getenv("CLEMENCY_RULES_DIR"); env != nullptr && *env != '\0') return env;
  return "";
}

std::string RuleFilePath(std::string_view folder, std::string_view file, const std::string& rules_dir) {
  if (!rules_dir.empty()) return (fs::path(rules_dir) / folder / file).string();
  if (const std::string user = UserRulesDir(); !user.empty()) {
    const fs::path p = fs::path(user) / folder / file;
    std::error_code ec;
    if (fs::exists(p, ec)) return p.string();
  }
  return (fs::path(RulesDir()) / folder / file).string();
}

bool IsUserRuleFile(const std::string& path) {
  const std::string user = UserRulesDir();
  if (user.empty()) return false;
  std::error_code ec;
  const fs::path dir = fs::weakly_canonical(user, ec);
  const fs::path p = fs::weakly_canonical(path, ec);
  const std::string d = dir.generic_string(), f = p.generic_string();
  return f.size() > d.size() && f.compare(0, d.size(), d) == 0 && f[d.size()] == '/';
}

}  // namespace clemency
