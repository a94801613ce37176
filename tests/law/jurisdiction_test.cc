#include "clemency/law/jurisdiction.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace clemency {
namespace {

const std::string kRules = CLEMENCY_TEST_DATA "/../../rules";

// Every jurisdiction file, by code.
const std::map<std::string, JurisdictionFacts>& All() {
  static const std::map<std::string, JurisdictionFacts> all = [] {
    std::map<std::string, JurisdictionFacts> m;
    for (std::string_view code : kJurisdictionCodes) {
      std::string error;
      auto f = JurisdictionFacts::LoadCode(code, &error, kRules);
      if (!f) throw std::runtime_error(error);
      m.emplace(std::string(code), std::move(*f));
    }
    return m;
  }();
  return all;
}

const JurisdictionFacts& Get(const std::string& code) { return All().at(code); }

std::set<std::string> CodesWhere(bool (*pred)(const JurisdictionFacts&)) {
  std::set<std::string> out;
  for (const auto& [code, f] : All())
    if (pred(f)) out.insert(code);
  return out;
}

std::map<std::string, int> Tally(std::string (*field)(const JurisdictionFacts&)) {
  std::map<std::string, int> out;
  for (const auto& [code, f] : All()) ++out[field(f)];
  return out;
}

bool IsState(const std::string& code) { return code != "DC" && code != "US"; }

// Writes text to NAME in a directory unique to this test and loads it; returns
// the error (the load must fail) with the path replaced by FILE.
std::string LoadError(const std::string& text, const std::string& name = "TX.toml") {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const auto dir = std::filesystem::temp_directory_path() /
                   ("clemency-jurisdiction-test-" +
                    std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                    info->test_suite_name() + "-" + info->name());
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  {
    std::ofstream out(path);
    out << text;
  }
  std::string error;
  const auto f = JurisdictionFacts::Load(path.string(), &error);
  std::filesystem::remove_all(dir);
  EXPECT_FALSE(f.has_value());
  // The message starts with the file's path; tests compare the rest.
  if (error.rfind(path.string(), 0) == 0) error.replace(0, path.string().size(), "FILE");
  return error;
}

// A valid file; the error tests each change one thing. Line numbers:
// 2 [jurisdiction], 3 code, 5 sources, 7 [clemency], 8 authority, 9 holder,
// 14 [voting].
const std::string kHead =
    "# test\n"
    "[jurisdiction]\n"
    "code = \"TX\"\n"
    "name = \"Texas\"\n";
const std::string kSources = "sources = [\"A source\"]\n";
const std::string kClemency =
    "\n"
    "[clemency]\n"
    "authority = \"executive_needs_board_consent\"\n"
    "holder = \"Governor\"\n"
    "commutes_prison_sentences = true\n"
    "confidence = \"secondary\"\n"
    "citation = \"Tex. Const. art. IV §11\"\n";
const std::string kVoting =
    "\n"
    "[voting]\n"
    "restoration = \"after_sentence\"\n"
    "confidence = \"secondary\"\n"
    "citation = \"NCSL\"\n";

TEST(jurisdiction, MinimalFileLoads) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("clemency-jurisdiction-test-" +
                    std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                    "-MinimalFileLoads");
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "TX.toml");
    out << kHead << kSources << kClemency << kVoting;
  }
  std::string error;
  const auto f = JurisdictionFacts::Load((dir / "TX.toml").string(), &error);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(f.has_value()) << error;
  EXPECT_EQ(f->code, "TX");
  EXPECT_EQ(f->clemency.authority, "executive_needs_board_consent");
  EXPECT_EQ(f->clemency.board, "");
  EXPECT_EQ(f->voting.restoration, "after_sentence");
  EXPECT_EQ(f->voting.notes, "");
  EXPECT_FALSE(f->cost.has_value());
}

