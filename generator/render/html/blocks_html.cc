#include "render/html/blocks_html.h"

#include <algorithm>
#include <sstream>

#include "i18n/messages.h"
#include "i18n/numbers.h"
#include "markdown/markdown.h"
#include "model/block_ids.h"
#include "model/site_index.h"
#include "render/format.h"
#include "render/html/prose_html.h"
#include "render/html/plan_html.h"
#include "render/html/project_html.h"
#include "render/html/report_html.h"
#include "render/html/urls.h"
#include "render/svg/bar_chart.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv {
namespace {

using std::string;

struct Writer {
  const BlockHtmlContext& ctx;
  std::ostringstream out;
  ChartCounter charts;

  void chart(svg::BarChart c) { write_chart(out, ctx, charts, std::move(c)); }

  string t(Msg m, const std::vector<string>& a = {}) const { return text(ctx.lang, m, a); }
  static string esc(const string& s) { return html_escape(s); }
  static string md(const string& s) { return markdown::to_html(s, 3); }

  // Numbers goals, follow-ups and actions as model/block_ids.h does: their ids are where
  // links and the other year's page lead.
  model::BlockCounter numbers;

  // A goal or follow-up as the authors wrote and printed it: run-in paragraphs
  // ("Förväntat resultat: 90 % av …"), each label leading its text's first paragraph.

  void run_in_block(const char* css, const string& id, const string& title, const std::vector<std::pair<Msg, string>>& parts) {
    out << "<section class=\"" << css << "\" id=\"" << esc(ctx.id_prefix + id) << "\">\n<p class=\"mal-rubrik\"><span class=\"etikett\">"
        << esc(t(Msg::kUiGoal)) << ":</span> " << esc(title) << "</p>\n";
    for (const auto& [label, value] : parts) {
      const string html = md(value);
      const string lead = "<span class=\"etikett\">" + esc(t(label)) + ":</span> ";
      if (html.rfind("<p>", 0) == 0) out << "<p>" << lead << html.substr(3);
      else out << "<p>" << lead << "</p>\n" << html;  // a list or table: the label stands alone
    }
  }

  // "Följs upp i: 2019, fråga 13" / "Målet sattes i: 2018, fråga 16", linking the other year.
  void thread_line(Msg label, const std::vector<model::ThreadRef>& refs, model::Numbered kind) {
    if (refs.empty()) return;
    out << "<p class=\"trad\" data-ej-sok><span class=\"etikett\">" << esc(t(label)) << ":</span> ";
    for (size_t i = 0; i < refs.size(); ++i) {
      const auto& r = refs[i];
      out << (i ? ", " : "") << "<a href=\"" << esc(ctx.root + question_path(*r.doc, r.part) + "#" + model::block_id(kind, r.item))
          << "\">" << r.doc->year << ", " << esc(r.doc->structure->part_word(ctx.lang)) << " " << r.part << "</a>";
    }
    out << "</p>\n";
  }

  void operator()(const model::Prose& p) { out << prose_html(p, {ctx.min_heading, ctx.id_prefix, ctx.root, ctx.links}); }

  // A container's two ways of being set apart: a box under a label (Exempel), or a section
  // under a heading (the SWOT parts); a structure's own containers choose either.
  void boxed(const std::string& css, const std::string& label, const model::Container& c) {
    out << "<div class=\"" << esc(css) << "\">\n<p class=\"exempel-rubrik\">" << esc(label) << "</p>\n";
    write(c.children);
    out << "</div>\n";
  }

  void sectioned(const std::string& css, const std::string& heading, const model::Container& c) {
    out << "<section class=\"" << esc(css) << "\">\n<h" << ctx.min_heading << ">" << esc(heading) << "</h" << ctx.min_heading << ">\n";
    write(c.children);
    out << "</section>\n";
  }

