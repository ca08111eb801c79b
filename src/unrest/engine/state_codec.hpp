#pragma once
// A run's state as a string of bytes (io/state_file.hpp puts it in a file): numbers copied bit
// for bit, in the byte order of this machine, and counted lists. The reader checks every
// length against what is left, so a truncated or altered string ends in StateFormatError,
// never in a read past the end or an allocation of an absurd size.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace unrest::engine {

class StateFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class StateWriter {
 public:
  template <typename T>
  void put(T value) {
    static_assert(std::is_arithmetic_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  // The first `count` elements of `values` (all of them by default), after their count.
  template <typename T>
  void put_list(const std::vector<T>& values, std::size_t count) {
    static_assert(std::is_arithmetic_v<T>);
    put<std::uint64_t>(count);
    bytes_.append(reinterpret_cast<const char*>(values.data()), count * sizeof(T));
  }
  template <typename T>
  void put_list(const std::vector<T>& values) {
    put_list(values, values.size());
  }
  void put_text(const std::string& text) {
    put<std::uint64_t>(text.size());
    bytes_ += text;
  }
  const std::string& bytes() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class StateReader {
 public:
  explicit StateReader(std::string_view bytes) : bytes_(bytes) {}

  template <typename T>
  T get(const char* what) {
    static_assert(std::is_arithmetic_v<T>);
    T value{};
    read(&value, sizeof value, what);
    return value;
  }
  // A list of at most `most` elements (a count above it is corruption).
  template <typename T>
  std::vector<T> get_list(const char* what, std::uint64_t most) {
    static_assert(std::is_arithmetic_v<T>);
    const auto count = get<std::uint64_t>(what);
    if (count > most || count > left() / sizeof(T)) {
      throw StateFormatError(std::string("impossible length of ") + what);
    }
    std::vector<T> values(static_cast<std::size_t>(count));
    read(values.data(), values.size() * sizeof(T), what);
    return values;
  }
  std::string get_text(const char* what) { return std::string(get_bytes(what)); }
  // What put_text wrote, as a view into the bytes read (valid while they are).
  std::string_view get_bytes(const char* what) {
    const auto count = get<std::uint64_t>(what);
    if (count > left()) throw StateFormatError(std::string("impossible length of ") + what);
    const std::string_view text = bytes_.substr(pos_, static_cast<std::size_t>(count));
    pos_ += static_cast<std::size_t>(count);
    return text;
  }
  std::size_t left() const { return bytes_.size() - pos_; }

 private:
  void read(void* out, std::size_t n, const char* what) {
    if (n > left()) throw StateFormatError(std::string("ends inside ") + what);
    if (n > 0) std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

}  // namespace unrest::engine
