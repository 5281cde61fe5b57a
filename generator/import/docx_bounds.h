// A Word file is a zip archive, and pandoc unpacks it whole into memory: a few hundred kB
// can unpack to gigabytes. Before pandoc sees it, the .docx is opened with libzip and every
// entry is decompressed here, counting the bytes that actually come out (the sizes the zip
// states can lie), against the limits in util/limits.h. Entry names that lead out of the
// archive ("../x", "/x") are refused too: pandoc extracts media under their names.
#pragma once
#include <filesystem>

#include "diag/diagnostics.h"

namespace kv::import {

// True when docx may be given to pandoc; otherwise reports the limit reached (or that the
// file is no zip archive, or is damaged) at docx and returns false. Never throws.
bool docx_within_limits(const std::filesystem::path& docx, Diagnostics& diags);

}  // namespace kv::import
