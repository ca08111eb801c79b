#include "unrest/io/text_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace unrest::io {

void write_text_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    throw std::runtime_error(
        fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
  }
}

}  // namespace unrest::io
