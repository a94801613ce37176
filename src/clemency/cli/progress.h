// A progress bar on stderr for long work, drawn only when stderr is a
// terminal (DESIGN.md section 4); silent otherwise.
#ifndef CLEMENCY_CLI_PROGRESS_H_
#define CLEMENCY_CLI_PROGRESS_H_

#include "clemency/core/progress.h"

namespace clemency {

// A callback that draws the bar, or an empty one when stderr is not a terminal.
ProgressCallback TerminalProgress();
// Clears the bar line, if one was drawn.
void EndTerminalProgress();

}  // namespace clemency

#endif  // CLEMENCY_CLI_PROGRESS_H_
