#include "unrest/scenario/toml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "unrest/scenario/nearest_key.hpp"

namespace unrest::scenario {
namespace {

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      return "nothing";
  }
  return "a value";
}

}  // namespace

std::string source_of(const toml::node& node, const std::string& fallback) {
  const auto& path = node.source().path;
  return path && !path->empty() ? *path : fallback;
}

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

std::vector<const toml::table*> tables_of(TableReader& root, std::string_view key) {
  std::vector<const toml::table*> out;
  const toml::node* node = root.take(key);
  if (!node) return out;
  const toml::array* a = node->as_array();
  if (!a || (!a->empty() && !a->is_array_of_tables())) {
    root.fail(key, fmt::format("expected an array of tables ([[{}]] entries)", key));
  }
  for (const auto& entry : *a) out.push_back(entry.as_table());
  return out;
}

TableReader::TableReader(const toml::table& table, std::string file, std::string prefix)
    : table_(table), file_(std::move(file)), prefix_(std::move(prefix)) {}

std::string TableReader::full_key(std::string_view key) const {
  return prefix_.empty() ? std::string(key) : fmt::format("{}.{}", prefix_, key);
}

const toml::node* TableReader::find(std::string_view key) {
  known_.emplace_back(key);
  return table_.get(key);
}

const toml::node* TableReader::take(std::string_view key) { return find(key); }

void TableReader::fail(std::string_view key, const std::string& message) const {
  const toml::node* node = table_.get(key);
  const toml::node& where = node ? *node : static_cast<const toml::node&>(table_);
  const std::string file = source_of(where, file_);
  // Values given with --set have no line worth naming: the option itself says where.
  const int line = file.rfind("--set", 0) == 0 ? 0 : line_of(where);
  throw ScenarioError(file, line, full_key(key), message);
}

void TableReader::fail_type(std::string_view key, const toml::node& node,
                            std::string_view expected) const {
  fail(key, fmt::format("expected {}, got {}", expected, type_name(node)));
}

bool TableReader::read(std::string_view key, double& out) {
  const toml::node* node = find(key);
  if (!node) return false;
  if (auto v = node->value_exact<double>()) {
    out = *v;
  } else if (auto i = node->value_exact<std::int64_t>()) {
    out = static_cast<double>(*i);
  } else {
    fail_type(key, *node, "a number");
  }
  require(std::isfinite(out), key, "must be a finite number");
  return true;
}

bool TableReader::read(std::string_view key, std::int64_t& out) {
  const toml::node* node = find(key);
  if (!node) return false;
  auto v = node->value_exact<std::int64_t>();
  if (!v) fail_type(key, *node, "an integer");
  out = *v;
  return true;
}

bool TableReader::read(std::string_view key, bool& out) {
  const toml::node* node = find(key);
  if (!node) return false;
  auto v = node->value_exact<bool>();
  if (!v) fail_type(key, *node, "true or false");
  out = *v;
  return true;
}

bool TableReader::read(std::string_view key, std::string& out) {
  const toml::node* node = find(key);
  if (!node) return false;
  auto v = node->value_exact<std::string>();
  if (!v) fail_type(key, *node, "a string");
  out = *v;
  return true;
}

bool TableReader::read_in_range(std::string_view key, double& out, double lo, double hi) {
  if (!read(key, out)) return false;
  require(out >= lo && out <= hi, key, fmt::format("must be in [{}, {}] (got {})", lo, hi, out));
  return true;
}

bool TableReader::read_in_range(std::string_view key, std::int64_t& out, std::int64_t lo,
                                std::int64_t hi) {
  std::int64_t v = out;
  if (!read(key, v)) return false;
  require(v >= lo && v <= hi, key, fmt::format("must be in [{}, {}] (got {})", lo, hi, v));
  out = v;
  return true;
}

bool TableReader::read_in_range(std::string_view key, int& out, std::int64_t lo, std::int64_t hi) {
  std::int64_t v = out;
  if (!read_in_range(key, v, lo, hi)) return false;
  out = static_cast<int>(v);
  return true;
}

bool TableReader::read_choice(std::string_view key, const std::vector<std::string>& names,
                              std::size_t& out) {
  std::string value;
  if (!read(key, value)) return false;
  const auto it = std::find(names.begin(), names.end(), value);
  if (it == names.end()) {
    std::string message = fmt::format("\"{}\" is not one of: {}", value, fmt::join(names, ", "));
    if (auto guess = nearest_key(value, names))
      message += fmt::format(" (did you mean \"{}\"?)", *guess);
    fail(key, message);
  }
  out = static_cast<std::size_t>(it - names.begin());
  return true;
}

const toml::table* TableReader::table(std::string_view key) {
  const toml::node* node = find(key);
  if (!node) return nullptr;
  if (!node->is_table()) fail_type(key, *node, "a table");
  return node->as_table();
}

void TableReader::finish() const {
  for (const auto& [key, node] : table_) {
    const std::string_view name = key.str();
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    std::string message = "unknown key";
    if (auto guess = nearest_key(name, known_))
      message += fmt::format("; did you mean '{}'?", full_key(*guess));
    const std::string file = source_of(node, file_);
    const int line = file.rfind("--set", 0) == 0 ? 0 : line_of(node);
    throw ScenarioError(file, line, full_key(name), message);
  }
}

toml::table parse_toml(std::string_view text, const std::string& source_name) {
  try {
    return toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    throw ScenarioError(source_name, static_cast<int>(e.source().begin.line), "",
                        fmt::format("malformed TOML: {}", e.description()));
  }
}

}  // namespace unrest::scenario
