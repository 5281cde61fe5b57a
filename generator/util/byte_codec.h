// A compact binary form for kvalitet's own state files (what a build keeps for the next).
// One description per type, io(archive, value), serves both directions: ByteWriter appends,
// ByteReader reads back within the bytes it was given and only fails (never throws, never
// reads past the end), so a cut or changed file is refused, not trusted.
#pragma once
#include <bit>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace kv {

class ByteWriter {
 public:
  static constexpr bool kReading = false;

  void varint(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void value(std::string& s) {
    varint(s.size());
    out_ += s;
  }
  void value(bool& b) { varint(b ? 1 : 0); }
  void value(int& i) { varint(static_cast<uint32_t>(i)); }
  void value(long long& i) { varint(static_cast<uint64_t>(i)); }
  void value(double& d) { varint(std::bit_cast<uint64_t>(d)); }
  template <typename E>
    requires std::is_enum_v<E>
  void value(E& e) { varint(static_cast<uint64_t>(e)); }

  // How many items follow (a vector's, a map's, an optional's 0 or 1).
  size_t count(size_t n) {
    varint(n);
    return n;
  }
  size_t alternative(size_t index) { return count(index); }
  bool ok() const { return true; }
  uint64_t fail() { return 0; }  // a reader's check; what is written is whole
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  static constexpr bool kReading = true;

  explicit ByteReader(std::string_view bytes) : in_(bytes) {}

  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) return fail();
      const auto byte = static_cast<unsigned char>(in_[at_++]);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    return fail();
  }
  void value(std::string& s) {
    const uint64_t n = varint();
    if (n > in_.size() - at_) {
      fail();
      return;
    }
    s.assign(in_.substr(at_, n));
    at_ += n;
  }
  void value(bool& b) { b = varint() != 0; }
  void value(int& i) { i = static_cast<int>(static_cast<uint32_t>(varint())); }
  void value(long long& i) { i = static_cast<long long>(varint()); }
  void value(double& d) { d = std::bit_cast<double>(varint()); }
  template <typename E>
    requires std::is_enum_v<E>
  void value(E& e) { e = static_cast<E>(varint()); }

  // A count can never exceed the bytes left (every item takes at least one), so a changed
  // count cannot make a reader allocate without bound.
  size_t count(size_t) {
    const uint64_t n = varint();
    if (n > in_.size() - at_) return fail();
    return n;
  }
  size_t alternative(size_t) { return varint(); }
  bool ok() const { return ok_; }
  bool at_end() const { return at_ == in_.size(); }
  uint64_t fail() {
    ok_ = false;
    at_ = in_.size();
    return 0;
  }

 private:
  std::string_view in_;
  size_t at_ = 0;
  bool ok_ = true;
};

// A check sum of bytes, to tell a file kvalitet wrote from one changed on the disk since
// (not against a forger: whoever can write the output can change the pages too). Eight
// bytes at a time, so that it costs little beside reading them.
inline uint64_t check_sum(std::string_view bytes) {
  uint64_t h = 0x6a09e667f3bcc908ULL ^ bytes.size();
  auto mix = [&](uint64_t w) {
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  };
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w = 0;
    for (int b = 0; b < 8; ++b) w |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i + b])) << (8 * b);
    mix(w);
  }
  uint64_t tail = 0;
  for (int b = 0; i < bytes.size(); ++i, ++b) tail |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * b);
  mix(tail);
  return h;
}

// The generic parts: types with an io(archive, T&) of their own are found by lookup.
template <typename A, typename T>
void io(A& a, std::vector<T>& items) {
  const size_t n = a.count(items.size());
  if constexpr (A::kReading) items.resize(n);
  for (size_t i = 0; i < n && a.ok(); ++i) io(a, items[i]);
  if constexpr (A::kReading)
    if (!a.ok()) items.clear();
}

template <typename A, typename T>
void io(A& a, std::optional<T>& value) {
  const size_t n = a.count(value ? 1 : 0);
  if (n > 1) a.fail();
  if constexpr (A::kReading)
    if (n == 1) value.emplace();
  if (value) io(a, *value);
}

template <typename A, typename K, typename V>
void io(A& a, std::pair<K, V>& p) {
  io(a, p.first);
  io(a, p.second);
}

template <typename A, typename K, typename V>
void io(A& a, std::map<K, V>& m) {
  if constexpr (A::kReading) {
    const size_t n = a.count(0);
    m.clear();
    for (size_t i = 0; i < n && a.ok(); ++i) {
      std::pair<K, V> item;
      io(a, item);
      m.insert_or_assign(std::move(item.first), std::move(item.second));
    }
  } else {
    a.count(m.size());
    for (auto& [k, v] : m) {
      K key = k;
      io(a, key);
      io(a, v);
    }
  }
}

template <typename A, typename... Ts>
void io(A& a, std::variant<Ts...>& v) {
  const size_t index = a.alternative(v.index());
  if constexpr (A::kReading) {
    if (index >= sizeof...(Ts)) {
      a.fail();
      return;
    }
    // Makes alternative `index`, then reads it.
    [&]<size_t... I>(std::index_sequence<I...>) {
      ((I == index ? (void)v.template emplace<I>() : (void)0), ...);
    }(std::index_sequence_for<Ts...>{});
  }
  std::visit([&](auto& alt) { io(a, alt); }, v);
}

template <typename A, typename T>
  requires(std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_same_v<T, std::string>)
void io(A& a, T& value) {
  a.value(value);
}

}  // namespace kv
