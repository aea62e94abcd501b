#include "serve.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#ifdef _WIN32
#include <io.h>
#endif

#include "framing.h"

int serve_guard_stdout(void)
{
#ifdef _WIN32
	/* Frames are binary: no CRLF translation. */
	_setmode(_fileno(stdin), _O_BINARY);
	_setmode(_fileno(stdout), _O_BINARY);
#endif
	fflush(stdout);
	int out = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
	if (out < 0)
		return -1;
	if (dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
		close(out);
		return -1;
	}
	return out;
}

/* A pipe holds 64 KiB by default, so a long draft or its reply crosses in
 * sixteen turns of writer and reader, each a wake-up of the other's CPU.
 * Linux lets a process make any pipe it holds hold 1 MiB (the default
 * limit for unprivileged users); pages are taken only as data arrives.
 * Not a pipe, or not allowed: left as it is. */
static void widen_pipe(int fd)
{
#ifdef F_SETPIPE_SZ
	int size = fcntl(fd, F_GETPIPE_SZ);
	if (size > 0 && size < (1 << 20))
		(void)fcntl(fd, F_SETPIPE_SZ, 1 << 20);
#else
	(void)fd;
#endif
}

int serve_run(struct protocol *p, int in_fd, int out_fd)
{
	/* A browser that goes away must end the host quietly, not by signal. */
	signal(SIGPIPE, SIG_IGN);
	widen_pipe(in_fd);
	widen_pipe(out_fd);

	struct frame_reader r;
	frame_reader_init(&r, in_fd);
	int status = 0;
	for (;;) {
		const char *data;
		size_t len, out_len;
		const char *out;
		enum frame_status st = frame_read(&r, &data, &len);
		if (st == FRAME_EOF)
			break;
		if (st == FRAME_TRUNCATED) {
			fprintf(stderr, "prepost-host: input ended inside a frame; exiting.\n");
			out = protocol_error(p, "truncated", "The input ended inside a frame.",
					     &out_len);
			frame_write(out_fd, out, out_len);
			break;
		}
		if (st == FRAME_TOO_LARGE) {
			char msg[128];
			snprintf(msg, sizeof(msg),
				 "A frame of %u bytes is over the limit of %u; the host stops.",
				 r.length, FRAME_MAX_IN);
			fprintf(stderr, "prepost-host: %s\n", msg);
			out = protocol_error(p, "too_large", msg, &out_len);
			frame_write(out_fd, out, out_len);
			status = 1;
			break;
		}
		if (st == FRAME_IO_ERROR) {
			perror("prepost-host: reading from the browser");
			status = 1;
			break;
		}
		out = protocol_handle(p, data, len, &out_len);
		if (!frame_write(out_fd, out, out_len))
			break; /* the browser has gone */
	}
	frame_reader_finish(&r);
	return status;
}
