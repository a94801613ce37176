#include "clemency/core/input_schema.h"

#include <algorithm>

namespace clemency {

bool InputColumn::InVocabulary(std::string_view v) const {
  return std::find(vocabulary.begin(), vocabulary.end(), v) != vocabulary.end();
}

std::string InputColumn::VocabularyText() const {
  std::string out;
  for (std::string_view s : vocabulary) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

const InputColumn* FindInputColumn(InputFile file, std::string_view name) {
  for (const InputColumn& c : InputSchema(file))
    if (c.name == name) return &c;
  return nullptr;
}

std::string_view InputFileName(InputFile file) {
  switch (file) {
    case InputFile::kPeople: return "people.csv";
    case InputFile::kSentences: return "sentences.csv";
    case InputFile::kFacilities: return "facilities.csv";
  }
  return "";
}

std::vector<std::string_view> ColumnNames(InputFile file) {
  std::vector<std::string_view> names;
  for (const InputColumn& c : InputSchema(file)) names.push_back(c.name);
  return names;
}

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kText: return "text";
    case ColumnType::kJurisdiction: return "jurisdiction";
    case ColumnType::kDate: return "date";
    case ColumnType::kProjectedDate: return "future date";
    case ColumnType::kCount: return "count";
    case ColumnType::kNumber: return "number";
    case ColumnType::kCode: return "code";
    case ColumnType::kFlag: return "0/1";
    case ColumnType::kList: return "list";
  }
  return "";
}

std::string_view NeedName(Need need) {
  switch (need) {
    case Need::kOptional: return "no";
    case Need::kColumn: return "column";
    case Need::kRequired: return "yes";
  }
  return "";
}

}  // namespace clemency
