#include "load/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <cstring>
#include <functional>
#include <memory>
#include <optional>

namespace kv::xlsx {
namespace {

using Failure = ReadFailure;

// The local part of an expat name built with XML_ParserCreateNS(…, '|'): "ns|c" → "c".
std::string_view local_name(const char* name) {
  std::string_view n(name);
  auto bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

// The value of the attribute whose local name is `want` (any namespace), or nullptr.
const char* attribute(const char** attrs, std::string_view want, std::string_view ns_suffix = {}) {
  for (size_t i = 0; attrs[i]; i += 2) {
    std::string_view full(attrs[i]);
    if (local_name(attrs[i]) != want) continue;
    if (!ns_suffix.empty() && full.find(ns_suffix) == std::string_view::npos) continue;
    return attrs[i + 1];
  }
  return nullptr;
}

struct XmlEvents {
  std::function<void(std::string_view, const char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
};

// Parses xml, calling events; returns expat's words when it is not well-formed.
std::optional<std::string> parse_xml(const std::string& xml, XmlEvents& events) {
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
  if (!parser) return "out of memory";
  XML_SetUserData(parser.get(), &events);
  XML_SetElementHandler(
      parser.get(),
      [](void* u, const char* name, const char** attrs) {
        auto* e = static_cast<XmlEvents*>(u);
        if (e->start) e->start(local_name(name), attrs);
      },
      [](void* u, const char* name) {
        auto* e = static_cast<XmlEvents*>(u);
        if (e->end) e->end(local_name(name));
      });
  XML_SetCharacterDataHandler(parser.get(), [](void* u, const char* s, int len) {
    auto* e = static_cast<XmlEvents*>(u);
    if (e->text) e->text(std::string_view(s, static_cast<size_t>(len)));
  });
  if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK) return std::nullopt;
  return std::string(XML_ErrorString(XML_GetErrorCode(parser.get()))) + " (line " +
         std::to_string(XML_GetCurrentLineNumber(parser.get())) + ")";
}

class Zip {
 public:
  explicit Zip(const std::filesystem::path& file) {
    int err = 0;
    zip_ = zip_open(file.c_str(), ZIP_RDONLY, &err);
  }
  ~Zip() {
    if (zip_) zip_discard(zip_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  bool open() const { return zip_ != nullptr; }

  // The part's bytes; nullopt when absent. Sets failure when it is too large or unreadable.
  std::optional<std::string> part(const std::string& name, size_t max, std::optional<Failure>& failure) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_, name.c_str(), 0, &st) != 0) return std::nullopt;
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > max) {
      failure = Failure{Failure::Kind::kTooLarge, name};
      return std::nullopt;
    }
    zip_file_t* f = zip_fopen_index(zip_, st.index, 0);
    if (!f) {
      failure = Failure{Failure::Kind::kDamaged, name + ": " + zip_strerror(zip_)};
      return std::nullopt;
    }
    std::string bytes(static_cast<size_t>(st.size), '\0');
    const zip_int64_t got = bytes.empty() ? 0 : zip_fread(f, bytes.data(), bytes.size());
    zip_fclose(f);
    if (got != static_cast<zip_int64_t>(bytes.size())) {
      failure = Failure{Failure::Kind::kDamaged, name + ": short read"};
      return std::nullopt;
    }
    return bytes;
  }

