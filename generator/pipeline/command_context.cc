#include "pipeline/command_context.h"

#include <thread>

#include "i18n/messages.h"
#include "pipeline/resources.h"
#include "validate/site.h"

namespace kv {

namespace fs = std::filesystem;

Diagnostics CommandContext::diagnostics() const { return Diagnostics{lang, {}, {}}; }

const std::optional<fs::path>& CommandContext::templates_or_report(Diagnostics& diags) const {
  if (!templates)
    diags.error({options.templates_dir.empty() ? "templates" : options.templates_dir, 0, 0}, diags.t(Msg::kTemplatesNotFound),
                diags.t(Msg::kTemplatesNotFoundHint));
  return templates;
}

Lang message_language(std::optional<Lang> flag, std::optional<Lang> env, std::optional<Lang> site) {
  if (flag) return *flag;
  if (env) return *env;
  return site.value_or(Lang::kSv);
}

std::optional<Lang> environment_language(const char* value, Diagnostics& problems) {
  if (!value || !*value) return std::nullopt;
  auto lang = parse_lang(value);
  if (!lang) problems.warning({"KVALITET_LANG", 0, 0}, problems.t(Msg::kBadLang, {value}), problems.t(Msg::kBadLangHint));
  return lang;
}

CommandContext make_context(const CommonOptions& options) {
  CommandContext c;
  c.options = options;
  if (c.options.threads == 0) c.options.threads = std::max(1u, std::thread::hardware_concurrency());
  std::error_code ec;
  c.content_exists = fs::is_directory(options.content_root, ec);
  // Before site.yaml is read its language is unknown: problems reading it are in this one.
  const Lang before = message_language(options.lang, options.env_lang, std::nullopt);
  std::optional<SiteFile> file;
  if (c.content_exists) file = read_site_file(options.content_root, before);
  c.lang = message_language(options.lang, options.env_lang, file ? site_file_language(*file) : std::nullopt);
  Diagnostics problems = c.diagnostics();
  if (file) c.settings = site_settings(*file, options.lang, problems);
  c.settings_problems = std::move(problems.list);
  c.templates = find_resource_dir("templates", options.templates_dir, options.executable);
  c.themes = find_resource_dir("themes", options.themes_dir, options.executable);
  return c;
}

}  // namespace kv
