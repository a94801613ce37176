#include "clemency/cli/dashboard.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>

#include "clemency/law/rules_dir.h"
#include "clemency/report/person_reasons.h"
#include "clemency/report/policy_json.h"
#include "clemency/report/projection_outputs.h"
#include "clemency/report/screening_csv.h"
#include "clemency/sim/projection_figures.h"

namespace clemency {
namespace {

using J = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr int64_t kMaxListRows = 1000;
constexpr int kMaxSearchHits = 20;
constexpr int kMaxReplicates = 1000;
constexpr int kMaxYears = 30;

ApiReply Json(const J& j) { return {200, "application/json", j.dump(), ""}; }

// The control a parameter gets on the page.
std::string_view ControlKind(ValueType t) {
  switch (t) {
    case ValueType::kBool: return "switch";
    case ValueType::kInt:
    case ValueType::kNumber: return "number";
    case ValueType::kDuration: return "duration";
    default: return "text";
  }
}

// A parameter value from JSON as --set takes it: strings as they are, numbers and booleans as written.
std::optional<std::string> SetText(const J& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return v.dump();
  return std::nullopt;
}

// A policy id the dashboard may load: a shipped policy's file name.
bool SafePolicyId(const std::string& id) { return std::regex_match(id, std::regex("[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")); }

// Reads a whole file; removes the folder afterwards.
std::string ReadAndRemove(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::error_code ec;
  fs::remove_all(file.parent_path(), ec);
  return text.str();
}

// The policy a POST /api/screen body asks for, loaded, with its params set;
// `next` gets the policy id and the --set lines. Status 200, or the refusal.
ApiReply PolicyOfRequest(const J& request, ScreenInputs& next, std::optional<Policy>* policy, std::string* path) {
  if (request.contains("policy")) {
    if (!request["policy"].is_string() || !SafePolicyId(request["policy"].get<std::string>()))
      return Dashboard::Error(400, "policy: expected the id of a policy in rules/policies");
    next.policy = request["policy"].get<std::string>();
  }
  std::vector<PolicyProblem> problems;
  *path = ResolvePolicyPath(next.policy);
  *policy = LoadPolicy(*path, &problems);
  if (!*policy) return Dashboard::Error(400, "policy " + next.policy + " cannot be loaded from " + *path);
  next.sets.clear();
  if (!request.contains("params")) return {};
  if (!request["params"].is_object()) return Dashboard::Error(400, "params: expected an object {NAME: VALUE}");
  for (const auto& [name, value] : request["params"].items()) {
    const std::optional<std::string> text = SetText(value);
    std::string error;
    if (!text) return Dashboard::Error(400, "params." + name + ": expected a string, number or boolean");
    if (!SetParam(**policy, name, *text, &error)) return Dashboard::Error(400, error);
    next.sets.push_back(name + "=" + *text);
  }
  return {};
}

}  // namespace

Dashboard::Dashboard(std::unique_ptr<ScreenSession> session, ScreenInputs inputs, ProjectionRules rules)
    : s_(std::move(session)), inputs_(std::move(inputs)), rules_(std::move(rules)), live_(s_->facts) {
  OrderByPriority(s_->facts, s_->screening);  // so the first slider move is as quick as the rest
}

ApiReply Dashboard::Error(int status, const std::string& message) {
  return {status, "application/json", J{{"error", message}}.dump(), ""};
}

template <typename Read>
ApiReply Dashboard::WithTriage(Read read) const {
  for (;;) {
    {
      std::shared_lock lock(mutex_);
      if (triage_of_ == screened_) return read();
    }
    std::unique_lock lock(mutex_);
    if (triage_of_ != screened_) {
      s_->triage = TriageReview(*s_->policy, s_->facts, s_->screening);
      triage_of_ = screened_;
    }
  }
}

ApiReply Dashboard::Summary() const {
  return WithTriage([this] { return Json(ScreeningSummary(s_->context(), s_->manifest)); });
}

ApiReply Dashboard::Triage() const {
  return WithTriage([this] {
    int64_t needs_review = 0;
    for (const Status st : s_->screening.status) needs_review += st == Status::kNeedsReview;
    return Json(LiveFigures::TriageJson(s_->triage, needs_review));
  });
}

ApiReply Dashboard::Policies() const {
  J list = J::array();
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(RulesDir()) / "policies", ec))
    if (e.path().extension() == ".toml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::vector<PolicyProblem> problems;
    const std::optional<Policy> p = LoadPolicy(f.string(), &problems);
    if (p) list.push_back({{"id", p->id}, {"title", p->title}});
  }
  return Json(list);
}

ApiReply Dashboard::PolicyControls() const {
  std::shared_lock lock(mutex_);
  J j = PolicyJson(s_->context());
  J controls = J::array();
  for (const PolicyParam& p : s_->policy->params) {
    J c = {{"name", p.name}, {"kind", ControlKind(p.value.type)}, {"value", p.value.ToString()},
           {"declared", p.declared.ToString()}, {"text", p.text}};
    if (p.value.type == ValueType::kDuration) {
      const CalendarDuration d = p.value.duration;
      const bool years = d.days == 0 && d.months % 12 == 0, months = d.days == 0;
      c["unit"] = years ? "years" : months ? "months" : "days";
      c["amount"] = years ? d.months / 12 : months ? d.months : d.days;
    }
    controls.push_back(std::move(c));
  }
  j["controls"] = controls;
  return Json(j);
}

