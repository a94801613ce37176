// Screening and screen() (screening.h).
#include "screening.h"

#include <pybind11/stl.h>

#include "clemency/report/screening_outputs.h"
#include "errors.h"
#include "screening_frame.h"
#include "session.h"

namespace clemency::python {
namespace {

namespace py = pybind11;

uint32_t FindPerson(const Session& s, const std::string& person_id) {
  const uint32_t p = s.population->load.population->FindPerson(person_id);
  if (p == kNoIndex)
    Fail(ErrorKind::kUsage, "no such person in the population (or the row was rejected)", s.population->source);
  return p;
}

SessionPtr ScreenPopulation(const PopulationPtr& population, const std::string& policy, const std::string& as_of,
                            const std::vector<std::pair<std::string, std::string>>& params,
                            const std::vector<std::string>& assume, bool allow_missing_catalog) {
  if (policy.empty()) Fail(ErrorKind::kUsage, "policy: give a policy id or a .toml file");
  SessionArgs args{policy, as_of, params, assume, allow_missing_catalog, false};
  py::gil_scoped_release unlocked;  // the work touches no Python object
  return OpenSession(population, args);
}

py::dict Counts(const Session& s) {
  int64_t counts[3] = {0, 0, 0};
  for (Status st : s.s.screening.status) ++counts[static_cast<int>(st)];
  py::dict d;
  d["eligible"] = counts[0];
  d["needs_review"] = counts[1];
  d["not_eligible"] = counts[2];
  return d;
}

}  // namespace

void BindScreening(py::module_& m) {
  py::class_<Session, SessionPtr>(m, "Screening")
      .def("columns", [](const Session& s) { return ScreeningFrameColumns(s.s.context()); })
      .def("counts", &Counts)
      .def_property_readonly("policy_id", [](const Session& s) { return s.s.policy->id; })
      .def_property_readonly("policy_title", [](const Session& s) { return s.s.policy->title; })
      .def_property_readonly("policy_path", [](const Session& s) { return s.policy_path; })
      .def_property_readonly("as_of", [](const Session& s) { return s.s.facts.as_of.ToString(); })
      .def_property_readonly("warnings", [](const Session& s) { return s.warnings; })
      .def("summary_json", [](const Session& s) { return ScreeningSummary(s.s.context(), s.s.manifest).dump(); })
      .def("explain", [](const Session& s, const std::string& person_id) {
        return PersonExplanation(s.s.context(), FindPerson(s, person_id));
      })
      .def("explain_json", [](const Session& s, const std::string& person_id) {
        return PersonReasonsJson(s.s.context(), FindPerson(s, person_id));
      });
  m.def("screen", &ScreenPopulation, py::arg("population"), py::arg("policy"), py::arg("as_of") = "",
        py::arg("params") = std::vector<std::pair<std::string, std::string>>{},
        py::arg("assume") = std::vector<std::string>{}, py::arg("allow_missing_catalog") = false);
}

}  // namespace clemency::python
