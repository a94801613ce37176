// Cuts a CSV file's bytes into chunks that can be read on their own threads
// (CsvReader::OverBytes, StartAt, StopAt). Each cut is just after a line end
// (LF, CR LF or a lone CR, never between CR and LF), and each chunk knows the
// physical line it starts on: 1 + the line ends before it, counted as
// CsvReader counts them. A cut may still fall inside a quoted field: the
// reader of the chunk before it says so (stopped_at_boundary()).
#ifndef CLEMENCY_IO_CSV_CHUNKS_H_
#define CLEMENCY_IO_CSV_CHUNKS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace clemency {

// The offset just after the first line end at or after `at`, or bytes.size().
size_t CutAfterLineEnd(std::string_view bytes, size_t at);

// Line ends in bytes[begin, end), a CR counting unless an LF follows it.
uint64_t CountLineEnds(std::string_view bytes, size_t begin, size_t end);

// At most n chunk starts cutting [begin, end) near equal sizes: begin first,
// then increasing cuts, each < end.
std::vector<size_t> ChunkStarts(std::string_view bytes, size_t begin, size_t end, size_t n);

}  // namespace clemency

#endif  // CLEMENCY_IO_CSV_CHUNKS_H_
