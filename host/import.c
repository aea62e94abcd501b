#include "import.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "roster.h"
#include "text.h"
#include "util.h"

static const enum roster_field out_fields[] = {RF_FORENAME, RF_PREFERRED, RF_MIDDLE, RF_SURNAME,
					       RF_PREFERRED_SURNAME, RF_NICKNAMES, RF_FULLNAME,
					       RF_YEAR, RF_REG};
static const char *const out_headers[] = {"Forename", "Preferred forename", "Middle name",
					  "Surname", "Preferred surname", "Nicknames", "Name",
					  "Year", "Reg"};

static void csv_put(struct buf *b, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		buf_append(b, s, strlen(s));
		return;
	}
	buf_append_char(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_append_char(b, '"');
		buf_append_char(b, *s);
	}
	buf_append_char(b, '"');
}

/* "forename surname" folded, for matching nickname rows to pupils. */
static char *key_of(const struct roster *r, const struct roster_person *p)
{
	char *s = xasprintf("%s %s", roster_field(r, p, RF_FORENAME), roster_field(r, p, RF_SURNAME));
	char *f = text_fold(s, strlen(s));
	wipe(s, strlen(s));
	free(s);
	return f;
}

int import_run(const char *input, const char *output, const char *role, const char *nicknames)
{
	int rl = role ? roster_role_from_name(role) : ROLE_PUPIL;
	if (rl < 0) {
		fprintf(stderr, "prepost-host: --role takes pupil, staff, parent or other.\n");
		return 2;
	}
	if (!output) {
		fprintf(stderr, "prepost-host: import-roster needs -o OUTPUT (names are never "
				"written to the terminal).\n");
		return 2;
	}
	struct problems p;
	problems_init(&p);
	struct roster *r = roster_load(input, (enum roster_role)rl, &p);
	for (size_t i = 0; i < p.count; i++)
		fprintf(stderr, "prepost-host: %s\n", p.items[i]);
	if (!r) {
		problems_finish(&p);
		return 2;
	}
	printf("%s: %zu rows read (%s), %zu skipped\n", input, roster_count(r),
	       encoding_name(roster_encoding(r)), roster_skipped(r));
	printf("columns used:\n");
	for (int f = 0; f < RF_COUNT; f++)
		if (roster_column_header(r, (enum roster_field)f))
			printf("  %-18s <- \"%s\"\n", roster_field_name((enum roster_field)f),
			       roster_column_header(r, (enum roster_field)f));
	if (roster_ignored_columns(r)[0])
		printf("columns left out (never kept): %s\n", roster_ignored_columns(r));

	/* nicknames: Forename, Surname, Nickname(s) */
	struct roster *nick = NULL;
	char **extra = xcalloc(roster_count(r) + 1, sizeof(*extra));
	if (nicknames) {
		nick = roster_load(nicknames, ROLE_PUPIL, &p);
		size_t added = 0, unmatched = 0;
		for (size_t i = 0; nick && i < roster_count(nick); i++) {
			const struct roster_person *np = roster_person(nick, i);
			const char *nn = roster_field(nick, np, RF_NICKNAMES);
			if (!nn[0])
				nn = roster_field(nick, np, RF_PREFERRED);
			char *k = key_of(nick, np);
			bool matched = false;
			for (size_t j = 0; j < roster_count(r) && nn[0]; j++) {
				char *kr = key_of(r, roster_person(r, j));
				if (strcmp(k, kr) == 0) {
					char *joined = extra[j] ? xasprintf("%s;%s", extra[j], nn)
								: xstrdup(nn);
					free(extra[j]);
					extra[j] = joined;
					matched = true;
					added++;
				}
				free(kr);
			}
			if (!matched) {
				printf("  %s:%u: no pupil with that forename and surname; nickname not "
				       "added\n", nicknames, np->line);
				unmatched++;
			}
			free(k);
		}
		printf("nicknames: %zu added, %zu not matched\n", added, unmatched);
	}

	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < ARRAY_SIZE(out_headers); i++) {
		buf_append(&b, out_headers[i], strlen(out_headers[i]));
		buf_append_char(&b, ',');
	}
	buf_append(&b, "Role\n", 5);
	for (size_t j = 0; j < roster_count(r); j++) {
		const struct roster_person *rp = roster_person(r, j);
		for (size_t i = 0; i < ARRAY_SIZE(out_fields); i++) {
			const char *v = roster_field(r, rp, out_fields[i]);
			if (out_fields[i] == RF_NICKNAMES && extra[j]) {
				char *both = v[0] ? xasprintf("%s;%s", v, extra[j]) : xstrdup(extra[j]);
				csv_put(&b, both);
				free(both);
			} else {
				csv_put(&b, v);
			}
			buf_append_char(&b, ',');
		}
		const char *rn = roster_role_name((enum roster_role)rp->role);
		buf_append(&b, rn, strlen(rn));
		buf_append_char(&b, '\n');
	}

	int status = 0;
	char *tmp = xasprintf("%s.tmp", output);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd < 0 || write(fd, b.data, b.len) != (ssize_t)b.len || fchmod(fd, 0640) < 0 ||
	    close(fd) < 0 || rename(tmp, output) < 0) {
		fprintf(stderr, "prepost-host: cannot write %s: %s\n", output, strerror(errno));
		unlink(tmp);
		status = 2;
	} else {
		printf("wrote %s: %zu people, readable by owner and group only\n", output,
		       roster_count(r));
	}
	free(tmp);
	wipe(b.data, b.len);
	buf_finish(&b);
	for (size_t j = 0; j < roster_count(r); j++)
		free(extra[j]);
	free(extra);
	roster_destroy(nick);
	roster_destroy(r);
	problems_finish(&p);
	return status;
}
