#pragma once
// Reads typed values out of one TOML table, remembering which keys it was asked for, so that
// anything left over can be reported as an unknown key with the nearest valid spelling.
// Every error names the file (or "--set"), the line and the full dotted key.
#include <toml++/toml.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "unrest/scenario/scenario_error.hpp"

namespace unrest::scenario {

class TableReader {
 public:
  // `prefix` is the dotted path of the table ("model"), empty for the root.
  TableReader(const toml::table& table, std::string file, std::string prefix);

  // Each read leaves `out` unchanged when the key is absent and returns whether it was present.
  bool read(std::string_view key, double& out);
  bool read(std::string_view key, std::int64_t& out);
  bool read(std::string_view key, bool& out);
  bool read(std::string_view key, std::string& out);

  // A number that must lie in [lo, hi]: "must be in [lo, hi] (got v)" otherwise.
  bool read_in_range(std::string_view key, double& out, double lo, double hi);
  bool read_in_range(std::string_view key, std::int64_t& out, std::int64_t lo, std::int64_t hi);
  bool read_in_range(std::string_view key, int& out, std::int64_t lo, std::int64_t hi);

  // A string that must be one of `names`; returns its index.
  bool read_choice(std::string_view key, const std::vector<std::string>& names, std::size_t& out);

  // Declares a key as known without reading it (for keys read some other way).
  const toml::node* take(std::string_view key);
  // Whether the key is present, without declaring it known.
  bool has(std::string_view key) const { return table_.contains(key); }

  // A sub-table; absent means empty. A value of another type is an error.
  const toml::table* table(std::string_view key);

  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  void require(bool condition, std::string_view key, const std::string& message) const {
    if (!condition) fail(key, message);
  }

  // Fails on the first key that no read/take asked for.
  void finish() const;

  std::string full_key(std::string_view key) const;
  const std::string& file() const { return file_; }

 private:
  const toml::node* find(std::string_view key);
  [[noreturn]] void fail_type(std::string_view key, const toml::node& node,
                              std::string_view expected) const;

  const toml::table& table_;
  std::string file_;
  std::string prefix_;
  std::vector<std::string> known_;
};

// The tables of `[[key]]` entries, in order; none when the key is absent. Anything but an array
// of tables is an error.
std::vector<const toml::table*> tables_of(TableReader& root, std::string_view key);

// Every `[[key]]` entry read by `read_one(reader, index)` (a TableReader over the entry, with
// prefix "key[index]"; read_one calls finish), each entry's `id_key` unique: the one reader of
// every array of tables with ids, in classic and national scenarios alike.
template <typename T, typename ReadOne>
std::vector<T> read_entries(TableReader& root, std::string_view key, ReadOne&& read_one,
                            std::string T::*id = &T::id, std::string_view id_key = "id") {
  std::vector<T> out;
  std::set<std::string> seen;
  const auto tables = tables_of(root, key);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TableReader entry(*tables[i], root.file(),
                      root.full_key(std::string(key) + "[" + std::to_string(i) + "]"));
    out.push_back(read_one(entry, i));
    const std::string& value = out.back().*id;
    entry.require(seen.insert(value).second, id_key,
                  "duplicate " + std::string(id_key) + " \"" + value + "\"");
  }
  return out;
}

// Parses a scenario's TOML; malformed text is a ScenarioError with the line and what is wrong.
toml::table parse_toml(std::string_view text, const std::string& source_name);

// Where a node came from: its own source file when it has one (nodes from --set do), else
// `fallback`.
std::string source_of(const toml::node& node, const std::string& fallback);
int line_of(const toml::node& node);

}  // namespace unrest::scenario
