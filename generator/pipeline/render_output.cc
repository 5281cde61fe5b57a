#include "pipeline/render_output.h"

#include "package/frozen_years.h"
#include "render/html/site_renderer.h"
#include "write/journal.h"
#include "write/markers.h"
#include "write/output_dir.h"
#include "write/output_tree.h"

namespace kv {

namespace fs = std::filesystem;

bool writes_in_place(const TargetLog* log, bool with_pdf) { return log && log->has_previous() && !with_pdf; }

std::optional<BuildCounts> render_output(const Validated& v, const CommandContext& context, const fs::path& out,
                                         model::Audience audience, bool with_pdf, Diagnostics& diagnostics,
                                         const FinishStaging& finish, Targets targets,
                                         const std::function<bool()>& cancelled) {
  const fs::path content_root = context.options.content_root;
  RenderInputs inputs{v.templates, content_root, context.threads(), with_pdf, {}};
  std::error_code ec;
  if (fs::is_regular_file(out / kOutputMarker, ec)) inputs.previous = out;  // only a folder kvalitet made
  inputs.log = targets.log;
  inputs.input_hashes = targets.inputs;
  inputs.cancelled = cancelled;
  if (const SubmissionCache* documents = targets.documents)
    inputs.stored_document = [documents](const model::Submission& s) { return documents->stored_form(s); };
  BuildCounts counts;
  auto render = [&](const fs::path& staging) {
    auto rendered = render_site(v.site, inputs, staging, diagnostics);
    if (!rendered) return std::optional<int>();
    const OutputTree tree(staging, inputs.previous, inputs.kept);
    counts.pages = rendered->pages + place_frozen_years(v.site.frozen_years, content_root, tree);
    counts.workbooks = rendered->workbooks;
    if (finish && !finish(staging, inputs.previous, counts)) return std::optional<int>();
    return std::optional<int>(counts.pages);
  };
  // A build that makes only what changed writes that through a journal into the output in
  // place (write/journal.h); PDFs are made from a whole staged site, so those builds stage.
  const bool in_place = !inputs.previous.empty() && writes_in_place(targets.log, with_pdf);
  auto written = in_place ? write_output_journal(out, diagnostics, [&](const fs::path& journal, KeptFiles& kept) {
    inputs.kept = &kept;
    return render(journal);
  }, targets.listed) : write_output_dir(out, diagnostics, render, model::audience_word(audience));
  if (!written) return std::nullopt;
  return counts;
}

}  // namespace kv
