// Verifying a BagIt bag as kvalitet writes it (package/bag_writer.h), the way `bagit.py
// --validate` or `sha256sum -c` would, plus what only kvalitet's own bags promise: the bag
// says kvalitet made it, holds nothing but regular files and folders, and has no file its
// manifests do not list. Used before a package is replaced (`kvalitet arkiv` removes only its
// own, unchanged bags) and by every build with frozen years (a frozen year's package is
// served as it is, so it must be exactly what was archived).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace kv {

// A tag file (bagit.txt, bag-info.txt, the manifests) larger than this is not read: kvalitet
// writes one line per payload file, so even 100,000 files stay far below it.
inline constexpr std::uintmax_t kBagTagFileBytes = 64 << 20;  // 64 MiB

struct BagProblem {
  std::filesystem::path file;  // the file the problem is in or about
  int line = 0;                // its line, when the problem is one line of a tag file
  std::string message;         // in the language of the Diagnostics given
};

// Every way the bag at dir is not a complete, unchanged bag written by kvalitet, in a stable
// order; empty when it is one. Payload files are hashed in pieces (little memory).
std::vector<BagProblem> verify_bag(const std::filesystem::path& dir, const Diagnostics& lang);

}  // namespace kv
