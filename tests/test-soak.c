/* The host over a long session, as a browser keeps it for hours:
 * 100,000 checks in one process with flat resident memory and no growth in
 * open descriptors, none of which is ever a file (so no temporary file ever
 * holds post text); and a browser that goes away mid-stream. Resident
 * memory means little under sanitizers or valgrind, so tests/run runs this
 * suite in the plain build only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "util.h"

#ifndef HOST_PATH
#error HOST_PATH must be defined by the build
#endif

#define CHECKS 100000

static char *dir;

static pid_t start_host(int *to_host, int *from_host)
{
	int in[2], out[2];
	assert_int_equal(pipe(in), 0);
	assert_int_equal(pipe(out), 0);
	char *lex = source_path("lexicons");
	char *roster = write_temp_str(dir, "roster.csv", "Forename,Surname\nJack,Turner\n");
	char *cfg = write_temp_str(dir, "config.json", "{\"rosters\":[\"roster.csv\"]}");
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]); close(in[1]); close(out[0]); close(out[1]);
		setenv("PREPOST_CONFIG", cfg, 1);
		setenv("PREPOST_LEXICONS", lex, 1);
		execl(HOST_PATH, HOST_PATH, "chrome-extension://abc/", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	*to_host = in[1];
	*from_host = out[0];
	free(lex);
	free(roster);
	free(cfg);
	return pid;
}

static long rss_kb(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	long kb = -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* Counts the host's open descriptors; fails if any is a regular file. */
static int open_fds(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	DIR *d = opendir(path);
	assert_non_null(d);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char fd[400];
		struct stat st;
		snprintf(fd, sizeof(fd), "%s/%s", path, de->d_name);
		if (stat(fd, &st) == 0)
			assert_false(S_ISREG(st.st_mode));
		n++;
	}
	closedir(d);
	return n;
}

struct writer {
	int fd;
	int count;
	bool close_when_done; /* else the caller closes, after its last sample */
};

static void *write_checks(void *arg)
{
	struct writer *w = arg;
	char json[256], frame[260];
	for (int i = 0; i < w->count; i++) {
		int n = snprintf(json, sizeof(json),
				 "{\"type\":\"check\",\"id\":%d,\"text\":\"Day %d: a walk with Jack "
				 "Turner and the dog 🐕, call 07700 900%03d\"}", i, i, i % 1000);
		uint32_t len = (uint32_t)n;
		memcpy(frame, &len, 4);
		memcpy(frame + 4, json, (size_t)n);
		size_t off = 0;
		while (off < (size_t)n + 4) {
			ssize_t k = write(w->fd, frame + off, (size_t)n + 4 - off);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				return NULL;
			off += (size_t)k;
		}
	}
	if (w->close_when_done)
		close(w->fd);
	return NULL;
}

static bool read_exact(int fd, char *p, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t k = read(fd, p + got, n - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		got += (size_t)k;
	}
	return true;
}

static void hundred_thousand_checks(void **state)
{
	(void)state;
	int to, from;
	pid_t pid = start_host(&to, &from);
	struct writer w = {to, CHECKS, false};
	pthread_t th;
	pthread_create(&th, NULL, write_checks, &w);

	char *reply = xmalloc(1u << 20);
	long rss_early = 0;
	int fds_early = 0;
	for (int i = 0; i < CHECKS; i++) {
		uint32_t len;
		assert_true(read_exact(from, (char *)&len, 4));
		assert_true(len < (1u << 20));
		assert_true(read_exact(from, reply, len));
		reply[len] = '\0';
		/* every reply is the right one, with the name and the number */
		char id[32];
		snprintf(id, sizeof(id), "\"id\":%d,", i);
		assert_non_null(strstr(reply, id));
		assert_non_null(strstr(reply, "\"pupil_name\""));
		assert_non_null(strstr(reply, "\"personal_data\""));
		if (i == 10000) {
			rss_early = rss_kb(pid);
			fds_early = open_fds(pid);
		}
	}
	/* the host's input is still open, so it is still there to measure */
	long rss_late = rss_kb(pid);
	int fds_late = open_fds(pid);
	pthread_join(th, NULL);
	close(to);
	close(from);
	int status;
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	printf("resident memory after 10,000 checks %ld KiB, after %d: %ld KiB; open "
	       "descriptors %d then %d\n", rss_early, CHECKS, rss_late, fds_early, fds_late);
	/* flat: at most 256 KiB of drift over 90,000 more checks */
	assert_true(rss_late - rss_early <= 256);
	assert_int_equal(fds_late, fds_early);
	free(reply);
}

static void browser_goes_away(void **state)
{
	(void)state;
	int to, from;
	pid_t pid = start_host(&to, &from);
	/* the browser stops reading and closes its end at once */
	close(from);
	struct writer w = {to, 20000, true};
	write_checks(&w);
	int status;
	waitpid(pid, &status, 0);
	/* a clean exit, not death by SIGPIPE */
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static int setup(void **state)
{
	(void)state;
	dir = tmpdir_create();
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tmpdir_remove(dir);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hundred_thousand_checks),
		cmocka_unit_test(browser_goes_away),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
