// Arbitrary bodies of `POST /api/runs`, as the web server's request parser reads them: an
// HttpError (a 4xx answer) is the only way to refuse one; an accepted one yields a scenario.
#include <cstddef>
#include <cstdint>
#include <string>

#include "unrest/scenario/builtin.hpp"
#include "unrest/scenario/parse_national_scenario.hpp"
#include "unrest/serve/http_error.hpp"
#include "unrest/serve/run_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace unrest;
  static const std::vector<serve::ServedScenario> served = [] {
    const auto b = scenario::find_builtin("scenarios/kazakhstan-2022.toml");
    return std::vector<serve::ServedScenario>{
        {{b->path, b->text, true, {}}, national::parse_national_scenario(b->text, b->path)}};
  }();
  const std::string body(reinterpret_cast<const char*>(data), size);
  try {
    const auto request = serve::parse_run_request(body, served, serve::RequestLimits{});
    io::ScenarioSource source;
    serve::request_scenario(request, served, source, 1);
  } catch (const serve::HttpError&) {
  }
  return 0;
}
