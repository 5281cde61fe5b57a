#include "import/docx_bounds.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "util/limits.h"
#include "write/output_dir.h"

namespace kv::import {

namespace fs = std::filesystem;

namespace {

constexpr size_t kChunk = 64 * 1024;

// Whole MiB, rounded up: "101 MiB" for a file just over the limit.
std::string mib(std::uintmax_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20); }

// A name pandoc could follow out of the folder it extracts media to.
bool leads_out(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("/\\", start);
    if (end == std::string::npos) end = name.size();
    if (name.compare(start, end - start, "..") == 0 && end - start == 2) return true;
    start = end + 1;
  }
  return false;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::uint64_t little_endian(const std::string& bytes, size_t at, int width) {
  std::uint64_t v = 0;
  for (int i = width - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<size_t>(i)]);
  return v;
}

// The number of entries the archive's end record states (the zip64 one when there is one),
// read before libzip loads the whole central directory: that costs some 300 bytes of memory
// per entry, 300 MB for a 100 MB file of empty entries. nullopt when no end record is found
// (libzip then says it is no zip archive).
std::optional<std::uint64_t> stated_entries(const fs::path& docx, std::uintmax_t size) {
  std::ifstream in(docx, std::ios::binary);
  const std::uintmax_t tail = std::min<std::uintmax_t>(size, 65535 + 22);
  std::string bytes(static_cast<size_t>(tail), '\0');
  if (!in.seekg(static_cast<std::streamoff>(size - tail)) || !in.read(bytes.data(), static_cast<std::streamsize>(tail)))
    return std::nullopt;
  for (size_t at = bytes.size() >= 22 ? bytes.size() - 22 + 1 : 0; at-- > 0;) {
    if (bytes.compare(at, 4, "PK\x05\x06") != 0) continue;
    const std::uint64_t entries = little_endian(bytes, at + 10, 2);
    if (entries != 0xffff || at < 20 || bytes.compare(at - 20, 4, "PK\x06\x07") != 0) return entries;
    // The zip64 end record, at the offset its locator gives.
    const std::uint64_t offset = little_endian(bytes, at - 20 + 8, 8);
    std::string record(56, '\0');
    if (offset > size || !in.seekg(static_cast<std::streamoff>(offset)) || !in.read(record.data(), 56) ||
        record.compare(0, 4, "PK\x06\x06") != 0)
      return entries;
    return little_endian(record, 32, 8);
  }
  return std::nullopt;
}

enum class Outcome { kOk, kDamaged, kEntryTooLarge, kTotalTooLarge };

// Reads entry `index` raw and decompresses it (stored or deflated, the two methods Word and
// pandoc use), adding the bytes that come out to total. Stops as soon as a limit is passed.
Outcome unpack(zip_t* zip, zip_uint64_t index, zip_uint16_t method, std::uintmax_t& total) {
  if (method != ZIP_CM_STORE && method != ZIP_CM_DEFLATE) return Outcome::kDamaged;
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(zip, index, ZIP_FL_COMPRESSED));
  if (!file) return Outcome::kDamaged;
  z_stream z{};
  const bool deflated = method == ZIP_CM_DEFLATE;
  if (deflated && inflateInit2(&z, -MAX_WBITS) != Z_OK) return Outcome::kDamaged;
  std::unique_ptr<z_stream, int (*)(z_stream*)> end_inflate(deflated ? &z : nullptr, inflateEnd);
  std::vector<unsigned char> in(kChunk), out(kChunk);
  std::uintmax_t entry = 0;
  auto count = [&](std::uintmax_t n) {
    entry += n;
    total += n;
    if (entry > limits::kDocxEntryBytes) return Outcome::kEntryTooLarge;
    if (total > limits::kDocxTotalBytes) return Outcome::kTotalTooLarge;
    return Outcome::kOk;
  };
  bool ended = !deflated;
  for (;;) {
    const zip_int64_t got = zip_fread(file.get(), in.data(), in.size());
    if (got < 0) return Outcome::kDamaged;
    if (got == 0) break;
    if (!deflated) {
      if (auto o = count(static_cast<std::uintmax_t>(got)); o != Outcome::kOk) return o;
      continue;
    }
    if (ended) continue;  // bytes after the end of the stream: pandoc's reader ignores them too
    z.next_in = in.data();
    z.avail_in = static_cast<uInt>(got);
    do {
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      const int r = inflate(&z, Z_NO_FLUSH);
      if (r != Z_OK && r != Z_STREAM_END && r != Z_BUF_ERROR) return Outcome::kDamaged;
      if (auto o = count(out.size() - z.avail_out); o != Outcome::kOk) return o;
      if (r == Z_STREAM_END) {
        ended = true;
        break;
      }
    } while (z.avail_out == 0);
  }
  return ended ? Outcome::kOk : Outcome::kDamaged;
}

}  // namespace

