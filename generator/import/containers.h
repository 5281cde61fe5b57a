// Sections a Word document sets apart under a heading of their own, wrapped in the container
// authors write: the SWOT parts ("Styrkor", "Svagheter", "Möjligheter", "Hot" → ::: styrkor …)
// and the structure's own containers (by their rubrik:). The heading may be a Markdown
// heading, a bold line or a line of its own; the section runs to the next heading.
#pragma once
#include <string>
#include <string_view>

#include "model/structure.h"

namespace kv::import {

std::string mark_containers(std::string_view text, const model::Structure& structure);

}  // namespace kv::import
