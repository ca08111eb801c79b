// `unrest serve`: the live viewer on http://127.0.0.1:8080/ by default.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <thread>

#include "cli/interrupt.hpp"
#include "cli/view_commands.hpp"
#include "unrest/io/scenario_source.hpp"
#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/scenario/scenario_error.hpp"
#include "unrest/scenario/scenario_kind.hpp"
#include "unrest/serve/run_manager.hpp"
#include "unrest/web/web_assets.hpp"
#ifdef UNREST_WITH_HTTP
#include "unrest/serve/viewer_server.hpp"
#endif

namespace unrest::cli {

CLI::App* add_serve_command(CLI::App& app, ServeOptions& options) {
  auto* cmd = app.add_subcommand(
      "serve",
      "Start the live viewer: choose a scenario, toggle events, change parameters, run and watch "
      "it in a browser, compare runs");
  cmd->add_option("--host", options.host,
                  "Address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", options.port, "Port (0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--out", options.out, "Folder for the runs' outputs (default out/serve)");
  cmd->add_option("--scenario", options.scenarios,
                  "A national scenario file to offer besides the built-in ones (repeatable)");
  cmd->add_option("--max-runs", options.max_runs, "Runs going at once (default 2)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--max-scale", options.max_scale,
                  "Largest scale a run may ask for (default 1: one agent per person)")
      ->check(CLI::Range(1e-6, 1.0));
  cmd->add_option("--max-memory", options.max_memory,
                  "Refuse a requested run whose estimated memory exceeds this (e.g. 4GB); "
                  "default: the memory this machine has available")
      ->transform(CLI::AsSizeValue(true));
  return cmd;
}

#ifndef UNREST_WITH_HTTP
// Built without cpp-httplib: say what to install rather than offer a server that is not there.
int serve_command(const ServeOptions&) {
  fmt::print(stderr,
             "unrest serve: this unrest was built without its HTTP server: install cpp-httplib "
             "(Debian: apt-get install libcpp-httplib-dev, or bash scripts/install-deps.sh) and "
             "build again\n");
  return 1;
}
#else
int serve_command(const ServeOptions& options) {
  std::vector<serve::ServedScenario> served;
  for (const auto& builtin : scenario::builtin_scenarios()) {
    if (scenario::scenario_kind(builtin.text, builtin.path) != scenario::ScenarioKind::national) {
      continue;
    }
    served.push_back({{builtin.path, builtin.text, true, {}},
                      national::parse_national_scenario(builtin.text, builtin.path)});
  }
  for (const auto& file : options.scenarios) {
    auto source = io::resolve_source(file);
    if (scenario::scenario_kind(source.text, source.path) != scenario::ScenarioKind::national) {
      throw scenario::ScenarioError(file, 0, "", "the viewer runs national scenarios only");
    }
    auto parsed = national::parse_national_scenario(source.text, source.path);
    served.push_back({std::move(source), std::move(parsed)});
  }
  serve::RunManager runs(options.out, std::move(served), options.max_runs,
                         {options.max_scale, 200, options.max_memory});
  serve::ServerOptions server_options;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.log = [](const std::string& line) {
    fmt::print(stderr, "{:%Y-%m-%d %H:%M:%S} {}\n", fmt::localtime(std::time(nullptr)), line);
  };
  serve::ViewerServer server(runs, server_options);
  const int port = server.bind();
  for (const auto& why : runs.skipped()) {
    fmt::print(stderr, "unrest serve: not listing an earlier run: {}\n", why);
  }
  if (!web::available()) {
    fmt::print(stderr, "unrest serve: warning: {}; the JSON API under /api still works\n",
               web::kUnavailable);
  }
  fmt::print("unrest serve: http://{}:{}/  (outputs in {}; Ctrl-C stops)\n", options.host, port,
             options.out);
  std::fflush(stdout);
  watch_interrupts();
  std::atomic<bool> done{false};
  // Signal handlers may not stop a server; this thread does it for them.
  std::thread watcher([&] {
    while (!done && !interrupted()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
  });
  server.listen();
  done = true;
  watcher.join();
  fmt::print(stderr, "unrest serve: stopped; finished runs are in {}\n", options.out);
  return 0;
}
#endif

}  // namespace unrest::cli
