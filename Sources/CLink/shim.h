#ifndef FACTCHECK_CLINK_SHIM_H
#define FACTCHECK_CLINK_SHIM_H

// The dynamic linker's view of the loaded objects (dl_iterate_phdr), which Swift's Glibc module leaves out:
// ProgramBuild reads this program's build ID from its note segment with it.
#if __has_include(<link.h>)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <link.h>
#endif

#endif
