#include "clemency/core/column_allocator.h"

#include <sys/mman.h>

#include <new>

namespace clemency {

void* AllocateBulk(size_t bytes) {
  void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  return p;
}

void ReleaseBulk(void* p, size_t bytes) { ::munmap(p, bytes); }

}  // namespace clemency
