#include "render/print/print_page.h"

#include <cstdio>

#include "i18n/messages.h"
#include "model/heading_number.h"
#include "util/text.h"
#include "render/html/blocks_html.h"
#include "util/escape.h"

namespace kv {
namespace {

using kainjow::mustache::data;


data admin_rows(const model::Submission& s) {
  data rows{data::type::list};
  for (const auto& a : s.admin) {
    data row;
    row.set("label", a.label);
    row.set("value", a.value);
    rows.push_back(row);
  }
  return rows;
}

// The headings an author numbered (numrerade_rubriker), for the table of contents: "1.1" is
// listed under its chapter, "1.1.1" under that.
data numbered_headings(const std::vector<model::Block>& blocks, const std::string& anchor_prefix) {
  data list{data::type::list};
  model::for_each_block(blocks, [&](const model::Block& b) {
    const auto* p = std::get_if<model::Prose>(&b.value);
    if (!p) return;
    for (const auto& h : p->headings) {
      auto number = model::heading_number(h.text);
      if (number.empty()) continue;
      const std::string nr = model::number_text(number);
      size_t title_at = h.text.find_first_of(" \t");
      data entry;
      entry.set("anchor", anchor_prefix + h.id);
      entry.set("number", nr);
      entry.set("title", title_at == std::string::npos ? "" : std::string(trim(h.text.substr(title_at))));
      entry.set("depth", std::to_string(number.size()));
      list.push_back(entry);
    }
  });
  return list;
}

// Areas with their parts; each part carries its rendered blocks.
data areas(const model::Site& site, const model::Submission& s) {
  data list{data::type::list};
  for (const auto& area : s.structure->areas) {
    data a, parts{data::type::list};
    a.set("title", area.title);
    for (const auto& q : area.questions) {
      auto it = s.answers.find(q.number);
      if (it == s.answers.end()) continue;
      data p;
      p.set("anchor", print_anchor(q.number));
      p.set("number", q.label);
      p.set("title", q.title);
      data headings = s.structure->narrative.numbered_headings ? numbered_headings(it->second.blocks, print_anchor(q.number) + "-")
                                                     : data{data::type::list};
      p.set("has_headings", data(!headings.is_empty_list()));
      p.set("headings", headings);
      p.set("html", answer_html(it->second.blocks, {site.lang, root_of(print_page_path(s)), 4, print_anchor(q.number) + "-",
                                                    PageLinks::print_page(site, s, print_page_path(s))}));
      parts.push_back(p);
    }
    a.set("parts", parts);
    list.push_back(a);
  }
  return list;
}

}  // namespace

std::string font_floor_css(double points) {
  if (points <= 0) return "";
  char size[32];
  std::snprintf(size, sizeof size, "%.4gpt", points);
  // Every text the print CSS sets smaller than the floor is raised to it; larger stays.
  return std::string("html, table, caption, th, td, dd, dt, figcaption, .fotnot, .indikator-bedomning { font-size: ") +
         size + " !important; } @page { @top-left { font-size: " + size + "; } @bottom-center { font-size: " + size +
         "; } }";
}


std::string footer_css(const std::string& pattern) {
  std::string out, literal;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  auto flush = [&] {
    if (!literal.empty()) add(css_string(literal));
    literal.clear();
  };
  for (size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, 7, "{sidor}") == 0) {
      flush();
      add("counter(pages)");
      i += 7;
    } else if (pattern.compare(i, 6, "{sida}") == 0) {
      flush();
      add("counter(page)");
      i += 6;
    } else {
      literal += pattern[i++];
    }
  }
  flush();
  return out.empty() ? "counter(page)" : out;
}

Page render_print_page(const model::Site& site, const model::Submission& s, const Layouts& layouts) {
  data d;
  d.set("lang", lang_code(site.lang));
  d.set("root", "../../../");
  d.set("document", document_title(s));
  d.set("year", std::to_string(s.year));  // fixed PDF dates: equal input gives equal bytes
  d.set("unit_name", s.unit.name);
  d.set("administration", s.unit.administration);
  d.set("header_css", css_string(s.unit.name + " \xE2\x80\x93 " + document_title(s)));
  d.set("footer_css", footer_css(s.structure->footer.empty() ? "{sida}({sidor})" : s.structure->footer));
  d.set("admin", admin_rows(s));
  d.set("font_floor_css", font_floor_css(s.structure->min_font_pt));
  // orientering: liggande — a wide table (an action plan's) printed across, as the original.
  d.set("page_css", s.structure->landscape ? "@page { size: A4 landscape; }" : "");
  d.set("has_admin", data(!s.admin.empty()));
  // A draft is marked on every printed page (and its cover), so a draft PDF is never mistaken
  // for the submitted document.
  d.set("draft_css", s.draft ? "@page { @top-right { content: " + css_string(text(site.lang, Msg::kUiDraft)) +
                                   "; color: #a00000; font-weight: bold; } }"
                             : "");
  d.set("draft_banner", s.draft ? data(text(site.lang, Msg::kUiDraftBanner)) : data(false));
  d.set("contents_label", text(site.lang, Msg::kUiContents));
  d.set("has_intro", data(!s.intro.empty()));
  d.set("intro_title", s.structure->intro_title);
  d.set("intro_html", blocks_to_html(s.intro, {site.lang, root_of(print_page_path(s)), 3, intro_anchor() + "-",
                                               PageLinks::print_page(site, s, print_page_path(s))}));
  d.set("areas", areas(site, s));
  return {print_page_path(s), layouts.render("print", d)};
}

}  // namespace kv
