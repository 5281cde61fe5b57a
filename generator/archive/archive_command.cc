#include "archive/archive_command.h"

#include <ostream>

#include "archive/year_archive.h"
#include "diag/print_diagnostics.h"
#include "load/content_names.h"
#include "util/escape.h"
#include "util/text.h"
#include "write/output_place.h"

namespace kv {
namespace fs = std::filesystem;

namespace {

// The public address links to other years lead to: https:// or http://, ending in '/'.
std::optional<std::string> public_base(const std::string& given, const std::string& from_site, Diagnostics& diags) {
  std::string base = given.empty() ? from_site : given;
  if (base.empty()) {
    diags.error({kSiteFile, 0, 0}, diags.t(Msg::kArchiveNoBase), diags.t(Msg::kArchiveNoBaseHint));
    return std::nullopt;
  }
  if (!starts_with(base, "https://") && !starts_with(base, "http://")) {
    diags.error({given.empty() ? kSiteFile : "--adress", 0, 0}, diags.t(Msg::kArchiveBadBase, {base}), diags.t(Msg::kArchiveNoBaseHint));
    return std::nullopt;
  }
  if (base.back() != '/') base += '/';
  return base;
}

// A package goes outside the content folder, or into its _arkiv/ (frozen years): anywhere else
// in it, the next build would read it as a unit; around it, it would hold the content.
bool package_place_ok(const fs::path& dir, const fs::path& content, Diagnostics& diags) {
  const fs::path frozen = content / kArchiveFolder;
  if ((!path_within(dir, content) || path_within(dir, frozen)) && !path_within(content, dir)) return true;
  diags.error({dir.generic_string(), 0, 0}, diags.t(Msg::kArchiveInsideContent, {dir.generic_string(), content.generic_string()}),
              diags.t(Msg::kArchiveInsideContentHint, {frozen.generic_string()}));
  return false;
}

}  // namespace

int run_archive(const CommandContext& context, const ArchiveCommand& c, std::ostream& out, std::ostream& err) {
  if (const int status = run_build(context, c.build, out, err); status != 0) return status;
  Diagnostics diags = context.diagnostics();
  const fs::path& content_root = context.options.content_root;
  auto base = public_base(c.base, context.settings.base_url, diags);
  std::optional<size_t> files;
  const fs::path dir = package_dir(c.dir, c.year);
  if (base && package_place_ok(dir, content_root, diags)) files = write_year_archive({c.year, c.build.output_dir, content_root, dir, *base}, diags);
  print_diagnostics(diags, context.options.style, out, err);
  if (!files) return 1;
  if (!context.options.style.quiet)
    people_stream(context.options.style, out, err) << diags.t(Msg::kArchiveDone, {std::to_string(c.year), terminal_text(dir.generic_string()), group_digits(*files)}) << '\n';
  return 0;
}

}  // namespace kv
