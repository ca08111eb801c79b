#pragma once
// A CSV file read whole, as our outputs write them: a header line, then rows of fields, a
// field quoted with "..." when it holds a comma, a quote or a newline.
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace unrest::io {

// "FILE:LINE: message", for a file that is missing, malformed or lacks a column.
class InputFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CsvTable {
 public:
  // Throws InputFileError if the file cannot be read, has no header, or a row's field count
  // differs from the header's.
  static CsvTable read(const std::filesystem::path& path);
  // The same from text already read; `name` stands for the file in messages.
  static CsvTable parse(const std::string& text, const std::string& name);

  const std::vector<std::string>& header() const { return header_; }
  std::size_t rows() const { return rows_.size(); }
  // Index of a column; throws InputFileError naming the file and the column.
  std::size_t column(const std::string& name) const;
  bool has_column(const std::string& name) const;
  const std::string& text(std::size_t row, std::size_t col) const { return rows_[row][col]; }
  // The field as a number; throws InputFileError naming file, line and column.
  double number(std::size_t row, std::size_t col) const;

 private:
  std::string path_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> lines_;  // line number of each row, for messages
};

}  // namespace unrest::io
