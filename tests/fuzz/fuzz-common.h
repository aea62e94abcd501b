/* A classifier built once per fuzzing process from a small fictional roster
 * and the shipped lexicons, so the targets exercise the real dictionary. */
#ifndef PREPOST_FUZZ_COMMON_H
#define PREPOST_FUZZ_COMMON_H

#include "classify.h"
#include "problems.h"

struct classifier *fuzz_classifier(struct problems **problems);

#endif