TEST(jurisdiction, All52FilesLoadAndNoOthers) {
  EXPECT_EQ(All().size(), 52u);
  std::set<std::string> states;
  for (const auto& [code, f] : All()) {
    EXPECT_EQ(f.code, code);
    if (IsState(code)) states.insert(code);
  }
  EXPECT_EQ(states.size(), 50u);
  EXPECT_EQ(All().count("DC"), 1u);
  EXPECT_EQ(All().count("US"), 1u);

  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::directory_iterator(kRules + "/jurisdictions")) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(entry.is_regular_file()) << name;
    EXPECT_EQ(entry.path().extension(), ".toml") << name;
    EXPECT_EQ(All().count(entry.path().stem().string()), 1u) << "unexpected file " << name;
    on_disk.insert(entry.path().stem().string());
  }
  EXPECT_EQ(on_disk.size(), 52u);
}

TEST(jurisdiction, EveryFileIsComplete) {
  for (const auto& [code, f] : All()) {
    SCOPED_TRACE(code);
    EXPECT_FALSE(f.name.empty());
    ASSERT_FALSE(f.sources.empty());
    for (const std::string& s : f.sources) EXPECT_FALSE(s.empty());
    EXPECT_FALSE(f.clemency.holder.empty());
    EXPECT_FALSE(f.clemency.citation.empty());
    EXPECT_FALSE(f.voting.citation.empty());
    for (const std::string* conf : {&f.clemency.confidence, &f.voting.confidence}) {
      EXPECT_NE(std::find(std::begin(kFactConfidences), std::end(kFactConfidences), *conf),
                std::end(kFactConfidences))
          << *conf;
    }
    if (f.cost) {
      EXPECT_NE(std::find(std::begin(kFactConfidences), std::end(kFactConfidences), f.cost->confidence),
                std::end(kFactConfidences));
      EXPECT_FALSE(f.cost->citation.empty());
    }
    // An unconfirmed table says so in its notes.
    if (f.clemency.confidence == "unconfirmed") {
      EXPECT_NE(f.clemency.notes.find("nconfirmed"), std::string::npos);
    }
    if (f.voting.confidence == "unconfirmed") {
      EXPECT_NE(f.voting.notes.find("nconfirmed"), std::string::npos);
    }
    // CCRC category comment and the citation agree: every clemency citation names CCRC.
    EXPECT_NE(f.clemency.citation.find("CCRC"), std::string::npos);
  }
}

TEST(jurisdiction, ClemencyTalliesMatchCcrc) {
  const auto tally = Tally([](const JurisdictionFacts& f) { return f.clemency.authority; });
  EXPECT_EQ(tally.at("board_alone"), 6);
  EXPECT_EQ(tally.at("executive_on_board"), 4);
  EXPECT_EQ(tally.at("executive_needs_board_consent"), 10);
  EXPECT_EQ(tally.at("executive_must_consult_board"), 8);
  EXPECT_EQ(tally.at("executive_may_consult_board"), 19);
  EXPECT_EQ(tally.at("executive_alone"), 5);  // 3 states + DC + US
  EXPECT_EQ(tally.size(), 6u);

  EXPECT_EQ(CodesWhere([](const JurisdictionFacts& f) { return f.clemency.authority == "board_alone"; }),
            (std::set<std::string>{"AL", "CT", "GA", "ID", "SC", "UT"}));
  EXPECT_EQ(CodesWhere([](const JurisdictionFacts& f) {
              return f.clemency.authority == "executive_needs_board_consent";
            }),
            (std::set<std::string>{"AZ", "DE", "LA", "MA", "NH", "OK", "PA", "RI", "SD", "TX"}));
  EXPECT_EQ(CodesWhere([](const JurisdictionFacts& f) { return f.clemency.authority == "executive_on_board"; }),
            (std::set<std::string>{"FL", "MN", "NE", "NV"}));
  EXPECT_EQ(CodesWhere([](const JurisdictionFacts& f) { return f.clemency.authority == "executive_alone"; }),
            (std::set<std::string>{"ME", "OR", "WI", "DC", "US"}));
}

