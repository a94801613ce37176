// A fuzz target's private scratch folder, made once per process: on tmpfs
// (/dev/shm) when the machine has it, else in /tmp. Rewriting a file on a
// disk file system each run (ext4 flushes a truncated file on close) took
// about a fifth of the population loader fuzzer's time.
#ifndef CLEMENCY_FUZZ_SCRATCH_DIR_H_
#define CLEMENCY_FUZZ_SCRATCH_DIR_H_

#include <stdlib.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

inline std::string FuzzScratchDir(const std::string& name) {
  const std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  std::string tmpl = base + "/clemency-" + name + "-XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) std::abort();
  return tmpl;
}

#endif  // CLEMENCY_FUZZ_SCRATCH_DIR_H_
