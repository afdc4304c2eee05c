#ifndef BYLINE_CZLIB_SHIM_H
#define BYLINE_CZLIB_SHIM_H

// zlib, for gzip files and HTTP bodies.
#include <zlib.h>

#endif
