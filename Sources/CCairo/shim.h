// cairo: anti-aliased 2-D drawing (image and SVG surfaces), text through FreeType and fontconfig.
#include <cairo.h>
#include <cairo-svg.h>
