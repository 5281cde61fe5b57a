#include "validate/links.h"

#include <algorithm>
#include <map>
#include <set>

#include "load/content_names.h"
#include "markdown/heading_ids.h"
#include "model/block_ids.h"
#include "model/document_folder.h"
#include "util/text.h"
#include "validate/part_name.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

// A page a link can lead to: a document's overview (its introduction when `introduction`)
// or one of its parts.
struct Page {
  const model::Submission* document = nullptr;
  int part = 0;
  bool introduction = false;
};

// The ids a link may name in a part, or in the introduction: its headings', then its
// numbered blocks' (model/block_ids.h).
std::vector<std::string> heading_ids(const std::vector<model::Block>& blocks) {
  std::vector<std::string> ids, block_ids;
  model::BlockCounter counter;
  model::for_each_block(blocks, [&](const model::Block& b) {
    if (const auto* p = std::get_if<model::Prose>(&b.value))
      for (const auto& h : p->headings) ids.push_back(h.id);
    if (auto kind = model::numbered_kind(b)) block_ids.push_back(model::block_id(*kind, counter.next(*kind)));
  });
  ids.insert(ids.end(), block_ids.begin(), block_ids.end());
  return ids;
}

class Resolver {
 public:
  Resolver(const std::vector<const model::Submission*>& documents, const std::vector<std::string>& uncertain,
           const fs::path& content_root, Diagnostics& diagnostics)
      : content_root_(content_root), uncertain_(uncertain), diagnostics_(diagnostics) {
    for (const auto* s : documents) {
      const std::string folder = model::document_folder(*s);
      pages_[folder] = {s, 0, false};
      if (!s->intro.empty()) pages_[folder + "/" + kIntroFile] = {s, 0, true};
      for (const auto& [number, answer] : s->answers)
        pages_[folder + "/" + fs::path(answer.source_path).filename().string()] = {s, number, false};
    }
  }

  // Documents on this build's site; a draft outside it is left out (build without --utkast).
  void set_published(std::set<const model::Submission*> published) { published_ = std::move(published); }

  // from: the document the link is written in.
  void resolve(model::Link& link, const model::Submission& from) const {
    if (!link.external.empty() || link.file.empty()) return;  // out of the site, or refused when read
    const SourcePos at{link.source, link.line, link.col};
    auto it = pages_.find(link.file);
    if (it == pages_.end()) {
      std::error_code ec;
      const bool exists = fs::exists(fs::symlink_status(content_root_ / link.file, ec));
      if (exists && unreadable_page(link.file)) return;
      // A mistyped file name ("fraga-61.md") gets the page of its folder it is closest to.
      const std::string close = exists ? "" : closest_page(link.file);
      diagnostics_.error(at, diagnostics_.t(exists ? Msg::kLinkNotPage : Msg::kLinkMissing, {link.url, link.file}),
                         diagnostics_.suggest_file(close, fs::path(link.file).filename().string(), diagnostics_.t(Msg::kLinkTargetHint)));
      return;
    }
    const Page& page = it->second;
    if (left_out_draft(*page.document) && published_.count(&from)) {
      // The public page would link to nothing: the text is shown without a link.
      diagnostics_.warning(at, diagnostics_.t(Msg::kLinkToDraft, {link.url, page.document->source_folder}),
                           diagnostics_.t(Msg::kLinkToDraftHint));
      return;
    }
    link.document = page.document->url_path();
    link.part = page.part;
    link.introduction = page.introduction;
    if (!link.fragment.empty()) link.anchor = find_anchor(link, page, at);
  }

 private:
  bool left_out_draft(const model::Submission& s) const { return s.draft && !published_.count(&s); }

  // The file name of a page in file's folder that is closest to file's name, or "". A name
  // with the same numbers is it ("fraga-3.md" is fraga-03.md); otherwise only names with the
  // same digits count: "fraga-61.md" may mean fraga-16.md, but "fraga-09.md" is another
  // question than fraga-01.md, not a typo of it.
  std::string closest_page(const std::string& file) const {
    const fs::path wanted(file);
    const std::string folder = wanted.parent_path().generic_string();
    const auto numbers = [](const std::string& s) {  // each run of digits without its leading zeros
      const auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
      std::string out;
      for (size_t i = 0; i < s.size();) {
        if (!digit(i)) {
          out += s[i++];
          continue;
        }
        size_t end = i;
        while (digit(end)) ++end;
        while (i + 1 < end && s[i] == '0') ++i;
        out.append(s, i, end - i);
        i = end;
      }
      return fold_case(out);
    };
    const auto digits = [](const std::string& s) {
      std::string d;
      for (char c : s)
        if (c >= '0' && c <= '9') d += c;
      std::sort(d.begin(), d.end());
      return d;
    };
    const std::string wanted_name = wanted.filename().string(), wanted_numbers = numbers(wanted_name);
    const std::string wanted_digits = digits(wanted_name);
    std::vector<std::string> names;
    for (const auto& [path, page] : pages_) {
      const fs::path p(path);
      if (p.parent_path().generic_string() != folder || !p.has_extension()) continue;
      const std::string name = p.filename().string();
      if (numbers(name) == wanted_numbers) return name;
      if (digits(name) == wanted_digits) names.push_back(name);
    }
    return closest_match(wanted_name, names);
  }

