#pragma once
// Writes a whole text file, throwing with the path and the system's reason on failure.
#include <filesystem>
#include <string>

namespace unrest::io {

void write_text_file(const std::filesystem::path& path, const std::string& text);

// The same, but the file appears whole or not at all (written beside it, then renamed), and
// an existing file is replaced only once the new one is complete.
void replace_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace unrest::io
