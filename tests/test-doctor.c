/* prepost-host doctor on broken setups: a fake browser on PATH, manifests
 * under a fake system root and a temporary HOME. */
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

static char *dir, *root, *home, *bin;
static char *env[8];

static void sh(const char *cmd)
{
	assert_int_equal(system(cmd), 0);
}

static int setup_case(void **state)
{
	(void)state;
	dir = tmpdir_create();
	root = xasprintf("%s/root", dir);
	home = xasprintf("%s/home", dir);
	bin = xasprintf("%s/bin", dir);
	char *cmd = xasprintf("mkdir -p '%s/etc/chromium/native-messaging-hosts' '%s' '%s' && "
			      "printf '#!/bin/sh\\n' > '%s/chromium' && chmod 755 '%s/chromium'",
			      root, home, bin, bin, bin);
	sh(cmd);
	free(cmd);
	char *lex = source_path("lexicons");
	env[0] = xasprintf("PREPOST_DOCTOR_ROOT=%s", root);
	env[1] = xasprintf("HOME=%s", home);
	env[2] = xasprintf("PATH=%s", bin);
	env[3] = xasprintf("PREPOST_LEXICONS=%s", lex);
	env[4] = xasprintf("PREPOST_SYSTEM_CONFIG=%s/none.json", dir);
	env[5] = xasprintf("XDG_CONFIG_HOME=%s/xdg", dir);
	env[6] = xstrdup("PREPOST_CONFIG=");
	env[7] = NULL;
	free(lex);
	return 0;
}

static int teardown_case(void **state)
{
	(void)state;
	for (int i = 0; env[i]; i++)
		free(env[i]);
	free(root);
	free(home);
	free(bin);
	tmpdir_remove(dir);
	return 0;
}

static void manifest(const char *name, const char *path, const char *origin)
{
	char *json = xasprintf("{\"name\":\"%s\",\"description\":\"x\",\"path\":\"%s\","
			       "\"type\":\"stdio\",\"allowed_origins\":[\"%s\"]}", name, path, origin);
	char *d = xasprintf("%s/etc/chromium/native-messaging-hosts", root);
	free(write_temp_str(d, "org.prepost.host.json", json));
	free(d);
	free(json);
}

static void doctor(struct run_result *r)
{
	char *argv[] = {HOST_PATH, "doctor", NULL};
	run_program(argv, env, NULL, 0, 60, r);
}

#define GOOD_ORIGIN "chrome-extension://ambkoilcalefbmcblijdggdlejkennoc/"

static void missing_manifest(void **state)
{
	(void)state;
	struct run_result r;
	doctor(&r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "found"));
	assert_non_null(strstr(r.out, "no native-messaging manifest"));
	assert_non_null(strstr(r.out, "Specified native messaging host not found"));
	assert_non_null(strstr(r.out, "fix: install prepost's package"));
	run_result_finish(&r);
}

static void valid_setup(void **state)
{
	(void)state;
	manifest("org.prepost.host", HOST_PATH, GOOD_ORIGIN);
	struct run_result r;
	doctor(&r);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "is valid"));
	assert_non_null(strstr(r.out, "1 browser(s) can start prepost-host"));
	/* the library is opened (or linked) and working */
	assert_true(strstr(r.out, "ok    hunspell library libhunspell") ||
		    strstr(r.out, "ok    hunspell library linked"));
	run_result_finish(&r);
}

/* Lexicons without the word model beside them: reported, with the fix. */
static void no_word_model(void **state)
{
	(void)state;
	manifest("org.prepost.host", HOST_PATH, GOOD_ORIGIN);
	struct run_result r;
	doctor(&r);
	assert_non_null(strstr(r.out, "ok    word model "));
	run_result_finish(&r);

	char *lex = xasprintf("%s/lex", dir);
	char *src = source_path("lexicons");
	char *cmd = xasprintf("mkdir -p '%s' && cp '%s/'*.txt '%s'", lex, src, lex);
	free(src);
	sh(cmd);
	free(env[3]);
	env[3] = xasprintf("PREPOST_LEXICONS=%s", lex);
	doctor(&r);
	assert_int_equal(r.status, 0); /* the browsers can still start it */
	assert_non_null(strstr(r.out, "FAIL  no word model (posts.model) in "));
	assert_non_null(strstr(r.out, "fix: reinstall prepost"));
	run_result_finish(&r);
	free(cmd);
	free(lex);
}