TEST(jurisdiction, VotingTalliesMatchNcsl) {
  const auto tally = Tally([](const JurisdictionFacts& f) { return f.voting.restoration; });
  EXPECT_EQ(tally.at("never_lost"), 3);
  EXPECT_EQ(tally.at("on_release"), 23);
  EXPECT_EQ(tally.at("after_sentence"), 15);
  EXPECT_EQ(tally.at("indefinite_or_application"), 10);
  EXPECT_EQ(tally.at("state_of_residence"), 1);
  EXPECT_EQ(tally.size(), 5u);
  EXPECT_EQ(CodesWhere([](const JurisdictionFacts& f) { return f.voting.restoration == "never_lost"; }),
            (std::set<std::string>{"DC", "ME", "VT"}));
  EXPECT_EQ(CodesWhere([](const JurisdictionFacts& f) {
              return f.voting.restoration == "indefinite_or_application";
            }),
            (std::set<std::string>{"AL", "AZ", "DE", "FL", "IA", "KY", "MS", "TN", "VA", "WY"}));
  EXPECT_EQ(Get("US").voting.restoration, "state_of_residence");
}

TEST(jurisdiction, SpecificFacts) {
  const auto& ok = Get("OK");
  EXPECT_EQ(ok.clemency.authority, "executive_needs_board_consent");
  EXPECT_NE(ok.clemency.citation.find("Okla. Const. art. VI §10"), std::string::npos);
  EXPECT_EQ(ok.clemency.board, "Pardon and Parole Board");

  const auto& pa = Get("PA");
  EXPECT_NE(pa.clemency.notes.find("unanimous"), std::string::npos);
  EXPECT_NE(pa.clemency.notes.find("death or life"), std::string::npos);
  EXPECT_NE(pa.clemency.citation.find("Pa. Const. art. IV §9"), std::string::npos);

  const auto& al = Get("AL");
  EXPECT_FALSE(al.clemency.commutes_prison_sentences);
  EXPECT_EQ(al.clemency.holder, "Board of Pardons and Paroles");
  // Alabama is the only jurisdiction with no route to commute a prison sentence.
  EXPECT_EQ(CodesWhere([](const JurisdictionFacts& f) { return !f.clemency.commutes_prison_sentences; }),
            (std::set<std::string>{"AL"}));

  const auto& ia = Get("IA");
  EXPECT_EQ(ia.clemency.authority, "executive_may_consult_board");
  EXPECT_EQ(ia.voting.restoration, "indefinite_or_application");

  const auto& ca = Get("CA");
  ASSERT_TRUE(ca.cost.has_value());
  EXPECT_EQ(ca.cost->per_prisoner_year_usd, 132860);
  EXPECT_EQ(ca.cost->year, "2023-24");
  EXPECT_NE(ca.clemency.notes.find("Supreme Court"), std::string::npos);
  EXPECT_EQ(ca.clemency.board, "Board of Parole Hearings");

  EXPECT_NE(Get("MN").clemency.notes.find("2023"), std::string::npos);
  EXPECT_EQ(Get("DC").clemency.holder, "President");
  EXPECT_EQ(Get("US").clemency.holder, "President");
  EXPECT_NE(Get("US").clemency.notes.find("Office of the Pardon Attorney"), std::string::npos);

  // Costs only where domain.md A8 gives a state figure.
  EXPECT_EQ(CodesWhere([](const JurisdictionFacts& f) { return f.cost.has_value(); }),
            (std::set<std::string>{"AL", "CA", "NY"}));
  EXPECT_EQ(Get("AL").cost->per_prisoner_year_usd, 14780);
  EXPECT_EQ(Get("NY").cost->per_prisoner_year_usd, 69355);
}

TEST(jurisdiction, Descriptions) {
  std::set<std::string_view> seen;
  for (std::string_view a : kClemencyAuthorities) {
    EXPECT_FALSE(DescribeAuthority(a).empty()) << a;
    EXPECT_TRUE(seen.insert(DescribeAuthority(a)).second) << a;
  }
  for (std::string_view r : kVoteRestorations) {
    EXPECT_FALSE(DescribeRestoration(r).empty()) << r;
    EXPECT_TRUE(seen.insert(DescribeRestoration(r)).second) << r;
  }
  EXPECT_EQ(DescribeAuthority("governor"), "");
  EXPECT_EQ(DescribeRestoration("on_parole"), "");
  EXPECT_NE(DescribeAuthority("executive_needs_board_consent").find("favourable"), std::string::npos);
}

