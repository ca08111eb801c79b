#pragma once
// Writes a whole text file, throwing with the path and the system's reason on failure.
#include <filesystem>
#include <string>

namespace unrest::io {

void write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace unrest::io
