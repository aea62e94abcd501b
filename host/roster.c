/* Reading: bytes → UTF-8 (encoding.c) → records (csv.c) → the header row is
 * matched against known column names → each later row keeps only the known
 * columns, trimmed, in one string arena. */
#include "roster.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csv.h"
#include "util.h"

/* Longest name we keep; a longer cell is a broken row, not a name. */
#define MAX_NAME_BYTES 200
#define MAX_ROSTER_BYTES (256u << 20)

struct roster {
	struct roster_person *people;
	size_t count;
	size_t cap;
	struct buf arena;
	enum source_encoding encoding;
	size_t skipped;
	int has_column[RF_COUNT];
	char *header[RF_COUNT];
	struct buf ignored;
};

struct column_name {
	const char *key; /* lower case, letters and digits only */
	enum roster_field field;
};

/* SIMS, Arbor and Bromcom spell the same things differently; headers are
 * compared with case, spaces and punctuation removed. */
static const struct column_name column_names[] = {
	{"forename", RF_FORENAME},
	{"forenames", RF_FORENAME},
	{"firstname", RF_FORENAME},
	{"legalforename", RF_FORENAME},
	{"legalfirstname", RF_FORENAME},
	{"givenname", RF_FORENAME},
	{"preferredforename", RF_PREFERRED},
	{"preferredname", RF_PREFERRED},
	{"knownas", RF_PREFERRED},
	{"preferredfirstname", RF_PREFERRED},
	{"chosenname", RF_PREFERRED},
	{"middlename", RF_MIDDLE},
	{"middlenames", RF_MIDDLE},
	{"surname", RF_SURNAME},
	{"lastname", RF_SURNAME},
	{"legalsurname", RF_SURNAME},
	{"legallastname", RF_SURNAME},
	{"familyname", RF_SURNAME},
	{"preferredsurname", RF_PREFERRED_SURNAME},
	{"preferredlastname", RF_PREFERRED_SURNAME},
	{"nickname", RF_NICKNAMES},
	{"nicknames", RF_NICKNAMES},
	{"name", RF_FULLNAME},
	{"fullname", RF_FULLNAME},
	{"pupilname", RF_FULLNAME},
	{"studentname", RF_FULLNAME},
	{"year", RF_YEAR},
	{"yeargroup", RF_YEAR},
	{"ncyear", RF_YEAR},
	{"stage", RF_YEAR},     /* SEEMiS, Scotland: P3, S2 */
	{"yearstage", RF_YEAR},
	{"reg", RF_REG},
	{"reggroup", RF_REG},
	{"registrationgroup", RF_REG},
	{"regclass", RF_REG},   /* SEEMiS: P3B, 2C3 */
	{"registrationclass", RF_REG},
	{"form", RF_REG},
	{"formgroup", RF_REG},
	{"formclass", RF_REG},
	{"tutorgroup", RF_REG},
	{"class", RF_REG},
	{"role", RF_ROLE},
};

static const char *const field_names[RF_COUNT] = {
	[RF_FORENAME] = "forename",
	[RF_PREFERRED] = "preferred forename",
	[RF_MIDDLE] = "middle name",
	[RF_SURNAME] = "surname",
	[RF_PREFERRED_SURNAME] = "preferred surname",
	[RF_NICKNAMES] = "nicknames",
	[RF_FULLNAME] = "full name",
	[RF_YEAR] = "year group",
	[RF_REG] = "reg group",
	[RF_ROLE] = "role",
};

const char *roster_field_name(enum roster_field f)
{
	return (unsigned)f < RF_COUNT ? field_names[f] : "unknown";
}

static const struct {
	const char *name;
	enum roster_role role;
} role_names[] = {
	{"pupil", ROLE_PUPIL},   {"student", ROLE_PUPIL}, {"child", ROLE_PUPIL},
	{"staff", ROLE_STAFF},   {"teacher", ROLE_STAFF}, {"parent", ROLE_PARENT},
	{"carer", ROLE_PARENT},  {"contact", ROLE_PARENT}, {"guardian", ROLE_PARENT},
	{"other", ROLE_OTHER},
};

int roster_role_from_name(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(role_names); i++)
		if (strcasecmp(name, role_names[i].name) == 0)
			return (int)role_names[i].role;
	return -1;
}

