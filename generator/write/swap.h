// Putting a complete staging folder in place of the output folder so that, whatever moment
// the process dies at, there is always a complete output folder (old or new) at its name.
#pragma once
#include <filesystem>
#include <system_error>

namespace kv {

enum class SwapMethod { kExchange, kAsideThenIn };

// Moves staging to out. With an existing out, both are swapped in one renameat2
// RENAME_EXCHANGE (the old output then sits at the staging name, to be removed by the
// caller); where the file system refuses that (EINVAL, ENOSYS) or allow_exchange is false,
// out goes aside to aside (see leftovers.h for the recovery) and staging in. Returns the
// first error; on error out is as it was.
std::error_code swap_into_place(const std::filesystem::path& staging, const std::filesystem::path& out,
                                const std::filesystem::path& aside, bool allow_exchange = true);

}  // namespace kv
