/* prepost-host lint and import-roster on the files a school deploys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "util.h"

#ifndef HOST_PATH
#error HOST_PATH must be defined by the build
#endif

static char *dir, *lex;
static char **env;

static int setup(void **state)
{
	(void)state;
	dir = tmpdir_create();
	lex = source_path("lexicons");
	env = isolated_env(dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	env_free(env);
	free(lex);
	tmpdir_remove(dir);
	return 0;
}

static void run(char *const argv[], struct run_result *r)
{
	run_program(argv, env, NULL, 0, 60, r);
}

/* Runs lint with config file cfg over the shipped lexicons. */
static void lint_with(const char *cfg, struct run_result *r)
{
	char *argv[] = {HOST_PATH, "lint", "--config", (char *)cfg, "--lexicons", lex, NULL};
	run(argv, r);
}

/* Writes a school's own lexicon folder, dir/folder, holding terms.txt. */
static void write_local_terms(const char *folder, const char *terms)
{
	char *local = xasprintf("%s/%s", dir, folder);
	assert_int_equal(mkdir(local, 0700), 0);
	free(write_temp_str(local, "terms.txt", terms));
	free(local);
}

static void shipped_files_are_clean(void **state)
{
	(void)state;
	char *argv[] = {HOST_PATH, "lint", "--lexicons", lex, NULL};
	struct run_result r;
	run(argv, &r);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "0 error(s), 0 warning(s)"));
	run_result_finish(&r);
}

static void broken_files(void **state)
{
	(void)state;
	write_local_terms("local", "@category work_detail\nOak Lodge\nbad \xC3( line\n"
				   "@severity huge\nOak Lodge\n"
				   "@category derogatory\nsh*\nbig deal*\n*wit*\n"
				   "@category context\nschool*\n@category derogatory\n"
				   "numpty*\n");
	free(write_temp_str(dir, "roster.csv", "Forename,Surname,Year\nZebedee,Nwachukwu,6\n,,6\nHope,Nwachukwu,6\n"));
	char *cfg = write_temp_str(dir, "config.json",
				   "{\"rosters\":[\"roster.csv\"],\"lexicons\":\"local\",\"rosterz\":1,"
				   "\"patterns\":[{\"pattern\":\"(open\",\"category\":\"personal_data\","
				   "\"severity\":\"high\"}]}");
	struct run_result r;
	lint_with(cfg, &r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "unknown key 'rosterz'"));
	assert_non_null(strstr(r.out, "patterns[0] does not compile: missing closing parenthesis at "
				      "offset 5"));
	assert_non_null(strstr(r.out, "terms.txt:3: not valid UTF-8"));
	assert_non_null(strstr(r.out, "terms.txt:4: unknown severity 'huge'"));
	assert_non_null(strstr(r.out, "terms.txt:5: the term is listed already at"));
	/* a stem is one word of three letters, in a warning category */
	for (int line = 7; line <= 11; line++) {
		char want[64];
		snprintf(want, sizeof(want), "terms.txt:%d: a word stem", line);
		assert_true((line == 10) == (strstr(r.out, want) == NULL));
	}
	/* ... and "numpty*" is not the shipped word "numpty" */
	assert_null(strstr(r.out, "terms.txt:13"));
	assert_non_null(strstr(r.out, "roster.csv:3: row has no forename or surname"));
	/* an ordinary-word name is a warning by line and column, never by name */
	assert_non_null(strstr(r.out, "warning: "));
	assert_non_null(strstr(r.out, "roster.csv:4: the forename is also an ordinary English word"));
	assert_null(strstr(r.out, "Hope"));
	assert_null(strstr(r.out, "Zebedee"));
	run_result_finish(&r);
	free(cfg);
}

/* A framed term is the phrases its frames make: one listed as well on its
 * own is the duplicate; frames that only overlap are not; frames that make
 * one phrase twice are. */
