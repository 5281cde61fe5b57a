#include "serve/readability_badge.h"

#include "i18n/messages.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv::serve {

std::string readability_badge(const PageReadability& page, int limit, Lang lang) {
  const bool over = limit > 0 && page.lix > limit;
  const std::string part = capitalised(page.part);  // begins the note's sentence
  // Dark text on white with a border that keeps 3:1 against the page, in the corner beside the
  // content column (52rem) where it covers nothing; on a screen too narrow for that it sits at
  // the end of the page instead. Over the limit the border and the line turn red (#b3261e: 6:1).
  std::string html =
      "<aside class=\"kvalitet-serve-lix\" aria-label=\"" + html_escape(text(lang, Msg::kServeLixLabel)) + "\">"
      "<style>.kvalitet-serve-lix{position:fixed;right:.5rem;bottom:.5rem;z-index:2147483647;box-sizing:border-box;"
      "max-width:11.5rem;background:#fff;color:#1a1a1a;border:2px solid " + std::string(over ? "#b3261e" : "#595959") +
      ";border-radius:6px;padding:.5rem .75rem;font:14px/1.35 system-ui,sans-serif;box-shadow:0 2px 6px rgba(0,0,0,.25)}"
      "@media (max-width:78rem){.kvalitet-serve-lix{position:static;max-width:52rem;margin:1rem auto;box-shadow:none}}</style>"
      "<strong>" + html_escape(text(lang, Msg::kServeLixValue, {std::to_string(page.lix), page.band})) + "</strong>";
  if (over)
    html += "<br><span style=\"color:#b3261e\">" +
            html_escape(text(lang, Msg::kServeLixOver, {std::to_string(limit)})) + "</span>";
  html += "<br><small>" + html_escape(text(lang, Msg::kServeLixNote, {part})) + "</small></aside>\n";
  return html;
}

}  // namespace kv::serve
