// One XML part of a zip archive (an .xlsx workbook's xl/workbook.xml, a
// worksheet), parsed by expat in blocks of 64 KiB, so a large part is never
// whole in memory. A handler receives elements by local name (any namespace
// prefix dropped) and their text; it may Stop() the parse with a message,
// which is reported with the line and column of the element at fault. Parse
// errors read "PART:LINE:COLUMN: malformed XML: what expat says". A part
// larger than 4 GiB uncompressed is an error.
#ifndef CLEMENCY_IO_ZIP_XML_PART_H_
#define CLEMENCY_IO_ZIP_XML_PART_H_

#include <expat.h>
#include <zip.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace clemency::xml {

// "x:row" -> "row".
std::string_view LocalName(const char* name);
// The value of the attribute with this local name (a prefix is ignored), or null.
const char* Attr(const char** atts, std::string_view local);

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const char** atts) = 0;
  virtual void End(std::string_view /*name*/) {}
  virtual void Text(std::string_view /*text*/) {}
  // Ends the parse; the first message is kept.
  void Stop(std::string message);
  bool stopped() const { return !error.empty(); }

  XML_Parser parser = nullptr;  // set by XmlPart
  std::string error;
  uint64_t line = 0, column = 0;
};

class XmlPart {
 public:
  XmlPart(zip_t* zip, std::string name, XmlHandler& handler);
  ~XmlPart();
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  // Opens the part; false (*error set) when the archive has no such part.
  bool Open(std::string* error);
  // Parses the next block; false at the end of the part or on an error (*error set).
  bool Feed(std::string* error);
  // Open and Feed to the end; false on an error.
  bool ParseAll(std::string* error);

 private:
  bool Failed(std::string* error, std::string message);

  zip_t* zip_;
  std::string name_;
  XmlHandler& handler_;
  zip_file_t* file_ = nullptr;
  XML_Parser parser_ = nullptr;
  uint64_t total_ = 0;
  bool done_ = false, failed_ = false;
};

}  // namespace clemency::xml

#endif  // CLEMENCY_IO_ZIP_XML_PART_H_
