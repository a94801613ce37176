// The Screening class of the Python module and screen(): a session
// (session.h) screened with eligible_on and review triage, as `clemency
// screen` does; its screening.csv columns (screening_frame.h), its
// summary.json, and explain() for one person as `clemency explain` prints it.
#ifndef CLEMENCY_PYTHON_SCREENING_H_
#define CLEMENCY_PYTHON_SCREENING_H_

#include <pybind11/pybind11.h>

namespace clemency::python {

void BindScreening(pybind11::module_& m);

}  // namespace clemency::python

#endif  // CLEMENCY_PYTHON_SCREENING_H_
