// The output folder of a writing command, with its messages and exit codes
// (docs/outputs.md): Open() before the work (a locked, unwritable or foreign
// OUT fails at once, exit 2), write into dir(), Commit() at the end. Any
// failure to write is exit 2 with the path and the reason; OUT is left as
// it was. Unstaged (demo's inner steps), dir() is OUT itself, already inside
// the caller's staging folder, and Commit() only writes its manifest.json.
#ifndef CLEMENCY_CLI_COMMAND_OUTPUT_H_
#define CLEMENCY_CLI_COMMAND_OUTPUT_H_

#include <string>
#include <vector>

#include "clemency/io/output_dir.h"

namespace clemency {

// The files each command writes, for OUT folders from before manifests.
extern const std::vector<std::string> kScreenOutputNames;
extern const std::vector<std::string> kSynthOutputNames;
extern const std::vector<std::string> kSimulateOutputNames;

// OUT is path itself or a folder above it: replacing OUT would delete path
// (an input of the run). Writing commands refuse that (exit 2).
bool OutputHolds(const std::string& out, const std::string& path);

class CommandOutput {
 public:
  CommandOutput(std::string command, std::string out, bool staged = true);
  // kExitOk, or kExitUsage after printing why.
  int Open(const std::vector<std::string>& known);
  // Where the command writes: the staging folder, or OUT when unstaged.
  std::string dir() const { return staged_ ? folder_.dir() : out_; }
  std::string path(const std::string& name) const { return dir() + "/" + name; }
  // Prints a write failure naming OUT; returns kExitUsage.
  int Fail(const std::string& error) const;
  // kExitOk, or kExitUsage after printing why.
  int Commit(const ManifestInfo& info);

 private:
  std::string command_;
  std::string out_;
  bool staged_;
  OutputDir folder_;
};

}  // namespace clemency

#endif  // CLEMENCY_CLI_COMMAND_OUTPUT_H_
