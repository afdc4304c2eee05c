#ifndef BYLINE_CCMARK_SHIM_H
#define BYLINE_CCMARK_SHIM_H

// cmark-gfm, GitHub's fork of the CommonMark reference parser, with its extensions (tables,
// strikethrough, autolinks).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#endif
