// Word keeps a text box's text outside the paragraph flow (DrawingML <wps:txbx> in
// <mc:AlternateContent>, with a VML copy in <mc:Fallback> for older readers; older Word writes
// VML <v:textbox> alone), and pandoc 2.17 drops it. LibreOffice 7.4 writes its frames, shapes
// with text and groups the same way (fallbacks <v:rect>, <v:oval>, <v:group>, or an empty
// <w:pict/>), its frame's paragraphs in the style "Frame Contents". Before pandoc
// sees the document, each box's content is moved out into a one-cell table right after the
// paragraph that anchors it, where the importer already reads one-cell boxes ("Exempel" or
// layout); the VML copy of a DrawingML box is removed, so the text comes once.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostics.h"

namespace kv::import {

// word/document.xml with every text box's content after its anchoring paragraph, as a
// one-cell table; the text unchanged when there is none. Pure: the XML as Word writes it
// (prefixes w:, mc:), boxes inside boxes included.
std::string unbox_text_boxes(const std::string& document_xml);

// The .docx to give pandoc: docx itself when it has no text box, else a copy in scratch with
// its document.xml unboxed. nullopt after reporting why the copy could not be made. docx has
// passed docx_within_limits.
std::optional<std::filesystem::path> docx_for_pandoc(const std::filesystem::path& docx, const std::filesystem::path& scratch,
                                                     Diagnostics& diags);

}  // namespace kv::import
