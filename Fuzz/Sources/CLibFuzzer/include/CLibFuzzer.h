#ifndef BYLINE_CLIBFUZZER_H
#define BYLINE_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, from the runtime that -sanitize=fuzzer links. The targets call it from
// their own entry point: SwiftPM renames an executable's main (so tests can link it), which
// leaves libFuzzer's main out of the link.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
