#include "render/html/layouts.h"

#include "load/source.h"

namespace kv {

std::optional<Layouts> Layouts::load(const std::vector<std::filesystem::path>& dirs,
                                     const std::vector<std::string>& names, Diagnostics& diagnostics) {
  Layouts layouts;
  bool ok = true;
  for (const auto& name : names) {
    std::filesystem::path file;
    for (const auto& dir : dirs) {
      file = dir / (name + ".mustache");
      if (std::filesystem::exists(file)) break;
    }
    if (!std::filesystem::exists(file)) {
      diagnostics.error({file.generic_string(), 0, 0}, diagnostics.t(Msg::kLayoutMissing, {name}), diagnostics.t(Msg::kLayoutMissingHint));
      ok = false;
      continue;
    }
    auto source = read_source(file, diagnostics);
    if (!source) {
      ok = false;
      continue;
    }
    kainjow::mustache::mustache compiled{source->text};
    if (!compiled.is_valid()) {
      diagnostics.error({source->path, 0, 0}, diagnostics.t(Msg::kLayoutInvalid, {name, compiled.error_message()}));
      ok = false;
      continue;
    }
    layouts.sources_[name] = std::move(source->text);
  }
  if (!ok) return std::nullopt;
  return layouts;
}

std::unique_ptr<Layouts::Compiled> Layouts::borrow(const std::string& name) const {
  {
    std::lock_guard lock(pool_->mutex);
    auto& idle = pool_->idle[name];
    if (!idle.empty()) {
      auto compiled = std::move(idle.back());
      idle.pop_back();
      return compiled;
    }
  }
  return std::make_unique<Compiled>(sources_.at(name));
}

void Layouts::give_back(const std::string& name, std::unique_ptr<Compiled> compiled) const {
  if (!compiled->is_valid()) return;  // a render error sticks to the template: drop it
  std::lock_guard lock(pool_->mutex);
  pool_->idle[name].push_back(std::move(compiled));
}

std::string Layouts::render(const std::string& name, const kainjow::mustache::data& data) const {
  auto compiled = borrow(name);
  std::string out;
  compiled->render(data, [&out](const std::string& text) { out += text; });
  give_back(name, std::move(compiled));
  return out;
}

}  // namespace kv
