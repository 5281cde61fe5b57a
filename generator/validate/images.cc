#include "validate/images.h"

#include <fstream>
#include <iterator>

#include "load/content_path.h"
#include "util/limits.h"
#include "markdown/markdown.h"
#include "util/text.h"
#include "validate/svg_check.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

// The whole file, or its first bytes (enough to tell the formats apart).
std::string read_file(const fs::path& file, bool whole) {
  std::ifstream in(file, std::ios::binary);
  if (whole) return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string head(64, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// A bild block's file by its name, as it always was.
bool figure_extension(const std::string& written) {
  const std::string ext = fold_case(fs::path(written).extension().string());
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".svg" || ext == ".webp" || ext == ".gif";
}

// Reads the file once it is known to be a plain file inside the content folder; reports an
// SVG that is not inert and, for prose, any content that is not PNG, JPEG or SVG named .svg.
bool check_format(const fs::path& file, const std::string& written, ImageUse use, const SourcePos& at, Diagnostics& diagnostics) {
  const bool svg_name = fold_case(fs::path(written).extension().string()) == ".svg";
  const std::string content = read_file(file, svg_name);
  const ImageFormat format = sniff_image(content);
  if (use == ImageUse::kProse && format != ImageFormat::kPng && format != ImageFormat::kJpeg &&
      !(format == ImageFormat::kSvg && svg_name)) {
    diagnostics.error(at, diagnostics.t(Msg::kProseImageFormat, {written}), diagnostics.t(Msg::kProseImageFormatHint));
    return false;
  }
  if (svg_name && !svg_is_inert(content)) {
    diagnostics.error(at, diagnostics.t(Msg::kSvgNotInert, {written}), diagnostics.t(Msg::kSvgNotInertHint));
    return false;
  }
  return true;
}

// A path like written (relative to directory, '/'-separated) that exists: each part that
// does not exist replaced by its folder's entry with the same name in other capital and small
// letters, else by the one closest to it ("bilder/promenadgrupp.png" when the file is
// Promenadgrupp.png). "" when some part has none close enough, or the path would lead out of
// the content folder.
std::string near_path(const fs::path& directory, const std::string& written, const ContentRoot& root) {
  if (written.empty() || fs::path(written).is_absolute()) return "";
  fs::path at = directory;
  std::string out;
  size_t start = 0;
  while (start <= written.size()) {
    size_t end = written.find('/', start);
    if (end == std::string::npos) end = written.size();
    std::string part = written.substr(start, end - start);
    start = end + 1;
    if (part.empty()) continue;
    std::error_code ec;
    if (part != "." && part != ".." && !fs::exists(fs::symlink_status(at / part, ec))) {
      std::vector<std::string> names;
      std::string same;
      for (fs::directory_iterator it(at, ec), stop; !ec && it != stop && names.size() < limits::kFolderEntries; it.increment(ec)) {
        names.push_back(it->path().filename().string());
        if (same.empty() && fold_case(names.back()) == fold_case(part)) same = names.back();
      }
      part = same.empty() ? closest_match(part, names) : same;
      if (part.empty()) return "";
    }
    at /= part;
    out += (out.empty() ? "" : "/") + part;
  }
  const fs::path relative = at.lexically_normal().lexically_relative(root.path.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return "";
  return out == written ? "" : out;
}

}  // namespace

ImageFormat sniff_image(std::string_view head) {
  if (starts_with(head, "\x89PNG\r\n\x1a\n")) return ImageFormat::kPng;
  if (starts_with(head, "\xFF\xD8\xFF")) return ImageFormat::kJpeg;
  if (starts_with(head, "GIF87a") || starts_with(head, "GIF89a")) return ImageFormat::kGif;
  if (starts_with(head, "RIFF") && head.size() >= 12 && head.substr(8, 4) == "WEBP") return ImageFormat::kWebp;
  // SVG is text: an optional byte-order mark and white space, then markup (<?xml, <!--, <svg).
  if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  return starts_with(trim(head), "<") ? ImageFormat::kSvg : ImageFormat::kOther;
}

std::optional<std::string> resolve_image(const std::string& written, ImageUse use, const SourcePos& at,
                                         const BlockContext& context, Diagnostics& diagnostics) {
  if (markdown::is_remote_url(written)) {
    diagnostics.error(at, diagnostics.t(Msg::kRemoteImage, {written}), diagnostics.t(Msg::kRemoteImageHint));
    return std::nullopt;
  }
  if (use == ImageUse::kFigure && !figure_extension(written)) {
    diagnostics.error(at, diagnostics.t(Msg::kImageType, {written}), diagnostics.t(Msg::kImageTypeHint));
    return std::nullopt;
  }
  // An address in prose may carry ?query or #fragment; the file is what comes before.
  const std::string path = use == ImageUse::kProse ? written.substr(0, written.find_first_of("?#")) : written;
  const ContentRoot& root = *context.content;
  const fs::path file = (fs::path(path).is_absolute() ? fs::path(path) : context.directory / path).lexically_normal();
  if (classify_path(root, file) == PathState::kMissing) {
    diagnostics.error(at, diagnostics.t(Msg::kImageMissing, {written}),
                      diagnostics.suggest_file(near_path(context.directory, path, root), path, diagnostics.t(Msg::kImageMissingHint)));
    return std::nullopt;
  }
  if (!check_content_path(root, file, written, at, diagnostics)) return std::nullopt;
  std::error_code ec;
  if (auto size = fs::file_size(file, ec); !ec && size > limits::kImageFileBytes) {
    diagnostics.error(at, diagnostics.t(Msg::kImageTooLarge, {written, group_digits(size), group_digits(limits::kImageFileBytes)}),
                 diagnostics.t(Msg::kImageTooLargeHint));
    return std::nullopt;
  }
  if (!check_format(file, written, use, at, diagnostics)) return std::nullopt;
  // The site copies the file at this path; the check above made sure it leads inside.
  const fs::path relative = file.lexically_relative(root.path.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") {
    diagnostics.error(at, diagnostics.t(Msg::kPathOutsideContent, {written, root.path.generic_string()}),
                 diagnostics.t(Msg::kPathOutsideContentHint));
    return std::nullopt;
  }
  return relative.generic_string();
}

}  // namespace kv
