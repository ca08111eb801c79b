#pragma once
// `unrest report` (a self-contained HTML report of finished runs) and `unrest serve` (the live
// viewer in a browser).
#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace unrest::cli {

struct ReportOptions {
  std::vector<std::string> runs;  // one folder, or two to overlay
  std::string ensemble;
  std::string output;
  bool quiet = false;
};

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string out = "out/serve";
  std::vector<std::string> scenarios;
  int max_runs = 2;
  double max_scale = 1.0;
  std::uint64_t max_memory = 0;  // bytes a requested run may need; 0: what the machine has
};

CLI::App* add_report_command(CLI::App& app, ReportOptions& options);
int report_command(const ReportOptions& options);
CLI::App* add_serve_command(CLI::App& app, ServeOptions& options);
int serve_command(const ServeOptions& options);

}  // namespace unrest::cli