 private:
  zip_t* zip_ = nullptr;
};

struct SheetRef {
  std::string name, rel_id, part;
};

std::optional<std::string> read_sheet_list(const std::string& xml, std::vector<SheetRef>& sheets) {
  XmlEvents e;
  e.start = [&](std::string_view name, const char** attrs) {
    if (name != "sheet") return;
    const char* n = attribute(attrs, "name");
    const char* id = attribute(attrs, "id", "relationships");
    sheets.push_back({n ? n : "", id ? id : "", ""});
  };
  return parse_xml(xml, e);
}

// Relationship targets are relative to xl/ unless they start with '/'.
std::optional<std::string> read_relationships(const std::string& xml, std::map<std::string, std::string>& targets) {
  XmlEvents e;
  e.start = [&](std::string_view name, const char** attrs) {
    if (name != "Relationship") return;
    const char* id = attribute(attrs, "Id");
    const char* target = attribute(attrs, "Target");
    if (!id || !target) return;
    std::string t = target;
    targets[id] = t.starts_with("/") ? t.substr(1) : "xl/" + t;
  };
  return parse_xml(xml, e);
}

// Each <si>'s text: its <t> or the <t>s of its runs; phonetic hints (<rPh>) are not text.
std::optional<std::string> read_shared_strings(const std::string& xml, std::vector<std::string>& strings) {
  XmlEvents e;
  bool in_t = false;
  int in_phonetic = 0;
  e.start = [&](std::string_view name, const char**) {
    if (name == "si") strings.emplace_back();
    else if (name == "rPh") ++in_phonetic;
    else if (name == "t") in_t = true;
  };
  e.end = [&](std::string_view name) {
    if (name == "rPh") --in_phonetic;
    else if (name == "t") in_t = false;
  };
  e.text = [&](std::string_view s) {
    if (in_t && in_phonetic == 0 && !strings.empty()) strings.back().append(s);
  };
  return parse_xml(xml, e);
}

struct CellBuilder {
  std::pair<int, int> at{0, 0};
  std::string type, value, inline_text;
  bool in_v = false, in_t = false, in_is = false;
};

ReadCell finish_cell(const CellBuilder& b, const std::vector<std::string>& shared, bool& bad_index) {
  ReadCell c;
  if (b.type == "s") {
    char* end = nullptr;
    const unsigned long i = std::strtoul(b.value.c_str(), &end, 10);
    if (b.value.empty() || *end != '\0' || i >= shared.size()) bad_index = true;
    else c.text = shared[i];
  } else if (b.type == "inlineStr") {
    c.text = b.inline_text;
  } else if (b.type == "str") {
    c.text = b.value;
  } else if (b.type == "b") {
    c.type = ReadCell::Type::kBool, c.text = b.value;
  } else if (b.type == "e") {
    c.type = ReadCell::Type::kError, c.text = b.value;
  } else {
    c.type = ReadCell::Type::kNumber, c.text = b.value;
  }
  return c;
}

std::optional<std::string> read_cells(const std::string& xml, const std::vector<std::string>& shared, ReadSheet& sheet) {
  XmlEvents e;
  CellBuilder b;
  int row = 0, next_col = 1;
  bool bad_index = false;
  e.start = [&](std::string_view name, const char** attrs) {
    if (name == "row") {
      const char* r = attribute(attrs, "r");
      row = r ? std::atoi(r) : row + 1;
      next_col = 1;
    } else if (name == "c") {
      b = CellBuilder();
      const char* r = attribute(attrs, "r");
      b.at = r ? parse_cell_name(r) : std::pair{row, next_col};
      if (b.at.first == 0) b.at = {row, next_col};
      const char* t = attribute(attrs, "t");
      b.type = t ? t : "n";
    } else if (name == "v") {
      b.in_v = true;
    } else if (name == "is") {
      b.in_is = true;
    } else if (name == "t" && b.in_is) {
      b.in_t = true;
    }
  };
  e.end = [&](std::string_view name) {
    if (name == "v") b.in_v = false;
    else if (name == "t") b.in_t = false;
    else if (name == "is") b.in_is = false;
    else if (name == "c") {
      next_col = b.at.second + 1;
      ReadCell c = finish_cell(b, shared, bad_index);
      if (c.text.empty() && c.type != ReadCell::Type::kError) return;  // a styled empty cell
      sheet.max_row = std::max(sheet.max_row, b.at.first);
      sheet.cells[b.at] = std::move(c);
    }
  };
  e.text = [&](std::string_view s) {
    if (b.in_v) b.value.append(s);
    else if (b.in_t) b.inline_text.append(s);
  };
  auto error = parse_xml(xml, e);
  if (!error && bad_index) return std::string("a cell refers to a shared string that does not exist");
  return error;
}

}  // namespace

std::string cell_name(int row, int col) {
  std::string letters;
  for (int c = col; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

std::pair<int, int> parse_cell_name(const std::string& ref) {
  size_t i = 0;
  int col = 0, row = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 16384) return {0, 0};  // Excel's last column is XFD
  }
  if (i == 0 || i == ref.size()) return {0, 0};
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return {0, 0};
    row = row * 10 + (ref[i] - '0');
    if (row > 1048576) return {0, 0};  // Excel's last row
  }
  return row == 0 ? std::pair{0, 0} : std::pair{row, col};
}

std::variant<std::vector<ReadSheet>, ReadFailure> read_workbook(const std::filesystem::path& file, size_t max_part_bytes) {
  Zip zip(file);
  if (!zip.open()) return Failure{Failure::Kind::kNotWorkbook, "not a zip archive"};
  std::optional<Failure> failure;
  auto workbook = zip.part("xl/workbook.xml", max_part_bytes, failure);
  auto rels = zip.part("xl/_rels/workbook.xml.rels", max_part_bytes, failure);
  if (failure) return *failure;
  if (!workbook || !rels) return Failure{Failure::Kind::kNotWorkbook, "no xl/workbook.xml"};
  std::vector<SheetRef> refs;
  std::map<std::string, std::string> targets;
  if (auto e = read_sheet_list(*workbook, refs)) return Failure{Failure::Kind::kDamaged, "xl/workbook.xml: " + *e};
  if (auto e = read_relationships(*rels, targets)) return Failure{Failure::Kind::kDamaged, "xl/_rels/workbook.xml.rels: " + *e};
  std::vector<std::string> shared;
  if (auto strings = zip.part("xl/sharedStrings.xml", max_part_bytes, failure))
    if (auto e = read_shared_strings(*strings, shared)) return Failure{Failure::Kind::kDamaged, "xl/sharedStrings.xml: " + *e};
  if (failure) return *failure;
  std::vector<ReadSheet> sheets;
  for (const auto& ref : refs) {
    auto target = targets.find(ref.rel_id);
    if (target == targets.end()) return Failure{Failure::Kind::kDamaged, "sheet " + ref.name + " has no part"};
    auto xml = zip.part(target->second, max_part_bytes, failure);
    if (failure) return *failure;
    if (!xml) continue;  // a chart sheet or a missing part: nothing to read
    ReadSheet sheet{ref.name, {}, 0};
    if (auto e = read_cells(*xml, shared, sheet)) return Failure{Failure::Kind::kDamaged, target->second + ": " + *e};
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

}  // namespace kv::xlsx
