/* Rosters: the people whose names must not be posted. A roster is a CSV file
 * as a school MIS exports it; columns are recognised by their common names
 * in any case and spacing. Only names, role and groups are kept in memory;
 * every other column (dates of birth, UPNs, addresses) is skipped as it is
 * read. Problems name the file and line, never the person. */
#ifndef PREPOST_ROSTER_H
#define PREPOST_ROSTER_H

#include <stddef.h>
#include <stdint.h>

#include "encoding.h"
#include "problems.h"

enum roster_role {
	ROLE_PUPIL,
	ROLE_STAFF,
	ROLE_PARENT,
	ROLE_OTHER,
};

enum roster_field {
	RF_FORENAME,
	RF_PREFERRED,
	RF_MIDDLE,
	RF_SURNAME,
	RF_PREFERRED_SURNAME,
	RF_NICKNAMES, /* several, separated by ';' or '|' */
	RF_FULLNAME,  /* "Surname, Forename" or "Forename Surname" */
	RF_YEAR,
	RF_REG,
	RF_ROLE,
	RF_COUNT,
};

struct roster_person {
	uint32_t field[RF_COUNT]; /* offsets into the roster's arena; 0 is "" */
	uint32_t line;            /* where the row starts in the file */
	uint8_t role;
};

struct roster;

/* Loads a roster file. Returns NULL (with a problem added) when the file
 * cannot be read or has no name columns. */
struct roster *roster_load(const char *path, enum roster_role role, struct problems *problems);
/* Parses roster bytes; name is used in problems. */
struct roster *roster_parse(const char *name, const char *data, size_t len, enum roster_role role,
			    struct problems *problems);
void roster_destroy(struct roster *r);

size_t roster_count(const struct roster *r);
const struct roster_person *roster_person(const struct roster *r, size_t i);
const char *roster_field(const struct roster *r, const struct roster_person *p,
			 enum roster_field f);
enum source_encoding roster_encoding(const struct roster *r);
/* Rows skipped because they were bad. */
size_t roster_skipped(const struct roster *r);
/* Whether column f was found in the header. */
int roster_has_column(const struct roster *r, enum roster_field f);
/* The header text of column f as the file has it, or NULL. */
const char *roster_column_header(const struct roster *r, enum roster_field f);
/* The header texts of the columns that were not used (and never kept),
 * separated by ", ". */
const char *roster_ignored_columns(const struct roster *r);

/* "pupil", "student" → ROLE_PUPIL and so on; -1 when unknown. */
int roster_role_from_name(const char *name);
const char *roster_role_name(enum roster_role role);
const char *roster_field_name(enum roster_field f);

#endif
