// Checks across one person's sentences, in time linear in their number:
// sentence_id unique, and every consecutive_to chain reaching a sentence that
// follows none (no missing target, no circle). Each bad row is reported once
// through `reject` and its keep flag cleared:
//   - every row of a repeated sentence_id (duplicate_id);
//   - a row naming itself, naming no kept sentence of the person, on a circle,
//     or leading to such a row (bad_reference).
#ifndef CLEMENCY_IO_SENTENCE_REFERENCES_H_
#define CLEMENCY_IO_SENTENCE_REFERENCES_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/string_pool.h"

namespace clemency {

struct SentenceRows {
  std::span<const StrId> id;              // sentence_id of each row
  std::span<const StrId> consecutive_to;  // kNoStr when the row follows nothing
  std::span<const uint32_t> line;         // source line of each row
};

using RejectSentence = std::function<void(uint32_t row, std::string_view code, std::string_view column,
                                          std::string_view value, std::string message)>;

class SentenceReferenceCheck {
 public:
  SentenceReferenceCheck(SentenceRows rows, const StringPool& strings);

  // Checks the rows of one person (indexes into SentenceRows, ascending); rows
  // whose keep flag is already false count as absent. For each bad kept row r,
  // calls reject(r, ...) once, then clears keep[r].
  void Check(std::span<const uint32_t> person_rows, std::vector<bool>& keep, const RejectSentence& reject);

 private:
  void CheckDuplicates(std::span<const uint32_t> person_rows, std::vector<bool>& keep, const RejectSentence& reject);
  void CheckChains(std::span<const uint32_t> person_rows, std::vector<bool>& keep, const RejectSentence& reject);
  void Reject(uint32_t row, std::string_view code, std::string_view column, std::string message,
              std::vector<bool>& keep, const RejectSentence& reject);
  void RejectWalk(size_t count, const std::string& message, std::vector<bool>& keep, const RejectSentence& reject);

  SentenceRows rows_;
  const StringPool& strings_;
  std::vector<uint32_t> row_of_id_;  // by StrId: a row of the current person; reset after each
  std::vector<uint8_t> state_;       // by row: kUnseen, kOnWalk, kReachesStart
  std::vector<uint32_t> walk_;
};

}  // namespace clemency

#endif  // CLEMENCY_IO_SENTENCE_REFERENCES_H_
