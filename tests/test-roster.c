/* Rosters as the MIS systems export them, and bad rows reported by line
 * without naming anyone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "roster.h"

static struct roster *load(const char *file, struct problems *p)
{
	char *dir = tmpdir_create();
	char *rel = xasprintf("tests/data/rosters/%s", file);
	char *src = source_path(rel);
	/* a missing file stays missing; others are copied as deployed */
	char *path = access(src, R_OK) == 0 ? private_copy(dir, rel) : xstrdup(src);
	struct roster *r = roster_load(path, ROLE_PUPIL, p);
	free(path);
	free(src);
	free(rel);
	tmpdir_remove(dir);
	return r;
}

static const char *field(const struct roster *r, size_t i, enum roster_field f)
{
	return roster_field(r, roster_person(r, i), f);
}

/* No problem may quote a name from the roster. */
static void assert_no_names(const struct problems *p, const char *const *names)
{
	for (size_t i = 0; i < p->count; i++)
		for (size_t j = 0; names[j]; j++)
			assert_null(strstr(p->items[i], names[j]));
}

static void sims_export(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct roster *r = load("sims.csv", &p);
	assert_non_null(r);
	assert_int_equal(p.count, 0);
	assert_int_equal(roster_count(r), 3);
	assert_int_equal(roster_encoding(r), ENC_UTF8_BOM);
	assert_string_equal(field(r, 0, RF_FORENAME), "Jack");
	assert_string_equal(field(r, 0, RF_SURNAME), "Turner");
	assert_string_equal(field(r, 0, RF_MIDDLE), "Oliver");
	assert_string_equal(field(r, 0, RF_YEAR), "Year 6");
	assert_string_equal(field(r, 0, RF_REG), "6B");
	assert_string_equal(field(r, 1, RF_SURNAME), "Wiśniewski");
	assert_string_equal(field(r, 2, RF_PREFERRED), "Millie");
	assert_int_equal(roster_person(r, 0)->role, ROLE_PUPIL);
	roster_destroy(r);
	problems_finish(&p);
}

static void arbor_export_drops_other_columns(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct roster *r = load("arbor.csv", &p);
	assert_non_null(r);
	assert_int_equal(roster_count(r), 2);
	assert_string_equal(field(r, 0, RF_FORENAME), "Seán");
	assert_string_equal(field(r, 0, RF_SURNAME), "O'Neill");
	assert_string_equal(field(r, 1, RF_PREFERRED), "Sam");
	assert_string_equal(field(r, 1, RF_REG), "5A");
	/* dates of birth and addresses are not kept anywhere */
	for (size_t i = 0; i < roster_count(r); i++)
		for (int f = 0; f < RF_COUNT; f++) {
			assert_null(strstr(field(r, i, (enum roster_field)f), "Leeds"));
			assert_null(strstr(field(r, i, (enum roster_field)f), "2014"));
		}
	roster_destroy(r);
	problems_finish(&p);
}

static void bromcom_semicolons(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct roster *r = load("bromcom.csv", &p);
	assert_non_null(r);
	assert_int_equal(roster_count(r), 2);
	assert_string_equal(field(r, 0, RF_PREFERRED), "Dami");
	assert_string_equal(field(r, 0, RF_FORENAME), "Oluwadamilare");
	assert_string_equal(field(r, 0, RF_SURNAME), "Nwachukwu");
	assert_string_equal(field(r, 0, RF_REG), "4C");
	assert_string_equal(field(r, 0, RF_YEAR), "4");
	assert_string_equal(field(r, 1, RF_PREFERRED), "");
	roster_destroy(r);
	problems_finish(&p);
}

/* SEEMiS, Scotland's MIS: stages (P3, S2) and registration classes */
static void seemis_export(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct roster *r = load("seemis.csv", &p);
	assert_non_null(r);
	assert_int_equal(roster_count(r), 2);
	assert_string_equal(field(r, 0, RF_FORENAME), "Eilidh");
	assert_string_equal(field(r, 0, RF_YEAR), "P3");
	assert_string_equal(field(r, 0, RF_REG), "P3B");
	assert_string_equal(field(r, 1, RF_PREFERRED), "Fraz");
	assert_string_equal(field(r, 1, RF_YEAR), "S2");
	assert_string_equal(field(r, 1, RF_REG), "2C3");
	roster_destroy(r);
	problems_finish(&p);
}

static void quoted_fields(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct roster *r = load("quoted.csv", &p);
	assert_non_null(r);
	assert_int_equal(p.count, 0);
	assert_int_equal(roster_count(r), 3);
	assert_string_equal(field(r, 1, RF_FORENAME), "Mary, Jane");
	assert_string_equal(field(r, 2, RF_FORENAME), "Hope");
	roster_destroy(r);
	problems_finish(&p);
}

