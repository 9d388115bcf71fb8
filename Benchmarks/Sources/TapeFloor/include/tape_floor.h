// A Wengert tape in plain C with errsweep's node layout: the floor that layout sets on this
// machine, benchmarked beside errsweep's Swift tape (see tape_floor.c).
#ifndef TAPE_FLOOR_H
#define TAPE_FLOOR_H

/// Records w·w·…·w (`operations` products of one variable), runs the backward pass and returns
/// d/dw: the tape benchmark's serial chain.
double tape_floor_product_chain(long operations);

/// Rosenbrock's gradient at x[0..<n] by recording and one backward pass, into `gradient`.
void tape_floor_rosenbrock_gradient(const double *x, long n, double *gradient);

#endif
