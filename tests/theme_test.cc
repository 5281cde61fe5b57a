// Themes: chosen in site.yaml, inheriting a parent's files through tema.yaml, and able to
// override any layout.
#include <catch2/catch.hpp>

#include <sstream>

#include "support.h"

using namespace kvtest;

namespace {

struct ThemedSite {
  TempDir dir;
  fs::path content = dir.path() / "content", themes = dir.path() / "themes", out = dir.path() / "site";
  std::string errors;
  ThemedSite() {
    copy_fixture("valid", content);
    fs::copy(source_dir() / "themes", themes, fs::copy_options::recursive);
  }
  void choose(const std::string& theme) { replace(content / "site.yaml", "tema: default", "tema: " + theme); }
  // `kvalitet check`: the same validation, nothing written.
  int check() {
    auto options = options_for(content);
    options.themes_dir = themes.string();
    std::ostringstream o, e;
    int status = kv::run_check(options, o, e);
    errors = e.str();
    return status;
  }
  int build() {
    auto options = options_for(content);
    options.themes_dir = themes.string();
    options.output_dir = out.string();
    std::ostringstream o, e;
    int status = kv::run_build(options, o, e);
    errors = e.str();
    return status;
  }
};

}  // namespace

TEST_CASE("theme: the high-contrast theme builds on the default one", "[theme]") {
  ThemedSite s;
  s.choose("kontrast");
  INFO(s.errors);
  REQUIRE(s.build() == 0);
  // The parent's files are there, and the theme's own files replace the parent's.
  CHECK(read(s.out / "assets/style.css") == read(source_dir() / "themes/default/style.css"));
  CHECK(read(s.out / "assets/theme.css") == read(source_dir() / "themes/kontrast/theme.css"));
  CHECK(read(s.out / "assets/theme.css") != read(source_dir() / "themes/default/theme.css"));
  CHECK_FALSE(fs::exists(s.out / "assets/tema.yaml"));
}

TEST_CASE("theme: a theme's layout overrides the default layout of that name only", "[theme]") {
  ThemedSite s;
  fs::create_directories(s.themes / "egen/layouts");
  write(s.themes / "egen/tema.yaml", "bygger_på: default\n");
  write(s.themes / "egen/layouts/start.mustache", "<h1>Egen startsida</h1><p>{{site_title}}</p>\n");
  s.choose("egen");
  INFO(s.errors);
  REQUIRE(s.build() == 0);
  std::string start = read(s.out / "index.html");
  CHECK(start.find("<h1>Egen startsida</h1><p>Provwebbplats</p>") != std::string::npos);
  CHECK(start.find("<footer class=\"sidfot\">") != std::string::npos);  // still inside the default base layout
  CHECK(read(s.out / "2020/provenhet/prov/index.html").find("Egen startsida") == std::string::npos);
}

TEST_CASE("theme: an unknown theme names the themes there are", "[theme]") {
  ThemedSite s;
  s.choose("kontrastt");
  CHECK(s.build() == 1);
  CHECK(s.errors.find("temat ”kontrastt” finns inte") != std::string::npos);
  CHECK(s.errors.find("default, kontrast") != std::string::npos);
}

TEST_CASE("theme: an unknown parent is reported at the theme's tema.yaml", "[theme]") {
  ThemedSite s;
  write(s.themes / "egen/tema.yaml", "bygger_på: standard\n");
  s.choose("egen");
  CHECK(s.build() == 1);
  CHECK(s.errors.find("egen/tema.yaml: error: temat ”standard” finns inte") != std::string::npos);
}

TEST_CASE("theme: themes that build on each other in a circle are an error", "[theme]") {
  ThemedSite s;
  write(s.themes / "a/tema.yaml", "bygger_på: b\n");
  write(s.themes / "b/tema.yaml", "bygger_på: a\n");
  s.choose("a");
  CHECK(s.build() == 1);
  CHECK(s.errors.find("bygger på sig självt") != std::string::npos);
}

TEST_CASE("theme: check reports a bad tema.yaml, as build does, before anything is built", "[theme]") {
  ThemedSite s;
  write(s.themes / "egen/tema.yaml", "bygger_pa: default\n");  // a misspelt key
  s.choose("egen");
  CHECK(s.check() == 1);
  CHECK(s.errors.find("egen/tema.yaml:1:1: error:") != std::string::npos);
  CHECK(s.errors.find("bygger_pa") != std::string::npos);
  CHECK(s.build() == 1);
  CHECK(s.errors.find("egen/tema.yaml:1:1: error:") != std::string::npos);
  CHECK_FALSE(fs::exists(s.out));
}

TEST_CASE("theme: check reports an unknown theme and a theme cycle", "[theme]") {
  ThemedSite s;
  s.choose("kontrastt");
  CHECK(s.check() == 1);
  CHECK(s.errors.find("site.yaml: error: temat ”kontrastt” finns inte") != std::string::npos);
  write(s.themes / "a/tema.yaml", "bygger_på: b\n");
  write(s.themes / "b/tema.yaml", "bygger_på: a\n");
  replace(s.content / "site.yaml", "tema: kontrastt", "tema: a");
  CHECK(s.check() == 1);
  CHECK(s.errors.find("bygger på sig självt") != std::string::npos);
}
