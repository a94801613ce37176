#include "clemency/io/population_snapshot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include "clemency/io/atomic_file.h"
#include "clemency/io/mapped_file.h"
#include "clemency/io/snapshot_access.h"
#include "clemency/io/snapshot_check.h"
#include "clemency/io/snapshot_meta.h"

namespace clemency {
namespace {

constexpr uint32_t kEndianCheck = 0x01020304;
constexpr size_t kAlign = 64;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t endian;
  uint64_t file_size;
  uint32_t section_count;
  uint32_t header_size;
  uint64_t directory_offset;
  char reserved[24];
};
static_assert(sizeof(Header) == 64);

struct Section {
  uint64_t offset;
  uint64_t count;
  uint32_t element_size;
  uint32_t reserved;
};

// The arrays of a snapshot in order: string offsets, string bytes, the
// Population's columns (SnapshotAccess), the load report.
struct Array {
  const void* data;
  uint64_t count;
  uint32_t element_size;
};

std::vector<Array> ArraysOf(const Population& pop, const std::vector<uint64_t>& offsets, const std::string& bytes,
                            const std::string& meta) {
  std::vector<Array> arrays{{offsets.data(), offsets.size(), 8}, {bytes.data(), bytes.size(), 1}};
  SnapshotAccess::ForEachArray(pop, [&](const auto& c) {
    arrays.push_back({c.data(), c.size(), static_cast<uint32_t>(sizeof(c[0]))});
  });
  arrays.push_back({meta.data(), meta.size(), 1});
  return arrays;
}

uint64_t Aligned(uint64_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

}  // namespace

bool SaveSnapshot(const LoadResult& result, Date as_of, const std::string& path, std::string* error) {
  const Population& pop = *result.population;
  std::vector<uint64_t> offsets{0};
  std::string bytes;
  for (size_t i = 0; i < pop.strings.size(); ++i) {
    bytes += pop.str(static_cast<StrId>(i));
    offsets.push_back(bytes.size());
  }
  const std::string meta = SnapshotMetaJson(result, as_of);
  const std::vector<Array> arrays = ArraysOf(pop, offsets, bytes, meta);

  Header h{};
  std::memcpy(h.magic, kSnapshotMagic, 8);
  h.version = kSnapshotVersion;
  h.endian = kEndianCheck;
  h.section_count = static_cast<uint32_t>(arrays.size());
  h.header_size = sizeof(Header);
  h.directory_offset = sizeof(Header);
  std::vector<Section> sections;
  uint64_t at = Aligned(sizeof(Header) + arrays.size() * sizeof(Section));
  for (const Array& a : arrays) {
    sections.push_back({at, a.count, a.element_size, 0});
    at = Aligned(at + a.count * a.element_size);
  }
  h.file_size = at;

  AtomicFile out(path);
  if (!out.ok()) return *error = out.error(), false;
  out.Write({reinterpret_cast<const char*>(&h), sizeof h});
  out.Write({reinterpret_cast<const char*>(sections.data()), sections.size() * sizeof(Section)});
  uint64_t written = sizeof h + sections.size() * sizeof(Section);
  const std::string padding(kAlign, '\0');
  for (size_t i = 0; i < arrays.size(); ++i) {
    out.Write(padding.substr(0, sections[i].offset - written));
    const uint64_t n = arrays[i].count * arrays[i].element_size;
    if (n > 0) out.Write({static_cast<const char*>(arrays[i].data), n});
    written = sections[i].offset + n;
  }
  out.Write(padding.substr(0, h.file_size - written));
  if (!out.Commit()) return *error = out.error(), false;
  return true;
}

bool IsSnapshotFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[8] = {};
  return in.read(magic, 8) && std::memcmp(magic, kSnapshotMagic, 8) == 0;
}

