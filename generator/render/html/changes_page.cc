// "What changed since last year": a unit's answer compared word by word with its answer to
// the corresponding question of an earlier year (declared correspondences only, see
// model::corresponding_part). Insertions and deletions are <ins> and <del>, underlined and
// struck through besides their colour, and each starts and ends with words for screen
// readers; a moved paragraph is linked between where it stood and where it stands.
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

// A marked passage: what it is, in words for screen readers, at its start and at its end
// (the marks are underlined or struck through as well as coloured).
std::string marked(const DiffPiece& piece, Lang lang) {
  const bool inserted = piece.kind == DiffPiece::Kind::kInserted;
  const std::string tag = inserted ? "ins" : "del";
  const std::string start = text(lang, inserted ? Msg::kUiChangesInserted : Msg::kUiChangesDeleted);
  const std::string end = text(lang, inserted ? Msg::kUiChangesInsertedEnd : Msg::kUiChangesDeletedEnd);
  return "<" + tag + "><span class=\"visuellt-dold\">" + html_escape(start) + " </span>" + html_escape(piece.text) +
         "<span class=\"visuellt-dold\"> " + html_escape(end) + "</span></" + tag + ">";
}

std::string pieces_html(const std::vector<DiffPiece>& pieces, Lang lang) {
  std::string out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) out += ' ';
    out += pieces[i].kind == DiffPiece::Kind::kSame ? html_escape(pieces[i].text) : marked(pieces[i], lang);
  }
  return out;
}

// A moved paragraph is named where it stood and shown where it stands, each end a link to
// the other, saying in which direction it lies.
std::string moved_html(const std::vector<DiffParagraph>& diff, size_t i, Lang lang) {
  const DiffParagraph& p = diff[i];
  const bool other_below = p.partner > i;
  const std::string open = "<p class=\"flyttat\" id=\"flyttat-" + std::to_string(i) + "\"><a href=\"#flyttat-" + std::to_string(p.partner) + "\">";
  if (p.move == DiffParagraph::Move::kMovedAway)
    return open + html_escape(text(lang, other_below ? Msg::kUiChangesMovedDown : Msg::kUiChangesMovedUp)) + "</a></p>\n";
  return open + html_escape(text(lang, other_below ? Msg::kUiChangesMovedFromBelow : Msg::kUiChangesMovedFromAbove)) + "</a> " +
         pieces_html(p.pieces, lang) + "</p>\n";
}

std::string diff_html(const std::vector<DiffParagraph>& diff, Lang lang) {
  std::string out;
  for (size_t i = 0; i < diff.size(); ++i)
    out += diff[i].move == DiffParagraph::Move::kNone ? "<p>" + pieces_html(diff[i].pieces, lang) + "</p>\n" : moved_html(diff, i, lang);
  return out;
}

// "1 ord tillagt", "2 ord tillagda".
std::string counted(Lang lang, size_t n, Msg one, Msg many) { return text(lang, n == 1 ? one : many, {group_digits(n)}); }

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
  const auto then = paragraphs_of(ctx, *earlier.doc, earlier.number, path), now = paragraphs_of(ctx, s, number, path);
  const auto diff = diff_paragraphs(then, now);
  // Counted over the whole answer, apart from how the changes are shown; past the bound, as shown.
  const DiffCounts counts = count_word_changes(then, now).value_or(count_changes(diff));
  const std::string label = part_label(*s.structure, lang, number);
  const std::string old_label = part_label(*earlier.doc->structure, lang, earlier.number);
  data d;
  d.set("overline", document_title(s) + " \xC2\xB7 " + s.unit.name);
  const std::string title = text(lang, Msg::kUiChangesTitle, {std::to_string(earlier.doc->year), label, spec ? spec->title : ""});
  d.set("title", title);
  d.set("intro", text(lang, Msg::kUiChangesIntro, {old_label, old_spec ? old_spec->title : "", document_title(*earlier.doc),
                                                   counted(lang, counts.inserted, Msg::kUiChangesAddedOne, Msg::kUiChangesAddedMany),
                                                   counted(lang, counts.deleted, Msg::kUiChangesRemovedOne, Msg::kUiChangesRemovedMany)}));
  d.set("legend_html", text(lang, Msg::kUiChangesLegend));
  // data(false), not "": mustache shows a section for any string, an empty one too.
  d.set("unchanged", counts.inserted + counts.deleted == 0 ? data(text(lang, Msg::kUiChangesNone)) : data(false));
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
