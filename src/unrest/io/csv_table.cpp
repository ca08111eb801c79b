#include "unrest/io/csv_table.hpp"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <sstream>

namespace unrest::io {
namespace {

// Splits one record starting at `pos`; advances `pos` past its line end and `line` past the
// newlines it holds.
std::vector<std::string> next_record(const std::string& text, std::size_t& pos, std::size_t& line,
                                     const std::string& path) {
  std::vector<std::string> fields(1);
  const std::size_t first_line = line;
  bool quoted = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          fields.back() += '"';
          ++pos;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++pos;
      ++line;
      return fields;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted)
    throw InputFileError(fmt::format("{}:{}: unterminated quoted field", path, first_line));
  ++line;
  return fields;
}

}  // namespace

CsvTable CsvTable::read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputFileError(fmt::format("{}: cannot read the file", path.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), path.string());
}

CsvTable CsvTable::parse(const std::string& text, const std::string& name) {
  CsvTable table;
  table.path_ = name;
  std::size_t pos = 0, line = 1;
  if (text.empty())
    throw InputFileError(fmt::format("{}:1: empty file, expected a header", table.path_));
  table.header_ = next_record(text, pos, line, table.path_);
  while (pos < text.size()) {
    const std::size_t at = line;
    auto fields = next_record(text, pos, line, table.path_);
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (fields.size() != table.header_.size()) {
      throw InputFileError(fmt::format("{}:{}: {} fields, but the header has {}", table.path_, at,
                                       fields.size(), table.header_.size()));
    }
    table.rows_.push_back(std::move(fields));
    table.lines_.push_back(at);
  }
  return table;
}

bool CsvTable::has_column(const std::string& name) const {
  for (const auto& h : header_) {
    if (h == name) return true;
  }
  return false;
}

std::size_t CsvTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  throw InputFileError(fmt::format("{}:1: no column '{}'", path_, name));
}

double CsvTable::number(std::size_t row, std::size_t col) const {
  const std::string& s = rows_[row][col];
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
    throw InputFileError(
        fmt::format("{}:{}: {}: '{}' is not a number", path_, lines_[row], header_[col], s));
  }
  return value;
}

}  // namespace unrest::io
