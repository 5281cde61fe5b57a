// "What changed since last year": a unit's answer compared word by word with its answer to
// the corresponding question of an earlier year (declared correspondences only, see
// model::corresponding_part). Insertions and deletions are <ins> and <del>, underlined and
// struck through besides their colour, and each starts with a word for screen readers.
#include "render/html/changes_page.h"

#include "i18n/messages.h"
#include "render/html/blocks_html.h"
#include "render/html/pages.h"
#include "render/html/urls.h"
#include "render/search/search_index.h"
#include "util/escape.h"
#include "util/text.h"
#include "util/word_diff.h"

namespace kv {
namespace {

// The answer's text as paragraphs: every block-level element ends one.
std::vector<std::string> paragraphs_of(const SiteContext& ctx, const model::Submission& s, int number, const std::string& path) {
  std::string html = blocks_to_html(s.answers.at(number).blocks, {ctx.site.lang, root_of(path), 3, "", PageLinks::site_page(ctx.site, path)});
  static const char* kEnds[] = {"</p>", "</li>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>", "</tr>", "</figcaption>", "</caption>", "</dd>", "</dt>", "</blockquote>"};
  const std::string mark = "\x1E";  // a record separator: never in the author's text (control characters are refused)
  for (const char* end : kEnds)
    for (size_t at = html.find(end); at != std::string::npos; at = html.find(end, at + mark.size() + 1)) html.insert(at, mark);
  std::vector<std::string> out;
  const std::string text = plain_text(html);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(mark, start);
    if (end == std::string::npos) end = text.size();
    std::string p(trim(std::string_view(text).substr(start, end - start)));
    if (!p.empty()) out.push_back(std::move(p));
    start = end + mark.size();
  }
  return out;
}

std::string diff_html(const std::vector<DiffParagraph>& diff, Lang lang) {
  std::string out;
  for (const auto& paragraph : diff) {
    out += "<p>";
    for (size_t i = 0; i < paragraph.size(); ++i) {
      const DiffPiece& piece = paragraph[i];
      if (i > 0) out += ' ';
      if (piece.kind == DiffPiece::Kind::kSame) {
        out += html_escape(piece.text);
        continue;
      }
      const bool inserted = piece.kind == DiffPiece::Kind::kInserted;
      const std::string tag = inserted ? "ins" : "del";
      const Msg word = inserted ? Msg::kUiChangesInserted : Msg::kUiChangesDeleted;
      out += "<" + tag + "><span class=\"visuellt-dold\">" + html_escape(text(lang, word)) + " </span>" + html_escape(piece.text) + "</" + tag + ">";
    }
    out += "</p>\n";
  }
  return out;
}

}  // namespace

std::optional<EarlierAnswer> earlier_answer(const model::SiteIndex& index, const model::Submission& s, int number) {
  for (const auto* other : index.other_years(s)) {  // newest first
    if (other->year >= s.year) continue;
    const int n = model::corresponding_part(*s.structure, number, *other->structure);
    if (n != 0 && other->answers.count(n)) return EarlierAnswer{other, n};
  }
  return std::nullopt;
}

Page render_changes_page(const SiteContext& ctx, const model::Submission& s, int number, const EarlierAnswer& earlier) {
  const Lang lang = ctx.site.lang;
  const std::string path = changes_path(s, number), root = root_of(path);
  const model::QuestionSpec* spec = s.structure->find_question(number);
  const model::QuestionSpec* old_spec = earlier.doc->structure->find_question(earlier.number);
  const auto diff = diff_paragraphs(paragraphs_of(ctx, *earlier.doc, earlier.number, path), paragraphs_of(ctx, s, number, path));
  const DiffCounts counts = count_changes(diff);
  const std::string label = part_label(*s.structure, lang, number);
  const std::string old_label = part_label(*earlier.doc->structure, lang, earlier.number);
  data d;
  d.set("overline", document_title(s) + " \xC2\xB7 " + s.unit.name);
  const std::string title = text(lang, Msg::kUiChangesTitle, {std::to_string(earlier.doc->year), label, spec ? spec->title : ""});
  d.set("title", title);
  d.set("intro", text(lang, Msg::kUiChangesIntro, {old_label, old_spec ? old_spec->title : "", document_title(*earlier.doc),
                                                   std::to_string(counts.inserted), std::to_string(counts.deleted)}));
  d.set("legend_html", text(lang, Msg::kUiChangesLegend));
  d.set("unchanged", counts.inserted + counts.deleted == 0 ? text(lang, Msg::kUiChangesNone) : std::string());
  d.set("diff_html", diff_html(diff, lang));
  d.set("now", link(root + question_path(s, number), text(lang, Msg::kUiChangesNow, {label, document_title(s)})));
  d.set("then", link(root + question_path(*earlier.doc, earlier.number), text(lang, Msg::kUiChangesThen, {old_label, document_title(*earlier.doc)})));
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, document_title(s), root + overview_path(s));
  add_crumb(crumbs, label, root + question_path(s, number));
  add_crumb(crumbs, text(lang, Msg::kUiChangesCrumb, {std::to_string(earlier.doc->year)}), "");
  return finish(ctx, {path, "andringar", title, crumbs}, ctx.layouts.render("changes", d));
}

}  // namespace kv
