// Writes n lines to an AtomicFile in order, formatting them on up to
// `threads` threads: the lines are cut into chunks, each thread formats its
// chunk into its own buffer, and the buffers are written in chunk order, so the
// bytes are the same whatever the thread count. Writing a round overlaps
// formatting the next. format(out, i) appends line i
// (without its newline) to out; it must be safe to call concurrently.
#ifndef CLEMENCY_IO_ORDERED_LINES_H_
#define CLEMENCY_IO_ORDERED_LINES_H_

#include <cstddef>
#include <functional>
#include <string>

#include "clemency/io/atomic_file.h"

namespace clemency {

// Threads to format with when the caller has no reason to choose: the cores, at most 4.
size_t DefaultFormatThreads();

void WriteOrderedLines(AtomicFile& out, size_t n, const std::function<void(std::string&, size_t)>& format,
                       size_t threads = DefaultFormatThreads());

}  // namespace clemency

#endif  // CLEMENCY_IO_ORDERED_LINES_H_