  // A document folder, or a Markdown file in one, that would be a page had it been read
  // without errors.
  bool unreadable_page(const std::string& file) const {
    for (const auto& folder : uncertain_)
      if (file == folder || (starts_with(file, folder + "/") && fs::path(file).extension() == ".md")) return true;
    return false;
  }

  // The heading id the fragment names: as written, or written as the heading's text
  // ("#Mål 2018" would need escapes; "#mål-2018" and "#mal-2018" both find "mal-2018").
  std::string find_anchor(const model::Link& link, const Page& page, const SourcePos& at) const {
    const model::Submission& s = *page.document;
    const auto ids = heading_ids(page.part > 0 ? s.answers.at(page.part).blocks : s.intro);
    const std::string slug = markdown::heading_slug(link.fragment);
    for (const auto& id : ids)  // "#åtgärd-3" names the third action, kv-atgard-3
      if (id == link.fragment || id == slug || id == "kv-" + slug) return id;
    std::string list;  // block ids as authors write them: kv-atgard-2 is "#åtgärd-2"
    for (size_t i = 0; i < ids.size() && i < 12; ++i) list += (i ? ", #" : "#") + model::written_block_id(ids[i]);
    if (ids.size() > 12) list += ", \xE2\x80\xA6";
    diagnostics_.error(at, diagnostics_.t(Msg::kLinkAnchorMissing, {link.url, link.file, link.fragment}),
                  ids.empty() ? diagnostics_.t(Msg::kLinkNoHeadingsHint) : diagnostics_.t(Msg::kLinkAnchorHint, {list}));
    return "";
  }

  fs::path content_root_;
  const std::vector<std::string>& uncertain_;
  Diagnostics& diagnostics_;
  std::map<std::string, Page> pages_;
  std::set<const model::Submission*> published_;
};

void resolve_blocks(std::vector<model::Block>& blocks, const Resolver& resolver, const model::Submission& from) {
  for (auto& block : blocks) {
    if (auto* p = std::get_if<model::Prose>(&block.value))
      for (auto& link : p->links) resolver.resolve(link, from);
    else if (auto* c = std::get_if<model::Container>(&block.value))
      resolve_blocks(c->children, resolver, from);
  }
}

void resolve_document(model::Submission& s, const Resolver& resolver, Diagnostics& diagnostics) {
  resolve_blocks(s.intro, resolver, s);
  for (auto& [number, answer] : s.answers) {
    // Messages name the question, as the others about a question file do.
    diagnostics.context = part_name(*s.structure, number, diagnostics.lang);
    resolve_blocks(answer.blocks, resolver, s);
    diagnostics.context.clear();
  }
}

}  // namespace

void resolve_links(model::Site& site, std::vector<model::Submission>& drafts, const fs::path& content_root,
                   const std::vector<std::string>& unread, Diagnostics& diagnostics) {
  std::vector<model::Submission*> documents;
  std::vector<std::string> uncertain = unread;
  for (auto& s : site.submissions) documents.push_back(&s);
  for (auto& s : drafts) {
    documents.push_back(&s);
    uncertain.push_back(model::document_folder(s));
  }
  Resolver resolver(std::vector<const model::Submission*>(documents.begin(), documents.end()), uncertain, content_root,
                    diagnostics);
  std::set<const model::Submission*> published;
  for (const auto& s : site.submissions) published.insert(&s);
  resolver.set_published(std::move(published));
  for (auto* s : documents) resolve_document(*s, resolver, diagnostics);
}

void resolve_links(model::Site& site, model::Submission& document, const fs::path& content_root, Diagnostics& diagnostics) {
  // Only the documents its links lead into are looked at: a link's file lies in its
  // document's folder, or is that folder.
  std::set<std::string> folders;
  auto note = [&](const std::vector<model::Block>& blocks) {
    model::for_each_block(blocks, [&](const model::Block& b) {
      if (const auto* p = std::get_if<model::Prose>(&b.value))
        for (const auto& link : p->links)
          if (link.external.empty() && !link.file.empty()) {
            folders.insert(link.file);
            folders.insert(fs::path(link.file).parent_path().generic_string());
          }
    });
  };
  note(document.intro);
  for (const auto& [number, answer] : document.answers) note(answer.blocks);
  std::vector<const model::Submission*> documents;
  std::set<const model::Submission*> published;
  for (const auto& s : site.submissions)
    if (&s == &document || folders.count(model::document_folder(s))) {
      documents.push_back(&s);
      published.insert(&s);
    }
  const std::vector<std::string> uncertain;
  Resolver resolver(documents, uncertain, content_root, diagnostics);
  resolver.set_published(std::move(published));
  resolve_document(document, resolver, diagnostics);
}

}  // namespace kv
