// Word's text boxes moved into the flow before pandoc (import/docx_text_boxes.h), in the forms
// Word and LibreOffice write them, and the Word filter reading the boxes that result.
#include <catch2/catch.hpp>

#include "import/docx_filter.h"
#include "import/docx_text_boxes.h"
#include "support.h"
#include "util/subprocess.h"

using kv::import::unbox_text_boxes;
using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string para(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }
// A paragraph in LibreOffice's style for a frame's text.
std::string frame_para(const std::string& text) {
  return "<w:p><w:pPr><w:pStyle w:val=\"FrameContents\"/></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}
std::string box(const std::string& inner) { return "<w:txbxContent>" + inner + "</w:txbxContent>"; }
// A paragraph anchoring a DrawingML box with its VML copy, as Word 2010+ writes it.
std::string anchored(const std::string& inner) {
  return "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box(inner) +
         "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>" + box(inner) +
         "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Ankaret.</w:t></w:r></w:p>";
}

}  // namespace

TEST_CASE("a text box's text comes once, as a one-cell table after the paragraph that anchors it", "[import]") {
  const std::string xml = "<w:body>" + para("Före.") + anchored(para("Exempel") + para("I rutan.")) + para("Efter.") + "</w:body>";
  const std::string out = unbox_text_boxes(xml);
  CHECK(count(out, "I rutan.") == 1);
  CHECK(count(out, "<mc:Fallback") == 0);  // the VML copy is gone
  const size_t anchor = out.find("Ankaret."), table = out.find("<w:tbl>"), inside = out.find("I rutan."), after = out.find("Efter.");
  CHECK(anchor < table);
  CHECK(table < inside);
  CHECK(inside < after);
  CHECK_THAT(out, Contains("<w:tc><w:tcPr>") && Contains("<w:t>Exempel</w:t>"));
  CHECK(count(out, "<w:txbxContent></w:txbxContent>") == 1);  // the box itself left empty
}

TEST_CASE("an old VML text box, two boxes in one paragraph and a box in a box", "[import]") {
  const std::string vml = "<w:p><w:r><w:pict><v:textbox>" + box(para("Gammal ruta.")) + "</v:textbox></w:pict></w:r></w:p>";
  CHECK(count(unbox_text_boxes(vml), "Gammal ruta.") == 1);
  CHECK_THAT(unbox_text_boxes(vml), Contains("</w:p><w:tbl>"));

  const std::string two = "<w:p><w:r>" + box(para("Första.")) + "</w:r><w:r>" + box(para("Andra.")) + "</w:r></w:p>";
  const std::string out = unbox_text_boxes(two);
  CHECK(count(out, "<w:tbl>") == 2);
  CHECK(out.find("Första.") < out.find("Andra."));
  CHECK(out.find("</w:p>") < out.find("Första."));

  const std::string nested = "<w:p><w:r>" + box(para("Yttre.") + "<w:p><w:r>" + box(para("Inre.")) + "</w:r></w:p>") + "</w:r></w:p>";
  const std::string unnested = unbox_text_boxes(nested);
  CHECK(count(unnested, "Yttre.") == 1);
  CHECK(count(unnested, "Inre.") == 1);
  CHECK(count(unnested, "<w:tbl>") == 2);
  CHECK(unnested.find("Yttre.") < unnested.find("Inre."));
}

TEST_CASE("a document without text boxes is left as it is", "[import]") {
  const std::string xml = "<w:body>" + para("Text.") + "<w:p><w:r><w:txbxContent/></w:r></w:p></w:body>";
  CHECK(unbox_text_boxes(xml) == xml);
  const std::string lookalike = "<w:body><w:txbxContentX>" + para("x") + "</w:txbxContentX></w:body>";
  CHECK(unbox_text_boxes(lookalike) == lookalike);
}

TEST_CASE("twenty thousand text boxes are all moved, each after its paragraph", "[import]") {
  std::string xml;
  for (int i = 0; i < 20000; ++i) xml += "<w:p><w:r>" + box(para("Ruta " + std::to_string(i) + ".")) + "</w:r></w:p>";
  const std::string out = unbox_text_boxes(xml);
  CHECK(count(out, "<w:tbl>") == 20000);
  CHECK(out.find("Ruta 19999.") != std::string::npos);
}

TEST_CASE("boxes nested a hundred thousand deep end no run and lose no text", "[import]") {
  std::string open, close;
  for (int i = 0; i < 100000; ++i) open += "<w:p><w:r><w:txbxContent>", close += "</w:txbxContent></w:r></w:p>";
  const std::string xml = open + para("Innerst.") + close;
  const std::string out = unbox_text_boxes(xml);
  CHECK(count(out, "Innerst.") == 1);
}

