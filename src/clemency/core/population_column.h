// One column of a Population: a read-only array of T that either owns its
// elements (a std::vector, while PopulationBuilder builds it) or views bytes
// it does not own (a mapped snapshot, io/population_snapshot.h; the owner of
// the mapping keeps it alive). Reading is the same in both modes and as cheap
// as a std::span: data(), size(), operator[], begin/end.
//
// The mutators (push_back, resize, assign, ...) are for the owned mode only;
// they keep the view in step with the vector.
#ifndef CLEMENCY_CORE_POPULATION_COLUMN_H_
#define CLEMENCY_CORE_POPULATION_COLUMN_H_

#include <cassert>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <utility>
#include <vector>

namespace clemency {

template <typename T>
class PopulationColumn {
 public:
  using value_type = T;
  PopulationColumn() = default;
  PopulationColumn(std::initializer_list<T> values) : owned_(values) { Sync(); }
  PopulationColumn(const PopulationColumn& o) : owned_(o.owned_), data_(o.data_), size_(o.size_), mapped_(o.mapped_) {
    if (!mapped_) Sync();
  }
  PopulationColumn(PopulationColumn&& o) noexcept
      : owned_(std::move(o.owned_)), data_(o.data_), size_(o.size_), mapped_(o.mapped_) {
    if (!mapped_) Sync();
    o.Reset();
  }
  PopulationColumn& operator=(PopulationColumn o) noexcept {
    owned_.swap(o.owned_);
    data_ = o.data_;
    size_ = o.size_;
    mapped_ = o.mapped_;
    if (!mapped_) Sync();
    return *this;
  }

  // A column viewing n elements at data, owned elsewhere.
  static PopulationColumn View(const T* data, size_t n) {
    PopulationColumn c;
    c.data_ = data;
    c.size_ = n;
    c.mapped_ = true;
    return c;
  }

  const T* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return data_[i]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& back() const { return data_[size_ - 1]; }
  std::span<const T> span() const { return {data_, size_}; }
  operator std::span<const T>() const { return span(); }  // NOLINT: reads like a span
  std::vector<T> to_vector() const { return std::vector<T>(begin(), end()); }
  bool mapped() const { return mapped_; }
  // Heap bytes held (0 when mapped).
  size_t heap_bytes() const { return owned_.capacity() * sizeof(T); }

  // Owned mode only.
  T& operator[](size_t i) { return owned()[i]; }
  T* begin() { return owned().data(); }
  T* end() { return owned().data() + owned_.size(); }
  T& back() { return owned().back(); }
  template <typename... A>
  void push_back(A&&... a) { owned().push_back(std::forward<A>(a)...); Sync(); }
  template <typename... A>
  void emplace_back(A&&... a) { owned().emplace_back(std::forward<A>(a)...); Sync(); }
  template <typename... A>
  void resize(A&&... a) { owned().resize(std::forward<A>(a)...); Sync(); }
  template <typename... A>
  void assign(A&&... a) { owned().assign(std::forward<A>(a)...); Sync(); }
  void reserve(size_t n) { owned().reserve(n); Sync(); }
  void clear() { owned().clear(); Sync(); }
  void shrink_to_fit() { owned().shrink_to_fit(); Sync(); }
  void swap(std::vector<T>& v) { owned().swap(v); Sync(); }

 private:
  std::vector<T>& owned() {
    assert(!mapped_);
    return owned_;
  }
  void Sync() {
    data_ = owned_.data();
    size_ = owned_.size();
  }
  void Reset() {
    owned_.clear();
    mapped_ = false;
    Sync();
  }

  std::vector<T> owned_;
  const T* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
};

}  // namespace clemency

#endif  // CLEMENCY_CORE_POPULATION_COLUMN_H_