static void framed_duplicates(void **state)
{
	(void)state;
	write_local_terms("framed",
			  "@category work_detail\n"           /* 1 */
			  "our bursar grumbled\n"             /* 2: made by line 4 */
			  "@frames the bursar|our bursar\n"   /* 3 */
			  "grumbled\n"                        /* 4 */
			  "@frames the bursar|my bursar\n"    /* 5 */
			  "grumbled\n"                        /* 6: overlaps line 4 only */
			  "@frames the bursar|our bursar\n"   /* 7 */
			  "fretted\n"                         /* 8 */
			  "@frames\n"                         /* 9 */
			  "@context school\n"                 /* 10 */
			  "our bursar fretted\n"              /* 11: another context */
			  "@frames grumpy old|grumpy-old\n"   /* 12 */
			  "bursar\n");                        /* 13: the same phrase twice */
	char *cfg = write_temp_str(dir, "framed.json", "{\"lexicons\":\"framed\"}");
	struct run_result r;
	lint_with(cfg, &r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "terms.txt:2: the term is listed already at "));
	assert_non_null(strstr(r.out, "terms.txt:4\n"));
	assert_non_null(strstr(r.out, "terms.txt:13: the frames make the same phrase twice"));
	for (int line = 3; line <= 12; line++) {
		char want[32];
		snprintf(want, sizeof(want), "terms.txt:%d:", line);
		assert_null(strstr(r.out, want));
	}
	assert_non_null(strstr(r.out, "2 error(s)"));
	run_result_finish(&r);
	free(cfg);
}

static void warnings_only_exit_zero(void **state)
{
	(void)state;
	free(write_temp_str(dir, "roster.csv", "Forename,Surname\nHope,Nwachukwu\n"));
	char *cfg = write_temp_str(dir, "config.json", "{\"rosters\":[\"roster.csv\"]}");
	struct run_result r;
	lint_with(cfg, &r);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "0 error(s), 1 warning(s)"));
	run_result_finish(&r);
	free(cfg);
}

static void import_an_mis_export(void **state)
{
	(void)state;
	char *src = private_copy(dir, "tests/data/rosters/sims.csv");
	char *out = xasprintf("%s/roster-out.csv", dir);
	char *nick = write_temp_str(dir, "nicknames.csv",
				    "Forename,Surname,Nickname\nJack,Turner,JT;Jacko\nNo,Body,Nobby\n");
	char *argv[] = {HOST_PATH, "import-roster", src, "-o", out, "--nicknames", nick, NULL};
	struct run_result r;
	run(argv, &r);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "3 rows read (UTF-8 with byte-order mark)"));
	assert_non_null(strstr(r.out, "forename           <- \"Legal Forename\""));
	assert_non_null(strstr(r.out, "columns left out (never kept): Adno, UPN, Date of Birth"));
	assert_non_null(strstr(r.out, "nicknames: 1 added, 1 not matched"));
	assert_null(strstr(r.out, "Turner"));
	run_result_finish(&r);

	struct stat st;
	assert_int_equal(stat(out, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	char *data;
	size_t len;
	assert_int_equal(read_file(out, 1 << 20, &data, &len), 0);
	assert_non_null(strstr(data, "Jack,,Oliver,Turner,,JT;Jacko,,Year 6,6B,pupil"));
	assert_null(strstr(data, "2014")); /* no date of birth */
	assert_null(strstr(data, "A801200005001")); /* no UPN */
	free(data);

	/* the host reads what the import wrote, nicknames included */
	char *check[] = {HOST_PATH, "check", "--lexicons", lex, "--roster", out, "--json", "-", NULL};
	run_program(check, env, "Well done Jacko Turner", 22, 60, &r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "\"match\": \"Jacko Turner\""));
	run_result_finish(&r);

	char *bad[] = {HOST_PATH, "import-roster", src, NULL};
	run(bad, &r);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "needs -o OUTPUT"));
	run_result_finish(&r);
	free(src);
	free(out);
	free(nick);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_files_are_clean),
		cmocka_unit_test(broken_files),
		cmocka_unit_test(framed_duplicates),
		cmocka_unit_test(warnings_only_exit_zero),
		cmocka_unit_test(import_an_mis_export),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