namespace {

// The header and directory of bytes, checked: "" or what is wrong.
std::string ReadDirectory(std::string_view bytes, size_t expected, std::vector<Section>* sections) {
  Header h;
  if (bytes.empty() || std::memcmp(bytes.data(), kSnapshotMagic, std::min<size_t>(bytes.size(), 8)) != 0)
    return "not a clemency snapshot (no CLEMSNAP at its start)";
  if (bytes.size() < sizeof h) return "truncated: shorter than the snapshot header";
  std::memcpy(&h, bytes.data(), sizeof h);
  if (h.endian != kEndianCheck) return "written on a machine of the other byte order";
  if (h.version != kSnapshotVersion)
    return fmt::format("snapshot format version {}, but this clemency reads version {}: save it again", h.version,
                       kSnapshotVersion);
  if (h.file_size != bytes.size())
    return fmt::format("truncated or extended: the header gives {} bytes, the file has {}", h.file_size,
                       bytes.size());
  if (h.section_count != expected || h.header_size != sizeof h || h.directory_offset != sizeof h)
    return "the header's section count or directory offset is wrong";
  if (h.directory_offset + expected * sizeof(Section) > bytes.size()) return "truncated in the directory";
  sections->resize(expected);
  std::memcpy(sections->data(), bytes.data() + h.directory_offset, expected * sizeof(Section));
  for (size_t i = 0; i < expected; ++i) {
    const Section& s = (*sections)[i];
    const bool fits = s.offset % kAlign == 0 && s.offset <= bytes.size() && s.element_size > 0 &&
                      s.count <= (bytes.size() - s.offset) / s.element_size;
    if (!fits) return fmt::format("section {} lies outside the file", i);
  }
  return "";
}

// Points the columns of pop at their sections; "" or what is wrong.
std::string ViewColumns(std::string_view bytes, const std::vector<Section>& sections, Population& pop) {
  size_t i = 2;  // after the string pool
  std::string error;
  SnapshotAccess::ForEachArray(pop, [&](auto& c) {
    using T = std::remove_cvref_t<decltype(c[0])>;
    const Section& s = sections[i++];
    if (s.element_size != sizeof(T)) {
      if (error.empty())
        error = fmt::format("section {} has elements of {} bytes, not {}", i - 1, s.element_size, sizeof(T));
      return;
    }
    c = PopulationColumn<T>::View(reinterpret_cast<const T*>(bytes.data() + s.offset), s.count);
  });
  return error;
}

size_t SectionCount() {
  size_t n = 3;  // string offsets, string bytes, load report
  Population empty;
  SnapshotAccess::ForEachArray(empty, [&n](const auto&) { ++n; });
  return n;
}

std::string OpenMapped(std::string_view bytes, OpenedSnapshot* out) {
  static const size_t kSections = SectionCount();
  std::vector<Section> sections;
  if (std::string e = ReadDirectory(bytes, kSections, &sections); !e.empty()) return e;
  const Section& offsets = sections[0];
  const Section& chars = sections[1];
  if (offsets.element_size != 8 || chars.element_size != 1 || offsets.count == 0 || offsets.count > UINT32_MAX)
    return "the string pool's sections are malformed";
  const auto* offset_data = reinterpret_cast<const uint64_t*>(bytes.data() + offsets.offset);
  if (std::string e = CheckStringOffsets({offset_data, offsets.count}, chars.count); !e.empty()) return e;
  Population pop;
  pop.strings = StringPool::Mapped(offset_data, offsets.count - 1, bytes.data() + chars.offset);
  if (std::string e = ViewColumns(bytes, sections, pop); !e.empty()) return e;
  if (std::string e = CheckSnapshotPopulation(pop); !e.empty()) return e;
  const Section& meta = sections.back();
  std::string error;
  if (!ReadSnapshotMeta(bytes.substr(meta.offset, meta.count), &out->load, &out->as_of, &error)) return error;
  out->load.population = std::move(pop);
  return "";
}

}  // namespace

bool OpenSnapshot(const std::string& path, OpenedSnapshot* out, std::string* error) {
  std::shared_ptr<const MappedFile> file = MappedFile::Open(path, error);
  if (!file) return false;
  *out = OpenedSnapshot{};
  if (std::string e = OpenMapped(file->bytes(), out); !e.empty()) {
    *out = OpenedSnapshot{};
    *error = path + ": " + e;
    return false;
  }
  SnapshotAccess::KeepAlive(*out->load.population, std::move(file));
  return true;
}

}  // namespace clemency