const char *roster_role_name(enum roster_role role)
{
	switch (role) {
	case ROLE_PUPIL: return "pupil";
	case ROLE_STAFF: return "staff";
	case ROLE_PARENT: return "parent";
	case ROLE_OTHER: return "other";
	}
	return "other";
}

static int column_field(const char *header)
{
	char key[64];
	size_t n = 0;
	for (const unsigned char *s = (const unsigned char *)header; *s && n + 1 < sizeof(key); s++)
		if (isalnum(*s))
			key[n++] = (char)tolower(*s);
	key[n] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(column_names); i++)
		if (strcmp(key, column_names[i].key) == 0)
			return (int)column_names[i].field;
	return -1;
}

/* Appends s[0, n) trimmed of blanks to the arena; returns its offset, or 0
 * for an empty value. */
static uint32_t keep(struct roster *r, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n)
		return 0;
	uint32_t off = (uint32_t)r->arena.len;
	buf_append_string(&r->arena, s, n);
	return off;
}

/* The arena was sized for the whole file; keep only what the names use.
 * Copied by hand, not realloc'd, so no stale copy of them is left unwiped. */
static void shrink_arena(struct roster *r)
{
	if (r->arena.cap - r->arena.len <= r->arena.cap / 4)
		return;
	char *small = xmalloc(r->arena.len + 1);
	memcpy(small, r->arena.data, r->arena.len + 1);
	wipe(r->arena.data, r->arena.len);
	free(r->arena.data);
	r->arena.data = small;
	r->arena.cap = r->arena.len + 1;
}

/* The length of s, or SIZE_MAX if it holds a control character. */
static size_t plain_length(const char *s)
{
	const char *p = s;
	for (; *p; p++)
		if ((unsigned char)*p < 0x20)
			return SIZE_MAX;
	return (size_t)(p - s);
}

/* Parses UTF-8 text in place (text[text_len] is its NUL); the caller wipes
 * and frees it. */
static struct roster *parse_text(const char *name, char *text, size_t text_len,
				 enum source_encoding enc, enum roster_role role,
				 struct problems *problems)
{
	struct roster *r = xcalloc(1, sizeof(*r));
	r->encoding = enc;
	buf_init(&r->arena);
	buf_append_char(&r->arena, '\0'); /* offset 0 is the empty string */

	/* Room for every person and every kept field at once: a row is at
	 * least a line, and a kept field with its NUL no longer than the
	 * field with the delimiter or line end after it. */
	size_t lines = 1;
	for (const char *q = text; (q = memchr(q, '\n', (size_t)(text + text_len - q))); q++)
		lines++;
	grow_array((void **)&r->people, &r->cap, lines, sizeof(*r->people));
	buf_reserve(&r->arena, text_len + 1);

	struct csv_reader csv;
	csv_init(&csv, text, text_len);
	size_t line;
	int column[256];
	size_t columns = 0;

	enum csv_status st = csv_next(&csv, &line);
	if (st != CSV_RECORD) {
		problems_add(problems, "%s: the roster is empty; expected a header row such as "
				       "'Forename,Surname,Year,Reg'.", name);
		goto err;
	}
	columns = csv.count < ARRAY_SIZE(column) ? csv.count : ARRAY_SIZE(column);
	buf_init(&r->ignored);
	for (size_t i = 0; i < columns; i++) {
		const char *h = csv_field(&csv, i);
		column[i] = column_field(h);
		if (column[i] >= 0 && !r->has_column[column[i]]) {
			r->has_column[column[i]] = 1;
			r->header[column[i]] = xstrdup(h);
		} else if (column[i] < 0 && h[0]) {
			if (r->ignored.len)
				buf_append(&r->ignored, ", ", 2);
			buf_append(&r->ignored, h, strlen(h));
		}
	}
	if (!r->has_column[RF_FORENAME] && !r->has_column[RF_SURNAME] &&
	    !r->has_column[RF_FULLNAME] && !r->has_column[RF_PREFERRED]) {
		problems_add(problems, "%s:%zu: no name columns in the header; expected columns such "
				       "as Forename, Preferred name, Surname (or Legal forename, "
				       "Known as, Last name).", name, line);
		goto err;
	}

