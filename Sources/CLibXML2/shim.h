#ifndef BYLINE_CLIBXML2_SHIM_H
#define BYLINE_CLIBXML2_SHIM_H

// libxml2's HTML and XML parsers (the include path comes from pkg-config: libxml-2.0).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and its encoding.h then includes ICU's headers, which clash
// with the copy Foundation ships ("UErrorCode has different definitions"). Byline never uses
// the ICU converter fields of xmlCharEncodingHandler, so the headers are read without them.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/uri.h>
#include <libxml/encoding.h>

// xmlFree is a global function pointer, which Swift 6 refuses as shared mutable state.
static inline void byline_xml_free(void *pointer) { xmlFree(pointer); }

#endif
