// The registry of data-block kinds (model/block_kinds.h): every kind has a reader, its name is
// what blocks of it are counted as, and the hierarchy rules come from its entries.
#include <catch2/catch.hpp>

#include "model/block_kinds.h"
#include "model/vocabulary.h"
#include "validate/block_readers.h"

TEST_CASE("every data-block kind has a reader and the vocabulary is the registry", "[block-kinds]") {
  REQUIRE(kv::model::data_block_names().size() == kv::model::kBlockKinds.size());
  for (size_t i = 0; i < kv::model::kBlockKinds.size(); ++i) {
    const auto& kind = kv::model::kBlockKinds[i];
    INFO(kind.name);
    CHECK(kv::block_reader(kind.name) != nullptr);
    CHECK(kv::model::data_block_names()[i] == kind.name);
    CHECK(kv::model::find_block_kind(kind.name) == &kind);
    if (kind.parent) CHECK(kv::model::find_block_kind(kind.parent) != nullptr);
  }
  CHECK(kv::block_reader("okänt") == nullptr);
  CHECK(kv::model::find_block_kind("exempel") == nullptr);  // a container, not a data block
}

TEST_CASE("a block's name is its kind's, in the variant's order", "[block-kinds]") {
  using namespace kv::model;
  CHECK(block_name(Block{Prose{}}) == nullptr);
  CHECK(std::string(block_name(Block{Container{"exempel", {}}})) == "exempel");
  CHECK(std::string(block_name(Block{Goal{}})) == "mål");
  CHECK(std::string(block_name(Block{GoalFollowUp{}})) == "uppföljning");
  CHECK(std::string(block_name(Block{KfGoal{}})) == "kf-mål");
  CHECK(std::string(block_name(Block{Indicator{}})) == "indikator");
  CHECK(std::string(block_name(Block{UnitGoal{}})) == "enhetsmål");
  CHECK(std::string(block_name(Block{ActionItem{}})) == "åtgärd");
  CHECK(std::string(block_name(Block{Project{}})) == "projekt");
}
