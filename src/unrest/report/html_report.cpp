#include "unrest/report/html_report.hpp"

#include "unrest/io/text_file.hpp"
#include "unrest/report/report_data.hpp"
#include "unrest/web/web_assets.hpp"

namespace unrest::report {

std::string json_for_script(const nlohmann::json& data) {
  const std::string text = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') {
      out += "\\u003c";  // only ever inside a JSON string, where the escape means '<'
    } else {
      out += c;
    }
  }
  return out;
}

std::string render_page(std::string_view name, const nlohmann::json& data) {
  const auto page = web::asset(name);
  if (!page) throw WebPagesUnavailable(web::kUnavailable);
  static constexpr std::string_view placeholder = "/*UNREST:DATA*/";
  const std::size_t at = page->find(placeholder);
  if (at == std::string_view::npos) {
    throw std::logic_error(std::string(name) + ": no data placeholder");
  }
  std::string html;
  html.reserve(page->size() + 1'000'000);
  html.append(page->substr(0, at));
  html.append(json_for_script(data));
  html.append(page->substr(at + placeholder.size()));
  return html;
}

void write_report_before_commit(const io::AtomicOutputDir& dir) {
  auto data = report_data({dir.file("manifest.json").parent_path()}, std::nullopt);
  data["runs"][0]["dir"] = dir.final_path().string();
  io::write_text_file(dir.file("report.html"), render_report_html(data));
}

}  // namespace unrest::report
