// libFuzzer entry point; KV_FUZZ_TARGET (set per executable in tests/fuzz/CMakeLists.txt)
// names the function of targets.h it drives.
#include <cstddef>
#include <cstdint>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kv::fuzz::KV_FUZZ_TARGET({reinterpret_cast<const char*>(data), size});
  return 0;
}
