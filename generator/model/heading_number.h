// The number an author gives a heading in a document with numbered chapters ("1.1",
// "3.4.1 Hemtjänstchefer …"): the chapter is the part itself, so only dotted numbers count.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kv::model {

// {1, 1} for "1.1 Äldreomsorgens inriktning" (and "1.1. …"); {} when the heading has no
// dotted number of 1–3 digits per step at its start ("2018 – uppföljning", "Värdegrund").
std::vector<int> heading_number(std::string_view heading);

std::string number_text(const std::vector<int>& number);  // {3, 4, 1} → "3.4.1"

}  // namespace kv::model
