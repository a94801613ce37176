// Default AddressSanitizer options of every fuzz target (ASAN_OPTIONS still
// overrides them). max_malloc_fill_size=0: ASan fills the first 4 KB of every
// allocation with a pattern by default, which was most of the time of the
// allocation-heavy targets (toml++ builds a node per value); ASan does not
// find uninitialised reads either way.
extern "C" const char* __asan_default_options() { return "max_malloc_fill_size=0"; }
