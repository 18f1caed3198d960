#ifndef PHASEOUT_CLPSOLVE_SHIM_H
#define PHASEOUT_CLPSOLVE_SHIM_H

#include <lpsolve/lp_lib.h>

/* Swift does not import TRUE/FALSE (they are macros of expressions). */
static const MYBOOL CLPS_TRUE = 1;
static const MYBOOL CLPS_FALSE = 0;

#endif
