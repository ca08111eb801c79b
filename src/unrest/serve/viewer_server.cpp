#include "unrest/serve/viewer_server.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "unrest/io/csv_table.hpp"
#include "unrest/report/html_report.hpp"
#include "unrest/report/report_data.hpp"
#include "unrest/serve/http_error.hpp"
#include "unrest/web/web_assets.hpp"

namespace unrest::serve {
namespace {

using nlohmann::json;

void send_json(httplib::Response& res, const json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, {{"error", message}}, status);
}

// A query parameter as a count; HttpError 400 when it is not one.
std::size_t count_param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return 0;
  const std::string v = req.get_param_value(name);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || v.empty()) {
    throw HttpError(400, fmt::format("'{}' must be a whole number (got '{}')", name, v));
  }
  return n;
}

std::shared_ptr<LiveRun> finished_run(RunManager& runs, const std::string& id) {
  auto run = runs.find(id);
  if (run->status() != RunStatus::finished) {
    throw HttpError(409, fmt::format("run {} is {}, not finished", id, to_string(run->status())));
  }
  return run;
}

// Wraps a handler so that HttpError becomes its status and JSON message.
httplib::Server::Handler guarded(
    std::function<void(const httplib::Request&, httplib::Response&)> f) {
  return [f = std::move(f)](const httplib::Request& req, httplib::Response& res) {
    try {
      f(req, res);
    } catch (const HttpError& e) {
      send_error(res, e.status(), e.what());
    } catch (const io::InputFileError& e) {
      send_error(res, 500, e.what());
    }
  };
}

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw HttpError(404, fmt::format("{} is not there", path.filename().string()));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string random_token() {
  std::random_device device;
  std::string token;
  for (int i = 0; i < 4; ++i) token += fmt::format("{:08x}", device());
  return token;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_ip_literal(std::string_view name) {
  if (name.size() > 2 && name.front() == '[' && name.back() == ']') return true;  // IPv6
  return !name.empty() && name.find_first_not_of("0123456789.") == std::string_view::npos;
}

}  // namespace

ViewerServer::ViewerServer(RunManager& runs, ServerOptions options)
    : runs_(runs), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  if (options_.token.empty()) options_.token = random_token();
  routes();
}

std::pair<int, std::string> ViewerServer::refusal(const std::string& method,
                                                  const std::string& host,
                                                  const std::string& origin,
                                                  const std::string& content_type,
                                                  const std::string& token) const {
  // Host: this server by a name a web page cannot point elsewhere (DNS rebinding).
  const std::string port = std::to_string(port_.load());
  const auto colon = host.rfind(':');
  const std::string name = lower(host.substr(0, colon));
  const bool port_ok = colon != std::string::npos && host.substr(colon + 1) == port;
  const bool wildcard = options_.host == "0.0.0.0" || options_.host == "::";
  const bool name_ok = name == "localhost" || name == "127.0.0.1" || name == "[::1]" ||
                       name == lower(options_.host) || (wildcard && is_ip_literal(name));
  if (!port_ok || !name_ok) {
    return {421, fmt::format("this server answers to localhost:{} and 127.0.0.1:{} (Host was "
                             "'{}')",
                             port, port, host)};
  }
  if (method != "POST") return {0, ""};
  if (!origin.empty() && lower(origin) != "http://" + lower(host)) {
    return {403, fmt::format("cross-origin request refused (Origin '{}')", origin)};
  }
  if (lower(content_type).rfind("application/json", 0) != 0) {
    return {403, "a POST must be sent as Content-Type: application/json"};
  }
  if (token != options_.token) {
    return {403, "a POST must carry this server's token in X-Unrest-Token (GET /api/session)"};
  }
  return {0, ""};
}

ViewerServer::~ViewerServer() { stop(); }