static void windows_1252_and_utf16(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct roster *r = load("cp1252.csv", &p);
	assert_non_null(r);
	assert_int_equal(roster_encoding(r), ENC_WINDOWS_1252);
	assert_string_equal(field(r, 0, RF_FORENAME), "Chloë");
	assert_string_equal(field(r, 0, RF_SURNAME), "Wiœniewski");
	assert_string_equal(field(r, 1, RF_SURNAME), "O’Neill");
	roster_destroy(r);

	r = load("utf16.txt", &p);
	assert_non_null(r);
	assert_int_equal(roster_encoding(r), ENC_UTF16LE);
	assert_int_equal(roster_count(r), 2);
	assert_string_equal(field(r, 1, RF_FORENAME), "Łukasz");
	assert_string_equal(field(r, 1, RF_YEAR), "3");
	roster_destroy(r);
	assert_int_equal(p.count, 0);
	problems_finish(&p);
}

static void bad_rows_by_line(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct roster *r = load("bad-rows.csv", &p);
	assert_non_null(r);
	assert_int_equal(roster_count(r), 2); /* Jack Turner, Isla MacDonald */
	assert_int_equal(roster_skipped(r), 3);
	assert_int_equal(p.count, 3);
	assert_non_null(strstr(p.items[0], "bad-rows.csv:3:"));
	assert_non_null(strstr(p.items[0], "no forename or surname"));
	assert_non_null(strstr(p.items[1], "bad-rows.csv:4:"));
	assert_non_null(strstr(p.items[2], "bad-rows.csv:6:"));
	assert_non_null(strstr(p.items[2], "never closed"));
	const char *names[] = {"Jack", "Turner", "Isla", "MacDonald", "Bad", "xxxx", NULL};
	assert_no_names(&p, names);
	roster_destroy(r);
	problems_finish(&p);
}

static void full_name_column(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	struct roster *r = load("fullname.csv", &p);
	assert_non_null(r);
	assert_true(roster_has_column(r, RF_FULLNAME));
	assert_string_equal(field(r, 0, RF_FULLNAME), "Turner, Jack");
	roster_destroy(r);
	problems_finish(&p);
}

static void unusable_files(void **state)
{
	(void)state;
	struct problems p;
	problems_init(&p);
	assert_null(load("no-names.csv", &p));
	assert_int_equal(p.count, 1);
	assert_non_null(strstr(p.items[0], "no-names.csv:1: no name columns"));
	assert_null(load("empty.csv", &p));
	assert_non_null(strstr(p.items[1], "empty"));
	assert_null(load("missing.csv", &p));
	assert_non_null(strstr(p.items[2], "missing.csv: cannot read the roster"));
	problems_finish(&p);
}

static void role_column_and_names(void **state)
{
	(void)state;
	const char *s = "Forename,Surname,Role\nAnn,Lee,staff\nBo,Ng,Parent\nCy,Ox,unknown\n";
	struct problems p;
	problems_init(&p);
	struct roster *r = roster_parse("inline.csv", s, strlen(s), ROLE_PUPIL, &p);
	assert_non_null(r);
	assert_int_equal(roster_person(r, 0)->role, ROLE_STAFF);
	assert_int_equal(roster_person(r, 1)->role, ROLE_PARENT);
	assert_int_equal(roster_person(r, 2)->role, ROLE_PUPIL);
	roster_destroy(r);
	problems_finish(&p);
	assert_int_equal(roster_role_from_name("Student"), ROLE_PUPIL);
	assert_int_equal(roster_role_from_name("nobody"), -1);
	assert_string_equal(roster_role_name(ROLE_STAFF), "staff");
	roster_destroy(NULL);
}

static void world_readable_is_flagged(void **state)
{
	(void)state;
	char *dir = tmpdir_create();
	char *path = write_temp_str(dir, "r.csv", "Forename,Surname\nAnn,Lee\n");
	struct problems p;
	problems_init(&p);
	assert_int_equal(chmod(path, 0644), 0);
	struct roster *r = roster_load(path, ROLE_PUPIL, &p);
	assert_non_null(r);
	assert_int_equal(p.count, 1);
	assert_non_null(strstr(p.items[0], "can be read by every user"));
	roster_destroy(r);
	assert_int_equal(chmod(path, 0640), 0);
	r = roster_load(path, ROLE_PUPIL, &p);
	assert_int_equal(p.count, 1);
	roster_destroy(r);
	problems_finish(&p);
	free(path);
	tmpdir_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sims_export),
		cmocka_unit_test(arbor_export_drops_other_columns),
		cmocka_unit_test(bromcom_semicolons),
		cmocka_unit_test(seemis_export),
		cmocka_unit_test(quoted_fields),
		cmocka_unit_test(windows_1252_and_utf16),
		cmocka_unit_test(bad_rows_by_line),
		cmocka_unit_test(full_name_column),
		cmocka_unit_test(unusable_files),
		cmocka_unit_test(role_column_and_names),
		cmocka_unit_test(world_readable_is_flagged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
