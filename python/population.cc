// Loading a population for Python (population.h) and its Population class.
#include "population.h"

#include <filesystem>

#include "clemency/cli/as_of.h"
#include "clemency/cli/load_report.h"
#include "clemency/io/population_snapshot.h"
#include "errors.h"

namespace clemency::python {
namespace {

PopulationPtr OpenSnapshotSource(const std::string& path, const std::string& as_of_text) {
  OpenedSnapshot snapshot;
  std::string error;
  if (!OpenSnapshot(path, &snapshot, &error)) Fail(ErrorKind::kData, error, path);
  auto p = std::make_shared<LoadedPopulation>();
  p->as_of = as_of_text.empty() ? snapshot.as_of : ParseAsOf(as_of_text);
  if (p->as_of < snapshot.as_of)
    Fail(ErrorKind::kUsage, "the snapshot was checked as of " + snapshot.as_of.ToString() + ", after as_of " +
                                p->as_of.ToString() + ": load it as of " + snapshot.as_of.ToString() + " or later",
         path);
  p->load = std::move(snapshot.load);
  p->source = path;
  return p;
}

void CheckOnError(const std::string& on_error) {
  if (on_error != "fail" && on_error != "quarantine")
    Fail(ErrorKind::kUsage, "on_error \"" + on_error + "\": expected \"fail\" or \"quarantine\"");
}

}  // namespace

Date ParseAsOf(const std::string& text, const char* what) {
  const std::string t = text.empty() ? ResolveAsOf("").text : text;
  const DateParseResult d = ParseDate(t);
  if (!d.ok())
    Fail(ErrorKind::kUsage, std::string(what) + " \"" + t + "\": " + std::string(DescribeDateParseError(d.error)));
  return d.date;
}

void CheckLoad(const LoadResult& r, const std::string& dir, bool quarantine) {
  for (const Problem& p : r.problems)
    if (p.severity == Severity::kError && (r.fatal || !quarantine)) FailProblem(p, dir);
  if (r.fatal || !r.population) Fail(ErrorKind::kData, "the population could not be loaded", dir);
}

PopulationPtr LoadSource(const std::string& path, const std::string& as_of, const std::string& on_error) {
  CheckOnError(on_error);
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) return OpenSnapshotSource(path, as_of);
  if (!std::filesystem::is_directory(path, ec))
    Fail(ErrorKind::kUsage, "not a population folder or a snapshot file", path);
  auto p = std::make_shared<LoadedPopulation>();
  p->as_of = ParseAsOf(as_of);
  LoadOptions options;
  options.as_of = p->as_of;
  p->load = LoadPopulation(path, options);
  CheckLoad(p->load, path, on_error == "quarantine");
  p->source = path;
  return p;
}

void BindPopulation(py::module_& m) {
  py::class_<LoadedPopulation, std::shared_ptr<LoadedPopulation>>(m, "Population")
      .def("__len__", [](const LoadedPopulation& p) { return p.load.population->people_count(); })
      .def_property_readonly("as_of", [](const LoadedPopulation& p) { return p.as_of.ToString(); })
      .def_property_readonly("source", [](const LoadedPopulation& p) { return p.source; })
      .def_property_readonly("sentence_count", [](const LoadedPopulation& p) { return p.load.population->sentence_count(); })
      .def_property_readonly("counts_json", [](const LoadedPopulation& p) { return LoadCountsJson(p.load).dump(); })
      .def_property_readonly("import_json", [](const LoadedPopulation& p) { return p.import_json; })
      .def("warnings", [](const LoadedPopulation& p) {
        py::list out;
        for (const Problem& w : p.load.problems)
          if (w.severity == Severity::kWarning) out.append(w.Format());
        return out;
      })
      .def("people_columns", [](const PopulationPtr& p) { return PeopleFrameColumns(p); })
      .def("sentence_columns", [](const PopulationPtr& p) { return SentenceFrameColumns(p); })
      .def("rejected_columns", [](const PopulationPtr& p) { return RejectedFrameColumns(p); })
      .def("save", [](const LoadedPopulation& p, const std::string& path) {
        std::string error;
        if (!SaveSnapshot(p.load, p.as_of, path, &error)) Fail(ErrorKind::kUsage, error, path);
      });
  m.def("load", &LoadSource, py::arg("path"), py::arg("as_of") = "", py::arg("on_error") = "fail");
}

}  // namespace clemency::python
