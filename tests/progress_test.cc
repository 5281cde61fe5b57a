// util/progress.h: the line redrawn in place on a terminal, and nothing without one.
#include <catch2/catch.hpp>

#include <sstream>

#include "util/progress.h"

namespace {

std::string label(size_t done, size_t total, const std::string& last) {
  return "PDF: " + std::to_string(done) + " av " + std::to_string(total) + (last.empty() ? "" : " " + last);
}

}  // namespace

TEST_CASE("progress redraws its line in place and clears it at the end", "[progress]") {
  std::ostringstream out;
  {
    kv::Progress p(&out, label, 2);
    p.step();
    p.step();
  }
  // Each state is drawn over the last; the end wipes the longest line drawn.
  CHECK(out.str() == "\rPDF: 0 av 2\rPDF: 1 av 2\rPDF: 2 av 2\r           \r");
}

// pdf's line names the document just made, so a slow one can be told apart.
TEST_CASE("progress names what the latest step did", "[progress]") {
  std::ostringstream out;
  {
    kv::Progress p(&out, label, 2);
    p.step("Hägersten: 10 sidor");
    p.step();
  }
  CHECK(out.str() == "\rPDF: 0 av 2\rPDF: 1 av 2 Hägersten: 10 sidor\rPDF: 2 av 2\r" + std::string(31, ' ') + "\r");
}

TEST_CASE("progress of nothing to do draws nothing", "[progress]") {
  std::ostringstream out;
  { kv::Progress p(&out, label, 0); }
  CHECK(out.str().empty());
}
