// The header declares libFuzzer's driver; the definition comes from compiler-rt at link time.
#include "CLibFuzzer.h"
