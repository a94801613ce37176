#include "clemency/io/zip_xml_part.h"

#include <fmt/format.h>

namespace clemency::xml {
namespace {

constexpr size_t kBlock = 64 * 1024;
constexpr uint64_t kMaxPartBytes = 1ull << 32;

void XMLCALL OnStart(void* h, const XML_Char* name, const XML_Char** atts) {
  auto* handler = static_cast<XmlHandler*>(h);
  if (!handler->stopped()) handler->Start(LocalName(name), atts);
}
void XMLCALL OnEnd(void* h, const XML_Char* name) {
  auto* handler = static_cast<XmlHandler*>(h);
  if (!handler->stopped()) handler->End(LocalName(name));
}
void XMLCALL OnText(void* h, const XML_Char* s, int len) {
  auto* handler = static_cast<XmlHandler*>(h);
  if (!handler->stopped()) handler->Text(std::string_view(s, static_cast<size_t>(len)));
}

}  // namespace

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  const size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attr(const char** atts, std::string_view local) {
  for (size_t i = 0; atts[i] != nullptr; i += 2)
    if (LocalName(atts[i]) == local) return atts[i + 1];
  return nullptr;
}

void XmlHandler::Stop(std::string message) {
  if (!error.empty()) return;
  error = std::move(message);
  line = XML_GetCurrentLineNumber(parser);  // the start of the element at fault
  column = XML_GetCurrentColumnNumber(parser) + 1;
  XML_StopParser(parser, XML_FALSE);
}

XmlPart::XmlPart(zip_t* zip, std::string name, XmlHandler& handler)
    : zip_(zip), name_(std::move(name)), handler_(handler) {}

XmlPart::~XmlPart() {
  if (file_ != nullptr) zip_fclose(file_);
  if (parser_ != nullptr) XML_ParserFree(parser_);
}

bool XmlPart::Open(std::string* error) {
  file_ = zip_fopen(zip_, name_.c_str(), 0);
  if (file_ == nullptr) return Failed(error, fmt::format("no part {} in the archive", name_));
  parser_ = XML_ParserCreate("UTF-8");
  if (parser_ == nullptr) return Failed(error, "out of memory");
  handler_.parser = parser_;
  XML_SetUserData(parser_, &handler_);
  XML_SetElementHandler(parser_, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser_, OnText);
  return true;
}

bool XmlPart::Feed(std::string* error) {
  if (done_) return false;
  char buf[kBlock];
  const zip_int64_t n = zip_fread(file_, buf, sizeof buf);
  if (n < 0) return Failed(error, fmt::format("{}: cannot be read: {}", name_, zip_file_strerror(file_)));
  total_ += static_cast<uint64_t>(n);
  if (total_ > kMaxPartBytes) return Failed(error, fmt::format("{}: larger than {} bytes", name_, kMaxPartBytes));
  done_ = n == 0;
  if (XML_Parse(parser_, buf, static_cast<int>(n), done_ ? XML_TRUE : XML_FALSE) == XML_STATUS_ERROR) {
    if (handler_.stopped())
      return Failed(error, fmt::format("{}:{}:{}: {}", name_, handler_.line, handler_.column, handler_.error));
    return Failed(error,
                  fmt::format("{}:{}:{}: malformed XML: {}", name_, XML_GetCurrentLineNumber(parser_),
                              XML_GetCurrentColumnNumber(parser_) + 1, XML_ErrorString(XML_GetErrorCode(parser_))));
  }
  return !done_;
}

bool XmlPart::ParseAll(std::string* error) {
  if (!Open(error)) return false;
  while (Feed(error)) {
  }
  return !failed_;
}

bool XmlPart::Failed(std::string* error, std::string message) {
  *error = std::move(message);
  done_ = failed_ = true;
  return false;
}

}  // namespace clemency::xml
