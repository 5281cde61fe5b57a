// Creating the new files of one command (`kvalitet ny`, `kvalitet importera`) all or none:
// each is created with create_file (never replacing anything); when one fails, those created
// so far, and the folders made for them, are removed again, so a full disk or an unwritable
// folder leaves the content folder as it was.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kv {

struct NewFile {
  std::filesystem::path path;
  std::string content;                              // written as it is, unless copy_from
  std::optional<std::filesystem::path> copy_from;   // a file whose bytes are written instead
};

// Throws WriteError (the first failure) after undoing what it did.
void create_all(const std::vector<NewFile>& files);

}  // namespace kv
