#include "render/html/layouts.h"

#include "load/source.h"

namespace kv {

std::optional<Layouts> Layouts::load(const std::vector<std::filesystem::path>& dirs,
                                     const std::vector<std::string>& names, Report& report) {
  Layouts layouts;
  bool ok = true;
  for (const auto& name : names) {
    std::filesystem::path file;
    for (const auto& dir : dirs) {
      file = dir / (name + ".mustache");
      if (std::filesystem::exists(file)) break;
    }
    if (!std::filesystem::exists(file)) {
      report.error({file.generic_string(), 0, 0}, report.t(Msg::kLayoutMissing, {name}), report.t(Msg::kLayoutMissingHint));
      ok = false;
      continue;
    }
    auto source = read_source(file, report);
    if (!source) {
      ok = false;
      continue;
    }
    kainjow::mustache::mustache compiled{source->text};
    if (!compiled.is_valid()) {
      report.error({source->path, 0, 0}, report.t(Msg::kLayoutInvalid, {name, compiled.error_message()}));
      ok = false;
      continue;
    }
    layouts.sources_[name] = std::move(source->text);
  }
  if (!ok) return std::nullopt;
  return layouts;
}

std::string Layouts::render(const std::string& name, const kainjow::mustache::data& data) const {
  kainjow::mustache::mustache compiled{sources_.at(name)};
  return compiled.render(data);
}

}  // namespace kv