TEST(jurisdiction, LoadCodeRejectsUnknownCode) {
  std::string error;
  EXPECT_FALSE(JurisdictionFacts::LoadCode("XX", &error, kRules).has_value());
  EXPECT_NE(error.find("no jurisdiction file for XX"), std::string::npos) << error;
  EXPECT_EQ(JurisdictionFacts::PathFor("CA", "/r"), "/r/jurisdictions/CA.toml");
}

TEST(jurisdiction_errors, UnknownAuthorityListsTheAllowedValues) {
  std::string clemency = kClemency;
  clemency.replace(clemency.find("executive_needs_board_consent"), 29, "governor");
  const std::string error = LoadError(kHead + kSources + clemency + kVoting);
  EXPECT_EQ(error, "FILE:8:13: [clemency] authority \"governor\" is not one of: executive_alone, "
                          "executive_may_consult_board, executive_must_consult_board, "
                          "executive_needs_board_consent, executive_on_board, board_alone");
}

TEST(jurisdiction_errors, MissingVoting) {
  const std::string error = LoadError(kHead + kSources + kClemency);
  EXPECT_EQ(error, "FILE:1:1: no [voting] table");
}

TEST(jurisdiction_errors, CodeMustMatchFileName) {
  const std::string error = LoadError(kHead + kSources + kClemency + kVoting, "CA.toml");
  EXPECT_EQ(error, "FILE:3:8: [jurisdiction] code \"TX\" does not match the file name "
                          "\"CA.toml\" (expected TX.toml)");
}

TEST(jurisdiction_errors, UnknownKey) {
  std::string clemency = kClemency;
  clemency.insert(clemency.find("holder"), "governor_alone = true\n");
  const std::string error = LoadError(kHead + kSources + clemency + kVoting);
  EXPECT_EQ(error, "FILE:9:1: unknown key \"governor_alone\" in [clemency] (expected one of: "
                          "authority, holder, board, commutes_prison_sentences, notes, "
                          "confidence, citation)");
}

TEST(jurisdiction_errors, MissingOrEmptySources) {
  std::string error = LoadError(kHead + kClemency + kVoting);
  EXPECT_EQ(error, "FILE:2:1: [jurisdiction] has no \"sources\" (every file names its sources)");
  error = LoadError(kHead + "sources = []\n" + kClemency + kVoting);
  EXPECT_EQ(error, "FILE:5:11: [jurisdiction] \"sources\" must list at least one source");
}

TEST(jurisdiction_errors, OtherChecks) {
  // Code outside the 52.
  std::string head = kHead;
  head.replace(head.find("\"TX\""), 4, "\"PR\"");
  EXPECT_EQ(LoadError(head + kSources + kClemency + kVoting, "PR.toml").rfind("FILE:3:8: [jurisdiction] code \"PR\" is not one of: AK, AL,", 0), 0u);
  // Confidence outside the vocabulary.
  std::string voting = kVoting;
  voting.replace(voting.find("\"secondary\""), 11, "\"likely\"");
  EXPECT_EQ(LoadError(kHead + kSources + kClemency + voting),
            "FILE:16:14: [voting] confidence \"likely\" is not one of: primary, secondary, unconfirmed");
  // commutes_prison_sentences is required and boolean.
  std::string clemency = kClemency;
  clemency.replace(clemency.find("true"), 4, "\"no\"");
  EXPECT_EQ(LoadError(kHead + kSources + clemency + kVoting),
            "FILE:10:29: [clemency] \"commutes_prison_sentences\" must be true or false");
  // A negative cost.
  EXPECT_NE(LoadError(kHead + kSources + kClemency + kVoting +
                          "[cost]\nper_prisoner_year_usd = -5\nyear = \"2020\"\nconfidence = \"primary\"\ncitation = \"x\"\n")
                .find("FILE:19:25: \"per_prisoner_year_usd\" must be a number between"),
            std::string::npos);
}

}  // namespace
}  // namespace clemency