	while ((st = csv_next(&csv, &line)) == CSV_RECORD) {
		struct roster_person p = {.role = (uint8_t)role, .line = (uint32_t)line};
		bool bad = false;
		for (size_t i = 0; i < columns && i < csv.count; i++) {
			if (column[i] < 0)
				continue; /* never kept: not a column we need */
			const char *v = csv_field(&csv, i);
			size_t n = plain_length(v);
			if (n > MAX_NAME_BYTES) {
				problems_add(problems, "%s:%zu: the %s is longer than %d bytes or holds "
						       "control characters; row skipped.",
					     name, line, field_names[column[i]], MAX_NAME_BYTES);
				bad = true;
				break;
			}
			if (column[i] == RF_ROLE) {
				int rr = roster_role_from_name(v);
				if (rr >= 0)
					p.role = (uint8_t)rr;
				continue;
			}
			p.field[column[i]] = keep(r, v, n);
		}
		if (bad) {
			r->skipped++;
			continue;
		}
		if (!p.field[RF_FORENAME] && !p.field[RF_SURNAME] && !p.field[RF_FULLNAME] &&
		    !p.field[RF_PREFERRED]) {
			problems_add(problems, "%s:%zu: row has no forename or surname; skipped.", name,
				     line);
			r->skipped++;
			continue;
		}
		grow_array((void **)&r->people, &r->cap, r->count + 1, sizeof(*r->people));
		r->people[r->count++] = p;
	}
	if (st == CSV_UNTERMINATED) {
		problems_add(problems, "%s:%zu: a quoted field is never closed; the rest of the file "
				       "was skipped.", name, line);
		r->skipped++;
	}
	csv_finish(&csv);
	shrink_arena(r);
	return r;

err:
	csv_finish(&csv);
	roster_destroy(r);
	return NULL;
}

struct roster *roster_parse(const char *name, const char *data, size_t len, enum roster_role role,
			    struct problems *problems)
{
	size_t text_len;
	enum source_encoding enc;
	char *text = encoding_to_utf8(data, len, &text_len, &enc);
	struct roster *r = parse_text(name, text, text_len, enc, role, problems);
	wipe(text, text_len);
	free(text);
	return r;
}

struct roster *roster_load(const char *path, enum roster_role role, struct problems *problems)
{
	/* A roster is personal data about children: anyone who can log in to
	 * this computer should not be able to read it. */
	struct stat st;
	if (stat(path, &st) == 0 && (st.st_mode & S_IROTH))
		problems_warn(problems, "%s: the roster can be read by every user of this computer. "
				       "Restrict it, e.g. chmod 640 and a group for the staff who "
				       "use this computer (docs/security.md).", path);
	char *data;
	size_t len;
	int e = read_file(path, MAX_ROSTER_BYTES, &data, &len);
	if (e < 0) {
		problems_add(problems, "%s: cannot read the roster: %s.", path,
			     e == -EFBIG ? "file is over 256 MiB" : strerror(-e));
		return NULL;
	}
	/* Plain UTF-8, the usual case, is parsed where it was read. */
	struct roster *r = encoding_is_plain_utf8(data, len)
				   ? parse_text(path, data, len, ENC_UTF8, role, problems)
				   : roster_parse(path, data, len, role, problems);
	/* The raw file may hold columns we must not keep: wipe it. */
	wipe(data, len);
	free(data);
	return r;
}

void roster_destroy(struct roster *r)
{
	if (!r)
		return;
	if (r->arena.data)
		wipe(r->arena.data, r->arena.len);
	buf_finish(&r->arena);
	buf_finish(&r->ignored);
	for (int i = 0; i < RF_COUNT; i++)
		free(r->header[i]);
	free(r->people);
	free(r);
}

size_t roster_count(const struct roster *r)
{
	return r->count;
}

const struct roster_person *roster_person(const struct roster *r, size_t i)
{
	return &r->people[i];
}

const char *roster_field(const struct roster *r, const struct roster_person *p,
			 enum roster_field f)
{
	return r->arena.data + p->field[f];
}

enum source_encoding roster_encoding(const struct roster *r)
{
	return r->encoding;
}

size_t roster_skipped(const struct roster *r)
{
	return r->skipped;
}

int roster_has_column(const struct roster *r, enum roster_field f)
{
	return r->has_column[f];
}

const char *roster_column_header(const struct roster *r, enum roster_field f)
{
	return r->header[f];
}

const char *roster_ignored_columns(const struct roster *r)
{
	return r->ignored.len ? r->ignored.data : "";
}
