// kvalitet: the command line. `check` validates content; `build` validates and renders;
// `pdf` also makes the PDFs; `serve` shows the site while it is edited;
// `ny` writes a new unit or year to fill in; `schema` writes JSON Schema; `bedomning`
// builds the site with the reviewers' pages from their filled forms.
#include <CLI/CLI.hpp>

#include <malloc.h>
#include <unistd.h>

#include <iostream>
#include <optional>

#include "cli/command_errors.h"
#include "archive/archive_command.h"
#include "import/import_command.h"
#include "kolada/kolada_command.h"
#include "diag/print_diagnostics.h"
#include "pipeline/build_scope.h"
#include "pipeline/command_context.h"
#include "pipeline/pipeline.h"
#include "scaffold/scaffold.h"
#include "schema/schema_command.h"
#include "serve/serve_command.h"
#include "i18n/messages.h"
#include "util/escape.h"

namespace {

// The language of --help comes from --lang or KVALITET_LANG before CLI11 parses anything
// (site.yaml is not read for help).
kv::Lang help_language(int argc, char** argv, std::optional<kv::Lang> env) {
  std::optional<kv::Lang> flag;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--lang") flag = kv::parse_lang(argv[i + 1]);
  return kv::message_language(flag, env, std::nullopt);
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
  // Page buffers of hundreds of kB would each be mmap'ed and unmapped again by glibc, and
  // with several threads every munmap interrupts the others (TLB shootdown): keep them in
  // the heap. Measured with bench/run.py: -j2 ~25 % faster, about 15 MiB more at peak.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  kv::Diagnostics env_problems;
  const std::optional<kv::Lang> env_lang = kv::environment_language(std::getenv("KVALITET_LANG"), env_problems);
  const kv::Lang lang = help_language(argc, argv, env_lang);
  env_problems.lang = lang;
  auto t = [lang](kv::Msg m) { return kv::text(lang, m); };
  CLI::App app{t(kv::Msg::kCliAbout), "kvalitet"};
  swedish_labels(app, lang);
  // "Options" and "Subcommands" are CLI11's default group names, not labels: set them before
  // any option exists (subcommands copy these defaults), and name the commands' group below.
  if (lang == kv::Lang::kSv) app.option_defaults()->group("Flaggor");
  app.set_help_flag("-h,--help", lang == kv::Lang::kSv ? "Visa denna hjälp" : "Show this help");
  app.require_subcommand(1);

  kv::PipelineOptions options;
  options.executable = argv[0];
  options.env_lang = env_lang;
  std::string lang_option, content = "content", format = "text";
  bool show_version = false;
  app.add_flag("--version", show_version, t(kv::Msg::kCliVersion));
  // Also before the command ("kvalitet --lang en check"), as help_language reads it.
  app.add_option("--lang", lang_option, t(kv::Msg::kCliLang));

  // What every command takes: the content folder, the language and how it prints.
  auto common = [&](CLI::App* cmd) {
    cmd->add_option("KATALOG", content, t(kv::Msg::kCliDir));
    cmd->add_option("--lang", lang_option, t(kv::Msg::kCliLang));
    cmd->add_flag("-q,--quiet", options.style.quiet, t(kv::Msg::kCliQuiet));
    cmd->add_flag("--no-source", options.style.hide_source_lines, t(kv::Msg::kCliNoSource));
    cmd->add_option("--max-messages", options.style.max_messages, t(kv::Msg::kCliMaxMessages));
    cmd->add_option("--format", format, t(kv::Msg::kCliFormat))->check(CLI::IsMember({"text", "json"}));
  };
  auto templates = [&](CLI::App* cmd) { cmd->add_option("--templates", options.templates_dir, t(kv::Msg::kCliTemplates)); };
  auto site = [&](CLI::App* cmd) {  // the commands that validate the whole content folder
    common(cmd);
    templates(cmd);
    cmd->add_option("-j,--jobs", options.threads, t(kv::Msg::kCliJobs));
  };
  CLI::App* check = app.add_subcommand("check", t(kv::Msg::kCliCheck))->alias("kontrollera");
  site(check);
  check->add_option("--enhet", options.units, t(kv::Msg::kCliUnitOnly));
  bool drafts = false;
  CLI::App* build = app.add_subcommand("build", t(kv::Msg::kCliBuild))->alias("bygg");
  site(build);
  build->add_option("-o,--output", options.output_dir, t(kv::Msg::kCliOut));
  build->add_option("--themes", options.themes_dir, t(kv::Msg::kCliThemes));
  build->add_flag("--rebuild", options.rebuild, t(kv::Msg::kCliRebuild));
  build->add_flag("--utkast,--drafts", drafts, t(kv::Msg::kCliDrafts));
  build->add_option("--enhet", options.units, t(kv::Msg::kCliUnitOnly));
  CLI::App* pdf = app.add_subcommand("pdf", t(kv::Msg::kCliPdf));
  site(pdf);
  pdf->add_option("-o,--output", options.output_dir, t(kv::Msg::kCliOut));
  pdf->add_option("--themes", options.themes_dir, t(kv::Msg::kCliThemes));
  pdf->add_flag("--rebuild", options.rebuild, t(kv::Msg::kCliRebuild));
  pdf->add_flag("--utkast,--drafts", drafts, t(kv::Msg::kCliDrafts));
  pdf->add_option("--enhet", options.units, t(kv::Msg::kCliUnitOnly));
  std::string variant = "pdf/a-2b";
  pdf->add_option("--pdf-variant", variant, t(kv::Msg::kCliPdfVariant))->check(CLI::IsMember({"pdf/a-2b", "pdf/ua-1"}));
  CLI::App* review = app.add_subcommand("bedomning", t(kv::Msg::kCliReview))->alias("review");
  site(review);
  review->add_option("-o,--output", options.output_dir, t(kv::Msg::kCliOut));
  review->add_option("--themes", options.themes_dir, t(kv::Msg::kCliThemes));
  bool review_pdf = false;
  review->add_flag("--pdf", review_pdf, t(kv::Msg::kCliReviewPdf));
  kv::ArchiveCommand archive_command;
  CLI::App* archive = app.add_subcommand("arkiv", t(kv::Msg::kCliArchive))->alias("archive");
  // ÅR before KATALOG: positionals are filled in the order they are added.
  archive->add_option("ÅR", archive_command.year, t(kv::Msg::kCliArchiveYear))->required()->check(CLI::Range(1900, 2999));
  site(archive);
  archive->add_option("-o,--output", options.output_dir, t(kv::Msg::kCliOut));
  archive->add_option("--themes", options.themes_dir, t(kv::Msg::kCliThemes));
  archive->add_option("--adress", archive_command.base, t(kv::Msg::kCliArchiveBase));
  archive->add_option("--arkiv", archive_command.dir, t(kv::Msg::kCliArchiveDir));
  // A year's package holds every PDF/A unless told otherwise (--pdf is kept for the scripts
  // written when it had to be asked for).
  bool archive_pdf = true, archive_no_pdf = false;
  archive->add_flag("--pdf", archive_pdf, t(kv::Msg::kCliArchivePdf));
  archive->add_flag("--utan-pdf,--no-pdf", archive_no_pdf, t(kv::Msg::kCliArchiveNoPdf));
  kv::KoladaOptions kolada_options;
  CLI::App* kolada = app.add_subcommand("kolada", t(kv::Msg::kCliKolada));
  common(kolada);
  kolada->add_option("--data", kolada_options.data_dir, t(kv::Msg::kCliKoladaData));
  kolada->add_flag("--hamta,--hämta", kolada_options.fetch, t(kv::Msg::kCliKoladaFetch));
  kolada->add_option("--api", kolada_options.api, t(kv::Msg::kCliKoladaApi));
  kolada->add_option("--tidsgrans", kolada_options.timeout_s, t(kv::Msg::kCliKoladaTimeout))->check(CLI::Range(1, 600));
  kolada->add_flag("--visa", kolada_options.dry_run, t(kv::Msg::kCliKoladaShow));
  kv::ImportOptions import_options;
  std::string import_file;
  CLI::App* importer = app.add_subcommand("importera", t(kv::Msg::kCliImport))->alias("import");
  importer->add_option("FIL", import_file, t(kv::Msg::kCliImportFile))->required();
  common(importer);
  templates(importer);
  importer->add_option("--struktur", import_options.structure, t(kv::Msg::kCliImportStructure))->required();
  importer->add_option("--enhet", import_options.unit, t(kv::Msg::kCliImportUnit))->required();
  CLI::App* serve = app.add_subcommand("serve", t(kv::Msg::kCliServe));
  site(serve);
  serve->add_option("--themes", options.themes_dir, t(kv::Msg::kCliThemes));
  int port = 8080;
  serve->add_option("-p,--port", port, t(kv::Msg::kCliPort))->check(CLI::Range(0, 65535));
  kv::ScaffoldOptions scaffold_options;
  CLI::App* scaffold = kv::add_scaffold_command(app, scaffold_options, lang);
  common(scaffold);  // after ENHET: positionals fill in the order they are added
  templates(scaffold);
  kv::SchemaOptions schema_options;
  CLI::App* schema = kv::add_schema_command(app, schema_options, lang);
  common(schema);
  templates(schema);

  if (lang == kv::Lang::kSv)
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      sub->group("Kommandon");
      if (CLI::Option* help = sub->get_help_ptr()) help->group("Flaggor");  // made before the defaults were set
    }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (show_version) {
      std::cout << "kvalitet 0.1.0\n";
      return 0;
    }
    if (auto status = kv::explain_command_error(app, e, argc, argv, lang, std::cerr)) return *status;
    return app.exit(e);
  }
  options.content_root = content;
  options.style.json = format == "json";
  options.style.show_progress = isatty(STDERR_FILENO) == 1;
  if (!lang_option.empty()) {
    options.lang = kv::parse_lang(lang_option);
    if (!options.lang) {
      std::cerr << "kvalitet: error: " << kv::text(lang, kv::Msg::kBadLang, {kv::terminal_text(lang_option)}) << " \xE2\x80\x94 "
                << kv::text(lang, kv::Msg::kBadLangHint) << '\n';
      return 2;
    }
  }
  if (!options.lang) kv::print_diagnostics(env_problems, options.style, std::cout, std::cerr);
  try {
    const kv::CommandContext context = kv::make_context(options);  // site.yaml read once, here
    if (*scaffold) return kv::run_scaffold(context, scaffold_options, std::cout, std::cerr);
    if (*schema) return kv::run_schema(context, schema_options, std::cout, std::cerr);
    if (*serve) return kv::serve::run_serve(context, {options, port}, std::cout, std::cerr);
    if (*pdf || (*review && review_pdf)) options.pdf_variant = variant;
    if (*importer) {
      import_options.docx = import_file;
      return kv::run_import(context, import_options, std::cout, std::cerr);
    }
    if (*kolada) {
      if (kolada_options.data_dir.empty() && !kolada_options.fetch) {
        kv::Diagnostics problem = context.diagnostics();
        problem.error({}, problem.t(kv::Msg::kKoladaNoSource), problem.t(kv::Msg::kKoladaNoSourceHint));
        kv::print_diagnostics(problem, options.style, std::cout, std::cerr);
        return 2;
      }
      return kv::run_kolada(context, kolada_options, std::cout, std::cerr);
    }
    if (*archive) {
      if (archive_pdf && !archive_no_pdf) options.pdf_variant = variant;
      archive_command.build = options;
      return kv::run_archive(context, archive_command, std::cout, std::cerr);
    }
    if (*review) options.audience = kv::model::Audience::kReviewers;
    if (drafts) options.audience = kv::model::Audience::kDrafts;
    if (!options.units.empty() && (*build || *pdf)) options.audience = kv::model::Audience::kPartial;
    // Each audience has its own folder unless -o names one (pipeline/build_scope.h).
    for (CLI::App* cmd : {build, pdf, review})
      if (cmd->parsed() && cmd->count("--output") == 0) options.output_dir = kv::default_output_dir(options.audience, options.units);
    return *build || *pdf || *review ? kv::run_build(context, options, std::cout, std::cerr) : kv::run_check(context, options, std::cout, std::cerr);
  } catch (const std::exception& e) {
    // Reaching this is a bug in kvalitet, not in the content: say so plainly.
    std::cerr << "kvalitet: internal error: " << kv::terminal_text(e.what()) << '\n';
    return 3;
  }
}
