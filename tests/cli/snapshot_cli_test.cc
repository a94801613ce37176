// Issue 12: a snapshot of a loaded population (`--save FILE`, io/population_snapshot.h)
// holds every column and string of the folder it was loaded from; commands
// given it as --data write the same outputs as from the folder; a foreign,
// stale, truncated or damaged file is refused with a message naming the file
// and what is wrong (exit 3); the file is private (mode 0600).
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "clemency/io/population_snapshot.h"
#include "clemency/io/snapshot_access.h"
#include "support/run_clemency.h"

namespace clemency {
namespace {

namespace fs = std::filesystem;
using testing_support::CommandRun;
using testing_support::RunClemency;
using testing_support::Slurp;

const std::string kRules = CLEMENCY_TEST_DATA "/../../rules";

class Snapshot : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("snapshot_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  CommandRun Clemency(const std::string& args) { return RunClemency(args, dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // A synthetic population in DIR "synth", saved by validate as "synth.snap".
  void SynthAndSave() {
    const CommandRun s = Clemency("synth --jurisdiction CA --people 3000 --seed 5 --as-of 2025-06-30 -o " + Path("synth"));
    ASSERT_EQ(s.exit_code, 0) << s.err;
    const CommandRun v = Clemency("validate " + Path("synth") + " --as-of 2025-06-30 --save " + Path("synth.snap"));
    ASSERT_EQ(v.exit_code, 0) << v.err;
  }

  fs::path dir_;
};

// Every array (SnapshotAccess's order) and every string equal, and the load report.
void ExpectSamePopulation(const LoadResult& a, const LoadResult& b) {
  const Population& x = *a.population;
  const Population& y = *b.population;
  ASSERT_EQ(x.strings.size(), y.strings.size());
  for (StrId i = 0; i < x.strings.size(); ++i) ASSERT_EQ(x.str(i), y.str(i)) << i;
  std::vector<std::string> xs, ys;
  auto bytes = [](std::vector<std::string>& out) {
    return [&out](const auto& c) {
      out.emplace_back(reinterpret_cast<const char*>(c.data()), c.size() * sizeof(c[0]));
    };
  };
  SnapshotAccess::ForEachArray(x, bytes(xs));
  SnapshotAccess::ForEachArray(y, bytes(ys));
  ASSERT_EQ(xs.size(), ys.size());
  for (size_t i = 0; i < xs.size(); ++i) EXPECT_TRUE(xs[i] == ys[i]) << "array " << i;
  EXPECT_TRUE(y.people.id.mapped());
  EXPECT_GT(x.people_count(), 0u);
  for (auto [f, g] : {std::pair{&a.people, &b.people}, {&a.sentences, &b.sentences}, {&a.facilities, &b.facilities}}) {
    EXPECT_EQ(f->file, g->file);
    EXPECT_EQ(f->sha256, g->sha256);
    EXPECT_EQ(f->bytes, g->bytes);
    EXPECT_EQ(f->rows_read, g->rows_read);
    EXPECT_EQ(f->accepted, g->accepted);
  }
  EXPECT_EQ(a.error_count, b.error_count);
  EXPECT_EQ(a.warning_count, b.warning_count);
  EXPECT_EQ(a.count_by_code, b.count_by_code);
  ASSERT_EQ(a.problems.size(), b.problems.size());
  for (size_t i = 0; i < a.problems.size(); ++i) EXPECT_EQ(a.problems[i].Format(), b.problems[i].Format());
  // Find works on the mapped pool.
  EXPECT_EQ(y.FindPerson(x.str(x.people.id[x.people_count() - 1])), x.people_count() - 1);
}

void ExpectRoundTrip(const std::string& folder, const std::string& snapshot, const char* as_of) {
  LoadOptions options;
  options.as_of = ParseDate(as_of).date;
  const LoadResult loaded = LoadPopulation(folder, options);
  ASSERT_TRUE(loaded.population);
  OpenedSnapshot opened;
  std::string error;
  ASSERT_TRUE(OpenSnapshot(snapshot, &opened, &error)) << error;
  EXPECT_EQ(opened.as_of.ToString(), as_of);
  ExpectSamePopulation(loaded, opened.load);
}

TEST_F(Snapshot, IowaImportSavesEveryColumnAndString) {
  const CommandRun r = Clemency("import --mapping " + kRules + "/mappings/iowa-doc.toml " + CLEMENCY_TEST_DATA +
                                "/iowa/sample.csv -o " + Path("iowa") + " --on-error quarantine --as-of 2021-12-13 --save " +
                                Path("iowa.snap"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectRoundTrip(Path("iowa"), Path("iowa.snap"), "2021-12-13");
}

TEST_F(Snapshot, SyntheticPopulationSavesEveryColumnAndString) {
  SynthAndSave();
  ExpectRoundTrip(Path("synth"), Path("synth.snap"), "2025-06-30");
}

TEST_F(Snapshot, IsPrivate) {
  SynthAndSave();
  struct stat st {};
  ASSERT_EQ(stat(Path("synth.snap").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(Snapshot, ScreenAndExplainOnTheSnapshotMatchTheFolder) {
  SynthAndSave();
  const std::string common = " --policy redemption-2020 --as-of 2025-06-30 -o ";
  const CommandRun a = Clemency("screen --data " + Path("synth") + common + Path("from-folder"));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const CommandRun b = Clemency("screen --data " + Path("synth.snap") + common + Path("from-snapshot"));
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.err, b.err);
  for (const char* file : {"screening.csv", "reasons.jsonl", "summary.json"})
    EXPECT_TRUE(Slurp(dir_ / "from-folder" / file) == Slurp(dir_ / "from-snapshot" / file)) << file;
  const std::string person = " --policy redemption-2020 --as-of 2025-06-30 --person P0000042";
  const CommandRun c = Clemency("explain --data " + Path("synth") + person);
  const CommandRun d = Clemency("explain --data " + Path("synth.snap") + person);
  EXPECT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out, d.out);
  const CommandRun nobody =
      Clemency("explain --data " + Path("synth.snap") + " --policy redemption-2020 --as-of 2025-06-30 --person P9999999");
  EXPECT_EQ(nobody.exit_code, 2);
  EXPECT_NE(nobody.err.find("no such person in " + Path("synth.snap") + ":people.csv"), std::string::npos) << nobody.err;
}

TEST_F(Snapshot, ValidateReadsItAndAnEarlierAsOfIsRefused) {
  SynthAndSave();
  const CommandRun v = Clemency("validate " + Path("synth.snap") + " --as-of 2025-06-30");
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_NE(v.out.find("people.csv"), std::string::npos);
  const CommandRun early = Clemency("validate " + Path("synth.snap") + " --as-of 2025-01-01");
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_NE(early.err.find("checked as of 2025-06-30, after --as-of 2025-01-01"), std::string::npos) << early.err;
}

// Writes bytes as NAME and returns what `clemency screen --data NAME` says.
class Refused : public Snapshot {
 protected:
  std::string Original() {
    SynthAndSave();
    return Slurp(dir_ / "synth.snap");
  }
  void ExpectRefused(const std::string& bytes, const std::string& why) {
    {
      std::ofstream out(dir_ / "bad.snap", std::ios::binary | std::ios::trunc);
      out << bytes;
    }
    const CommandRun r = Clemency("screen --data " + Path("bad.snap") + " --policy redemption-2020 --as-of 2025-06-30 -o " +
                                  Path("out"));
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("--data " + Path("bad.snap") + ": " + why), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "screening.csv"));
  }
  // The directory entry of section i: {offset, count, element size}.
  static size_t Entry(size_t i) { return 64 + i * 24; }
};

TEST_F(Refused, AForeignFile) {
  ExpectRefused("person_id,jurisdiction\n", "not a clemency snapshot (no CLEMSNAP at its start)");
  ExpectRefused("", "not a clemency snapshot");
}

TEST_F(Refused, AnotherVersion) {
  std::string s = Original();
  const uint32_t version = 99;
  std::memcpy(s.data() + 8, &version, 4);
  ExpectRefused(s, "snapshot format version 99, but this clemency reads version 1: save it again");
}

TEST_F(Refused, AnotherByteOrder) {
  std::string s = Original();
  const uint32_t swapped = 0x04030201;
  std::memcpy(s.data() + 12, &swapped, 4);
  ExpectRefused(s, "written on a machine of the other byte order");
}

TEST_F(Refused, TruncatedAtSeveralPoints) {
  const std::string s = Original();
  ExpectRefused(s.substr(0, 5), "truncated: shorter than the snapshot header");
  ExpectRefused(s.substr(0, 40), "truncated: shorter than the snapshot header");
  for (size_t at : {size_t{64}, size_t{300}, s.size() / 2, s.size() - 1})
    ExpectRefused(s.substr(0, at), "truncated or extended: the header gives " + std::to_string(s.size()) +
                                       " bytes, the file has " + std::to_string(at));
}

TEST_F(Refused, ASectionOutsideTheFile) {
  std::string s = Original();
  const uint64_t far = uint64_t{1} << 40;
  std::memcpy(s.data() + Entry(5), &far, 8);
  ExpectRefused(s, "section 5 lies outside the file");
  s = Original();
  const uint64_t huge_count = s.size();
  std::memcpy(s.data() + Entry(3) + 8, &huge_count, 8);
  ExpectRefused(s, "section 3 lies outside the file");
}

TEST_F(Refused, IdsAndOffsetsOutOfRange) {
  const std::string original = Original();
  auto patch_u32 = [&](size_t section, size_t index, uint32_t value) {
    std::string s = original;
    uint64_t offset;
    std::memcpy(&offset, s.data() + Entry(section), 8);
    std::memcpy(s.data() + offset + index * 4, &value, 4);
    return s;
  };
  ExpectRefused(patch_u32(2, 7, 0x7FFFFFFF), "person_id out of range");  // people.id
  ExpectRefused(patch_u32(14, 3, 5000000), "sentences are not grouped by person");  // sentences.person
  std::string s = original;
  uint64_t offsets;
  std::memcpy(&offsets, s.data() + Entry(0), 8);
  const uint64_t past_end = uint64_t{1} << 33;
  std::memcpy(s.data() + offsets + 8 * 10, &past_end, 8);
  ExpectRefused(s, "string offsets decrease");
}

}  // namespace
}  // namespace clemency
