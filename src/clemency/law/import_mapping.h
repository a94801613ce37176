// Loads an import mapping (rules/mappings/NAME.toml, docs/import-mappings.md)
// into the model of io/import_transform.h, checking it completely: unknown
// keys, canonical field names, date patterns, value maps (their outputs must
// be in the field's vocabulary), regular expressions and the capture groups
// their outputs use, and that every field the canonical schema requires is
// set. The first problem is reported as "FILE:LINE:COLUMN: message".
#ifndef CLEMENCY_LAW_IMPORT_MAPPING_H_
#define CLEMENCY_LAW_IMPORT_MAPPING_H_

#include <optional>
#include <string>
#include <string_view>

#include "clemency/io/import_transform.h"

namespace clemency {

std::optional<import::ImportMapping> LoadImportMapping(const std::string& path, std::string* error);
// The same from text; name stands for the path in messages.
std::optional<import::ImportMapping> ParseImportMapping(std::string_view text, const std::string& name,
                                                        std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_LAW_IMPORT_MAPPING_H_