bool docx_within_limits(const fs::path& docx, Diagnostics& diags) {
  const SourcePos at{docx.generic_string(), 0, 0};
  // Opened once, here: the size checked is the size of the file libzip reads.
  const int fd = ::open(docx.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  struct stat info {};
  if (fd < 0 || ::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    const int why = fd < 0 ? errno : EIO;
    if (fd >= 0) ::close(fd);
    diags.error(at, diags.t(Msg::kReadFailedBecause, {write_error_reason(why, diags)}), diags.t(Msg::kFileUnreadableHint));
    return false;
  }
  const auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > limits::kDocxFileBytes) {
    ::close(fd);
    diags.error(at, diags.t(Msg::kImportDocxTooLarge, {mib(size), mib(limits::kDocxFileBytes)}), diags.t(Msg::kImportDocxLimitHint));
    return false;
  }
  if (auto stated = stated_entries(docx, size); stated && *stated > limits::kDocxEntries) {
    ::close(fd);
    diags.error(at, diags.t(Msg::kImportDocxTooManyEntries, {std::to_string(*stated), std::to_string(limits::kDocxEntries)}),
                diags.t(Msg::kImportDocxLimitHint));
    return false;
  }
  // ZIP_CHECKCONS: each entry's local header must agree with the central directory, so the
  // bytes counted here are the bytes pandoc (which reads the local headers) unpacks.
  int error = 0;
  std::unique_ptr<zip_t, ZipCloser> zip(zip_fdopen(fd, ZIP_CHECKCONS, &error));  // owns fd from here on success
  if (!zip) {
    ::close(fd);
    diags.error(at, diags.t(Msg::kImportNotZip), diags.t(Msg::kImportNotZipHint));
    return false;
  }
  const zip_int64_t entries = zip_get_num_entries(zip.get(), 0);
  if (entries < 0 || static_cast<std::uintmax_t>(entries) > limits::kDocxEntries) {
    diags.error(at, diags.t(Msg::kImportDocxTooManyEntries, {std::to_string(entries), std::to_string(limits::kDocxEntries)}),
                diags.t(Msg::kImportDocxLimitHint));
    return false;
  }
  std::uintmax_t total = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
        !(st.valid & ZIP_STAT_COMP_METHOD)) {
      diags.error(at, diags.t(Msg::kImportDocxDamaged, {"#" + std::to_string(i + 1)}), diags.t(Msg::kImportPandocFailedHint));
      return false;
    }
    const std::string name = st.name;
    if (leads_out(name)) {
      diags.error(at, diags.t(Msg::kImportDocxBadName, {name}), diags.t(Msg::kImportPandocFailedHint));
      return false;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      diags.error(at, diags.t(Msg::kImportDocxDamaged, {name}), diags.t(Msg::kImportPandocFailedHint));
      return false;
    }
    switch (unpack(zip.get(), static_cast<zip_uint64_t>(i), st.comp_method, total)) {
      case Outcome::kOk:
        break;
      case Outcome::kDamaged:
        diags.error(at, diags.t(Msg::kImportDocxDamaged, {name}), diags.t(Msg::kImportPandocFailedHint));
        return false;
      case Outcome::kEntryTooLarge:
        diags.error(at, diags.t(Msg::kImportDocxEntryTooLarge, {name, mib(limits::kDocxEntryBytes)}),
                    diags.t(Msg::kImportDocxLimitHint));
        return false;
      case Outcome::kTotalTooLarge:
        diags.error(at, diags.t(Msg::kImportDocxTotalTooLarge, {mib(limits::kDocxTotalBytes)}), diags.t(Msg::kImportDocxLimitHint));
        return false;
    }
  }
  return true;
}

}  // namespace kv::import
