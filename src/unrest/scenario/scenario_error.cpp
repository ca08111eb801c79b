#include "unrest/scenario/scenario_error.hpp"

#include <fmt/format.h>

namespace unrest::scenario {
namespace {

std::string describe(const std::string& file, int line, const std::string& key,
                     const std::string& message) {
  std::string where = file;
  if (line > 0) where += fmt::format(":{}", line);
  if (key.empty()) return fmt::format("{}: {}", where, message);
  return fmt::format("{}: {}: {}", where, key, message);
}

}  // namespace

ScenarioError::ScenarioError(std::string file, int line, std::string key, std::string message)
    : std::runtime_error(describe(file, line, key, message)),
      file_(std::move(file)),
      line_(line),
      key_(std::move(key)),
      message_(std::move(message)) {}

}  // namespace unrest::scenario
