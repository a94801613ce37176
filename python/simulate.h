// simulate(): `clemency simulate` for a population in memory (docs/projection.md).
// The same wiring as cli/cmd_simulate.cc (the rules of cli/projection_run.h,
// the screening's queue, sim::Project, the figures and the summary), without
// the files: projection.csv's and releases.csv's rows as pandas columns and
// projection_summary.json as JSON text. Planned releases (--releases) and
// actuals (--actuals) are left to the CLI.
#ifndef CLEMENCY_PYTHON_SIMULATE_H_
#define CLEMENCY_PYTHON_SIMULATE_H_

#include <pybind11/pybind11.h>

namespace clemency::python {

void BindSimulate(pybind11::module_& m);

}  // namespace clemency::python

#endif  // CLEMENCY_PYTHON_SIMULATE_H_
