#include "cli/team.hpp"

#include <stdexcept>

#include "unrest/io/atomic_output_dir.hpp"
#include "unrest/scenario/scenario_error.hpp"

namespace unrest::cli {

void Team::on_root(const std::function<void()>& action) const {
  std::string failure;  // "" ok; "2" + message: bad input; "1" + message: other failure
  if (rank == 0) {
    try {
      action();
    } catch (const scenario::ScenarioError& e) {
      if (size == 1) throw;
      failure =
          "2" + e.file() + "\t" + std::to_string(e.line()) + "\t" + e.key() + "\t" + e.message();
    } catch (const io::OutputDirExists& e) {
      if (size == 1) throw;
      failure = std::string("3") + e.what();
    } catch (const std::exception& e) {
      if (size == 1) throw;
      failure = std::string("1") + e.what();
    }
  }
  if (size == 1) return;
  std::string shared = failure;
  broadcast(shared);
  if (shared.empty()) return;
  if (shared[0] == '1') throw std::runtime_error(shared.substr(1));
  if (shared[0] == '3') throw io::OutputDirExists(shared.substr(1));
  std::string parts[4];
  std::size_t start = 1;
  for (int i = 0; i < 3; ++i) {
    const auto tab = shared.find('\t', start);
    parts[i] = shared.substr(start, tab - start);
    start = tab + 1;
  }
  parts[3] = shared.substr(start);
  throw scenario::ScenarioError(parts[0], std::stoi(parts[1]), parts[2], parts[3]);
}

std::string Team::first_failure(const std::string& failure) const {
  if (size == 1) return failure;
  std::string first;
  for (const std::string& f : gather(failure)) {
    if (!f.empty()) {
      first = f;
      break;
    }
  }
  broadcast(first);
  return first;
}

}  // namespace unrest::cli
