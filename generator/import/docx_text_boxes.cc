#include "import/docx_text_boxes.h"

#include <zip.h>

#include <memory>

#include "i18n/messages.h"

namespace kv::import {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kBoxOpen = "<w:txbxContent", kBoxClose = "</w:txbxContent>";
constexpr std::string_view kFallbackOpen = "<mc:Fallback", kFallbackClose = "</mc:Fallback>";

// Where the element opened at `open` ends (just past its closing tag), counting elements of
// the same name inside it; npos when it never closes. A self-closing element ends at its ">".
size_t element_end(const std::string& xml, size_t open, std::string_view open_tag, std::string_view close_tag) {
  const size_t first_gt = xml.find('>', open);
  if (first_gt == std::string::npos) return std::string::npos;
  if (xml[first_gt - 1] == '/') return first_gt + 1;
  int depth = 1;
  // Each search starts where the last one of its kind ended: one pass over the text, however
  // the elements nest.
  size_t next_open = xml.find(open_tag, first_gt + 1), next_close = xml.find(close_tag, first_gt + 1);
  while (true) {
    if (next_close == std::string::npos) return std::string::npos;
    if (next_open != std::string::npos && next_open < next_close) {
      const size_t gt = xml.find('>', next_open);
      if (gt != std::string::npos && xml[gt - 1] != '/') ++depth;
      next_open = xml.find(open_tag, next_open + open_tag.size());
    } else {
      if (--depth == 0) return next_close + close_tag.size();
      next_close = xml.find(close_tag, next_close + close_tag.size());
    }
  }
}

// Whether the tag at `at` is the named element itself, not one whose name starts the same.
bool is_tag(const std::string& xml, size_t at, std::string_view tag) {
  const size_t after = at + tag.size();
  return after < xml.size() && (xml[after] == '>' || xml[after] == ' ' || xml[after] == '/' || xml[after] == '\t' ||
                                xml[after] == '\n' || xml[after] == '\r');
}

// The VML copies of DrawingML boxes removed: every <mc:Fallback> that holds a box.
std::string without_box_fallbacks(const std::string& xml) {
  std::string out;
  size_t at = 0;
  for (size_t open = xml.find(kFallbackOpen); open != std::string::npos; open = xml.find(kFallbackOpen, at)) {
    const size_t end = is_tag(xml, open, kFallbackOpen) ? element_end(xml, open, kFallbackOpen, kFallbackClose) : std::string::npos;
    if (end == std::string::npos) {
      out.append(xml, at, open + kFallbackOpen.size() - at);
      at = open + kFallbackOpen.size();
      continue;
    }
    out.append(xml, at, open - at);
    const std::string_view fallback(xml.data() + open, end - open);
    if (fallback.find(kBoxOpen) == std::string_view::npos) out.append(fallback);
    at = end;
  }
  out.append(xml, at, std::string::npos);
  return out;
}

// The content of one box (its paragraphs and tables) as a one-cell table.
std::string as_box_table(std::string_view content) {
  std::string cell(content);
  if (cell.find("<w:p") == std::string::npos) cell += "<w:p/>";  // a cell ends with a paragraph
  return "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"9000\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"9000\" w:type=\"dxa\"/></w:tcPr>" + cell +
         "</w:tc></w:tr></w:tbl>";
}

}  // namespace

