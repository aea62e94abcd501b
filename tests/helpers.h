/* Shared helpers for the tests: temporary files and folders, and running
 * the real prepost-host binary with input and captured output. */
#ifndef PREPOST_TEST_HELPERS_H
#define PREPOST_TEST_HELPERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct morphology;

/* The en_GB dictionary with a cache in a fresh folder (*cache, for
 * morphology_fixture_destroy), or NULL when it is not installed or
 * reports a problem: the set-up of the tests that need it. */
struct morphology *morphology_fixture_create(char **cache);
void morphology_fixture_destroy(struct morphology *m, char *cache);

/* A fresh folder under $TMPDIR; removed by tmpdir_remove(). */
char *tmpdir_create(void);
void tmpdir_remove(char *dir);
/* Writes len bytes to dir/name and returns the full path. */
char *write_temp(const char *dir, const char *name, const void *data, size_t len);
char *write_temp_str(const char *dir, const char *name, const char *data);

struct run_result {
	int status;   /* exit status, or 128 + signal */
	char *out;    /* standard output */
	size_t out_len;
	char *err;    /* standard error */
	size_t err_len;
	int out_pipe_size; /* the stdout pipe's capacity when it ended (Linux), or 0 */
};

/* Runs argv with input on stdin (input may be NULL), env additions as
 * "NAME=value" strings (NULL-terminated, may be NULL), and a time limit. */
void run_program(char *const argv[], char *const env[], const void *input, size_t input_len,
		 int timeout_seconds, struct run_result *r);
void run_result_finish(struct run_result *r);

/* An environment in which the host finds no config of the machine's: the
 * per-user and system places point into dir, PREPOST_CONFIG is empty.
 * NULL-terminated; free with env_free(). */
char **isolated_env(const char *dir);

/* Writes roster.csv and config.json into dir and returns the environment
 * for running the real host on them: PREPOST_CONFIG, PREPOST_LEXICONS (the
 * source tree's), and per-user and system config places that hold nothing.
 * NULL-terminated; free with env_free(). */
char **host_env(const char *dir, const char *roster_csv, const char *config_json);
void env_free(char **env);

/* Appends a native-messaging frame for json to a growing buffer. */
void frame_append(char **buf, size_t *len, const char *json, size_t json_len);
/* Splits the frames in data; returns how many, each NUL-terminated copy in
 * frames[i]. */
size_t frames_split(const char *data, size_t len, char ***frames);
void frames_free(char **frames, size_t n);

/* Path of a file in the source tree (tests/data/... or lexicons/). */
char *source_path(const char *rel);

/* Copies the source-tree file rel into dir, readable by its owner and group
 * only, as a deployed roster is; returns the copy's path. (Files checked
 * out from git are readable by everyone, which the host rightly flags.) */
char *private_copy(const char *dir, const char *rel);

#endif
