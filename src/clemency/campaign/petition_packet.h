// A petition packet: one printable HTML page per candidate for the lawyer who
// takes the case (docs/cases.md). From the screening folder that named them:
// the person's row of screening.csv (time served, age, current-law term and
// excess), their reasons.jsonl line joined with policy.json (each ground
// met, with its text, the values used and its citation; the current-law
// analysis with every reform's title, citation, effect and remedy), and their
// sentences from DATA/sentences.csv (the population folder screened), used
// only when its SHA-256 is the one the screening's manifest recorded. From the database: the case's
// history. The fields a lawyer fills in are boxes marked "To be completed by
// counsel" (class "fill"). The page makes no request (a Content-Security-
// Policy forbids any) and has a print stylesheet.
#ifndef CLEMENCY_CAMPAIGN_PETITION_PACKET_H_
#define CLEMENCY_CAMPAIGN_PETITION_PACKET_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clemency/campaign/case_events.h"

namespace clemency {

// The parts of a screening folder packets are written from, for some people.
class PacketSource {
 public:
  // Reads DIR's screening.csv rows and reasons.jsonl lines for `people`,
  // policy.json and summary.json, and the people's rows of
  // data_dir/sentences.csv (data_dir "": none); nullopt with *error.
  static std::optional<PacketSource> Open(const std::string& dir, const std::string& data_dir,
                                          const std::set<std::string>& people, std::string* error);
  bool Has(const std::string& person) const { return rows_.count(person) > 0; }
  // The page; the person must be Has().
  std::string Html(const std::string& person, const std::vector<CaseEvent>& history) const;

 private:
  std::string dir_;
  std::map<std::string, std::map<std::string, std::string>> rows_;  // person -> column -> value
  std::map<std::string, std::string> reasons_;                      // person -> reasons.jsonl line
  std::map<std::string, std::vector<std::map<std::string, std::string>>> sentences_;
  std::string sentences_note_;  // why sentences are missing, when they are
  std::string policy_json_, summary_json_;
};

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_PETITION_PACKET_H_
