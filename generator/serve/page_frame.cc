#include "serve/page_frame.h"

#include "serve/reload_script.h"
#include "util/escape.h"

namespace kv::serve {

namespace {

// The default theme's colours and fonts (themes/default/theme.css); text pairs meet WCAG AA.
constexpr const char* kStyle = R"(
:root{color-scheme:light;--accent:#003a6e;--text:#1b1b1b;--dim:#4a5560;--soft:#f2f4f6;--line:#c9d1d9;
--link:#0057a3;--error:#a4111b;--warn:#7a4d00;--mark:#fff4c2}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",sans-serif;color:var(--text);background:#fff}
header{background:var(--accent);color:#fff;padding:.8rem 1.5rem;font-weight:700}
main{max-width:72rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 .75rem;color:var(--accent)}
a{color:var(--link)}
a:focus{outline:3px solid var(--text);outline-offset:2px}
.intro{margin:0 0 1.5rem;color:var(--dim)}
.summary{font-weight:700}
ol.diags{list-style:none;padding:0;margin:0}
ol.diags>li{border:1px solid var(--line);border-left:6px solid var(--error);border-radius:4px;padding:.75rem 1rem;margin:0 0 1rem;background:#fff}
ol.diags>li.warning{border-left-color:#b07a00}
.where{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92rem;word-break:break-all}
.badge{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;padding:.05rem .45rem;border-radius:3px;margin-right:.5rem;color:#fff;background:var(--error)}
.warning .badge{background:var(--warn)}
.message{margin:.35rem 0 0;font-weight:600}
.hint{margin:.25rem 0 0;color:var(--dim)}
pre{font:.9rem/1.45 ui-monospace,"DejaVu Sans Mono",monospace;background:var(--soft);border-radius:4px;padding:.5rem .75rem;margin:.5rem 0 0;overflow-x:auto}
.caret{color:var(--error);font-weight:700}
details.warnings{margin:1.5rem 0 0}
details.warnings>summary{cursor:pointer;font-weight:700;margin:0 0 1rem}
.back{margin:1.5rem 0 0}
table.source{border-collapse:collapse;font:.9rem/1.45 ui-monospace,"DejaVu Sans Mono",monospace;width:100%}
table.source td{padding:0 .75rem;vertical-align:top;white-space:pre-wrap;word-break:break-all}
table.source td.nr{color:var(--dim);text-align:right;user-select:none;white-space:nowrap;border-right:1px solid var(--line);width:1%}
table.source td.nr a{color:inherit;text-decoration:none}
table.source tr:target{background:var(--mark)}
table.source tr:target td.nr{color:var(--text);font-weight:700}
)";

}  // namespace

std::string page_frame(Lang lang, const std::string& title, const std::string& body, std::uint64_t generation) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(lang)) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                     html_escape(title) + " – kvalitet</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" +
                     "<header>kvalitet serve</header>\n<main>\n" + body + "</main>\n";
  html += reload_script(generation);
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace kv::serve
