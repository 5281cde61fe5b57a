// The inputs of a build as hashes (pipeline/input_stamp.h computes them from every file's
// size, time and inode, and the bytes of files saved in the last seconds): what the declared
// targets' keys are made of (render/html/target_keys.h) and what serve's cache of read
// documents is keyed by (validate/submission_cache.h).
#pragma once
#include <map>
#include <string>

namespace kv {

struct InputHashes {
  // Every input outside the unit folders: the generator, the options, templates, themes,
  // site.yaml, _beslut/, _arkiv/, …
  std::string site;
  // Each unit folder ("<enhet>") and each document folder ("<enhet>/<år>/<slag>"), whole.
  std::map<std::string, std::string> folders;
  bool operator==(const InputHashes&) const = default;
};

}  // namespace kv
