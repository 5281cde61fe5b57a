// kvalitet: the command line. `check` validates content; `build` validates and renders;
// `pdf` also makes the PDFs.
#include <CLI/CLI.hpp>

#include <iostream>
#include <thread>

#include "pipeline/pipeline.h"
#include "i18n/messages.h"
#include "util/escape.h"

namespace {

// The language of --help comes from --lang or KVALITET_LANG before CLI11 parses anything.
kv::Lang help_language(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--lang")
      if (auto l = kv::parse_lang(argv[i + 1])) return *l;
  if (const char* env = std::getenv("KVALITET_LANG"))
    if (auto l = kv::parse_lang(env)) return *l;
  return kv::Lang::kSv;
}

void swedish_labels(CLI::App& app, kv::Lang lang) {
  if (lang != kv::Lang::kSv) return;
  auto f = app.get_formatter();
  f->label("Usage", "Användning");
  f->label("OPTIONS", "FLAGGOR");
  f->label("SUBCOMMAND", "KOMMANDO");
  f->label("SUBCOMMANDS", "KOMMANDON");
  f->label("Options", "Flaggor");
  f->label("Subcommands", "Kommandon");
  f->label("Positionals", "Argument");
  f->label("REQUIRED", "KRÄVS");
  f->label("TEXT", "TEXT");
  f->label("INT", "HELTAL");
}

}  // namespace

int main(int argc, char** argv) {
  const kv::Lang lang = help_language(argc, argv);
  auto t = [lang](kv::Msg m) { return kv::text(lang, m); };
  CLI::App app{t(kv::Msg::kCliAbout), "kvalitet"};
  swedish_labels(app, lang);
  app.set_help_flag("-h,--help", lang == kv::Lang::kSv ? "Visa denna hjälp" : "Show this help");
  app.require_subcommand(1);

  kv::PipelineOptions options;
  options.executable = argv[0];
  std::string lang_option, content = "content";
  bool show_version = false;
  app.add_flag("--version", show_version, t(kv::Msg::kCliVersion));

  auto common = [&](CLI::App* cmd) {
    cmd->add_option("KATALOG", content, t(kv::Msg::kCliDir));
    cmd->add_option("--lang", lang_option, t(kv::Msg::kCliLang));
    cmd->add_option("--templates", options.templates_dir, t(kv::Msg::kCliTemplates));
    cmd->add_option("-j,--jobs", options.threads, t(kv::Msg::kCliJobs));
    cmd->add_flag("--no-source", options.hide_source_lines, t(kv::Msg::kCliNoSource));
    cmd->add_option("--max-messages", options.max_messages, t(kv::Msg::kCliMaxMessages));
  };
  CLI::App* check = app.add_subcommand("check", t(kv::Msg::kCliCheck));
  common(check);
  CLI::App* build = app.add_subcommand("build", t(kv::Msg::kCliBuild));
  common(build);
  build->add_option("-o,--output", options.output_dir, t(kv::Msg::kCliOut));
  build->add_option("--themes", options.themes_dir, t(kv::Msg::kCliThemes));
  CLI::App* pdf = app.add_subcommand("pdf", t(kv::Msg::kCliPdf));
  common(pdf);
  pdf->add_option("-o,--output", options.output_dir, t(kv::Msg::kCliOut));
  pdf->add_option("--themes", options.themes_dir, t(kv::Msg::kCliThemes));
  std::string variant = "pdf/a-2b";
  pdf->add_option("--pdf-variant", variant, t(kv::Msg::kCliPdfVariant))->check(CLI::IsMember({"pdf/a-2b", "pdf/ua-1"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (show_version) {
      std::cout << "kvalitet 0.1.0\n";
      return 0;
    }
    return app.exit(e);
  }
  options.content_root = content;
  if (!lang_option.empty()) {
    options.lang = kv::parse_lang(lang_option);
    if (!options.lang) {
      std::cerr << "kvalitet: error: " << kv::text(lang, kv::Msg::kBadLang, {kv::terminal_text(lang_option)}) << " \xE2\x80\x94 "
                << kv::text(lang, kv::Msg::kBadLangHint) << '\n';
      return 2;
    }
  }
  if (options.threads == 0) options.threads = std::max(1u, std::thread::hardware_concurrency());
  try {
    if (*pdf) options.pdf_variant = variant;
    return *build || *pdf ? kv::run_build(options, std::cout, std::cerr) : kv::run_check(options, std::cout, std::cerr);
  } catch (const std::exception& e) {
    // Reaching this is a bug in kvalitet, not in the content: say so plainly.
    std::cerr << "kvalitet: internal error: " << kv::terminal_text(e.what()) << '\n';
    return 3;
  }
}
