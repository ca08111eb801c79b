#pragma once
// The report as one self-contained HTML file: the bundled page with the run's data embedded.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "unrest/io/atomic_output_dir.hpp"

namespace unrest::report {

class WebPagesUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A bundled page ("report.html", "sensitivity.html") with `data` where its placeholder stands.
// Throws WebPagesUnavailable when this build has no bundled pages.
std::string render_page(std::string_view page, const nlohmann::json& data);
inline std::string render_report_html(const nlohmann::json& data) {
  return render_page("report.html", data);
}

// report.html beside a run's files, made from those files in the staging folder before the
// commit (so the folder appears with its report or not at all), naming the final folder.
void write_report_before_commit(const io::AtomicOutputDir& dir);

// JSON that may stand inside an HTML <script> element: every '<' escaped, so no "</script>"
// or "<!--" in the data can end the element early.
std::string json_for_script(const nlohmann::json& data);

}  // namespace unrest::report