  void operator()(const model::Container& c) {
    if (!c.heading.empty()) {  // the structure's own
      const std::string css = "behallare behallare-" + slugify(c.kind, "egen");
      if (c.boxed) boxed(css + " behallare-ruta", c.heading, c);
      else sectioned(css, c.heading, c);
      return;
    }
    if (c.kind == "exempel") {
      boxed("exempel", t(Msg::kUiExample), c);
      return;
    }
    Msg title = c.kind == "styrkor" ? Msg::kUiStrengths
                : c.kind == "svagheter" ? Msg::kUiWeaknesses
                : c.kind == "möjligheter" ? Msg::kUiOpportunities
                : Msg::kUiThreats;
    sectioned("swot swot-" + c.kind, t(title), c);
  }

  void operator()(const model::Goal& g) {
    run_in_block("mal", model::block_id(model::Numbered::kGoal, numbers.next(model::Numbered::kGoal)), g.goal,
                 {{Msg::kUiExpectedResult, g.expected_result}, {Msg::kUiMethod, g.method}, {Msg::kUiFollowUp, g.follow_up}});
    thread_line(Msg::kUiThreadFollowedUpIn, g.followed_up_in, model::Numbered::kFollowUp);
    out << "</section>\n";
  }

  void operator()(const model::GoalFollowUp& f) {
    run_in_block("uppfoljning", model::block_id(model::Numbered::kFollowUp, numbers.next(model::Numbered::kFollowUp)), f.goal,
                 {{Msg::kUiResult, f.result}, {Msg::kUiAnalysis, f.analysis}, {Msg::kUiTakeForward, f.take_forward}});
    if (f.goal_set_in) thread_line(Msg::kUiThreadGoalSetIn, {*f.goal_set_in}, model::Numbered::kGoal);
    out << "</section>\n";
  }

  void operator()(const model::SurveyTable& s) {
    auto any = [&](auto member) {
      return std::any_of(s.rows.begin(), s.rows.end(), [&](const model::SurveyRow& r) { return (r.*member).has_value(); });
    };
    const bool women = any(&model::SurveyRow::women), men = any(&model::SurveyRow::men), other = any(&model::SurveyRow::other);
    auto cell = [&](const std::optional<Number>& v) {
      out << "<td>" << (v ? format_percent(*v, ctx.lang) : "") << "</td>";
    };
    svg::BarChart c{"", t(Msg::kUiSurveyCaption, {s.question}), {}, {}, 100, true, ctx.lang};
    for (const auto& r : s.rows) c.categories.push_back(r.answer);
    auto series = [&](Msg name, auto pick) {
      svg::Series ser{t(name), {}};
      for (const auto& r : s.rows) ser.values.push_back(pick(r));
      c.series.push_back(std::move(ser));
    };
    series(Msg::kUiTotal, [](const model::SurveyRow& r) { return std::optional<Number>(r.total); });
    if (women) series(Msg::kUiWomen, [](const model::SurveyRow& r) { return r.women; });
    if (men) series(Msg::kUiMen, [](const model::SurveyRow& r) { return r.men; });
    if (other) series(Msg::kUiOther, [](const model::SurveyRow& r) { return r.other; });
    chart(std::move(c));
    open_table(out, "enkat siffror", esc(t(Msg::kUiSurveyCaption, {s.question})));
    out << "<thead><tr><th scope=\"col\">" << esc(t(Msg::kUiAnswer)) << "</th><th scope=\"col\">" << esc(t(Msg::kUiTotal)) << "</th>";
    if (women) out << "<th scope=\"col\">" << esc(t(Msg::kUiWomen)) << "</th>";
    if (men) out << "<th scope=\"col\">" << esc(t(Msg::kUiMen)) << "</th>";
    if (other) out << "<th scope=\"col\">" << esc(t(Msg::kUiOther)) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& r : s.rows) {
      out << "<tr><th scope=\"row\">" << esc(r.answer) << "</th>";
      cell(r.total);
      if (women) cell(r.women);
      if (men) cell(r.men);
      if (other) cell(r.other);
      out << "</tr>\n";
    }
    out << "</tbody>\n";
    close_table(out);
  }

