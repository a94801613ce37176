// CSV parsing throughput (MB/s) on an in-memory sentences.csv-like buffer:
// mostly unquoted fields, some quoted descriptions with commas and doubled
// quotes. Run: build/bench/csv_reader_bench
#include <benchmark/benchmark.h>

#include <string>

#include "clemency/io/csv_reader.h"

namespace clemency {
namespace {

std::string MakeSentencesCsv(int rows) {
  std::string s =
      "person_id,sentence_id,offense_code,offense_description,offense_date,sentence_date,"
      "sentence_type,term_days,min_term_days,max_term_days,enhancements,drug_type,drug_grams,"
      "consecutive_to,status,credits_days,projected_release_date,parole_eligibility_date\n";
  for (int i = 0; i < rows; ++i) {
    s += 'P';
    s += std::to_string(1000000 + i);
    s += ",S1,CA:PC 459,";
    s += i % 5 == 0 ? "\"Burglary, first degree \"\"residential\"\"\"" : "Burglary";
    s += ",2015-03-02,2015-09-14,determinate,2190,,,CA:PC 667.5(b)=365,,,,active,120,"
         "2026-08-01,2024-01-01\n";
  }
  return s;
}

void BM_CsvReader(benchmark::State& state) {
  const std::string data = MakeSentencesCsv(static_cast<int>(state.range(0)));
  size_t fields = 0;
  for (auto _ : state) {
    auto reader = CsvReader::FromString(data);
    CsvRecord rec;
    while (reader->Next(rec)) fields += rec.fields.size();
    benchmark::DoNotOptimize(fields);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(data.size()));
}
BENCHMARK(BM_CsvReader)->Arg(200000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clemency

BENCHMARK_MAIN();
