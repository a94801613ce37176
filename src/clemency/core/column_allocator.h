// An allocator for large columns that their producer fills completely:
//   - resize(n) leaves new elements default-initialized (for numbers: not
//     written), so a column is not zero-filled and then written again;
//   - a block of kBulkBytes or more is mapped with its pages already present
//     (MAP_POPULATE), so filling it takes no page fault per 4 KiB page. On a
//     virtual machine each fault is a trip to the hypervisor; at 1.3 million
//     people they were 40 % of building the fact table.
// assign(), push_back() and copies still set their values. Memory that cannot
// be mapped throws std::bad_alloc, as std::allocator does. Under
// AddressSanitizer every block comes from the heap.
#ifndef CLEMENCY_CORE_COLUMN_ALLOCATOR_H_
#define CLEMENCY_CORE_COLUMN_ALLOCATOR_H_

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace clemency {

inline constexpr size_t kBulkBytes = size_t{1} << 20;

// Pages of at least kBulkBytes, present and zero; released by ReleaseBulk.
void* AllocateBulk(size_t bytes);
void ReleaseBulk(void* p, size_t bytes);

template <typename T>
struct ColumnAllocator {
  using value_type = T;
  ColumnAllocator() = default;
  template <typename U>
  ColumnAllocator(const ColumnAllocator<U>&) noexcept {}

  T* allocate(size_t n) {
    if (Bulk(n)) return static_cast<T*>(AllocateBulk(n * sizeof(T)));
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, size_t n) noexcept {
    if (Bulk(n)) ReleaseBulk(p, n * sizeof(T));
    else std::allocator<T>().deallocate(p, n);
  }
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;  // default-initialized
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  // Under AddressSanitizer every block comes from the heap, so that reads
  // past a column's end are still caught.
  static bool Bulk(size_t n) {
#ifdef __SANITIZE_ADDRESS__
    (void)n;
    return false;
#else
    return n * sizeof(T) >= kBulkBytes;
#endif
  }
  template <typename U>
  bool operator==(const ColumnAllocator<U>&) const noexcept { return true; }
};

template <typename T>
using Cells = std::vector<T, ColumnAllocator<T>>;

}  // namespace clemency

#endif  // CLEMENCY_CORE_COLUMN_ALLOCATOR_H_
