// A person's current-law result as reported: the "current_law" object and
// "reforms" list of reasons.jsonl, and the "current law" section of
// `clemency explain`. Each applied reform is shown with its sentence, id,
// title, citation, effective date, effect, the resulting term range, the
// remedy (and the later law that opened it), and every assumption made or
// fact the data could not settle.
#ifndef CLEMENCY_REPORT_CURRENT_LAW_TEXT_H_
#define CLEMENCY_REPORT_CURRENT_LAW_TEXT_H_

#include <cstdint>
#include <string>

#include "clemency/report/reasons_detail.h"
#include "clemency/screen/fact_table.h"

namespace clemency {

// Appends `"current_law":{...},"reforms":[...]` (no leading comma).
// kCompact names each reform applied by id and keeps only the notes this
// person's data raised (the reform's title, citation, effect, remedy text,
// assumptions, dependencies and window are in policy.json once).
void AppendCurrentLawJson(std::string& o, const FactTable& f, uint32_t person, ReasonsDetail detail);

// Readable lines for explain, ending in a newline.
std::string CurrentLawExplanation(const FactTable& f, uint32_t person);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_CURRENT_LAW_TEXT_H_
