// Reads one worksheet of an .xlsx workbook (Office Open XML, ECMA-376 part 1)
// as rows, behind the importer's RowReader (io/import_transform.h), so an
// agency's workbook imports exactly as its CSV copy would. libzip opens the
// archive; expat parses the parts (io/zip_xml_part.h), the worksheet streamed.
//
// The sheet is the workbook's first, or the one named. A cell becomes text:
// shared and inline strings as written (rich-text runs joined, phonetic runs
// left out); formula results as cached; booleans TRUE / FALSE; errors as
// written (#N/A); a number as written, a whole number without a fraction or
// exponent (1.0E3 is 1000); a number whose cell style is a date format
// becomes YYYY-MM-DD (time of day dropped; the workbook's 1900 or 1904 date
// system). Cells are placed by their references (C7 is the third field), so
// missing cells are empty; each row is padded to the header's width. Rows
// whose cells are all empty are skipped, as blank CSV lines are. A record's
// line is the sheet's row number; raw is the row written as CSV.
//
// Opening fails with "NAME: ..." when the file is not a zip archive, has no
// workbook, or lacks the sheet. A malformed part found while reading stops
// the rows and sets io_error() ("xl/worksheets/sheet1.xml:LINE:COLUMN: ...").
#ifndef CLEMENCY_IO_XLSX_READER_H_
#define CLEMENCY_IO_XLSX_READER_H_

#include <memory>
#include <string>

#include "clemency/io/import_transform.h"

namespace clemency {

class XlsxReader : public import::RowReader {
 public:
  // sheet: a worksheet name, or empty for the first.
  static std::unique_ptr<XlsxReader> Open(const std::string& path, const std::string& sheet, std::string* error);
  // The workbook's bytes (copied); name stands for the path in messages.
  static std::unique_ptr<XlsxReader> FromMemory(std::string bytes, const std::string& name, const std::string& sheet,
                                                std::string* error);
  ~XlsxReader() override;
  XlsxReader(const XlsxReader&) = delete;
  XlsxReader& operator=(const XlsxReader&) = delete;

  bool Next(CsvRecord& record) override;
  const std::string& io_error() const override;

  struct Impl;

 private:
  explicit XlsxReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace clemency

#endif  // CLEMENCY_IO_XLSX_READER_H_
