#pragma once
// An error in a scenario, carrying where it is: the file (or "--set"), the line and the key.
#include <stdexcept>
#include <string>

namespace unrest::scenario {

class ScenarioError : public std::runtime_error {
 public:
  // line 0 means "no line" (a missing file, a problem of the file as a whole).
  ScenarioError(std::string file, int line, std::string key, std::string message);

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& key() const { return key_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_;
  std::string key_;
  std::string message_;
};

}  // namespace unrest::scenario
