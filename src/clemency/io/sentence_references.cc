#include "clemency/io/sentence_references.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "clemency/io/problem.h"

namespace clemency {
namespace {

constexpr uint32_t kNoRow = UINT32_MAX;
enum : uint8_t { kUnseen = 0, kOnWalk = 1, kReachesStart = 2 };

}  // namespace

SentenceReferenceCheck::SentenceReferenceCheck(SentenceRows rows, const StringPool& strings)
    : rows_(rows), strings_(strings), row_of_id_(strings.size(), kNoRow), state_(rows.id.size(), kUnseen) {}

void SentenceReferenceCheck::Check(std::span<const uint32_t> person_rows, std::vector<bool>& keep,
                                   const RejectSentence& reject) {
  CheckDuplicates(person_rows, keep, reject);
  CheckChains(person_rows, keep, reject);
  for (uint32_t r : person_rows)
    if (rows_.id[r] != kNoStr) row_of_id_[rows_.id[r]] = kNoRow;
}

void SentenceReferenceCheck::Reject(uint32_t row, std::string_view code, std::string_view column,
                                    std::string message, std::vector<bool>& keep,
                                    const RejectSentence& reject) {
  if (!keep[row]) return;
  const std::string_view value =
      column == "sentence_id" ? strings_.View(rows_.id[row]) : strings_.View(rows_.consecutive_to[row]);
  reject(row, code, column, value, std::move(message));
  keep[row] = false;
}

// Every row of a repeated id is rejected: the first names the second's line,
// the others the first's; in order of first row, then row.
void SentenceReferenceCheck::CheckDuplicates(std::span<const uint32_t> person_rows, std::vector<bool>& keep,
                                             const RejectSentence& reject) {
  std::vector<std::pair<uint32_t, uint32_t>> repeats;  // (first row, later row)
  for (uint32_t r : person_rows) {
    if (!keep[r] || rows_.id[r] == kNoStr) continue;
    uint32_t& first = row_of_id_[rows_.id[r]];
    if (first == kNoRow) first = r;
    else repeats.emplace_back(first, r);
  }
  std::sort(repeats.begin(), repeats.end());
  for (const auto& [first, later] : repeats) {
    auto message = [](uint32_t line) {
      return fmt::format("also on line {} for the same person; both rows are rejected", line);
    };
    Reject(first, "duplicate_id", "sentence_id", message(rows_.line[later]), keep, reject);
    Reject(later, "duplicate_id", "sentence_id", message(rows_.line[first]), keep, reject);
    row_of_id_[rows_.id[first]] = kNoRow;  // the id names no kept sentence now
  }
}

// Follows each chain once: a row reached before is settled (kept and known to
// reach a start, or rejected), so every row is walked at most once.
void SentenceReferenceCheck::CheckChains(std::span<const uint32_t> person_rows, std::vector<bool>& keep,
                                         const RejectSentence& reject) {
  for (uint32_t start : person_rows) {
    if (!keep[start] || state_[start] == kReachesStart) continue;
    walk_.clear();
    for (uint32_t cur = start;;) {
      walk_.push_back(cur);
      state_[cur] = kOnWalk;
      const StrId target = rows_.consecutive_to[cur];
      const uint32_t next = target == kNoStr ? kNoRow : row_of_id_[target];
      const std::string cur_id = Printable(strings_.View(rows_.id[cur]));
      if (target == kNoStr || (next != kNoRow && keep[next] && state_[next] == kReachesStart)) {
        for (uint32_t w : walk_) state_[w] = kReachesStart;
        break;
      }
      if (target == rows_.id[cur]) {
        RejectWalk(walk_.size() - 1, fmt::format("leads to sentence \"{}\", which follows itself", cur_id),
                   keep, reject);
        Reject(cur, "bad_reference", "consecutive_to", "a sentence cannot follow itself", keep, reject);
        break;
      }
      if (next == kNoRow || !keep[next]) {
        const bool missing = next == kNoRow;
        RejectWalk(walk_.size() - 1,
                   fmt::format("leads to sentence \"{}\", which follows a {} sentence", cur_id,
                               missing ? "missing" : "rejected"),
                   keep, reject);
        Reject(cur, "bad_reference", "consecutive_to",
               missing ? "names no other sentence of this person"
                       : fmt::format("follows sentence \"{}\", which is rejected", Printable(strings_.View(target))),
               keep, reject);
        break;
      }
      if (state_[next] == kOnWalk) {
        RejectWalk(walk_.size(), "the consecutive_to chain goes round in a circle", keep, reject);
        break;
      }
      cur = next;
    }
  }
}

void SentenceReferenceCheck::RejectWalk(size_t count, const std::string& message, std::vector<bool>& keep,
                                        const RejectSentence& reject) {
  for (size_t i = 0; i < count; ++i) Reject(walk_[i], "bad_reference", "consecutive_to", message, keep, reject);
}

}  // namespace clemency