static void wrong_path(void **state)
{
	(void)state;
	manifest("org.prepost.host", "/opt/nowhere/prepost-host", GOOD_ORIGIN);
	struct run_result r;
	doctor(&r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "names /opt/nowhere/prepost-host, which does not exist"));
	run_result_finish(&r);

	manifest("org.prepost.host", "prepost-host", GOOD_ORIGIN);
	doctor(&r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "must be the absolute path"));
	run_result_finish(&r);
}

static void wrong_id_and_name(void **state)
{
	(void)state;
	manifest("org.prepost.host", HOST_PATH, "chrome-extension://ambkoilcalefbmcblijdggdlejkennoc");
	struct run_result r;
	doctor(&r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "does not list prepost's extension"));
	assert_non_null(strstr(r.out, "with the slash at the end"));
	run_result_finish(&r);

	manifest("com.example.other", HOST_PATH, GOOD_ORIGIN);
	doctor(&r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "\"name\" must be \"org.prepost.host\""));
	run_result_finish(&r);
}

static void not_executable(void **state)
{
	(void)state;
	char *copy = xasprintf("%s/prepost-host", dir);
	char *cmd = xasprintf("cp '%s' '%s' && chmod 644 '%s'", HOST_PATH, copy, copy);
	sh(cmd);
	manifest("org.prepost.host", copy, GOOD_ORIGIN);
	struct run_result r;
	doctor(&r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "is not an executable file"));
	assert_non_null(strstr(r.out, "fix: chmod 755"));
	run_result_finish(&r);
	free(cmd);
	free(copy);
}

static void broken_json_and_user_manifest(void **state)
{
	(void)state;
	char *d = xasprintf("%s/etc/chromium/native-messaging-hosts", root);
	free(write_temp_str(d, "org.prepost.host.json", "{\"name\": \"org.prepost.host\",\n}"));
	struct run_result r;
	doctor(&r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "org.prepost.host.json:2:1: not valid JSON"));
	run_result_finish(&r);
	/* a good per-user manifest, written by the per-user install, makes it work */
	char *script = source_path("install/user-install.sh");
	char *cmd = xasprintf("HOME='%s' XDG_CONFIG_HOME= sh '%s' --host '%s' --browsers chromium "
			      ">/dev/null", home, script, HOST_PATH);
	sh(cmd);
	doctor(&r);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "/.config/chromium/NativeMessagingHosts/org.prepost.host.json is valid"));
	run_result_finish(&r);
	free(cmd);
	free(script);
	free(d);
}

static void snap_and_flatpak_explained(void **state)
{
	(void)state;
	char *cmd = xasprintf("mkdir -p '%s/snap/bin' '%s/var/lib/flatpak/app/org.mozilla.firefox' && "
			      "printf '#!/bin/sh\\n' > '%s/snap/bin/firefox' && chmod 755 "
			      "'%s/snap/bin/firefox'", root, root, root, root);
	sh(cmd);
	struct run_result r;
	doctor(&r);
	assert_non_null(strstr(r.out, "the Snap package"));
	assert_non_null(strstr(r.out, "the Flatpak (org.mozilla.firefox)"));
	run_result_finish(&r);
	free(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(missing_manifest, setup_case, teardown_case),
		cmocka_unit_test_setup_teardown(valid_setup, setup_case, teardown_case),
		cmocka_unit_test_setup_teardown(no_word_model, setup_case, teardown_case),
		cmocka_unit_test_setup_teardown(wrong_path, setup_case, teardown_case),
		cmocka_unit_test_setup_teardown(wrong_id_and_name, setup_case, teardown_case),
		cmocka_unit_test_setup_teardown(not_executable, setup_case, teardown_case),
		cmocka_unit_test_setup_teardown(broken_json_and_user_manifest, setup_case, teardown_case),
		cmocka_unit_test_setup_teardown(snap_and_flatpak_explained, setup_case, teardown_case),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
