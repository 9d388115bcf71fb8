// errsweep's tape in C: nodes of two int32 parents, two double partials and the adjoint in place
// (32 bytes), appended to one reused buffer; the backward pass visits them in reverse. Every
// operation is recorded, constants' included, as errsweep records them, so the times are what
// this layout costs with no language overhead at all.
#include "tape_floor.h"
#include <stdlib.h>

typedef struct { int first, second; double firstPartial, secondPartial, adjoint; } Node;
typedef struct { double value; int index; } Tracked;

static Node *nodes;
static long capacity, count;

static void reserve(long needed) {
    if (needed <= capacity) return;
    free(nodes);
    nodes = malloc(sizeof(Node) * needed);
    if (!nodes) abort();
    capacity = needed;
}

static inline int record(int a, double da, int b, double db) {
    nodes[count] = (Node){a, b, da, db, 0};
    return (int)count++;
}

static inline Tracked variable(double v) { return (Tracked){v, record(-1, 0, -1, 0)}; }
static inline Tracked mul(Tracked x, Tracked y) { return (Tracked){x.value * y.value, record(x.index, y.value, y.index, x.value)}; }
static inline Tracked add(Tracked x, Tracked y) { return (Tracked){x.value + y.value, record(x.index, 1, y.index, 1)}; }
static inline Tracked sub(Tracked x, Tracked y) { return (Tracked){x.value - y.value, record(x.index, 1, y.index, -1)}; }
static inline Tracked scale(double c, Tracked y) { return (Tracked){c * y.value, record(y.index, c, -1, 0)}; }
static inline Tracked fromConstant(double c, Tracked y) { return (Tracked){c - y.value, record(y.index, -1, -1, 0)}; }

static void backward(int output) {
    nodes[output].adjoint = 1;
    for (long k = output; k >= 0; k--) {
        Node node = nodes[k];
        if (node.first >= 0) nodes[node.first].adjoint += node.firstPartial * node.adjoint;
        if (node.second >= 0) nodes[node.second].adjoint += node.secondPartial * node.adjoint;
    }
}

double tape_floor_product_chain(long operations) {
    reserve(operations + 1);
    count = 0;
    Tracked w = variable(1.0000001), product = w;
    for (long k = 0; k < operations; k++) product = mul(product, w);
    backward(product.index);
    return nodes[w.index].adjoint;
}

void tape_floor_rosenbrock_gradient(const double *x, long n, double *gradient) {
    reserve(9 * n);
    count = 0;
    for (long i = 0; i < n; i++) variable(x[i]);
    Tracked sum = {0, -1};
    for (long i = 0; i + 1 < n; i++) {
        Tracked xi = {x[i], (int)i}, next = {x[i + 1], (int)(i + 1)};
        Tracked a = sub(next, mul(xi, xi)), b = fromConstant(1, xi);
        Tracked term = add(scale(100, mul(a, a)), mul(b, b));
        sum = i == 0 ? term : add(sum, term);
    }
    if (sum.index >= 0) backward(sum.index);
    for (long i = 0; i < n; i++) gradient[i] = nodes[i].adjoint;
}
