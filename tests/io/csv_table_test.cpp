#include "unrest/io/csv_table.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
using unrest::io::CsvTable;
using unrest::io::InputFileError;

class CsvTableTest : public ::testing::Test {
 protected:
  fs::path write(const std::string& text) {
    const fs::path p = fs::temp_directory_path() / "unrest-csv-table-test.csv";
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  // The message of the InputFileError reading `text` throws.
  std::string error_of(const std::string& text) {
    try {
      const auto t = CsvTable::read(write(text));
      for (std::size_t r = 0; r < t.rows(); ++r) {
        for (std::size_t c = 0; c < t.header().size(); ++c) (void)t.number(r, c);
      }
    } catch (const InputFileError& e) {
      return e.what();
    }
    return "no error";
  }
};

TEST_F(CsvTableTest, ReadsQuotedFieldsAsOurOutputsWriteThem) {
  const auto t = CsvTable::read(write("tick,text,x\n1,\"a, \"\"b\"\"\nc\",2.5\n2,plain,-3\n"));
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.text(0, t.column("text")), "a, \"b\"\nc");
  EXPECT_EQ(t.number(0, t.column("x")), 2.5);
  EXPECT_EQ(t.text(1, 1), "plain");
  EXPECT_EQ(t.number(1, 2), -3.0);
  EXPECT_TRUE(t.has_column("tick"));
  EXPECT_FALSE(t.has_column("nope"));
}

TEST_F(CsvTableTest, ErrorsNameTheFileLineAndColumn) {
  EXPECT_NE(
      error_of("a,b\n1,2\n3\n").find("unrest-csv-table-test.csv:3: 1 fields, but the header has 2"),
      std::string::npos);
  EXPECT_NE(error_of("a,b\n1,2\n3,x\n").find(":3: b: 'x' is not a number"), std::string::npos);
  EXPECT_NE(error_of("a\n\"open\n").find(":2: unterminated quoted field"), std::string::npos);
  EXPECT_NE(error_of("").find(":1: empty file"), std::string::npos);
  const auto t = CsvTable::read(write("a,b\n1,2\n"));
  EXPECT_THROW((void)t.column("c"), InputFileError);
  EXPECT_THROW(CsvTable::read("/nonexistent/unrest.csv"), InputFileError);
}

}  // namespace