ApiReply Dashboard::Screen(const std::string& request_body) {
  const auto t0 = std::chrono::steady_clock::now();
  const J request = J::parse(request_body, nullptr, false);
  if (request.is_discarded() || !request.is_object())
    return Error(400, "the body must be a JSON object: {\"policy\": ID, \"params\": {NAME: VALUE}}");
  std::unique_lock lock(mutex_);  // one re-screening at a time; readers wait
  ScreenInputs next = inputs_;
  std::optional<Policy> policy;
  std::string path;
  if (ApiReply refused = PolicyOfRequest(request, next, &policy, &path); refused.status != 200) return refused;
  const auto t1 = std::chrono::steady_clock::now();
  ScreenWith(std::move(*policy), std::move(next), path);
  const auto t2 = std::chrono::steady_clock::now();
  J live = LiveJson();
  const auto t3 = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::round(std::chrono::duration<double, std::milli>(b - a).count() * 10) / 10; };
  live["server_ms"] = ms(t0, t3);
  live["stages_ms"] = {{"policy", ms(t0, t1)}, {"screen", ms(t1, t2)}, {"figures", ms(t2, t3)}};
  return Json(live);
}

void Dashboard::ScreenWith(Policy policy, ScreenInputs next, const std::string& path) {
  const bool same_policy = s_->policy->id == policy.id;
  s_->policy = std::move(policy);
  if (same_policy) {
    Rescreen(*s_->policy, s_->facts, s_->screening);
  } else {
    s_->screening = clemency::Screen(*s_->policy, s_->facts, {.eligible_on = false});
    OrderByPriority(s_->facts, s_->screening);
  }
  ++screened_;  // the triage is now out of date: the next reader that needs it makes it
  s_->manifest.overrides.clear();
  for (const std::string& set : next.sets) {
    const size_t eq = set.find('=');
    s_->manifest.overrides.emplace_back(set.substr(0, eq), set.substr(eq + 1));
  }
  if (!s_->manifest.rule_files.empty()) s_->manifest.rule_files.front() = path;
  inputs_ = std::move(next);
}

J Dashboard::LiveJson() const {
  const Policy& policy = *s_->policy;
  J live = {{"policy", {{"id", policy.id}, {"title", policy.title}, {"citation", policy.citation}}},
            {"as_of", s_->facts.as_of.ToString()}};
  live.update(live_.Of(policy, s_->screening, nullptr));
  J params = J::object(), overrides = J::object();
  for (const PolicyParam& p : policy.params) params[p.name] = p.value.ToString();
  for (const auto& [k, v] : s_->manifest.overrides) overrides[k] = v;
  live["parameters"] = params;
  live["overrides"] = overrides;
  return live;
}

ApiReply Dashboard::Candidates(const std::string& status, int64_t offset, int64_t limit) const {
  if (status != "" && status != "eligible" && status != "needs_review")
    return Error(400, "status: expected eligible or needs_review");
  if (offset < 0 || limit < 1 || limit > kMaxListRows)
    return Error(400, fmt::format("offset >= 0 and limit from 1 to {} expected", kMaxListRows));
  std::shared_lock lock(mutex_);
  const Screening& sc = s_->screening;
  const FactTable& f = s_->facts;
  const Population& pop = *f.population;
  J rows = J::array();
  int64_t matched = 0;
  for (const uint32_t p : sc.order) {
    if (sc.status[p] == Status::kNotEligible) break;  // the order puts them last
    if (!status.empty() && StatusName(sc.status[p]) != status) continue;
    if (matched++ < offset || static_cast<int64_t>(rows.size()) >= limit) continue;
    std::string groups;
    for (size_t r = 0; r < s_->policy->rules.size(); ++r)
      if (s_->policy->rules[r].kind == RuleKind::kGroup && sc.rules[r].ob[p] == kTrue)
        groups += (groups.empty() ? "" : ";") + s_->policy->rules[r].id;
    rows.push_back({{"rank", sc.rank[p]},
                    {"person_id", pop.str(pop.people.id[p])},
                    {"status", StatusName(sc.status[p])},
                    {"groups", groups},
                    {"priority", std::isnan(sc.priority[p]) ? J() : J(std::round(sc.priority[p] * 100) / 100)},
                    {"jurisdiction", f.strings.View(static_cast<StrId>(f.jurisdiction[p]))}});
  }
  return Json({{"total", matched}, {"offset", offset}, {"rows", rows}});
}

