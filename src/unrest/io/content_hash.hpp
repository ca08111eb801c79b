#pragma once
// A short, stable fingerprint of a scenario's text, so a manifest says exactly what ran.
// FNV-1a (64-bit): not cryptographic, but stable across platforms and enough to tell two
// scenarios apart.
#include <cstdint>
#include <string>
#include <string_view>

namespace unrest::io {

std::uint64_t fnv1a64(std::string_view bytes);
std::string fnv1a64_hex(std::string_view bytes);

}  // namespace unrest::io
