#pragma once
// Writes a whole text file, throwing with the path and the system's reason on failure.
#include <filesystem>
#include <string>
#include <string_view>

namespace unrest::io {

// Writes all of `data` to the open file `fd`, throwing with `path` and the system's reason
// (a full disk says so).
void write_all(int fd, std::string_view data, const std::filesystem::path& path);

void write_text_file(const std::filesystem::path& path, const std::string& text);

// The same, but the file appears whole or not at all (written beside it, then renamed), and
// an existing file is replaced only once the new one is complete.
void replace_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace unrest::io
