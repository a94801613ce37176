#include "clemency/core/population.h"

#include <algorithm>

#include "clemency/core/population_builder.h"

namespace clemency {
namespace {

template <typename V>
void KeepIf(V& v, const std::vector<bool>& keep) {
  if (std::find(keep.begin(), keep.end(), false) == keep.end()) return;  // nothing to drop
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++i)
    if (keep[i]) v[out++] = std::move(v[i]);
  v.resize(out);
  v.shrink_to_fit();
}

template <typename V>
void Permute(V& v, const std::vector<uint32_t>& order) {
  std::vector<typename V::value_type> out;
  out.reserve(v.size());
  for (uint32_t i : order) out.push_back(std::move(v[i]));
  v.swap(out);
}

template <typename T>
size_t VectorBytes(const PopulationColumn<T>& v) {
  return v.heap_bytes();
}

}  // namespace

uint32_t Population::FindPerson(std::string_view person_id) const {
  const auto id = strings.Find(person_id);
  if (!id || *id == kNoStr || *id >= person_by_str_.size()) return kNoIndex;
  return person_by_str_[*id];
}

size_t Population::bytes_used() const {
  size_t n = strings.bytes_used() + VectorBytes(enhancements) + VectorBytes(sentence_begin_) +
             VectorBytes(person_by_str_);
  auto add = [&n](const auto& v) { n += VectorBytes(v); };
  ForEachColumn(people, add);
  ForEachRowColumn(sentences, add);
  n += VectorBytes(sentences.enhancement_begin);
  return n;
}

void PopulationBuilder::AddSentence(std::span<const Enhancement> enhancements,
                                    StrId consecutive_to_id) {
  staged_enh_first_.push_back(static_cast<uint32_t>(staged_enhancements_.size()));
  staged_enh_count_.push_back(static_cast<uint32_t>(enhancements.size()));
  staged_enhancements_.insert(staged_enhancements_.end(), enhancements.begin(),
                              enhancements.end());
  staged_consecutive_.push_back(consecutive_to_id);
  pop_.sentences.consecutive_to.push_back(kNoIndex);
}

void PopulationBuilder::KeepPeople(const std::vector<bool>& keep) {
  ForEachColumn(pop_.people, [&](auto& v) { KeepIf(v, keep); });
}

void PopulationBuilder::KeepSentences(const std::vector<bool>& keep) {
  ForEachRowColumn(pop_.sentences, [&](auto& v) { KeepIf(v, keep); });
  KeepIf(staged_enh_first_, keep);
  KeepIf(staged_enh_count_, keep);
  KeepIf(staged_consecutive_, keep);
}

Population PopulationBuilder::Finish() {
  Population& p = pop_;
  const size_t n_people = p.people.id.size();
  const size_t n_sent = p.sentences.person.size();

  // Group sentences by person: a stable counting sort.
  PopulationColumn<uint32_t>& begin = p.sentence_begin_;
  begin.assign(n_people + 1, 0);
  for (uint32_t person : p.sentences.person) ++begin[person + 1];
  for (size_t i = 0; i < n_people; ++i) begin[i + 1] += begin[i];
  std::vector<uint32_t> order(n_sent);
  {
    std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
    for (uint32_t i = 0; i < n_sent; ++i) order[next[p.sentences.person[i]]++] = i;
  }
  ForEachRowColumn(p.sentences, [&](auto& v) { Permute(v, order); });
  Permute(staged_consecutive_, order);

  // Enhancements in the new sentence order, as offsets.
  p.enhancements.clear();
  p.enhancements.reserve(staged_enhancements_.size());
  p.sentences.enhancement_begin.assign(1, 0);
  p.sentences.enhancement_begin.reserve(n_sent + 1);
  for (uint32_t old : order) {
    const uint32_t first = staged_enh_first_[old];
    for (uint32_t k = 0; k < staged_enh_count_[old]; ++k)
      p.enhancements.push_back(staged_enhancements_[first + k]);
    p.sentences.enhancement_begin.push_back(static_cast<uint32_t>(p.enhancements.size()));
  }

  // consecutive_to: sentence_id text -> sentence index within the same person
  // (the last of that id), through a table by StrId reset after each person.
  p.sentences.consecutive_to.assign(n_sent, kNoIndex);
  std::vector<uint32_t> index_of_id(p.strings.size(), kNoIndex);
  for (size_t person = 0; person < n_people; ++person) {
    const uint32_t first = begin[person], last = begin[person + 1];
    for (uint32_t t = first; t < last; ++t)
      if (p.sentences.id[t] != kNoStr) index_of_id[p.sentences.id[t]] = t;
    for (uint32_t s = first; s < last; ++s)
      if (staged_consecutive_[s] != kNoStr) p.sentences.consecutive_to[s] = index_of_id[staged_consecutive_[s]];
    for (uint32_t t = first; t < last; ++t)
      if (p.sentences.id[t] != kNoStr) index_of_id[p.sentences.id[t]] = kNoIndex;
  }

  p.person_by_str_.assign(p.strings.size(), kNoIndex);
  for (uint32_t i = 0; i < n_people; ++i) p.person_by_str_[p.people.id[i]] = i;

  staged_enhancements_ = {};
  staged_enh_first_ = {};
  staged_enh_count_ = {};
  staged_consecutive_ = {};
  return std::move(pop_);
}

}  // namespace clemency