namespace {

// One pass, so that a document of many boxes costs its length, not length × boxes: text is
// copied up to each box (left empty) and each paragraph end, where the boxes met in that
// paragraph follow as tables. A box inside a box is unboxed within its outer box's content.
// Boxes nested deeper than this stay where they are: a hostile file could nest thousands.
constexpr int kMaxBoxDepth = 8;

std::string unbox(const std::string& xml, int depth) {
  std::string out, pending;
  size_t at = 0;
  size_t box = 0, para_end = 0;  // the next of each at or after `at`, found again only once passed
  bool find_box = true, find_para = true;
  while (at < xml.size()) {
    if (find_box || (box != std::string::npos && box < at)) {
      box = xml.find(kBoxOpen, at);
      while (box != std::string::npos && !is_tag(xml, box, kBoxOpen)) box = xml.find(kBoxOpen, box + 1);
      find_box = false;
    }
    if (find_para || (para_end != std::string::npos && para_end < at)) {
      para_end = xml.find("</w:p>", at);
      find_para = false;
    }
    if (para_end != std::string::npos && (box == std::string::npos || para_end < box)) {
      out.append(xml, at, para_end + 6 - at);
      out += pending;
      pending.clear();
      at = para_end + 6;
      continue;
    }
    const size_t end = box == std::string::npos ? std::string::npos : element_end(xml, box, kBoxOpen, kBoxClose);
    if (end == std::string::npos) break;
    const size_t gt = xml.find('>', box);
    if (xml[gt - 1] == '/') {  // <w:txbxContent/>: nothing in it
      out.append(xml, at, end - at);
    } else {
      out.append(xml, at, gt + 1 - at);
      out += kBoxClose;
      const std::string content = xml.substr(gt + 1, end - kBoxClose.size() - gt - 1);
      pending += as_box_table(depth < kMaxBoxDepth ? unbox(content, depth + 1) : content);
    }
    at = end;
  }
  if (at < xml.size()) out.append(xml, at, std::string::npos);
  return out + pending;  // a box outside any paragraph (not written by Word): kept at the end
}

}  // namespace

std::string unbox_text_boxes(const std::string& document_xml) { return unbox(without_box_fallbacks(document_xml), 0); }

namespace {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// word/document.xml's bytes, or nullopt.
std::optional<std::string> read_entry(zip_t* zip, const char* name) {
  zip_stat_t st;
  if (zip_stat(zip, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return std::nullopt;
  zip_file_t* f = zip_fopen(zip, name, 0);
  if (!f) return std::nullopt;
  std::string bytes(static_cast<size_t>(st.size), '\0');
  const zip_int64_t n = zip_fread(f, bytes.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
  return bytes;
}

}  // namespace

std::optional<fs::path> docx_for_pandoc(const fs::path& docx, const fs::path& scratch, Diagnostics& diags) {
  constexpr const char* kDocument = "word/document.xml";
  auto fail = [&] {
    diags.error({docx.generic_string(), 0, 0}, diags.t(Msg::kImportTextBoxesFailed), diags.t(Msg::kImportPandocFailedHint));
    return std::nullopt;
  };
  int error = 0;
  std::unique_ptr<zip_t, ZipDiscard> source(zip_open(docx.c_str(), ZIP_RDONLY, &error));
  if (!source) return docx;  // pandoc says what is wrong with it
  auto xml = read_entry(source.get(), kDocument);
  if (!xml || xml->find(kBoxOpen) == std::string::npos) return docx;
  source.reset();
  const fs::path copy = scratch / "dokument.docx";
  std::error_code ec;
  fs::copy_file(docx, copy, fs::copy_options::overwrite_existing, ec);
  if (ec) return fail();
  std::unique_ptr<zip_t, ZipDiscard> target(zip_open(copy.c_str(), 0, &error));
  if (!target) return fail();
  // libzip reads the buffer at zip_close, which is below: it lives until then.
  const std::string unboxed = unbox_text_boxes(*xml);
  zip_source_t* replacement = zip_source_buffer(target.get(), unboxed.data(), unboxed.size(), 0);
  const zip_int64_t index = zip_name_locate(target.get(), kDocument, 0);
  if (!replacement || index < 0 || zip_file_replace(target.get(), static_cast<zip_uint64_t>(index), replacement, 0) != 0) {
    if (replacement) zip_source_free(replacement);
    return fail();
  }
  const bool closed = zip_close(target.get()) == 0;
  if (closed) (void)target.release();
  if (!closed) return fail();
  return copy;
}

}  // namespace kv::import
