// The one translation unit that holds doctest's runner; every other file in tests/unit/
// holds test cases for one module of the core library.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