ApiReply Dashboard::Search(const std::string& query) const {
  if (query.empty() || query.size() > 100) return Error(400, "q: expected 1 to 100 characters of a person_id");
  std::shared_lock lock(mutex_);
  const Population& pop = *s_->facts.population;
  J hits = J::array();
  for (uint32_t p = 0; p < pop.people_count() && static_cast<int>(hits.size()) < kMaxSearchHits; ++p) {
    const std::string_view id = pop.str(pop.people.id[p]);
    if (id.substr(0, query.size()) == query)
      hits.push_back({{"person_id", id}, {"status", StatusName(s_->screening.status[p])}});
  }
  return Json({{"hits", hits}});
}

ApiReply Dashboard::Person(const std::string& person_id) const {
  return WithTriage([&] {
    const uint32_t p = s_->facts.population->FindPerson(person_id);
    if (p == kNoIndex) return Error(404, "no person with that person_id in the loaded population");
    J j = J::parse(PersonReasonsJson(s_->context(), p));
    j["explanation"] = PersonExplanation(s_->context(), p);
    return Json(j);
  });
}

ApiReply Dashboard::WithFullScreening(const char* file, bool (*write)(const ScreenContext&, const std::string&, std::string*),
                                      const char* content_type) const {
  std::shared_lock lock(mutex_);
  // As `clemency screen` writes it: with eligible_on, the review triage and the assumptions.
  const Screening full = clemency::Screen(*s_->policy, s_->facts);
  const ReviewTriage triage = TriageReview(*s_->policy, s_->facts, full);
  const ScreenContext c{*s_->policy, s_->facts, full, &triage, &s_->assumptions};
  std::string dir_template = (fs::temp_directory_path() / "clemency-serve-XXXXXX").string();
  if (::mkdtemp(dir_template.data()) == nullptr) return Error(500, "cannot create a private temporary folder");
  const fs::path path = fs::path(dir_template) / file;
  std::string error;
  if (!write(c, path.string(), &error)) {
    std::error_code ec;
    fs::remove_all(dir_template, ec);
    return Error(500, error);
  }
  return {200, content_type, ReadAndRemove(path), file};
}

ApiReply Dashboard::ScreeningCsv() const { return WithFullScreening("screening.csv", WriteScreeningCsv, "text/csv; charset=utf-8"); }

ApiReply Dashboard::CandidatesXlsx() const {
  return WithFullScreening("candidates.xlsx", WriteCandidatesXlsx,
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

ApiReply Dashboard::Scenario() const {
  std::shared_lock lock(mutex_);
  std::string text = fmt::format(
      "# A Clemency scenario saved from the dashboard: policy {}, as of {}.\n"
      "# Reproduce it with:\n#   clemency screen --policy {} --as-of {} --set @scenario.txt --data DATA -o OUT\n",
      s_->policy->id, s_->facts.as_of.ToString(), inputs_.policy, s_->facts.as_of.ToString());
  for (const std::string& set : inputs_.sets) text += set + "\n";
  return {200, "text/plain; charset=utf-8", text, "scenario.txt"};
}

ApiReply Dashboard::Simulate(const std::string& request_body) const {
  const J r = J::parse(request_body, nullptr, false);
  if (r.is_discarded() || !r.is_object()) return Error(400, "the body must be a JSON object (docs/api.md)");
  SimulateArgs a;
  try {
    a.years = r.value("years", 10);
    a.replicates = r.value("replicates", 200);
    a.seed = r.value("seed", uint64_t{1});
    a.board_capacity = r.value("board_capacity", 0);
    a.grant_rate = r.value("grant_rate", std::string("1"));
    a.lag_months = r.value("lag_months", 0);
    a.review_share = r.value("review_share", 0.0);
    a.target = r.value("target", int64_t{0});
  } catch (const J::exception& e) {
    return Error(400, std::string("a field has the wrong type: ") + e.what());
  }
  if (a.years < 1 || a.years > kMaxYears || a.replicates < 1 || a.replicates > kMaxReplicates || a.board_capacity < 0 ||
      a.lag_months < 0 || a.review_share < 0 || a.review_share > 1 || a.target < 0)
    return Error(400, fmt::format("years 1 to {}, replicates 1 to {}, board_capacity, lag_months and target 0 or more, "
                                  "review_share 0 to 1 expected", kMaxYears, kMaxReplicates));
  std::string error;
  const auto grant = sim::GrantRate::Parse(a.grant_rate, &error);
  if (!grant) return Error(400, "grant_rate: " + error);
  std::shared_lock lock(mutex_);
  a.in = inputs_;
  sim::RosterNotes notes;
  sim::SimInput in = ProjectionInput(a, *s_, rules_, *grant, &notes);
  in.plan.queue = sim::QueueFromScreening(s_->screening, a.review_share);
  std::vector<std::string> plan_status;
  for (const auto& q : in.plan.queue) plan_status.push_back(q.needs_review ? "needs_review" : "eligible");
  const sim::ProjectionResult result = sim::Project(in);
  const std::vector<sim::Figure> figures = sim::ProjectionFigures(result, in, in.threads);
  const ProjectionContext c{in, result, figures, notes, s_->facts.as_of, {}, std::move(plan_status), {}};
  return Json({{"summary", ProjectionSummary(c, SummaryExtra(a, *s_, *grant, rules_))}, {"chart", ProjectionChartJson(c)}});
}

}  // namespace clemency
