#pragma once
// Results travel between processes as strings of bytes: 64-bit words and doubles, copied
// bit for bit (every process runs the same binary on the same kind of machine), so a result
// read back is exactly the result written.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace unrest::experiments {

class ByteWriter {
 public:
  void u64(std::uint64_t v) { bytes_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void f64(double v) { bytes_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void doubles(const std::vector<double>& v) {
    u64(v.size());
    bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(double));
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(const std::string& bytes) : bytes_(bytes) {}
  std::uint64_t u64() {
    std::uint64_t v = 0;
    read(&v, sizeof v);
    return v;
  }
  double f64() {
    double v = 0;
    read(&v, sizeof v);
    return v;
  }
  std::vector<double> doubles() {
    std::vector<double> v(static_cast<std::size_t>(u64()));
    read(v.data(), v.size() * sizeof(double));
    return v;
  }

 private:
  void read(void* out, std::size_t n) {
    if (pos_ + n > bytes_.size()) throw std::runtime_error("truncated result message");
    std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
  }
  const std::string& bytes_;
  std::size_t pos_ = 0;
};

}  // namespace unrest::experiments
