// How the commands that load a population report it: problems on stderr (the
// first 20 errors and a count; warnings grouped by kind with examples), the
// per-file counts on a stream, and the same counts as JSON for summaries.
#ifndef CLEMENCY_CLI_LOAD_REPORT_H_
#define CLEMENCY_CLI_LOAD_REPORT_H_

#include <cstdio>
#include <nlohmann/json.hpp>

#include "clemency/io/population_loader.h"

namespace clemency {

void PrintLoadProblems(const LoadResult& result, bool quarantine);
void PrintLoadCounts(const LoadResult& result, std::FILE* out);
nlohmann::ordered_json LoadCountsJson(const LoadResult& result);

}  // namespace clemency

#endif  // CLEMENCY_CLI_LOAD_REPORT_H_
