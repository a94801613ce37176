// Fuzzes the population loader: the input is split at the first 0xFF byte
// into people.csv and sentences.csv bodies, each given the schema header, and
// loaded. Beyond not crashing, nothing may be lost: for every file,
// rows read = accepted + rejected, and the Population holds exactly the
// accepted rows. Loaded again on 2 threads (each file cut in 2 chunks, the cut
// perhaps inside a quote), the problems, rejected rows and counts are the same.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "clemency/io/population_loader.h"
#include "scratch_dir.h"

namespace {

const std::string& Dir() {
  static const std::string dir = FuzzScratchDir("loader-fuzz");
  return dir;
}

void Write(const std::string& name, std::string_view header, std::string_view body) {
  std::ofstream out(Dir() + "/" + name, std::ios::binary | std::ios::trunc);
  out << header << body;
}

bool SameCounts(const clemency::FileCounts& a, const clemency::FileCounts& b) {
  return a.present == b.present && a.rows_read == b.rows_read && a.accepted == b.accepted &&
         a.rejected == b.rejected && a.bytes == b.bytes && a.sha256 == b.sha256;
}

bool SameLoad(const clemency::LoadResult& a, const clemency::LoadResult& b) {
  if (a.fatal != b.fatal || a.problems.size() != b.problems.size() || a.rejected.size() != b.rejected.size() ||
      a.count_by_code != b.count_by_code || !SameCounts(a.people, b.people) || !SameCounts(a.sentences, b.sentences))
    return false;
  for (size_t i = 0; i < a.problems.size(); ++i)
    if (a.problems[i].Format() != b.problems[i].Format()) return false;
  for (size_t i = 0; i < a.rejected.size(); ++i)
    if (a.rejected[i].line != b.rejected[i].line || a.rejected[i].reason != b.rejected[i].reason ||
        a.rejected[i].record != b.rejected[i].record)
      return false;
  return a.population.has_value() == b.population.has_value() &&
         (!a.population || a.population->strings.size() == b.population->strings.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find('\xFF');
  const std::string_view people = input.substr(0, split);
  const std::string_view sentences = split == std::string_view::npos ? "" : input.substr(split + 1);
  Write("people.csv",
        "person_id,jurisdiction,birth_date,birth_date_precision,sex,race,admission_date,"
        "admission_type,facility_id,infractions_5y,medical_high_risk\n",
        people);
  Write("sentences.csv",
        "person_id,sentence_id,offense_code,offense_description,offense_date,sentence_date,"
        "sentence_type,term_days,min_term_days,max_term_days,enhancements,drug_type,drug_grams,"
        "consecutive_to,status,credits_days,projected_release_date,parole_eligibility_date\n",
        sentences);
  clemency::LoadOptions options;
  options.as_of = clemency::ParseDate("2025-01-01").date;
  options.threads = 1;
  const clemency::LoadResult r = clemency::LoadPopulation(Dir(), options);
  options.threads = 2;
  if (!SameLoad(r, clemency::LoadPopulation(Dir(), options))) std::abort();
  if (r.fatal) return 0;
  for (const clemency::FileCounts* f : {&r.people, &r.sentences})
    if (f->rows_read != f->accepted + f->rejected) std::abort();
  if (r.rejected.size() != r.people.rejected + r.sentences.rejected) std::abort();
  if (r.population->people_count() != r.people.accepted) std::abort();
  if (r.population->sentence_count() != r.sentences.accepted) std::abort();
  return 0;
}
