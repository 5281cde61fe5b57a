// CommonMark + GitHub extensions (tables, strikethrough, autolink, tagfilter) via cmark-gfm.
// Raw HTML is never passed through: cmark-gfm's safe mode replaces it, and the tagfilter
// extension is on as a second guard.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kv::markdown {

struct Location {
  int line = 0;  // 1-based within the Markdown text
  int col = 0;
};

// HTML for a block of Markdown. Headings are shifted so that an author's "##" becomes
// min_heading ("#" too): a page's own title is h1, so answers start at h2.
std::string to_html(std::string_view text, int min_heading = 2);

struct Image {
  std::string url;  // as written (after Markdown's own unescaping)
  Location at;
  std::string alt;  // the description between the brackets, as plain text
};

struct Link {
  // As written (after Markdown's own unescaping); a bare "www.example.se" the autolink
  // extension found is "https://www.example.se" (the extension itself would say http:).
  std::string url;
  Location at;
};

// A table body row with another number of cells than its header row (see table_rows.h).
struct TableRow {
  Location at;
  size_t cells = 0, header_cells = 0;
};

// One parse of a prose run, everything the build needs of it. Validation calls this once per
// prose run and the model keeps the HTML, so no page parses Markdown again.
//
// The HTML has an author's "##" as h2 (see shift_headings). Where a link or image goes depends
// on the page it is shown on, so the HTML holds placeholders the renderer fills in: link i
// (in links) is written href="kvlink:i", image i src="kvmedia:i". An author cannot produce
// either: every link and image of the text is one of these, and '"' in text is escaped.
struct Heading {
  std::string text;  // as plain text
  int level = 0;     // as written: "##" is 2
  Location at;
};

struct Analysis {
  std::string html;
  std::vector<Location> raw_html;
  std::vector<Image> images;
  std::vector<Link> links;
  std::vector<Heading> headings;  // in order
  std::vector<TableRow> uneven_rows;
};
Analysis analyze(std::string_view text);

// The placeholders of analyze's HTML.
inline constexpr std::string_view kLinkPlaceholder = "href=\"kvlink:";
inline constexpr std::string_view kImagePlaceholder = "src=\"kvmedia:";

// HTML from analyze with its headings moved so that an author's "##" is min_heading.
std::string shift_headings(std::string_view html, int min_heading);

// Plain text of the Markdown (for search, comparisons and tests).
std::string to_plain_text(std::string_view text);


// True for a URL with a scheme ("https:", "file:", "data:") or a network path ("//host/",
// "\\host"): nothing kvalitet may fetch. Anything else is a path relative to the file.
bool is_remote_url(std::string_view url);

// Every image (![alt](url)) in the text, in order.
std::vector<Image> find_images(std::string_view text);

// The links, images and uneven table rows of a text that is rendered later as it is (the
// texts of data blocks), without the HTML.
Analysis inspect(std::string_view text);

// The widest GFM table in the text, found without parsing: the most cells of a delimiter
// row ("| --- | :-: |"). cmark-gfm's table extension is quadratic in columns, so callers
// check this against limits::kTableColumns before any parse. line is 1-based; 0 when none.
struct TableWidth {
  size_t columns = 0;
  int line = 0;
};
TableWidth widest_table(std::string_view text);

}  // namespace kv::markdown
