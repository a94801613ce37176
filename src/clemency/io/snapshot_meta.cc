#include "clemency/io/snapshot_meta.h"

#include <nlohmann/json.hpp>

namespace clemency {
namespace {

using Json = nlohmann::json;

Json FileJson(const FileCounts& f) {
  return {{"file", f.file}, {"present", f.present}, {"rows_read", f.rows_read}, {"accepted", f.accepted},
          {"rejected", f.rejected}, {"bytes", f.bytes}, {"sha256", f.sha256}};
}

void ReadFile(const Json& j, FileCounts& f) {
  j.at("file").get_to(f.file);
  j.at("present").get_to(f.present);
  j.at("rows_read").get_to(f.rows_read);
  j.at("accepted").get_to(f.accepted);
  j.at("rejected").get_to(f.rejected);
  j.at("bytes").get_to(f.bytes);
  j.at("sha256").get_to(f.sha256);
}

Json ProblemJson(const Problem& p) {
  return Json::array({p.severity == Severity::kError ? "error" : "warning", p.code, p.file, p.line, p.byte_column,
                      p.column, p.value, p.message});
}

Problem ReadProblem(const Json& j) {
  Problem p;
  p.severity = j.at(0).get<std::string>() == "error" ? Severity::kError : Severity::kWarning;
  j.at(1).get_to(p.code);
  j.at(2).get_to(p.file);
  j.at(3).get_to(p.line);
  j.at(4).get_to(p.byte_column);
  j.at(5).get_to(p.column);
  j.at(6).get_to(p.value);
  j.at(7).get_to(p.message);
  return p;
}

}  // namespace

std::string SnapshotMetaJson(const LoadResult& r, Date as_of) {
  Json problems = Json::array(), rejected = Json::array();
  for (const Problem& p : r.problems) problems.push_back(ProblemJson(p));
  for (const RejectedRow& row : r.rejected) rejected.push_back(Json::array({row.file, row.line, row.reason, row.record}));
  const Json j = {{"as_of", as_of.ToString()},
                  {"files", Json::array({FileJson(r.people), FileJson(r.sentences), FileJson(r.facilities)})},
                  {"error_count", r.error_count},
                  {"warning_count", r.warning_count},
                  {"count_by_code", r.count_by_code},
                  {"unlisted_warnings", r.unlisted_warnings},
                  {"problems", problems},
                  {"rejected", rejected}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool ReadSnapshotMeta(std::string_view text, LoadResult* r, Date* as_of, std::string* error) {
  try {
    const Json j = Json::parse(text);
    const DateParseResult date = ParseDate(j.at("as_of").get<std::string>());
    if (!date.ok()) throw std::runtime_error("bad as_of");
    *as_of = date.date;
    const Json& files = j.at("files");
    ReadFile(files.at(0), r->people);
    ReadFile(files.at(1), r->sentences);
    ReadFile(files.at(2), r->facilities);
    j.at("error_count").get_to(r->error_count);
    j.at("warning_count").get_to(r->warning_count);
    j.at("count_by_code").get_to(r->count_by_code);
    j.at("unlisted_warnings").get_to(r->unlisted_warnings);
    for (const Json& p : j.at("problems")) r->problems.push_back(ReadProblem(p));
    for (const Json& row : j.at("rejected"))
      r->rejected.push_back({row.at(0).get<std::string>(), row.at(1).get<uint64_t>(), row.at(2).get<std::string>(),
                             row.at(3).get<std::string>()});
    return true;
  } catch (const std::exception& e) {
    *error = std::string("its load report is damaged (") + e.what() + ")";
    return false;
  }
}

}  // namespace clemency
