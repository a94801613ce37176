// The checks a Population opened from a snapshot passes before anyone reads
// it (io/population_snapshot.h), so that a damaged file cannot make a reader
// index out of range: the string offsets; every string id, person, sentence
// and enhancement index in range; sentences grouped by person as
// SentencesOf says, consecutive_to within the person; every code a known
// enumerator and every date within years 0000-9999 or missing. The scans
// run on two threads.
#ifndef CLEMENCY_IO_SNAPSHOT_CHECK_H_
#define CLEMENCY_IO_SNAPSHOT_CHECK_H_

#include <span>
#include <string>

#include "clemency/core/population.h"

namespace clemency {

// "" when the offsets fit bytes_size: offsets[0] = 0, non-decreasing, the
// last = bytes_size.
std::string CheckStringOffsets(std::span<const uint64_t> offsets, uint64_t bytes_size);

// "" when pop (its string pool already checked) is consistent, else what is wrong.
std::string CheckSnapshotPopulation(const Population& pop);

}  // namespace clemency

#endif  // CLEMENCY_IO_SNAPSHOT_CHECK_H_
