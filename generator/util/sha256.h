// SHA-256 as lower-case hex (OpenSSL's libcrypto): the checksums of an archive package's
// manifests, which `sha256sum -c` reproduces.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kv {

std::string sha256_hex(std::string_view bytes);

// The checksum of a file's bytes, read in pieces; nullopt when it cannot be read.
std::optional<std::string> sha256_file(const std::filesystem::path& file);

}  // namespace kv
