// Errors (errors.h): raising them from C++ and turning them into Python's.
#include "errors.h"

#include <cctype>

namespace clemency::python {
namespace {

namespace py = pybind11;

// Reads digits at text[i..] followed by ':'; the number, or -1.
int64_t NumberThenColon(const std::string& text, size_t& i) {
  size_t j = i;
  int64_t n = 0;
  while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) && j - i < 12) n = n * 10 + (text[j++] - '0');
  if (j == i || j >= text.size() || text[j] != ':') return -1;
  i = j + 1;
  return n;
}

const char* ClassName(ErrorKind k) {
  switch (k) {
    case ErrorKind::kData: return "DataError";
    case ErrorKind::kRules: return "RuleFileError";
    case ErrorKind::kUsage: break;
  }
  return "UsageError";
}

py::object OrNone(const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(py::str(s)); }
py::object OrNone(int64_t n) { return n <= 0 ? py::object(py::none()) : py::object(py::int_(n)); }

}  // namespace

void Fail(ErrorKind kind, std::string message, std::string file, int64_t line, int64_t column) {
  Error e;
  e.kind = kind;
  e.message = std::move(message);
  e.file = std::move(file);
  e.line = line;
  e.column = column;
  throw e;
}

void FailLocated(ErrorKind kind, const std::string& text) {
  for (size_t colon = text.find(':'); colon != std::string::npos; colon = text.find(':', colon + 1)) {
    size_t i = colon + 1;
    const int64_t line = NumberThenColon(text, i);
    if (line < 0) continue;
    const int64_t column = NumberThenColon(text, i);
    while (i < text.size() && text[i] == ' ') ++i;
    Fail(kind, text.substr(i), text.substr(0, colon), line, column < 0 ? 0 : column);
  }
  Fail(kind, text);
}

void FailProblem(const Problem& p, const std::string& dir) {
  Error e;
  e.kind = ErrorKind::kData;
  e.message = p.Reason();
  e.file = dir.empty() ? p.file : dir + "/" + p.file;
  e.line = static_cast<int64_t>(p.line);
  e.column = static_cast<int64_t>(p.byte_column);
  e.column_name = p.column;
  throw e;
}

void RegisterErrors() {
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Error& e) {
      const py::object cls = py::module_::import("clemency.errors").attr(ClassName(e.kind));
      const py::object column = e.column_name.empty() ? OrNone(e.column) : py::object(py::str(e.column_name));
      const py::object exc = cls(e.message, OrNone(e.file), OrNone(e.line), column);
      PyErr_SetObject(cls.ptr(), exc.ptr());
    }
  });
}

}  // namespace clemency::python
