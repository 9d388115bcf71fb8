// libpng's simplified API (png_image_*): whole-image reads and writes with no setjmp.
#include <png.h>

/// The simplified API's version and 8-bit RGB and RGBA formats, as values (they are macros in png.h).
static inline png_uint_32 cpng_image_version(void) { return PNG_IMAGE_VERSION; }
static inline png_uint_32 cpng_format_rgb(void) { return PNG_FORMAT_RGB; }
static inline png_uint_32 cpng_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 cpng_image_flag_fast(void) { return PNG_IMAGE_FLAG_FAST; }
