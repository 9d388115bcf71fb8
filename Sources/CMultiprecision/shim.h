// GNU MPFR (binary floating point of any precision) and GNU MPC (complex numbers over MPFR) for
// Swift. The headers declare most operations as functions Swift imports directly; the few that
// are only macros, or variadic, are wrapped here.
#include <stdarg.h>
#include <stdio.h>
#include <mpfr.h>
#include <mpc.h>

static inline int cmpfr_sign(mpfr_srcptr x) { return mpfr_sgn(x); }
static inline mpfr_exp_t cmpfr_exponent(mpfr_srcptr x) { return mpfr_get_exp(x); }

/// x in decimal with `digits` significant digits (printf's %g), MPFR's own correctly rounded
/// conversion. Variadic mpfr_snprintf cannot be called from Swift, so it is called here.
static inline int cmpfr_decimal(char *buffer, size_t size, int digits, mpfr_srcptr x) {
    return mpfr_snprintf(buffer, size, "%.*Rg", digits, x);
}

/// MPC rounding mode: both parts to nearest.
static inline mpc_rnd_t cmpc_nearest(void) { return MPC_RNDNN; }
static inline mpfr_ptr cmpc_real(mpc_ptr z) { return mpc_realref(z); }
static inline mpfr_ptr cmpc_imaginary(mpc_ptr z) { return mpc_imagref(z); }
