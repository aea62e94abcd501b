#include "helpers.h"

#include "morphology.h"
#include "problems.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

#ifndef SOURCE_ROOT
#error SOURCE_ROOT must be defined by the build
#endif

char *tmpdir_create(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/prepost-test-XXXXXX", base && base[0] ? base : "/tmp");
	if (!mkdtemp(tmpl)) {
		perror("mkdtemp");
		abort();
	}
	return tmpl;
}

void tmpdir_remove(char *dir)
{
	if (!dir)
		return;
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	free(dir);
}

char *write_temp(const char *dir, const char *name, const void *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		abort();
	}
	return path;
}

char *write_temp_str(const char *dir, const char *name, const char *data)
{
	return write_temp(dir, name, data, strlen(data));
}

char *source_path(const char *rel)
{
	return xasprintf("%s/%s", SOURCE_ROOT, rel);
}

/* Files the tests write are private, as a deployed roster would be. */
__attribute__((constructor)) static void private_files(void)
{
	umask(027);
}

char *private_copy(const char *dir, const char *rel)
{
	char *src = source_path(rel);
	char *data;
	size_t len;
	if (read_file(src, 64u << 20, &data, &len) < 0) {
		perror(src);
		abort();
	}
	char *path = write_temp(dir, path_basename(rel), data, len);
	free(data);
	free(src);
	return path;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run_once(char *const argv[], char *const env[], const void *input, size_t input_len,
		     int timeout_seconds, struct run_result *r)
{
	int in[2], out[2], err[2];
	if (pipe(in) || pipe(out) || pipe(err)) {
		perror("pipe");
		abort();
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		abort();
	}
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(err[1], 2);
		close(in[0]); close(in[1]); close(out[0]); close(out[1]); close(err[0]); close(err[1]);
		for (size_t i = 0; env && env[i]; i++)
			putenv(env[i]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(err[1]);
	signal(SIGPIPE, SIG_IGN);
	fcntl(in[1], F_SETFL, O_NONBLOCK);

	struct buf o, e;
	buf_init(&o);
	buf_init(&e);
	size_t sent = 0;
	if (!input || input_len == 0) {
		close(in[1]);
		in[1] = -1;
	}
	double deadline = now() + timeout_seconds;
	bool out_open = true, err_open = true;
	while (out_open || err_open) {
		struct pollfd fds[3] = {
			{.fd = out_open ? out[0] : -1, .events = POLLIN},
			{.fd = err_open ? err[0] : -1, .events = POLLIN},
			{.fd = in[1], .events = POLLOUT},
		};
		double left = deadline - now();
		if (left <= 0) {
			kill(pid, SIGKILL);
			break;
		}
		if (poll(fds, 3, (int)(left * 1000) + 1) < 0 && errno != EINTR)
			break;
		if (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) {
			ssize_t n = write(in[1], (const char *)input + sent, input_len - sent);
			if (n > 0)
				sent += (size_t)n;
			if (n < 0 && errno != EAGAIN) {
				close(in[1]);
				in[1] = -1;
			} else if (sent == input_len) {
				close(in[1]);
				in[1] = -1;
			}
		}
		for (int k = 0; k < 2; k++) {
			if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			struct buf *b = k == 0 ? &o : &e;
			buf_reserve(b, 65536);
			ssize_t n = read(fds[k].fd, b->data + b->len, b->cap - b->len - 1);
			if (n > 0) {
				b->len += (size_t)n;
			} else if (n == 0 || errno != EINTR) {
				if (k == 0)
					out_open = false;
				else
					err_open = false;
			}
		}
	}
	if (in[1] >= 0)
		close(in[1]);
	r->out_pipe_size = 0;
#ifdef F_GETPIPE_SZ
	r->out_pipe_size = fcntl(out[0], F_GETPIPE_SZ);
#endif
	close(out[0]);
	close(err[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	r->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	r->out = (char *)buf_cstr(&o);
	r->out_len = o.len;
	r->err = (char *)buf_cstr(&e);
	r->err_len = e.len;
}

/* LeakSanitizer sometimes fails in itself on a busy machine ("Tracer
 * caught signal 11 ... LeakSanitizer has encountered a fatal error",
 * google/sanitizers#1353): the program under test did nothing wrong, and a
 * second run tells. A leak it reports, or any other error, still fails. */
void run_program(char *const argv[], char *const env[], const void *input, size_t input_len,
		 int timeout_seconds, struct run_result *r)
{
	run_once(argv, env, input, input_len, timeout_seconds, r);
	if (r->status != 0 && r->err &&
	    strstr(r->err, "LeakSanitizer has encountered a fatal error")) {
		fprintf(stderr, "LeakSanitizer failed in itself; running %s once more\n", argv[0]);
		run_result_finish(r);
		run_once(argv, env, input, input_len, timeout_seconds, r);
	}
}

void run_result_finish(struct run_result *r)
{
	free(r->out);
	free(r->err);
}

char **isolated_env(const char *dir)
{
	char **env = xcalloc(5, sizeof(*env));
	env[0] = xasprintf("XDG_CONFIG_HOME=%s/xdg", dir);
	env[1] = xasprintf("PREPOST_SYSTEM_CONFIG=%s/none.json", dir);
	env[2] = xstrdup("PREPOST_CONFIG=");
	return env;
}

char **host_env(const char *dir, const char *roster_csv, const char *config_json)
{
	free(write_temp_str(dir, "roster.csv", roster_csv));
	char *cfg = write_temp_str(dir, "config.json", config_json);
	char *lex = source_path("lexicons");
	char **env = isolated_env(dir);
	free(env[2]);
	env[2] = xasprintf("PREPOST_CONFIG=%s", cfg);
	env[3] = xasprintf("PREPOST_LEXICONS=%s", lex);
	free(cfg);
	free(lex);
	return env;
}

void env_free(char **env)
{
	for (size_t i = 0; env && env[i]; i++)
		free(env[i]);
	free(env);
}

void frame_append(char **buf, size_t *len, const char *json, size_t json_len)
{
	*buf = xrealloc(*buf, *len + 4 + json_len);
	uint32_t n = (uint32_t)json_len;
	memcpy(*buf + *len, &n, 4);
	memcpy(*buf + *len + 4, json, json_len);
	*len += 4 + json_len;
}

size_t frames_split(const char *data, size_t len, char ***frames)
{
	size_t count = 0, pos = 0;
	*frames = NULL;
	while (pos + 4 <= len) {
		uint32_t n;
		memcpy(&n, data + pos, 4);
		if (pos + 4 + n > len)
			break;
		*frames = xrealloc(*frames, (count + 1) * sizeof(char *));
		(*frames)[count++] = xstrndup(data + pos + 4, n);
		pos += 4 + n;
	}
	return count;
}

void frames_free(char **frames, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(frames[i]);
	free(frames);
}

struct morphology *morphology_fixture_create(char **cache)
{
	*cache = tmpdir_create();
	setenv("PREPOST_CACHE_DIR", *cache, 1);
	struct problems p;
	problems_init(&p);
	struct morphology *m = morphology_create(&p);
	bool ok = p.count == 0 && morphology_dictionary(m) != NULL;
	problems_finish(&p);
	if (!ok) {
		morphology_destroy(m);
		return NULL;
	}
	return m;
}

void morphology_fixture_destroy(struct morphology *m, char *cache)
{
	morphology_destroy(m);
	tmpdir_remove(cache);
}
