/* Serving native messaging: read a frame, answer it, repeat until the
 * browser closes the pipe. */
#ifndef PREPOST_SERVE_H
#define PREPOST_SERVE_H

#include "protocol.h"

/* Keeps stdout for frames only: returns a private copy of the real stdout
 * and points descriptor 1 at stderr, so a stray print from any library lands
 * in the browser's log rather than corrupting the stream. -1 on failure. */
int serve_guard_stdout(void);

/* Runs the frame loop. Returns the process exit status: 0 at the end of
 * input, 1 when the stream had to be abandoned (a frame over the limit, a
 * read error). */
int serve_run(struct protocol *p, int in_fd, int out_fd);

#endif
