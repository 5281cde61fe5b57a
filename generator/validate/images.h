// Image files an author refers to: a bild block's fil: or an image in prose
// (![beskrivning](bild.png)). Either way the image is never fetched from an address, lies
// inside the content folder (links followed), exists, is within the size limit and, as SVG,
// is an inert drawing (svg_check.h); the site copies it to media/<its path in the content
// folder>. The formats differ: a bild block's file is judged by its name (png, jpg, svg, webp,
// gif, as always); an image in prose by its content — PNG or JPEG, or an SVG named .svg — so
// a text or GIF renamed .png is caught before a browser shows a broken image.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "validate/blocks.h"

namespace kv {

enum class ImageUse { kFigure, kProse };

// The image's path relative to the content folder, or nullopt after reporting at `at` why
// it cannot be used. written: the path as the author wrote it, relative to the file.
std::optional<std::string> resolve_image(const std::string& written, ImageUse use, const SourcePos& at,
                                         const BlockContext& context, Diagnostics& diagnostics);

// What a file's first bytes say it is, for messages and the prose check.
enum class ImageFormat { kPng, kJpeg, kGif, kWebp, kSvg, kOther };
ImageFormat sniff_image(std::string_view head);

}  // namespace kv
