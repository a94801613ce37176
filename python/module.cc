// The extension module clemency._clemency: wiring only, as the CLI is
// (DESIGN.md section 2). The public API, its docstrings and the pandas
// frames are in the Python package around it (clemency/__init__.py); this
// module hands it loaded populations, screenings and projections, their
// columns (columns.h) and Error exceptions (errors.h). Nothing here prints:
// person-level data is never logged.
#include <pybind11/pybind11.h>

#include "clemency/law/rules_dir.h"
#include "errors.h"
#include "import.h"
#include "population.h"
#include "screening.h"
#include "simulate.h"

PYBIND11_MODULE(_clemency, m) {
  namespace py = pybind11;
  m.doc() = "The Clemency engine's C++ core; use the clemency package, not this module.";
  clemency::python::RegisterErrors();
  clemency::python::BindPopulation(m);
  clemency::python::BindImport(m);
  clemency::python::BindScreening(m);
  clemency::python::BindSimulate(m);
  m.def("set_user_rules_dir", &clemency::SetUserRulesDir, py::arg("path"));
  m.def("user_rules_dir", &clemency::UserRulesDir);
  m.def("shipped_rules_dir", &clemency::RulesDir);
  m.attr("version") = CLEMENCY_VERSION;
}
