// cairo: anti-aliased 2-D drawing (image and PDF surfaces), text through FreeType and fontconfig.
#include <cairo.h>
#include <cairo-pdf.h>
