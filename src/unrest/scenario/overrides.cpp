#include "unrest/scenario/overrides.hpp"

#include <fmt/format.h>

#include <string>

#include "unrest/scenario/scenario_error.hpp"

namespace unrest::scenario {
namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

// Parses the value as TOML; a bare word that is not TOML ("mesa") is taken as a string.
toml::table parse_value(const std::string& value, const std::string& origin) {
  try {
    return toml::parse(fmt::format("value = {}", value), origin);
  } catch (const toml::parse_error&) {
    std::string quoted;
    for (char c : value) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    try {
      return toml::parse(fmt::format("value = \"{}\"", quoted), origin);
    } catch (const toml::parse_error& e) {
      throw ScenarioError(origin, 0, "", fmt::format("cannot read the value: {}", e.description()));
    }
  }
}

}  // namespace

void apply_override(toml::table& root, std::string_view assignment) {
  if (assignment.find_first_of("\r\n") != std::string_view::npos) {
    // The value would be read up to the line break and the rest dropped without a word.
    const std::string first(assignment.substr(0, assignment.find_first_of("\r\n")));
    throw ScenarioError(fmt::format("--set {}", first), 0, "",
                        "the assignment contains a line break; give one key=value per --set");
  }
  const std::string origin = fmt::format("--set {}", assignment);
  const auto equals = assignment.find('=');
  if (equals == std::string_view::npos) {
    throw ScenarioError(origin, 0, "", "expected key=value");
  }
  const std::string key = trim(assignment.substr(0, equals));
  const std::string value = trim(assignment.substr(equals + 1));
  if (key.empty()) throw ScenarioError(origin, 0, "", "the key is empty");
  if (value.empty()) throw ScenarioError(origin, 0, key, "the value is empty");

  toml::table holder = parse_value(value, origin);
  toml::node* node = holder.get("value");

  toml::table* table = &root;
  std::string_view rest = key;
  std::string walked;
  while (true) {
    const auto dot = rest.find('.');
    const std::string part(rest.substr(0, dot));
    if (part.empty()) throw ScenarioError(origin, 0, key, "malformed key");
    walked += walked.empty() ? part : "." + part;
    if (dot == std::string_view::npos) {
      // Moved, not copied: a moved node keeps its source, so errors name the --set option.
      node->visit([&](auto&& typed) { table->insert_or_assign(part, std::move(typed)); });
      return;
    }
    toml::node* next = table->get(part);
    if (next && next->is_array()) {
      // An array of tables ([[place]], [[event]]) is entered by an entry's id:
      // place.almaty-city.police=9000.
      rest = rest.substr(dot + 1);
      const auto id_end = rest.find('.');
      const std::string id(rest.substr(0, id_end));
      if (id_end == std::string_view::npos) {
        throw ScenarioError(origin, 0, key, "name a key of one entry: " + walked + ".ID.KEY");
      }
      toml::table* entry = nullptr;
      for (auto& element : *next->as_array()) {
        auto* t = element.as_table();
        if (t && t->get("id") && t->get("id")->value<std::string>() == id) entry = t;
      }
      if (!entry) throw ScenarioError(origin, 0, walked + "." + id, "no entry has this id");
      walked += "." + id;
      table = entry;
      rest = rest.substr(id_end + 1);
      continue;
    }
    if (!next) {
      table->insert(part, toml::table{});
      next = table->get(part);
    }
    if (!next->is_table()) {
      throw ScenarioError(origin, 0, walked, "is not a table, so it has no keys to set");
    }
    table = next->as_table();
    rest = rest.substr(dot + 1);
  }
}

}  // namespace unrest::scenario
