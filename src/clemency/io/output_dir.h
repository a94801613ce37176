// A command's output folder OUT, whole from one run or as it was
// (docs/outputs.md). Open() refuses an OUT that is neither absent, empty nor
// an earlier Clemency output (every file named in its manifest.json, or, for
// folders from before manifests, among the command's known names); takes the
// lock .NAME.clemency-lock beside OUT (a second run fails at once); removes
// the staging folders of killed runs; and creates a fresh private staging
// folder .NAME.clemency-staging-PID-RANDOM (0700; umask 077 while open).
// The command writes its files into dir(). Commit() writes manifest.json
// (every file: name, bytes, sha256; command, version, as_of, inputs), makes
// every file 0600, and swaps the staging folder into OUT in one rename
// (RENAME_EXCHANGE), then removes the old set. Destroyed without Commit(),
// or on SIGINT or SIGTERM, the staging folder is removed and OUT is left as
// it was. Every error here is the user's to fix (exit 2): the message names
// OUT and the reason (no permission, not a folder, disk full, locked).
#ifndef CLEMENCY_IO_OUTPUT_DIR_H_
#define CLEMENCY_IO_OUTPUT_DIR_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace clemency {

struct ManifestInfo {
  std::string command;  // "screen", "import", ...
  std::string as_of;    // YYYY-MM-DD, or "" when the command has none
  std::vector<std::pair<std::string, std::string>> inputs;  // path as given, sha256 of the bytes read
  // Files (or folders) a later step writes into the folder, named in the
  // manifest as "later": the script `clemency sql` writes writes screening.csv.
  // Open() may replace them with the rest; VerifyOutputDir ignores them.
  std::vector<std::string> later = {};
};

struct ManifestFile {
  std::string name;  // relative to the folder, '/'-separated
  uint64_t bytes = 0;
  std::string sha256;
};

class OutputDir {
 public:
  OutputDir() = default;
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // known: the names (relative paths) this command writes, for OUT folders
  // written before manifests. False with *error on failure.
  bool Open(const std::string& out, const std::vector<std::string>& known, std::string* error);
  const std::string& dir() const { return staging_; }
  const std::string& out() const { return out_; }
  // error with the staging folder's path replaced by OUT's, for messages.
  std::string Describe(std::string error) const;
  // manifest.json, then the swap. False with *error (OUT is as it was).
  bool Commit(const ManifestInfo& info, std::string* error);

 private:
  void Abandon();
  std::string out_;      // as given
  std::string target_;   // absolute
  std::string staging_;  // absolute
  int lock_fd_ = -1;
  unsigned old_umask_ = 0;
  bool open_ = false;
};

// Writes dir/manifest.json naming every file under dir (manifest.json aside).
bool WriteManifest(const std::string& dir, const ManifestInfo& info, std::string* error);

// dir/manifest.json's files. False with *error when absent or malformed;
// *absent tells which.
bool ReadManifest(const std::string& dir, std::vector<ManifestFile>* files, bool* absent, std::string* error);

// The manifest's "later" entries (empty when it has none or cannot be read).
std::vector<std::string> ManifestLaterFiles(const std::string& dir);

// A folder matches its manifest: every file named is there with its size and
// sha256, and nothing else is (no stray staging or partial file). False with
// *error naming the first file that does not; *absent when there is no
// manifest.json at all.
bool VerifyOutputDir(const std::string& dir, bool* absent, std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_IO_OUTPUT_DIR_H_
