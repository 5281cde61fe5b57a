// Ids of numbered blocks (model/block_ids.h): what pages, link checks and the thread between
// years all count with.
#include <catch2/catch.hpp>

#include "model/block_ids.h"

using kv::model::Numbered;

TEST_CASE("block ids name the kind and the number within the part", "[block-ids]") {
  CHECK(kv::model::block_id(Numbered::kGoal, 2) == "kv-mal-2");
  CHECK(kv::model::block_id(Numbered::kFollowUp, 1) == "kv-uppfoljning-1");
  CHECK(kv::model::block_id(Numbered::kAction, 13) == "kv-atgard-13");
}

TEST_CASE("block ids are shown as authors write them", "[block-ids]") {
  CHECK(kv::model::written_block_id("kv-mal-2") == "mål-2");
  CHECK(kv::model::written_block_id("kv-uppfoljning-1") == "uppföljning-1");
  CHECK(kv::model::written_block_id("kv-atgard-3") == "åtgärd-3");
  CHECK(kv::model::written_block_id("mal-2018") == "mal-2018");  // a heading's id stays
}

TEST_CASE("block_number reads the number back only from its own kind", "[block-ids]") {
  CHECK(kv::model::block_number("kv-atgard-3", Numbered::kAction) == 3);
  CHECK(kv::model::block_number("kv-mal-3", Numbered::kAction) == 0);
  CHECK(kv::model::block_number("kv-atgard-", Numbered::kAction) == 0);
  CHECK(kv::model::block_number("kv-atgard-3x", Numbered::kAction) == 0);
  CHECK(kv::model::block_number("kv-atgard-99999999999", Numbered::kAction) == 0);
}

TEST_CASE("a counter numbers each kind on its own and a run takes consecutive numbers", "[block-ids]") {
  kv::model::BlockCounter c;
  CHECK(c.next(Numbered::kGoal) == 1);
  CHECK(c.next(Numbered::kFollowUp) == 1);
  CHECK(c.next(Numbered::kGoal) == 2);
  CHECK(c.take(Numbered::kAction, 3) == 1);  // actions 1–3 as one table
  CHECK(c.next(Numbered::kAction) == 4);
}

TEST_CASE("numbered_kind: goals, follow-ups and actions have numbers, other blocks none", "[block-ids]") {
  CHECK(kv::model::numbered_kind(kv::model::Block{kv::model::Goal{}}) == Numbered::kGoal);
  CHECK(kv::model::numbered_kind(kv::model::Block{kv::model::GoalFollowUp{}}) == Numbered::kFollowUp);
  CHECK(kv::model::numbered_kind(kv::model::Block{kv::model::ActionItem{}}) == Numbered::kAction);
  CHECK_FALSE(kv::model::numbered_kind(kv::model::Block{kv::model::Prose{}}).has_value());
}
