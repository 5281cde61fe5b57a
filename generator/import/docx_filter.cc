#include "import/docx_filter.h"

#include "load/markdown_file.h"
#include "scaffold/block_writer.h"
#include "util/text.h"

namespace kv::import {

std::string_view docx_lua_filter() {
  // Written for pandoc 2.17 (Debian 12); run with -f docx+styles so paragraphs carry their
  // style as Div custom-style.
  static constexpr std::string_view kFilter = R"lua(
local stringify = pandoc.utils.stringify
local function lower(s) return pandoc.text.lower(s) end
local function raw(s) return pandoc.RawBlock('markdown', s) end

local caption_styles = { ['caption'] = true, ['image caption'] = true, ['figure caption'] = true,
                         ['beskrivning'] = true, ['bildtext'] = true, ['figurtext'] = true }

-- Blocks with the paragraph style each is in (+styles wraps each in a Div).
local function flatten(blocks, style, items)
  items = items or {}
  for _, b in ipairs(blocks) do
    if b.t == 'Div' then
      flatten(b.content, b.attr.attributes['custom-style'] or style, items)
    else
      table.insert(items, { style = style, block = b })
    end
  end
  return items
end

local function is_text(b) return b.t == 'Para' or b.t == 'Plain' end
-- Word's table of contents ("toc 1", "TOC Heading", Swedish "Innehåll 1"): the site makes its own.
local function contents_entry(it)
  if it.style == nil then return false end
  local s = lower(it.style)
  return s:find('^toc') ~= nil or s:find('^innehåll') ~= nil or s:find('^table of contents') ~= nil
end
local function example_style(it) return it.style ~= nil and lower(it.style):find('^exempel') ~= nil end
local function caption(it) return it.style ~= nil and caption_styles[lower(it.style)] and is_text(it.block) end
local function is_lead(b)
  if not is_text(b) then return false end
  local t = lower(stringify(b)):gsub('[%s:]+$', '')
  return t == 'exempel'
end

local function lone_image(b)
  if not is_text(b) then return nil end
  local image
  for _, il in ipairs(b.content) do
    if il.t == 'Image' and not image then image = il
    elseif il.t ~= 'Space' and il.t ~= 'SoftBreak' and il.t ~= 'LineBreak' then return nil end
  end
  return image
end

-- A figure is marked, not written: a code block of class kvalitet-bild holding the image's path
-- on its first line and its caption after it; kvalitet writes the bild block (write_figures).
local function figure(image, text)
  return pandoc.CodeBlock(image.src .. '\n' .. text, pandoc.Attr('', { 'kvalitet-bild' }))
end

-- The blocks of a one-cell table, or nil. Word marks a table's first row as its header by
-- default (w:tblLook firstRow="1"), so the one cell may be in the head.
local function box(b)
  if b.t ~= 'Table' then return nil end
  local rows = {}
  local function add(list) for _, r in ipairs(list) do table.insert(rows, r) end end
  add(b.head.rows)
  for _, body in ipairs(b.bodies) do add(body.head); add(body.body) end
  add(b.foot.rows)
  if #rows ~= 1 or #rows[1].cells ~= 1 then return nil end
  return rows[1].cells[1].contents
end

-- A box's first block under its paragraph styles: LibreOffice puts a frame's paragraphs in
-- "Frame Contents", which +styles wraps in a Div, and the lead is the paragraph inside.
local function first_block(blocks)
  local b = blocks[1]
  while b and b.t == 'Div' do b = b.content[1] end
  return b
end

-- A box whose first paragraph is "Exempel" and a line break: the lead on a line of its own.
local function split_lead(blocks)
  local first = blocks[1]
  if first and first.t == 'Div' then  -- the paragraph in its style's Div, split there
    first.content = split_lead(first.content)
    return blocks
  end
  if not first or not is_text(first) then return blocks end
  for k, il in ipairs(first.content) do
    if il.t == 'LineBreak' or il.t == 'SoftBreak' then
      local head, rest = pandoc.List(), pandoc.List()
      for j, x in ipairs(first.content) do
        if j < k then head:insert(x) elseif j > k then rest:insert(x) end
      end
      if not is_lead(pandoc.Para(head)) then return blocks end
      local out = pandoc.List({ pandoc.Para(head), pandoc.Para(rest) })
      for j = 2, #blocks do out:insert(blocks[j]) end
      return out
    end
  end
  return blocks
end

-- A cell's blocks as one line: paragraphs run together, list items led by "•". GitHub's
-- Markdown holds one line per cell; pandoc writes "[TABLE]" for any other table.
local function one_line(blocks)
  local out = pandoc.List()
  local function add(inlines)
    if #out > 0 then out:insert(pandoc.Space()) end
    for _, il in ipairs(inlines) do
      out:insert((il.t == 'LineBreak' or il.t == 'SoftBreak') and pandoc.Space() or il)
    end
  end
  for _, b in ipairs(blocks) do
    if is_text(b) then add(b.content)
    elseif b.t == 'BulletList' or b.t == 'OrderedList' then
      for _, item in ipairs(b.content) do add(pandoc.List({ pandoc.Str('•'), pandoc.Space() }) .. one_line(item)) end
    else add({ pandoc.Str(stringify(b)) }) end
  end
  return out
end

-- Rows without merged cells: a merged cell's text in its first cell, the cells it covered empty.
local function unmerge(rows, width)
  local pending = {}  -- column → rows a cell above still covers
  for _, row in ipairs(rows) do
    local cells, col = pandoc.List(), 1
    local function covered()
      while (pending[col] or 0) > 0 do
        pending[col] = pending[col] - 1
        cells:insert(pandoc.Cell({}))
        col = col + 1
      end
    end
    for _, cell in ipairs(row.cells) do
      covered()
      cells:insert(pandoc.Cell({ pandoc.Plain(one_line(cell.contents)) }, cell.alignment))
      for k = 0, cell.col_span - 1 do
        if cell.row_span > 1 then pending[col + k] = cell.row_span - 1 end
        if k > 0 then cells:insert(pandoc.Cell({})) end
      end
      col = col + cell.col_span
    end
    while col <= width do
      if (pending[col] or 0) > 0 then pending[col] = pending[col] - 1 end
      cells:insert(pandoc.Cell({}))
      col = col + 1
    end
    row.cells = cells
  end
end

-- A table as GitHub's Markdown can hold it, its first row the header when Word marked none.
local function simple_table(t)
  local width = #t.colspecs
  unmerge(t.head.rows, width)
  for _, body in ipairs(t.bodies) do
    unmerge(body.head, width)
    unmerge(body.body, width)
  end
  unmerge(t.foot.rows, width)
  if #t.head.rows == 0 and #t.bodies > 0 and #t.bodies[1].body > 0 then
    t.head.rows = { t.bodies[1].body[1] }
    table.remove(t.bodies[1].body, 1)
  end
  return t
end

-- Word's list styles where the paragraphs carry no numbering of their own ("List Bullet 2",
-- "Punktlista", "Numrerad lista"): "bullet" or "ordered", and the level (1 for none).
local list_patterns = { { '^list bullet ?(%d*)$', 'bullet' }, { '^punktlista ?(%d*)$', 'bullet' },
                        { '^list number ?(%d*)$', 'ordered' }, { '^numrerad lista ?(%d*)$', 'ordered' },
                        { '^nummerlista ?(%d*)$', 'ordered' } }
local function list_style(it)
  if it.style == nil or not is_text(it.block) then return nil end
  local s = lower(it.style)
  for _, p in ipairs(list_patterns) do
    local level = s:match(p[1])
    if level then return p[2], tonumber(level) or 1 end
  end
  return nil
end

-- Consecutive list-styled paragraphs from items[i] as one list, nested by level; returns the
-- list and the index after it.
local function styled_list(items, i)
  local entries = {}
  while items[i] do
    local kind, level = list_style(items[i])
    if not kind then break end
    table.insert(entries, { kind = kind, level = level, inlines = items[i].block.content })
    i = i + 1
  end
  local function build(from, level)
    local list_items, k = pandoc.List(), from
    -- one list per kind at a level: a numbered list after a bulleted one starts anew
    while entries[k] and (k == from or entries[k].level > level or
                          (entries[k].level == level and entries[k].kind == entries[from].kind)) do
      if entries[k].level > level and #list_items > 0 then
        local sub, next_k = build(k, entries[k].level)
        list_items[#list_items]:insert(sub)
        k = next_k
      else
        list_items:insert(pandoc.List({ pandoc.Plain(entries[k].inlines) }))
        k = k + 1
      end
    end
    local make = entries[from].kind == 'ordered' and pandoc.OrderedList or pandoc.BulletList
    return make(list_items), k
  end
  local list, k, out = nil, 1, {}
  while entries[k] do
    list, k = build(k, entries[k].level)
    table.insert(out, list)
  end
  return out, i
end

local convert
-- What Word lays out in a style of its own inside an example without ending it.
local continues = { Table = true, BulletList = true, OrderedList = true }

local function walk(items)
  local out, open, i = {}, false, 1
  local function close()
    if open then table.insert(out, raw(':::\n')) end
    open = false
  end
  while i <= #items do
    while items[i] and contents_entry(items[i]) do i = i + 1 end
    if not items[i] then break end
    local it, b = items[i], items[i].block
    local image, inside = lone_image(b), box(b)
    if inside then inside = split_lead(inside) end
    if example_style(it) and (not open or is_lead(b)) then
      close()
      table.insert(out, raw('::: exempel'))
      open = true
    elseif open and not example_style(it) and not image and not caption(it) and not continues[b.t] and not list_style(it) then
      close()
    end
    if list_style(it) then
      local lists, next_i = styled_list(items, i)
      for _, l in ipairs(lists) do table.insert(out, l) end
      i = next_i - 1
      goto next_item
    end
    if inside and first_block(inside) and is_lead(first_block(inside)) then
      close()
      table.insert(out, raw('::: exempel'))
      for _, x in ipairs(convert(inside)) do table.insert(out, x) end
      table.insert(out, raw(':::\n'))
    elseif inside then  -- a box for layout: its text
      for _, x in ipairs(convert(inside)) do table.insert(out, x) end
    elseif image then
      local text = stringify(image.caption)
      if items[i + 1] and caption(items[i + 1]) then
        text = stringify(items[i + 1].block)
        i = i + 1
      end
      table.insert(out, figure(image, text))
    elseif b.t == 'Table' then
      local text = stringify(b.caption.long or {})
      local previous = out[#out]
      if text ~= '' and not (previous and is_text(previous) and stringify(previous) == text) then
        table.insert(out, pandoc.Para(pandoc.Str(text)))
      end
      b.caption = { long = {}, short = nil }
      table.insert(out, simple_table(b))
    elseif not (open and is_lead(b)) then
      table.insert(out, b)
    end
    ::next_item::
    i = i + 1
  end
  close()
  return out
end

convert = function(blocks)
  local out = walk(flatten(blocks))
  if #out > 0 and is_lead(out[1]) then table.remove(out, 1) end  -- a box's lead is its label
  return out
end

function Span(el)
  if el.attributes['custom-style'] then return el.content end
end

-- A paragraph style nested deeper than the top (a list item's "List Bullet"): its text only,
-- so no <div custom-style> reaches the Markdown.
local function unwrap_styles(blocks)
  return pandoc.walk_block(pandoc.Div(blocks), {
    Div = function(d) if d.attributes['custom-style'] then return d.content end end,
  }).content
end

function Pandoc(doc)
  return pandoc.Pandoc(unwrap_styles(convert(doc.blocks)), doc.meta)
end
)lua";
  return kFilter;
}

namespace {

constexpr std::string_view kFigureMark = "kvalitet-bild";

// Calls found(first line, line after the last, figure) for each figure the filter marked, in
// order; the fences are the loader's (load/markdown_file.h), whatever pandoc chose to write.
template <typename Fn>
void each_marked_figure(const std::vector<std::string_view>& lines, Fn&& found) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto fence = parse_fence(lines[i]);
    if (!fence) continue;
    const size_t open = i;
    std::vector<std::string> content;
    for (++i; i < lines.size() && !closes_fence(*fence, lines[i]); ++i) {
      std::string_view l = lines[i];
      for (size_t k = 0; k < fence->indent && !l.empty() && l.front() == ' '; ++k) l.remove_prefix(1);
      content.emplace_back(l);
    }
    if (fence->word() != kFigureMark || content.empty()) continue;
    while (content.size() > 1 && trim(content.back()).empty()) content.pop_back();
    const std::vector<std::string> caption(content.begin() + 1, content.end());
    found(open, std::min(i + 1, lines.size()), model::Figure{join(caption, "\n"), content.front()});
  }
}

}  // namespace

std::vector<model::Figure> marked_figures(std::string_view markdown) {
  std::vector<model::Figure> out;
  each_marked_figure(split_lines(markdown), [&](size_t, size_t, model::Figure f) { out.push_back(std::move(f)); });
  return out;
}

std::string write_figures(std::string_view markdown, const std::function<std::string(const model::Figure&)>& file) {
  const auto lines = split_lines(markdown);
  std::string out;
  size_t done = 0;
  each_marked_figure(lines, [&](size_t open, size_t end, model::Figure f) {
    for (; done < open; ++done) out += std::string(lines[done]) + "\n";
    f.file = file(f);
    out += scaffold::block_text(f);
    done = end;
  });
  for (; done < lines.size(); ++done) out += std::string(lines[done]) + "\n";
  return out;
}

}  // namespace kv::import
