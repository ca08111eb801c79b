#pragma once
// `unrest serve`: the live viewer's HTTP server (cpp-httplib). Pages and JSON only; the one
// route that reads files serves a run's own output files by name, never a path.
//
//   GET  /                         the viewer (app.html), carrying the server's token
//   GET  /api/session              {"token": ...}: for command-line clients
//   GET  /api/scenarios            what can be run: places, events, parameters, counterfactuals
//   GET  /api/runs                 every run of this session
//   POST /api/runs                 start a run, or a branch of a finished one (body: see
//                                  run_request.hpp) -> 201 {id, ...}
//   GET  /api/runs/ID              status, progress, places
//   GET  /api/runs/ID/frames?from=H   hours from H on (national and per-place series)
//   GET  /api/runs/ID/lattice?place=P the place's lattice, downsampled, at the last hour
//   POST /api/runs/ID/cancel       cancel a running run
//   GET  /api/runs/ID/report       the finished run's HTML report
//   GET  /api/runs/ID/files/NAME   one of the finished run's output files
//   GET  /api/compare?a=ID&b=ID    the report overlaying two finished runs
// Errors are JSON {"error": message} with a 4xx status (5xx only for failures of the machine).
//
// What a web page the user visits cannot make it do (docs/SECURITY.md): every request must
// name this server in its Host header (localhost, the loopback addresses or the bound one,
// with the port), so a DNS-rebound name is refused (421); every POST must be
// `Content-Type: application/json`, come from this server's own origin (or carry no Origin,
// as command-line clients do) and carry the per-server token in `X-Unrest-Token` (403), so a
// cross-site form or fetch cannot start or cancel runs.
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "unrest/serve/run_manager.hpp"

namespace httplib {
class Server;
}

namespace unrest::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::size_t max_body_bytes = 64 * 1024;
  // One line per request; empty: none.
  std::function<void(const std::string&)> log;
  // The token POSTs must carry; empty: a random one is made.
  std::string token;
  // Worker threads: slow clients hold one each for at most read_timeout_s between bytes.
  int workers = 256;
  int read_timeout_s = 3;
};

class ViewerServer {
 public:
  ViewerServer(RunManager& runs, ServerOptions options);
  ~ViewerServer();

  // Binds the socket; returns the port (useful with port 0). Throws std::runtime_error when
  // the address cannot be bound.
  int bind();
  // Serves until stop(); call bind() first. stop() may come from any thread, even before
  // listen() has begun (listen() then returns at once).
  void listen();
  void stop();
  const std::string& token() const { return options_.token; }

 private:
  void routes();
  int bind_port();
  // Why the request may not be served (status and message), or 0.
  std::pair<int, std::string> refusal(const std::string& method, const std::string& host,
                                      const std::string& origin, const std::string& content_type,
                                      const std::string& token) const;

  RunManager& runs_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::atomic<bool> listening_{false};
  std::atomic<bool> stop_requested_{false};
  std::atomic<int> port_{0};
};

}  // namespace unrest::serve
