#include <catch2/catch.hpp>

#include "render/xlsx/workbook.h"
#include "support.h"
#include "util/text.h"

using namespace kvtest;

TEST_CASE("sheet names keep to Excel's 31 characters and allowed symbols") {
  CHECK(kv::xlsx::sheet_name("Synpunkter och klagomål") == "Synpunkter och klagomål");
  std::string long_name = "Åtgärder för äldreomsorgens kvalitetsarbete 2024";
  std::string cut = kv::xlsx::sheet_name(long_name);
  CHECK(kv::utf8_length(cut) == 31);
  CHECK(kv::starts_with(long_name, cut));
  CHECK(kv::xlsx::sheet_name("Mål: 1/2") == "Mål- 1-2");
}

TEST_CASE("the overview links the submission's workbook") {
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "site";
  copy_fixture("valid", content);
  auto options = options_for(content);
  options.output_dir = out.string();
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);
  CHECK(fs::file_size(out / "2020/provenhet/prov/tabeller.xlsx") > 1000);
  CHECK(read(out / "2020/provenhet/prov/index.html").find("<a href=\"tabeller.xlsx\"") != std::string::npos);
}
