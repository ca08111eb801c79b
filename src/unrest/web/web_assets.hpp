#pragma once
// The web pages bundled from web/ at build time (report.html: the report template; app.html:
// the live viewer; sensitivity.html: the charts of `unrest sensitivity`). A build made where
// Node.js and npm were absent has none: available() is false and callers say so, with what to do.
#include <optional>
#include <string_view>

namespace unrest::web {

bool available();
std::optional<std::string_view> asset(std::string_view name);

inline constexpr const char* kUnavailable =
    "this unrest was built without its web pages (Node.js and npm were missing when it was "
    "built, or it was configured with -DUNREST_WEB=OFF): install them, e.g. `apt-get install "
    "nodejs npm`, and rebuild (see README)";

}  // namespace unrest::web
