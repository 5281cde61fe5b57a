// A private scratch folder: made with mkdtemp under $TMPDIR (or /tmp), so its name cannot be
// guessed or taken beforehand by another user, and removed with everything in it when the
// object dies. Used where a helper program needs files (pandoc's import) or a preview is built
// (serve); never for what the user asked to keep.
#pragma once
#include <filesystem>
#include <string>

namespace kv {

class ScratchDir {
 public:
  // prefix: the start of the folder's name ("kvalitet-import-"). Throws std::system_error
  // when the folder cannot be created.
  explicit ScratchDir(const std::string& prefix);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// $TMPDIR, or /tmp when it is unset or empty.
std::filesystem::path temp_base();

}  // namespace kv
