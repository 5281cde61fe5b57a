// Client-side search: each year's pages become an inverted index, written at build time as
// a small JavaScript file that themes/default/sok.js reads. A script file rather than JSON,
// because a <script src> loads from file:// too, where fetch() of a local file is refused.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kv {

// One searchable page.
struct SearchDoc {
  std::string url;       // site-relative, e.g. "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/"
  std::string unit;      // "Beställarenheten omsorg om äldre"
  int year = 0;
  std::string document;  // "Kvalitetsutmärkelsen 2018"
  std::string part;      // "Fråga 2", "Avsnitt 4"; empty for an overview page
  std::string title;     // the question's or section's title
  std::string text;      // plain_text() of the page's content
};

// Plain, whitespace-collapsed text of generated HTML: tags removed, entities decoded, the
// contents of <svg>, <script>, <style> and <template> skipped (a chart repeats its table's
// figures), and every tag that is not inline text markup (p, li, td, br, div, …) a word break.
std::string plain_text(std::string_view html);

// The search terms of a text, in order and with repeats, folded exactly as sok.js folds a
// query: lower case (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic), decomposed Latin-1
// letters composed (a + U+0308 → ä), split on everything that is not a letter or digit.
std::vector<std::string> search_terms(std::string_view text);

// Writes one year's index (format described in search_index.cc). Same docs in the same
// order give the same bytes. Throws std::runtime_error when the file cannot be written.
void write_search_index(int year, const std::vector<SearchDoc>& docs, const std::filesystem::path& file);

// The index's site-relative path: "sok/index-<år>.js".
std::string search_index_file(int year);

}  // namespace kv
