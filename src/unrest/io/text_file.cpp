#include "unrest/io/text_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace unrest::io {

// POSIX calls rather than streams: a stream's failure does not say why, and errno read after
// it is whatever the last call left (a full disk used to read "No such file or directory").
void write_all(int fd, std::string_view data, const std::filesystem::path& path) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(
          fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
    }
    if (n == 0) {
      throw std::runtime_error(
          fmt::format("cannot write '{}': the system accepted no bytes", path.string()));
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void write_text_file(const std::filesystem::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw std::runtime_error(
        fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
  }
  try {
    write_all(fd, text, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  // A full disk may only show when the data is flushed: close's result counts too.
  if (::close(fd) != 0) {
    throw std::runtime_error(
        fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
  }
}

void replace_text_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path partial = path;
  partial += ".partial";
  try {
    write_text_file(partial, text);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    std::filesystem::remove(partial, error);
    throw std::runtime_error(fmt::format("cannot write '{}': {}", path.string(), error.message()));
  }
}

}  // namespace unrest::io
