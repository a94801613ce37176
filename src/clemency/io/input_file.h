// Opening an input file without surprises. A FIFO, socket or device given as
// an input would block the run or stream forever, so only regular files are
// inputs; and a file that cannot be read says why ("permission denied" is not
// "no such file"). Messages start with the path:
//   "PATH: not a regular file (a FIFO)"
//   "PATH: cannot open: no such file"   "PATH: cannot open: permission denied"
#ifndef CLEMENCY_IO_INPUT_FILE_H_
#define CLEMENCY_IO_INPUT_FILE_H_

#include <string>

namespace clemency {

// Opens PATH read-only without blocking on a FIFO and checks that it is a
// regular file. Returns the descriptor (blocking, close-on-exec), or -1 with
// the message in *error.
int OpenInputFile(const std::string& path, std::string* error);

// The same check without keeping the file open (for readers that open the
// path themselves): "" when PATH is a readable regular file, else the message.
std::string InputFileProblem(const std::string& path);

}  // namespace clemency

#endif  // CLEMENCY_IO_INPUT_FILE_H_
