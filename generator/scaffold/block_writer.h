// The one writer of data blocks: a block's values in, its text (```name … ```) out, the keys in
// the order of the block's field spec (model/fields.h, the table `kvalitet ny` writes its
// skeletons from and the validators read by), every text quoted as yaml_quoted does and every
// number as Swedish authors write it ("306,7", quoted for its comma; 76). `kvalitet ny` wraps
// its skeletons with fenced_block, `kvalitet importera` writes every block it recognises
// through block_text; what the loader reads back is the value written (tests/block_writer_test).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "model/blocks.h"
#include "model/fields.h"

namespace kv::scaffold {

struct Entry;
using Entries = std::vector<Entry>;

// A text; a paragraph text (an answer's analysis, a goal's method) is written as a block
// scalar: folded (>) for one paragraph, literal (|) when it holds a blank line between
// paragraphs. Any other text is one double-quoted line.
struct Text {
  std::string text;
  bool paragraphs = false;
};

// A field's value as its FieldSpec's type says it is written. monostate: the key without a
// value ("budget:"), left for `check` to name; a key absent from Entries is not written.
// A double is written in its shortest form, a Number with the decimals its author wrote.
using FieldValue = std::variant<std::monostate, Text, double, Number, long long, bool,
                                std::vector<std::string>,                   // a list of texts, one per line
                                std::vector<Entries>,                       // a list of mappings (kList)
                                std::vector<std::pair<std::string, Number>>  // a number map (delindex)
                                >;

struct Entry {
  std::string key;
  FieldValue value;
};

// A number as a YAML value: 76, "306,7", "-3,5".
std::string yaml_number(double value);
// With the decimals written: {22, 1} → "22,0", {12.5, 2} → "12,50", {76, 0} → 76.
std::string yaml_number(const Number& n);

// "```name\n" + yaml + "```\n".
std::string fenced_block(std::string_view name, std::string_view yaml);

// The YAML of a block of shape kFields: the entries in the order of spec's fields. A key the
// spec does not have, or a value of a kind its type cannot hold, is a programming error
// (std::logic_error).
std::string block_yaml(const model::BlockSpec& spec, const Entries& entries);
// fenced_block(name, block_yaml(the spec of name, entries)).
std::string data_block(std::string_view name, const Entries& entries);

// The entries of a typed block; the caller may blank or drop some before data_block.
Entries block_entries(const model::EconomyTable& table);
Entries block_entries(const model::IndexSeries& series);
Entries block_entries(const model::SurveyTable& survey);
Entries block_entries(const model::Figure& figure);
Entries block_entries(const model::Goal& goal);            // texts left empty are not written
Entries block_entries(const model::GoalFollowUp& follow_up);

// The block's text, fenced.
std::string block_text(const model::EconomyTable& table);
std::string block_text(const model::IndexSeries& series);
std::string block_text(const model::SurveyTable& survey);
std::string block_text(const model::Figure& figure);
std::string block_text(const model::Goal& goal);
std::string block_text(const model::GoalFollowUp& follow_up);
// årshjul: a month's one activity as a paragraph, several as a list.
std::string block_text(const model::AnnualCycle& cycle);

}  // namespace kv::scaffold
