// import_roster(): `clemency import` for Python. An agency's CSV export or
// .xlsx workbook goes through a mapping (rules/mappings/NAME.toml or a file;
// docs/import-mappings.md) into the canonical rows, which are then loaded and
// validated as `clemency import --save` does, so the result is a Population.
// The canonical CSV files pass through a private temporary folder (mode
// 0700, removed before returning). on_error "fail" raises on the first
// rejected row; "quarantine" keeps the rest. The counts import.json would
// hold come with the Population (import_json).
#ifndef CLEMENCY_PYTHON_IMPORT_H_
#define CLEMENCY_PYTHON_IMPORT_H_

#include <pybind11/pybind11.h>

namespace clemency::python {

void BindImport(pybind11::module_& m);

}  // namespace clemency::python

#endif  // CLEMENCY_PYTHON_IMPORT_H_
