// A binary snapshot of a loaded population (`--save FILE`), opened by every
// command that takes --data in place of the CSV folder. Opening maps the
// file and the Population's columns view it, nothing copied, so a big
// population opens in milliseconds (bench/snapshot_open_bench.cc).
//
// Format, version kSnapshotVersion (docs/validation.md):
//   header (64 bytes): "CLEMSNAP", u32 version, u32 0x01020304 (endianness),
//     u64 file size, u32 section count, u32 header size, u64 directory offset;
//   directory: per section {u64 offset, u64 count, u32 element size, u32 0};
//   sections, each 64-byte aligned: the string pool (u64 offsets, bytes),
//     every column of people, sentences, enhancements and facilities, the
//     person index, and the load's metadata as JSON (the as-of date, the
//     files' names, sizes and sha256, the problem counts and problems).
// A file of another version, another byte order, a foreign or truncated file,
// or one whose offsets, indexes or codes are out of range is refused with a
// message naming the file and what is wrong; nothing in it is trusted.
#ifndef CLEMENCY_IO_POPULATION_SNAPSHOT_H_
#define CLEMENCY_IO_POPULATION_SNAPSHOT_H_

#include <cstdint>
#include <string>

#include "clemency/core/date.h"
#include "clemency/io/population_loader.h"

namespace clemency {

inline constexpr char kSnapshotMagic[8] = {'C', 'L', 'E', 'M', 'S', 'N', 'A', 'P'};
inline constexpr uint32_t kSnapshotVersion = 1;

// Writes the loaded population (result.population set) and its load report,
// checked as of as_of, to path atomically with mode 0600. False with *error.
bool SaveSnapshot(const LoadResult& result, Date as_of, const std::string& path, std::string* error);

// True when path is a regular file starting with the snapshot magic.
bool IsSnapshotFile(const std::string& path);

struct OpenedSnapshot {
  LoadResult load;  // population viewing the mapped file, and the saved report
  Date as_of;       // the date the load was checked against
};

// Opens a snapshot. False with *error ("PATH: what is wrong") when the file
// cannot be read or is refused.
bool OpenSnapshot(const std::string& path, OpenedSnapshot* out, std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_IO_POPULATION_SNAPSHOT_H_
