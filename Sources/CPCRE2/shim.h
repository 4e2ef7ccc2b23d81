#ifndef FACTCHECK_CPCRE2_SHIM_H
#define FACTCHECK_CPCRE2_SHIM_H

// Swift cannot import PCRE2's function-like macros (pcre2_compile → pcre2_compile_8), so the
// code unit width is fixed here and Swift calls the `_8` functions directly.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_ZERO_TERMINATED and PCRE2_UNSET are `~(PCRE2_SIZE)0` macros that Swift does not import.
static inline PCRE2_SIZE cpcre2_unset(void) { return PCRE2_UNSET; }

#endif
