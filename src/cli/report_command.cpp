// `unrest report RUN [RUN_B] [--ensemble DIR] [--output FILE]`.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>

#include "cli/view_commands.hpp"
#include "unrest/io/csv_table.hpp"
#include "unrest/io/text_file.hpp"
#include "unrest/report/html_report.hpp"
#include "unrest/report/report_data.hpp"

namespace unrest::cli {
namespace {

namespace fs = std::filesystem;

// "out/a/" and "out/a" name the same folder.
std::string folder_name(const fs::path& dir) {
  const fs::path normal = dir.lexically_normal();
  return normal.has_filename() ? normal.filename().string()
                               : normal.parent_path().filename().string();
}

}  // namespace

CLI::App* add_report_command(CLI::App& app, ReportOptions& options) {
  auto* cmd = app.add_subcommand(
      "report",
      "Write a self-contained HTML report of a finished run (map, curves, places, simulated vs "
      "reported); with two runs, overlay them");
  cmd->add_option("runs", options.runs,
                  "Output folder of a run, and optionally a second to overlay")
      ->required()
      ->expected(1, 2);
  cmd->add_option("--ensemble", options.ensemble,
                  "Output folder of `unrest ensemble` for the same scenario: adds its 90 % bands");
  cmd->add_option("--output,-o", options.output,
                  "HTML file to write; default: RUN/report.html, or RUN/report-vs-RUN_B.html");
  cmd->add_flag("--quiet", options.quiet, "Print nothing but errors");
  return cmd;
}

int report_command(const ReportOptions& options) {
  std::vector<fs::path> runs(options.runs.begin(), options.runs.end());
  std::optional<fs::path> ensemble;
  if (!options.ensemble.empty()) ensemble = options.ensemble;
  nlohmann::json data;
  try {
    data = report::report_data(runs, ensemble);
  } catch (const io::InputFileError& e) {
    fmt::print(stderr, "unrest: {}\n", e.what());
    return 2;
  }
  const std::string html = report::render_report_html(data);
  fs::path output = options.output;
  if (output.empty()) {
    output = runs.size() == 1 ? runs[0] / "report.html"
                              : runs[0] / ("report-vs-" + folder_name(runs[1]) + ".html");
  }
  io::replace_text_file(output, html);
  if (!options.quiet) {
    fmt::print("report: {} ({:.0f} kB); open it in a browser, no server needed\n", output.string(),
               static_cast<double>(html.size()) / 1024.0);
  }
  return 0;
}

}  // namespace unrest::cli
