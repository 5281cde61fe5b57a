// Word's text boxes moved into the flow before pandoc (import/docx_text_boxes.h).
#include <catch2/catch.hpp>

#include "import/docx_text_boxes.h"

using kv::import::unbox_text_boxes;
using Catch::Matchers::Contains;

namespace {

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string para(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }
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
