// The load report a snapshot keeps beside the population (io/population_snapshot.h):
// everything of a LoadResult but the population, and the as-of date it was
// checked against, as JSON. Reading trusts nothing: a damaged text is an error.
#ifndef CLEMENCY_IO_SNAPSHOT_META_H_
#define CLEMENCY_IO_SNAPSHOT_META_H_

#include <string>
#include <string_view>

#include "clemency/core/date.h"
#include "clemency/io/population_loader.h"

namespace clemency {

std::string SnapshotMetaJson(const LoadResult& result, Date as_of);

// Fills everything of *result but the population, and *as_of. False with
// *error when the text is not such a report.
bool ReadSnapshotMeta(std::string_view json, LoadResult* result, Date* as_of, std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_IO_SNAPSHOT_META_H_
