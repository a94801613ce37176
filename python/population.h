// A loaded population as the Python module holds it: the LoadResult (its
// Population owns its columns, or views a mapped snapshot that it keeps
// alive), the date its rows were checked against, and where it came from.
// Shared: a Screening and the ndarrays viewing its columns keep it alive.
#ifndef CLEMENCY_PYTHON_POPULATION_H_
#define CLEMENCY_PYTHON_POPULATION_H_

#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "clemency/core/date.h"
#include "clemency/io/population_loader.h"

namespace clemency::python {

namespace py = pybind11;

struct LoadedPopulation {
  LoadResult load;
  Date as_of;          // the date its rows were checked against
  std::string source;  // the folder, snapshot or imported file
  std::string import_json;  // the import's counts (as import.json), "" unless imported
};
using PopulationPtr = std::shared_ptr<LoadedPopulation>;

// A YYYY-MM-DD argument, or today (local time) when empty; UsageError otherwise.
Date ParseAsOf(const std::string& text, const char* what = "as_of");

// load(): a CSV folder or a snapshot file. on_error "fail" raises DataError
// on the first row error; "quarantine" keeps the good rows (rejected() lists
// the others). A fatal problem always raises.
PopulationPtr LoadSource(const std::string& path, const std::string& as_of, const std::string& on_error);
// Raises for a fatal problem, or for the first error unless quarantining.
void CheckLoad(const LoadResult& r, const std::string& dir, bool quarantine);

// The columns of people.csv, sentences.csv and the rejected rows (columns.h).
py::list PeopleFrameColumns(const PopulationPtr& p);
py::list SentenceFrameColumns(const PopulationPtr& p);
py::list RejectedFrameColumns(const PopulationPtr& p);

void BindPopulation(py::module_& m);

}  // namespace clemency::python

#endif  // CLEMENCY_PYTHON_POPULATION_H_