void ViewerServer::routes() {
  auto& s = *server_;
  s.set_payload_max_length(options_.max_body_bytes);
  // cpp-httplib's default also sets SO_REUSEPORT, which lets a second server bind the same
  // port and silently take half the requests. SO_REUSEADDR alone: a restart may reuse a port
  // in TIME_WAIT, but a port in use is refused.
  // TCP_NODELAY: without it every keep-alive poll waited 40 ms for the delayed ACK.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  // A client that sends nothing for read_timeout_s is dropped, and there are many workers, so
  // slow clients (one header line every few seconds) cannot hold the server.
  s.set_read_timeout(options_.read_timeout_s, 0);
  s.set_write_timeout(10, 0);
  s.new_task_queue = [workers = options_.workers] {
    return new httplib::ThreadPool(static_cast<std::size_t>(workers));
  };
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const auto [status, why] =
        refusal(req.method, req.get_header_value("Host"), req.get_header_value("Origin"),
                req.get_header_value("Content-Type"), req.get_header_value("X-Unrest-Token"));
    if (status == 0) return httplib::Server::HandlerResponse::Unhandled;
    send_error(res, status, why);
    return httplib::Server::HandlerResponse::Handled;
  });

  s.Get("/", [this](const httplib::Request&, httplib::Response& res) {
    const auto page = web::asset("app.html");
    if (!page) return send_error(res, 503, web::kUnavailable);
    // The page learns the token here; a page of another origin cannot read it.
    std::string html(*page);
    const auto head = html.find("<head>");
    if (head != std::string::npos) {
      html.insert(head + 6,
                  fmt::format("<meta name=\"unrest-token\" content=\"{}\">", options_.token));
    }
    res.set_content(html, "text/html; charset=utf-8");
  });
  s.Get("/api/session", [this](const httplib::Request&, httplib::Response& res) {
    send_json(res, {{"token", options_.token}});
  });
  s.Get("/api/scenarios", guarded([this](const httplib::Request&, httplib::Response& res) {
          send_json(res, catalogue_json(runs_.served()));
        }));
  s.Get("/api/runs", guarded([this](const httplib::Request&, httplib::Response& res) {
          send_json(res, runs_.list());
        }));
  s.Post("/api/runs", guarded([this](const httplib::Request& req, httplib::Response& res) {
           const auto run = runs_.start(req.body);
           res.set_header("Location", "/api/runs/" + run->id());
           send_json(res, run->detail_json(), 201);
         }));
  s.Get(R"(/api/runs/(r\d+))", guarded([this](const httplib::Request& req, httplib::Response& res) {
          send_json(res, runs_.find(req.matches[1])->detail_json());
        }));
  s.Get(R"(/api/runs/(r\d+)/frames)",
        guarded([this](const httplib::Request& req, httplib::Response& res) {
          send_json(res, runs_.find(req.matches[1])->frames_json(count_param(req, "from")));
        }));
  s.Get(R"(/api/runs/(r\d+)/lattice)",
        guarded([this](const httplib::Request& req, httplib::Response& res) {
          const auto run = runs_.find(req.matches[1]);
          const std::string place = req.get_param_value("place");
          const auto detail = run->detail_json();
          for (std::size_t p = 0; p < detail["places"].size(); ++p) {
            if (detail["places"][p]["id"] == place) {
              return send_json(res, run->lattice_json(static_cast<int>(p)));
            }
          }
          throw HttpError(400, fmt::format("run {} has no place '{}'", run->id(), place));
        }));
  s.Post(R"(/api/runs/(r\d+)/cancel)",
         guarded([this](const httplib::Request& req, httplib::Response& res) {
           const auto run = runs_.find(req.matches[1]);
           if (run->status() != RunStatus::running) {
             throw HttpError(409, fmt::format("run {} is {}; only a running run can be cancelled",
                                              run->id(), to_string(run->status())));
           }
           run->cancel();
           send_json(res, {{"id", run->id()}, {"cancelling", true}}, 202);
         }));
  s.Get(R"(/api/runs/(r\d+)/report)",
        guarded([this](const httplib::Request& req, httplib::Response& res) {
          const auto run = finished_run(runs_, req.matches[1]);
          res.set_content(read_whole(run->out_dir() / "report.html"), "text/html; charset=utf-8");
        }));
  s.Get(R"(/api/runs/(r\d+)/files/([^/]+))",
        guarded([this](const httplib::Request& req, httplib::Response& res) {
          // Names, never paths: only the files a national run writes can be asked for.
          static const std::set<std::string> files = {"places.csv", "national.csv", "events.csv",
                                                      "summary.json", "manifest.json"};
          const std::string name = req.matches[2];
          if (!files.count(name)) {
            throw HttpError(404, fmt::format("no file '{}' (a run has places.csv, national.csv, "
                                             "events.csv, summary.json, manifest.json)",
                                             name));
          }
          const auto run = finished_run(runs_, req.matches[1]);
          const bool csv = name.ends_with(".csv");
          res.set_content(read_whole(run->out_dir() / name),
                          csv ? "text/csv; charset=utf-8" : "application/json");
        }));
  s.Get("/api/compare", guarded([this](const httplib::Request& req, httplib::Response& res) {
          if (!req.has_param("a") || !req.has_param("b")) {
            throw HttpError(400, "compare needs two finished runs: /api/compare?a=ID&b=ID");
          }
          const auto a = finished_run(runs_, req.get_param_value("a"));
          const auto b = finished_run(runs_, req.get_param_value("b"));
          const auto data = report::report_data({a->out_dir(), b->out_dir()}, std::nullopt);
          res.set_content(report::render_report_html(data), "text/html; charset=utf-8");
        }));

  // Anything else that failed without a body gets a JSON one.
  s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string what = res.status == 404
                                 ? fmt::format("no such route: {} {}", req.method, req.path)
                             : res.status == 413 ? "request body too large"
                                                 : fmt::format("HTTP {}", res.status);
    send_error(res, res.status, what);
  });
  s.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        send_error(res, 500, what);
      });
  if (options_.log) {
    s.set_logger([log = options_.log](const httplib::Request& req, const httplib::Response& res) {
      // The target as sent (path and query), never the body: it may be large.
      log(fmt::format("{} {} {} {} {} bytes", req.remote_addr, req.method, req.target, res.status,
                      res.body.size()));
    });
  }
}

int ViewerServer::bind() {
  const int port = bind_port();
  port_ = port;
  return port;
}

int ViewerServer::bind_port() {
  int port = options_.port;
  if (port == 0) {
    port = server_->bind_to_any_port(options_.host);
    if (port < 0) port = -1;
  } else if (!server_->bind_to_port(options_.host, port)) {
    port = -1;
  }
  if (port < 0) {
    throw std::runtime_error(
        fmt::format("cannot listen on {}:{} (in use, or not an address of "
                    "this machine)",
                    options_.host, options_.port));
  }
  return port;
}

void ViewerServer::listen() {
  listening_ = true;
  if (!stop_requested_) server_->listen_after_bind();
  listening_ = false;
}

void ViewerServer::stop() {
  stop_requested_ = true;
  // cpp-httplib's stop() does nothing until its loop has started: a stop that comes just
  // after listen() began waits for the loop, or the loop would never end.
  while (listening_ && !server_->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  server_->stop();
}

}  // namespace unrest::serve