// LibreOffice 7.4 (soffice --convert-to docx) writes a frame (draw:frame + draw:text-box), a
// shape with text (draw:custom-shape, draw:rect) and a group of them (draw:g) as Word 2010+
// does: DrawingML in mc:AlternateContent, but with VML v:rect / v:oval / v:group fallbacks,
// and an empty <w:pict/> fallback for a box it cannot draw in VML (Word's old VML box re-saved).
TEST_CASE("LibreOffice's frames, shapes and groups come once, after their paragraph", "[import]") {
  const std::string frame =
      "<w:p><w:r><w:t>Svar.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
      "<a:graphic><a:graphicData><wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:txbx>" + box(frame_para("Exempel") + frame_para("I ramen.")) +
      "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect>"
      "<v:textbox>" + box(frame_para("Exempel") + frame_para("I ramen.")) + "</v:textbox><w10:wrap type=\"square\"/></v:rect>"
      "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
  const std::string framed = unbox_text_boxes(frame + para("Efter."));
  CHECK(count(framed, "I ramen.") == 1);
  CHECK(count(framed, "<v:rect>") == 0);
  CHECK(framed.find("Svar.") < framed.find("<w:tbl>"));
  CHECK(framed.find("I ramen.") < framed.find("Efter."));
  CHECK(count(framed, "FrameContents") == 2);  // the style stays: the filter looks through it

  const std::string group =
      "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wpg:wgp>"
      "<wps:wsp><wps:txbx>" + box(para("Rektangel.")) + "</wps:txbx></wps:wsp><wps:wsp><wps:txbx>" + box(para("Ellips.")) +
      "</wps:txbx></wps:wsp></wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
      "<v:group><v:rect><v:textbox>" + box(para("Rektangel.")) + "</v:textbox></v:rect><v:oval><v:textbox>" +
      box(para("Ellips.")) + "</v:textbox></v:oval></v:group></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
      "<w:r><w:t>Gruppens ankare.</w:t></w:r></w:p>";
  const std::string grouped = unbox_text_boxes(group);
  CHECK(count(grouped, "Rektangel.") == 1);
  CHECK(count(grouped, "Ellips.") == 1);
  CHECK(count(grouped, "<w:tbl>") == 2);
  CHECK(grouped.find("Gruppens ankare.") < grouped.find("Rektangel."));
  CHECK(grouped.find("Rektangel.") < grouped.find("Ellips."));

  const std::string inline_box =
      "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:inline><a:graphic><a:graphicData><wps:wsp>"
      "<wps:txbx>" + box(para("Inne i raden.")) + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>"
      "</mc:Choice><mc:Fallback><w:pict></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
  const std::string inlined = unbox_text_boxes(inline_box);
  CHECK(count(inlined, "Inne i raden.") == 1);
  CHECK_THAT(inlined, Contains("</w:p><w:tbl>"));
}

TEST_CASE("a frame paragraph (w:framePr), as LibreOffice keeps Word's old frames, is text in place", "[import]") {
  const std::string xml = "<w:body><w:p><w:pPr><w:framePr w:w=\"3000\" w:wrap=\"around\" w:vAnchor=\"text\"/></w:pPr>"
                          "<w:r><w:t>I en ram.</w:t></w:r></w:p>" + para("Efter.") + "</w:body>";
  CHECK(unbox_text_boxes(xml) == xml);  // pandoc reads it as the paragraph it is
}

// A LibreOffice frame's paragraphs are in its style "Frame Contents", so once unboxed the cell
// holds Divs (pandoc -f docx+styles), not paragraphs: its lead "Exempel" is inside the first.
TEST_CASE("the Word filter finds the lead of a box whose paragraphs are in a style", "[import]") {
  const auto pandoc = kv::find_program("pandoc");  // scripts/setup.sh installs it
  REQUIRE(pandoc);
  TempDir dir;
  const std::string row = "+------------------------------------------+\n";
  auto cell = [](const std::string& line) { return "| " + line + std::string(41 - line.size(), ' ') + "|\n"; };
  write(dir.path() / "in.md",
        "Före.\n\n" + row + cell("::: {custom-style=\"Frame Contents\"}") + cell("**Exempel**") + cell(":::") + cell("") +
            cell("::: {custom-style=\"Frame Contents\"}") + cell("I en ram.") + cell(":::") + row + "\n" + row +
            cell("::: {custom-style=\"Frame Contents\"}") + cell("Exempel\\") + cell("Raden efter.") + cell(":::") + row +
            "\nEfter.\n");
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), pandoc->string());
    return kv::run_process(args, {}, std::chrono::seconds(60), {}).exit_status;
  };
  REQUIRE(run({"-f", "markdown", "-t", "docx", "-o", (dir.path() / "in.docx").string(), (dir.path() / "in.md").string()}) == 0);
  write(dir.path() / "f.lua", std::string(kv::import::docx_lua_filter()));
  REQUIRE(run({"-f", "docx+styles", "-t", "gfm-raw_html", "--wrap=none", "--lua-filter", (dir.path() / "f.lua").string(), "-o",
               (dir.path() / "out.md").string(), (dir.path() / "in.docx").string()}) == 0);
  const std::string md = read(dir.path() / "out.md");
  INFO(md);
  CHECK(md == "Före.\n\n::: exempel\n\nI en ram.\n\n:::\n\n::: exempel\n\nRaden efter.\n\n:::\n\nEfter.\n");
}
