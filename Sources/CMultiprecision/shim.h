// GNU MPFR (binary floating point of any precision), GNU MPC (complex numbers over MPFR) and Arb
// (FLINT's ball arithmetic: a midpoint and a radius that provably enclose the exact value) for
// Swift, in one module so that Arb's conversions to and from MPFR see MPFR's own types. The
// headers declare most operations as functions Swift imports directly; the few that are only
// macros, or variadic, are wrapped here.
#include <stdarg.h>
#include <stdio.h>
#include <mpfr.h>
#include <mpc.h>
// FLINT 3 holds Arb (flint/arb.h); before it, Arb was a library of its own (arb.h). The module
// map of the layout the manifest found links the matching libraries.
#if __has_include(<flint/arb.h>)
#include <flint/arb.h>
#include <flint/acb.h>
#else
#include <arb.h>
#include <acb.h>
#endif

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

/// A ball's midpoint and radius (arb_midref, arb_radref are macros).
static inline arf_ptr carb_midpoint(arb_ptr x) { return arb_midref(x); }
static inline mag_ptr carb_radius(arb_ptr x) { return arb_radref(x); }

/// x as Arb prints it, "[m +/- r]" with `digits` significant digits of m; the caller frees the
/// text with `carb_free_string`.
static inline char *carb_string(arb_srcptr x, long digits) { return arb_get_str(x, digits, 0); }
static inline void carb_free_string(char *text) { flint_free(text); }

/// x·2^e exactly (arb_mul_2exp_si is a macro in some versions).
static inline void carb_scale(arb_ptr y, arb_srcptr x, long e) { arb_mul_2exp_si(y, x, e); }

/// A complex ball's real and imaginary balls (acb_realref, acb_imagref are macros).
static inline arb_ptr cacb_real(acb_ptr z) { return acb_realref(z); }
static inline arb_ptr cacb_imaginary(acb_ptr z) { return acb_imagref(z); }
