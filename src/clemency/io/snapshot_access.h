// What the snapshot writer and reader (io/population_snapshot.h) see of a
// Population: every array in the snapshot's order (a new column goes at its
// place here and raises kSnapshotVersion), including the private indexes,
// and the owner of the mapped file.
#ifndef CLEMENCY_IO_SNAPSHOT_ACCESS_H_
#define CLEMENCY_IO_SNAPSHOT_ACCESS_H_

#include <memory>
#include <utility>

#include "clemency/core/population.h"
#include "clemency/core/population_builder.h"

namespace clemency {

struct SnapshotAccess {
  // Calls f on each PopulationColumn of p (Population or const Population), in order.
  template <typename P, typename F>
  static void ForEachArray(P& p, F&& f) {
    ForEachColumn(p.people, f);
    ForEachRowColumn(p.sentences, f);
    f(p.sentences.enhancement_begin);
    f(p.enhancements);
    ForEachFacilityColumn(p.facilities, f);
    f(p.sentence_begin_);
    f(p.person_by_str_);
  }
  static const PopulationColumn<uint32_t>& sentence_begin(const Population& p) { return p.sentence_begin_; }
  static const PopulationColumn<uint32_t>& person_by_str(const Population& p) { return p.person_by_str_; }
  static void KeepAlive(Population& p, std::shared_ptr<const void> owner) { p.backing_ = std::move(owner); }
};

}  // namespace clemency

#endif  // CLEMENCY_IO_SNAPSHOT_ACCESS_H_
