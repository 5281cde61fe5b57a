#include "render/html/site_renderer.h"

#include <algorithm>
#include <functional>
#include <mutex>
#include <set>

#include "render/html/pages.h"
#include "render/print/print_page.h"
#include "render/xlsx/indicator_workbooks.h"
#include "render/xlsx/submission_workbook.h"
#include "util/parallel.h"
#include "write/output_dir.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

bool copy_theme(const model::Site& site, const RenderInputs& inputs, const fs::path& out, Report& report) {
  fs::path theme = inputs.themes / site.theme;
  std::error_code ec;
  if (!fs::is_directory(theme, ec)) {
    std::string list;
    for (const auto& entry : fs::directory_iterator(inputs.themes, ec))
      if (entry.is_directory()) list += (list.empty() ? "" : ", ") + entry.path().filename().string();
    report.error({(inputs.content_root / "site.yaml").generic_string(), 0, 0}, report.t(Msg::kBadTheme, {site.theme}),
                 report.t(Msg::kBadThemeHint, {list}));
    return false;
  }
  fs::copy(theme, out / "assets", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  return true;
}

// Images the authors referenced, copied under media/ at their content-relative path.
void copy_media(const std::vector<model::Block>& blocks, const RenderInputs& inputs, const fs::path& out) {
  model::for_each_block(blocks, [&](const model::Block& block) {
    if (const auto* f = std::get_if<model::Figure>(&block.value); f && !f->file.empty()) {
      fs::create_directories((out / "media" / f->file).parent_path());
      fs::copy_file(inputs.content_root / f->file, out / "media" / f->file, fs::copy_options::overwrite_existing);
    }
  });
}

}  // namespace

std::optional<int> render_site(const model::Site& site, const RenderInputs& inputs, const fs::path& out,
                               Report& report) {
  auto layouts = Layouts::load(inputs.templates / "layouts", {"base", "start", "overview", "question", "print"}, report);
  if (!layouts || !copy_theme(site, inputs, out, report)) return std::nullopt;

  std::vector<std::function<Page()>> jobs;
  std::vector<std::function<void()>> files;  // other outputs (workbooks), written in parallel too
  jobs.push_back([&] { return render_start_page(site, *layouts); });
  for (const auto& s : site.submissions) {
    jobs.push_back([&] { return render_overview_page(site, s, *layouts, inputs.with_pdf); });
    jobs.push_back([&] { return render_print_page(site, s, *layouts); });
    if (has_tables(s))
      files.push_back([&] {
        fs::path file = out / workbook_path(s);
        fs::create_directories(file.parent_path());
        write_submission_workbook(s, site.lang, file);
      });
    for (const auto& [number, answer] : s.answers)
      jobs.push_back([&, n = number] { return render_question_page(site, s, n, *layouts); });
    copy_media(s.intro, inputs, out);
    for (const auto& [number, answer] : s.answers) copy_media(answer.blocks, inputs, out);
  }
  auto workbook_job = [&](std::string path, std::function<void(const fs::path&)> write) {
    files.push_back([&out, path = std::move(path), write = std::move(write)] {
      fs::create_directories((out / path).parent_path());
      write(out / path);
    });
  };
  for (int year : years_with_indicators(site))
    workbook_job(year_workbook_path(year), [&site, year](const fs::path& f) { write_year_workbook(site, year, f); });
  for (const auto& slug : indicator_slugs(site))
    workbook_job("indikatorer/" + slug + ".xlsx", [&site, slug](const fs::path& f) { write_trend_workbook(site, slug, f); });
  std::mutex failures_lock;
  std::set<std::string> failures;  // ordered, so the report does not depend on scheduling
  parallel_for(jobs.size() + files.size(), inputs.threads, [&](size_t i) {
    try {
      if (i < jobs.size()) {
        Page page = jobs[i]();
        write_file(out / page.path, page.html);
      } else {
        files[i - jobs.size()]();
      }
    } catch (const std::exception& e) {
      std::lock_guard lock(failures_lock);
      failures.insert(e.what());
    }
  });
  for (const auto& f : failures)
    report.error({out.generic_string(), 0, 0}, report.t(Msg::kWriteFailed, {f}), report.t(Msg::kWriteFailedHint));
  if (!failures.empty()) return std::nullopt;
  return static_cast<int>(jobs.size());
}

}  // namespace kv
