// Only the public headers: the internal ones in /usr/include/cmark-gfm/ stay out of the module.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
