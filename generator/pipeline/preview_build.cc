#include "pipeline/preview_build.h"

#include <algorithm>
#include <tuple>

#include "load/content_names.h"
#include "load/content_place.h"
#include "pipeline/input_stamp.h"
#include "pipeline/render_output.h"
#include "validate/site.h"
#include "write/files.h"
#include "write/leftovers.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

auto key(const PreviewProblemPlace& p) { return std::tie(p.unit, p.year, p.kind); }

}  // namespace

std::optional<PreviewProblemPlace> preview_place(const fs::path& content_root, const std::string& path) {
  if (path.empty()) return std::nullopt;
  const fs::path rel = fs::path(path).lexically_normal().lexically_relative(content_root.lexically_normal());
  if (rel == kSiteFile) return std::nullopt;
  auto place = content_place(rel);
  if (!place) return std::nullopt;
  return PreviewProblemPlace{place->unit, place->year, place->kind, false};
}

PreviewOutcome run_preview_build(const CommandContext& context, const BuildOptions& build) {
  BuildOptions preview = build;
  preview.audience = model::Audience::kPreview;
  const fs::path content_root = context.options.content_root;
  tidy_leftovers(build.output_dir);
  // Each save makes only the targets whose inputs changed (write/target_log.h), as a build
  // does; the stamp is taken before any input is read, so a file saved meanwhile counts.
  PreviewOutcome outcome;
  auto stop = [&] { return build.cancelled && (outcome.cancelled = build.cancelled()); };
  const InputStamp stamp = context.templates && context.themes ? input_stamp(context, preview) : InputStamp();
  if (stop()) return outcome;
  Validated v = validate_content(context, preview, stamp.empty() ? nullptr : &stamp.hashes);
  if (stop()) return outcome;
  outcome.seen.diagnostics.lang = v.diagnostics.lang;
  outcome.seen.diagnostics.list.append(v.diagnostics.list);
  outcome.seen.readability = page_readability(v.site, v.diagnostics.lang, context.threads());
  outcome.seen.lix_limit = v.site.lix_limit;
  if (stop()) return outcome;

  bool renderable = !v.templates.empty() && editions_agree(v.site);
  std::vector<PreviewProblemPlace> places;
  for (const auto& d : v.diagnostics.list.items()) {
    if (d.severity != Severity::kError) continue;
    auto place = preview_place(content_root, d.pos.path);
    if (!place || (place->year != 0 && v.site.frozen(place->year))) renderable = false;
    if (!place) continue;
    for (const auto& s : v.site.submissions)
      if (s.unit.slug == place->unit && (place->year == 0 || (s.year == place->year && s.kind_slug == place->kind)))
        place->rendered = true;
    if (std::none_of(places.begin(), places.end(), [&](const auto& p) { return key(p) == key(*place); }))
      places.push_back(std::move(*place));
  }
  std::sort(places.begin(), places.end(), [](const auto& a, const auto& b) { return key(a) < key(b); });
  outcome.places = std::move(places);
  if (!renderable) return outcome;

  Diagnostics diagnostics = context.diagnostics();
  TargetLog log;
  if (!stamp.empty()) read_target_log(build.output_dir, log);
  auto written = render_output(v, context, build.output_dir, model::Audience::kPreview, false, diagnostics,
                               [&](const fs::path& staging, const fs::path&, BuildCounts&) {
    if (!stamp.empty()) write_file(staging / kInputStampFile, stamp_file_text(stamp, {}, log.text()));
    return true;
  }, stamp.empty() ? Targets{} : Targets{&log, &stamp.hashes}, build.cancelled);
  if (!written && stop()) return outcome;
  outcome.seen.diagnostics.list.append(diagnostics.list);
  outcome.written = written.has_value();
  if (outcome.written)
    outcome.model = std::make_shared<PreviewModel>(PreviewModel{std::move(v.site), std::move(v.structures), v.templates});
  return outcome;
}

PreviewOutcome run_preview_build(const PipelineOptions& options) { return run_preview_build(make_context(options), options); }

}  // namespace kv
