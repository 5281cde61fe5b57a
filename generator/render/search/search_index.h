// Client-side search: the site's pages become an inverted index, written at build time as
// small JavaScript files that themes/default/sok.js reads: a manifest, shards of terms and
// one fragment per page. Script files rather than JSON, because a <script src> loads from
// file:// too, where fetch() of a local file is refused.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "write/output_tree.h"

namespace kv {

// How every search file starts (see search_index.cc).
inline constexpr std::string_view kSearchPush = "(window.kvSok = window.kvSok || []).push(";

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

// One piece of the index: the postings of a run of consecutive pages. Terms are unique and
// sorted by their UTF-8 bytes; each term's postings are (page, weight) pairs in page order,
// pages numbered across the whole site, weight = 4 × count in the text + fields (1: the
// title or part, 2: the unit's or document's name).
class PartialIndex {
 public:
  size_t size() const { return term_ends_.size(); }
  std::string_view term(size_t i) const;
  size_t posting_count(size_t i) const;
  // Calls fn(page, weight) for each of term i's postings, in page order.
  template <typename Fn>
  void for_each_posting(size_t i, Fn&& fn) const;
  void add(std::string_view term, const std::vector<uint32_t>& postings);  // in term order
  void shrink_to_fit();

  // As bytes, for the next build to take over a document's piece when its pages did not
  // change (write/target_log.h); from_bytes is nullopt on anything it did not write.
  std::string bytes() const;
  static std::optional<PartialIndex> from_bytes(std::string_view bytes);

 private:
  // Flat and compact, as there is one piece per document and all are kept until the merge:
  // per term, varints of the posting count, then of each page (as the difference from the
  // previous one) and weight.
  std::string term_bytes_, postings_;
  std::vector<uint32_t> term_ends_, posting_ends_;
};

namespace search_detail {
inline uint32_t read_varint(std::string_view bytes, size_t& at) {
  uint32_t value = 0;
  for (int shift = 0;; shift += 7) {
    const auto byte = static_cast<unsigned char>(bytes[at++]);
    value |= static_cast<uint32_t>(byte & 0x7F) << shift;
    if (byte < 0x80) return value;
  }
}
}  // namespace search_detail

template <typename Fn>
void PartialIndex::for_each_posting(size_t i, Fn&& fn) const {
  size_t at = i ? posting_ends_[i - 1] : 0;
  uint32_t page = 0;
  for (uint32_t n = search_detail::read_varint(postings_, at); n > 0; --n) {
    page += search_detail::read_varint(postings_, at);
    fn(page, search_detail::read_varint(postings_, at));
  }
}

// The postings of docs, numbered from first_doc. Pure, so pieces are made in parallel.
PartialIndex index_docs(const std::vector<SearchDoc>& docs, uint32_t first_doc);

// Writes one small script per page under out (sok/f/…, see urls.h) with what a hit shows:
// address, unit, year, document, part, title and text. Only the hits shown are fetched.
void write_search_fragments(const std::vector<SearchDoc>& docs, uint32_t first_doc, const OutputTree& out);

// The first page of each year, for ranking newer years first before any fragment is read.
struct YearStart {
  int year = 0;
  uint32_t first_doc = 0;
};

// Merges the pieces (in page order) and writes the manifest sok/index.js and the shards
// sok/t/<i>.js: runs of the sorted terms of about kShardBytes each, so a query reads the
// manifest and the shards of its words only. Same pieces, same bytes. Throws WriteError.
// Returns the site-relative paths it wrote.
inline constexpr size_t kShardBytes = 32 * 1024;
std::vector<std::string> write_search_index(const std::vector<PartialIndex>& parts, const std::vector<YearStart>& years, uint32_t doc_count,
                        const OutputTree& out, size_t shard_bytes = kShardBytes);

}  // namespace kv
