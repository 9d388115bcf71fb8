// MPFR for Swift. mpfr.h declares most operations as functions Swift imports directly; the few
// that are only macros are wrapped here as static inline functions.
#include <stdarg.h>
#include <stdio.h>
#include <mpfr.h>

static inline int cmpfr_sign(mpfr_srcptr x) { return mpfr_sgn(x); }
static inline mpfr_exp_t cmpfr_exponent(mpfr_srcptr x) { return mpfr_get_exp(x); }

/// x in decimal with `digits` significant digits (printf's %g), MPFR's own correctly rounded
/// conversion. Variadic mpfr_snprintf cannot be called from Swift, so it is called here.
static inline int cmpfr_decimal(char *buffer, size_t size, int digits, mpfr_srcptr x) {
    return mpfr_snprintf(buffer, size, "%.*Rg", digits, x);
}
