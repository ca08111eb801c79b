#include "unrest/scenario/declared_keys.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace unrest::scenario {

std::string DeclaredKey::heading() const {
  const bool array = table != "run" && table != "report" && table != "scenario" &&
                     table != "model" && table != "analysis";
  return array ? fmt::format("[[{}]] {}", table, key) : fmt::format("[{}] {}", table, key);
}

namespace {

bool checked(const DeclaredKey& k) { return k.low < k.high; }

std::string range_text(const DeclaredKey& k) {
  // As read_in_range writes it, so messages stay the same.
  return k.high >= kUnbounded ? fmt::format(">= {}", k.low)
                              : fmt::format("in [{}, {}]", k.low, k.high);
}

template <typename T>
bool read_checked(TableReader& r, const DeclaredKey& k, T& out) {
  T value = out;
  const bool present = r.read(k.key, value);
  if (!present) {
    if (k.required) r.fail(k.key, "is required");
    return false;
  }
  const auto v = static_cast<double>(value);
  if (checked(k) && !(v >= k.low && (k.high >= kUnbounded || v <= k.high))) {
    r.fail(k.key, fmt::format("must be {} (got {})", range_text(k), value));
  }
  out = value;
  return true;
}

}  // namespace

std::string DeclaredKey::type_text() const {
  std::string text(type);
  if (checked(*this)) text += fmt::format(" {}", range_text(*this));
  if (required) text += ", required";
  return text;
}

std::vector<DeclaredKey> scenario_table_keys() {
  return {
      {"scenario", "kind", "\"classic\" or \"national\"", 0, 0, kOptional,
       "which model the file is for (national when it has [[place]] entries, if absent)"},
      {"scenario", "name", "string", 0, 0, kOptional,
       "the name outputs carry (default: the file's stem)"},
      {"scenario", "description", "string", 0, 0, kOptional, "one paragraph for the report"},
  };
}

const DeclaredKey& find_declared(const std::vector<DeclaredKey>& keys, std::string_view table,
                                 std::string_view key) {
  for (const auto& k : keys) {
    if (k.table == table && k.key == key) return k;
  }
  throw std::logic_error(fmt::format("scenario key {}.{} is read but not declared", table, key));
}

bool read_declared(TableReader& r, const DeclaredKey& k, double& out) {
  return read_checked(r, k, out);
}
bool read_declared(TableReader& r, const DeclaredKey& k, std::int64_t& out) {
  return read_checked(r, k, out);
}
bool read_declared(TableReader& r, const DeclaredKey& k, int& out) {
  std::int64_t wide = out;
  const bool present = read_checked(r, k, wide);
  if (present) out = static_cast<int>(wide);  // in range: the declared bounds fit an int
  return present;
}

}  // namespace unrest::scenario