  void operator()(const model::EconomyTable& e) {
    open_table(out, "ekonomi siffror", esc(t(Msg::kUiEconomyCaption, {e.unit})));
    out << "<thead><tr><th scope=\"col\">" << esc(t(Msg::kUiFiscalYear)) << "</th>";
    for (const auto& y : e.years) out << "<th scope=\"col\">" << y.year << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    auto row = [&](Msg label, auto value, bool mark) {
      out << "<tr><th scope=\"row\">" << esc(t(label, {e.unit})) << "</th>";
      for (const auto& y : e.years) {
        out << "<td>" << value(y);
        if (mark && y.forecast) out << "<abbr title=\"" << esc(t(Msg::kUiForecastMark)) << "\">*</abbr>";
        out << "</td>";
      }
      out << "</tr>\n";
    };
    row(Msg::kUiBudget, [&](const model::EconomyYear& y) { return format_number(y.budget, ctx.lang); }, false);
    row(Msg::kUiOutcome, [&](const model::EconomyYear& y) { return format_number(y.outcome, ctx.lang); }, false);
    row(Msg::kUiResultUnit, [&](const model::EconomyYear& y) { return format_signed(y.result, ctx.lang); }, true);
    out << "</tbody>\n";
    close_table(out);
    if (!e.footnote.empty()) out << "<p class=\"fotnot\">* " << esc(e.footnote) << "</p>\n";
  }

