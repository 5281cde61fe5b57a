// Links in an author's Markdown, as validation reads them. A link may lead to another
// question or section of the document (fraga-16.md, fraga-16.md#rubrik, inledning.md, or
// #rubrik within the same file), to another document of the site (its folder or one of its
// files, by a path from this file), or out of the site to an https: or mailto: address.
// Anything else — http:, javascript:, file:, data:, //host — is an error. Where a path
// leads is checked once every document is read (validate/links.h).
#pragma once
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "load/yaml.h"
#include "markdown/markdown.h"
#include "model/links.h"
#include "validate/blocks.h"

namespace kv {

enum class LinkKind { kExternal, kPath, kHttp, kRefused };
LinkKind classify_link(std::string_view url);

// One model::Link per link of a prose run, in order (link i is the HTML's "kvlink:i"), each
// with its file and fragment; those that cannot be used are reported. line_offset: lines of
// the file before the prose run.
std::vector<model::Link> read_links(const std::vector<markdown::Link>& links, int line_offset,
                                    const BlockContext& context, Diagnostics& diagnostics);

// Reports a link's problem, if it has one that can be seen without the other documents.
bool check_link_kind(const std::string& url, const SourcePos& at, Diagnostics& diagnostics);

// The texts of a data block are rendered as Markdown where they are shown, with no link
// resolved and no image copied. Reports, at each text's position, a link that cannot be used
// (as in prose), a link within the site or an image in the content folder (both would lead
// nowhere: they belong in the prose around the block), and a table row with a wrong number
// of cells.
void check_data_texts(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);

}  // namespace kv
