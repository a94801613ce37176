// Fuzzes the policy loader: the input is written as a TOML file and loaded
// with LoadPolicy. Beyond not crashing and not leaking:
//   - every problem has a line >= 0 (and a column >= 0) and a message;
//   - the policy loads exactly when no problem is an error (lints alone do not
//     stop it);
//   - a loaded policy has a typed expression for every rule, the eligibility
//     (bool) and the priority (a number), and every index a rule records
//     (params, earlier rules) is in range.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "clemency/policy/policy.h"

namespace {

const std::string& Path() {
  static const std::string path = [] {
    char tmpl[] = "/tmp/clemency-policy-fuzz-XXXXXX";
    const char* d = mkdtemp(tmpl);
    if (d == nullptr) std::abort();
    return std::string(d) + "/policy.toml";
  }();
  return path;
}

[[noreturn]] void Fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "policy_loader_fuzz: %s %s\n", what, detail.c_str());
  std::abort();
}

void CheckRule(const clemency::Policy& p, const clemency::PolicyRule& r, size_t index) {
  if (!r.expr) Fail("a loaded rule has no expression:", r.id);
  for (int i : r.params_used)
    if (i < 0 || static_cast<size_t>(i) >= p.params.size()) Fail("params_used out of range in", r.id);
  for (int i : r.rules_used)
    if (i < 0 || static_cast<size_t>(i) >= index) Fail("a rule uses a rule not defined before it:", r.id);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(Path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  std::vector<clemency::PolicyProblem> problems;
  const std::optional<clemency::Policy> p = clemency::LoadPolicy(Path(), &problems);
  size_t errors = 0;
  for (const clemency::PolicyProblem& pr : problems) {
    if (pr.pos.line < 0 || pr.pos.column < 0) Fail("a problem has a negative position:", pr.Format());
    if (pr.message.empty()) Fail("a problem has no message at line", std::to_string(pr.pos.line));
    if (pr.Format().empty()) Fail("a problem formats to nothing");
    errors += pr.lint ? 0 : 1;
  }
  if (p.has_value() != (errors == 0)) Fail("the policy loaded with errors, or failed to load without one");
  if (!p) return 0;
  for (size_t i = 0; i < p->rules.size(); ++i) CheckRule(*p, p->rules[i], i);
  CheckRule(*p, p->eligibility, p->rules.size());
  CheckRule(*p, p->priority, p->rules.size());
  if (p->eligibility.expr->type != clemency::ValueType::kBool) Fail("eligibility is not a bool");
  if (p->priority.expr->type != clemency::ValueType::kNumber && p->priority.expr->type != clemency::ValueType::kInt)
    Fail("priority is not a number");
  for (const clemency::PolicyParam& prm : p->params)
    if (prm.value.type != prm.declared.type) Fail("a parameter's value and declared types differ:", prm.name);
  return 0;
}