  void operator()(const model::IndexSeries& s) {
    const std::vector<string> subs = model::sub_index_names({&s});
    string title = s.name + (s.description.empty() ? "" : " \xE2\x80\x93 " + s.description);
    svg::BarChart c{"", title, {}, {{s.name, {}}}, 0, false, ctx.lang};
    std::vector<const model::IndexValue*> by_year;
    for (const auto& v : s.values) by_year.push_back(&v);
    std::stable_sort(by_year.begin(), by_year.end(), [](auto* a, auto* b) { return a->year < b->year; });
    for (const auto& name : subs) c.series.push_back({name, {}});
    for (const auto* v : by_year) {
      c.categories.push_back(std::to_string(v->year));
      c.series[0].values.push_back(v->value);
      for (size_t k = 0; k < subs.size(); ++k) c.series[k + 1].values.push_back(v->sub_index(subs[k]));
    }
    chart(std::move(c));
    string caption = esc(title);
    open_table(out, "index siffror", caption);
    out << "<thead><tr><th scope=\"col\">"
        << esc(t(Msg::kUiYear)) << "</th><th scope=\"col\">" << esc(s.name) << "</th>";
    for (const auto& name : subs) out << "<th scope=\"col\">" << esc(name) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& v : s.values) {
      out << "<tr><th scope=\"row\">" << v.year << "</th><td>" << format_number(v.value, ctx.lang) << "</td>";
      for (const auto& name : subs) {
        auto sub = v.sub_index(name);
        out << "<td>" << (sub ? format_number(*sub, ctx.lang) : "") << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody>\n";
    close_table(out);
    out << "<p class=\"indikator-lank\" data-ej-sok><a href=\"" << esc(ctx.root + indicator_page_path(model::indicator_slug(s.name)))
        << "\">" << esc(t(Msg::kUiIndicatorPageLink)) << "</a></p>\n";
  }

  void operator()(const model::AnnualCycle& c) {
    out << "<table class=\"arshjul\">\n<caption>" << esc(t(Msg::kUiAnnualCycle)) << "</caption>\n<thead><tr><th scope=\"col\">"
        << esc(t(Msg::kUiMonth)) << "</th><th scope=\"col\">" << esc(t(Msg::kUiActivities)) << "</th></tr></thead>\n<tbody>\n";
    for (const auto& [month, activities] : c.months) {
      out << "<tr><th scope=\"row\">" << esc(month_name(month, ctx.lang)) << "</th><td>";
      for (size_t i = 0; i < activities.size(); ++i) out << (i ? "; " : "") << esc(activities[i]);
      out << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }

  void operator()(const model::Figure& f) {
    out << "<figure class=\"bild\">\n";
    if (f.file.empty())
      out << "<div class=\"bild-saknas\">" << esc(t(Msg::kUiFigureMissing)) << "</div>\n";
    else
      out << "<img src=\"" << esc(ctx.root + media_path(f.file)) << "\" alt=\"" << esc(f.caption) << "\">\n";
    out << "<figcaption>" << esc(f.caption) << "</figcaption>\n</figure>\n";
  }

  template <typename T>
  void report_block(const T& b) {
    write_report_block(out, ctx, charts, b);
  }
  void operator()(const model::KfGoal& b) { report_block(b); }
  void operator()(const model::Indicator& b) { report_block(b); }
  void operator()(const model::BoardGoal& b) { report_block(b); }
  void operator()(const model::UnitGoal& b) { report_block(b); }
  void operator()(const model::Principles& b) { report_block(b); }
  void operator()(const model::Agenda2030& b) { report_block(b); }
  void operator()(const model::Complaints& b) { report_block(b); }
  void operator()(const model::Activity& a) { write_activities(out, ctx, {&a}); }
  void operator()(const model::ActionItem& a) { write_actions(out, ctx, {&a}, numbers.next(model::Numbered::kAction)); }
  void operator()(const model::Project& p) { write_projects(out, ctx, {&p}); }

  // Consecutive blocks of type T from blocks[i] on, as one run (i moves past them).
  template <typename T>
  std::vector<const T*> run_of(const std::vector<model::Block>& blocks, size_t& i) {
    std::vector<const T*> run;
    while (i < blocks.size() && std::holds_alternative<T>(blocks[i].value)) run.push_back(&std::get<T>(blocks[i++].value));
    return run;
  }

  void write(const std::vector<model::Block>& blocks) {
    // Consecutive activities (and actions of a plan) form one table, as in the printed documents.
    for (size_t i = 0; i < blocks.size();) {
      if (auto run = run_of<model::Activity>(blocks, i); !run.empty()) {
        write_activities(out, ctx, run);
      } else if (auto plan = run_of<model::ActionItem>(blocks, i); !plan.empty()) {
        write_actions(out, ctx, plan, numbers.take(model::Numbered::kAction, static_cast<int>(plan.size())));
      } else if (auto projects = run_of<model::Project>(blocks, i); !projects.empty()) {
        write_projects(out, ctx, projects);
      } else {
        std::visit(*this, blocks[i++].value);
      }
    }
  }
};

}  // namespace

void open_table(std::ostream& out, const std::string& css_class, const std::string& caption_html,
                const std::string& label) {
  std::string name;
  if (!label.empty()) {
    name = html_escape(label);
  } else {  // the caption without its tags; its entities stay escaped
    bool in_tag = false;
    for (char c : caption_html) {
      if (c == '<') in_tag = true;
      else if (c == '>') in_tag = false;
      else if (!in_tag) name += c;
    }
  }
  out << "<div class=\"tabellram\" role=\"region\" tabindex=\"0\" aria-label=\"" << name << "\">\n<table class=\""
      << css_class << "\">\n<caption>" << caption_html << "</caption>\n";
}

void close_table(std::ostream& out) { out << "</table>\n</div>\n"; }

std::string blocks_to_html(const std::vector<model::Block>& blocks, const BlockHtmlContext& context) {
  Writer w{context, {}, {}, {}};
  w.write(blocks);
  return w.out.str();
}

std::string answer_html(const std::vector<model::Block>& blocks, const BlockHtmlContext& context) {
  if (!blocks.empty()) return blocks_to_html(blocks, context);
  return "<p class=\"not-answered\"><em>" + html_escape(text(context.lang, Msg::kUiNotAnsweredYet)) + "</em></p>\n";
}

}  // namespace kv
