// Fuzzes the snapshot reader (io/population_snapshot.h): the input is written
// as a file and opened as `--data FILE` would. A refused file is fine; an
// opened one must be safe to read everywhere a command reads: every string,
// each person's sentences and their enhancements and consecutive_to, the
// person index.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "clemency/io/population_snapshot.h"
#include "scratch_dir.h"

namespace {

const std::string& Path() {
  static const std::string path = FuzzScratchDir("snapshot-fuzz") + "/data.snap";
  return path;
}

void Walk(const clemency::Population& pop) {
  size_t total = 0;
  for (clemency::StrId i = 0; i < pop.strings.size(); ++i) total += pop.str(i).size();
  for (uint32_t p = 0; p < pop.people_count(); ++p) {
    total += pop.str(pop.people.id[p]).size() + pop.str(pop.people.facility_id[p]).size();
    total += pop.FindPerson(pop.str(pop.people.id[p])) == clemency::kNoIndex;
    const clemency::IndexRange r = pop.SentencesOf(p);
    for (uint32_t s = r.begin; s < r.end; ++s) {
      if (pop.sentences.person[s] != p) std::abort();
      const uint32_t c = pop.sentences.consecutive_to[s];
      if (c != clemency::kNoIndex && (c < r.begin || c >= r.end)) std::abort();
      total += pop.str(pop.sentences.offense_code[s]).size();
      const clemency::IndexRange e = pop.EnhancementsOf(s);
      for (uint32_t k = e.begin; k < e.end; ++k) total += pop.str(pop.enhancements[k].code).size();
    }
    total += pop.people.birth_date[p].missing() ? 0 : static_cast<size_t>(pop.people.birth_date[p].year());
  }
  if (total == SIZE_MAX) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(Path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  clemency::OpenedSnapshot opened;
  std::string error;
  if (!clemency::OpenSnapshot(Path(), &opened, &error)) {
    if (error.empty()) std::abort();  // a refusal says why
    return 0;
  }
  Walk(*opened.load.population);
  return 0;
}
