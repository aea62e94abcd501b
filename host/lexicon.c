/* Parsing keeps a running set of defaults that directives change; each term
 * line becomes an entry holding the defaults as they stood, with its own
 * overrides applied. Strings are owned by the lexicon. */
#include "lexicon.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "text.h"
#include "util.h"
#include "warning.h"

#define MAX_LEXICON_BYTES (16u << 20)

/* Strings are copied into blocks that never move: entries point into
 * them, and a lexicon of thousands of terms makes a handful of allocations,
 * not one per string. */
#define STRING_BLOCK (16u << 10)

struct lexicon {
	struct lexicon_entry *entries;
	size_t count;
	size_t cap;
	char **blocks;
	size_t block_count;
	size_t block_cap;
	size_t block_used; /* bytes used in the last block */
	size_t block_size; /* and its size */
};

static const char *own(struct lexicon *l, const char *s, size_t n)
{
	if (l->block_count == 0 || l->block_size - l->block_used < n + 1) {
		size_t size = n + 1 > STRING_BLOCK ? n + 1 : STRING_BLOCK;
		grow_array((void **)&l->blocks, &l->block_cap, l->block_count + 1,
			   sizeof(*l->blocks));
		l->blocks[l->block_count++] = xmalloc(size);
		l->block_used = 0;
		l->block_size = size;
	}
	char *copy = l->blocks[l->block_count - 1] + l->block_used;
	memcpy(copy, s, n);
	copy[n] = '\0';
	l->block_used += n + 1;
	return copy;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
		(*n)--;
}

struct defaults {
	unsigned category; /* CAT_LEXICON_END until set */
	enum severity severity;
	uint8_t inflect; /* enum lexicon_inflect */
	uint8_t context; /* enum lexicon_context */
	const char *frames;
	const char *message, *advice, *policy;
};

/* The index of v in names, or -1. */
static int index_of(const char *v, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v, names[i]) == 0)
			return (int)i;
	return -1;
}

/* Applies key=value (or a directive's "key value") to d. Returns false and
 * reports when the key or value is not understood. */
static bool apply(struct lexicon *l, struct defaults *d, const char *key, size_t key_len,
		  const char *val, size_t val_len, const char *name, size_t line,
		  struct problems *problems)
{
	char k[16];
	if (key_len == 0 || key_len >= sizeof(k)) {
		problems_add(problems, "%s:%zu: expected a setting such as 'severity=high'.", name,
			     line);
		return false;
	}
	memcpy(k, key, key_len);
	k[key_len] = '\0';
	char *v = xstrndup(val, val_len);
	bool ok = true;
	if (strcmp(k, "category") == 0) {
		unsigned c = category_from_name(v);
		if (c >= CAT_LEXICON_END) {
			problems_add(problems, "%s:%zu: unknown category '%s'; expected pupil_name, "
					       "person_name, work_detail, derogatory, confidential, "
					       "personal_data, allow, context, common_name, grievance, child or "
					       "group.",
				     name, line, v);
			ok = false;
		} else {
			d->category = c;
		}
	} else if (strcmp(k, "severity") == 0) {
		enum severity s = severity_from_name(v);
		if (s == SEV_NONE) {
			problems_add(problems, "%s:%zu: unknown severity '%s'; expected low, medium "
					       "or high.", name, line, v);
			ok = false;
		} else {
			d->severity = s;
		}
	} else if (strcmp(k, "inflect") == 0) {
		/* in enum lexicon_inflect's order */
		static const char *const inflects[] = {"no", "no-verbs", "yes", "first"};
		int i = index_of(v, inflects, ARRAY_SIZE(inflects));
		if (i < 0) {
			problems_add(problems, "%s:%zu: inflect takes yes, no, no-verbs or first.",
				     name, line);
			ok = false;
		} else {
			d->inflect = (uint8_t)i;
		}
	} else if (strcmp(k, "context") == 0) {
		/* in enum lexicon_context's order */
		static const char *const contexts[] = {"any",   "school",  "child",
						     "group", "concern", "secret"};
		int i = index_of(v, contexts, ARRAY_SIZE(contexts));
		if (i < 0) {
			problems_add(problems,
				     "%s:%zu: context takes school, child, group, concern, secret "
				     "or any.",
				     name, line);
			ok = false;
		} else {
			d->context = (uint8_t)i;
		}
	} else if (strcmp(k, "frames") == 0) {
		d->frames = val_len ? own(l, val, val_len) : NULL;
	} else if (strcmp(k, "message") == 0) {
		d->message = val_len ? own(l, val, val_len) : NULL;
	} else if (strcmp(k, "advice") == 0) {
		d->advice = val_len ? own(l, val, val_len) : NULL;
	} else if (strcmp(k, "policy") == 0) {
		d->policy = val_len ? own(l, val, val_len) : NULL;
	} else {
		problems_add(problems, "%s:%zu: unknown setting '%s'; expected category, severity, "
				       "inflect, context, frames, message, advice or policy.", name, line, k);
		ok = false;
	}
	free(v);
	return ok;
}

/* Whether the term has anything to match: a word or number, as the
 * tokeniser sees it. An ASCII letter or digit always starts a token, so
 * only a term without one is tokenised to find out. */
static bool has_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			return true;
	}
	char *folded = text_fold(s, n);
	bool word = folded[0] != '\0';
	free(folded);
	return word;
}

static void parse_line(struct lexicon *l, struct defaults *d, const char *s, size_t n,
		       const char *name, size_t line, struct problems *problems)
{
	trim(&s, &n);
	if (n == 0 || s[0] == '#')
		return;

	if (s[0] == '@') {
		size_t k = 1;
		while (k < n && s[k] != ' ' && s[k] != '\t')
			k++;
		const char *val = s + k;
		size_t val_len = n - k;
		trim(&val, &val_len);
		apply(l, d, s + 1, k - 1, val, val_len, name, line, problems);
		return;
	}

	struct defaults e = *d;
	const char *bar = memchr(s, '|', n);
	size_t term_len = bar ? (size_t)(bar - s) : n;
	const char *term = s;
	trim(&term, &term_len);
	bool ok = true;
	while (bar) {
		const char *opt = bar + 1;
		const char *next = memchr(opt, '|', n - (size_t)(opt - s));
		size_t opt_len = next ? (size_t)(next - opt) : n - (size_t)(opt - s);
		trim(&opt, &opt_len);
		const char *eq = memchr(opt, '=', opt_len);
		if (!eq) {
			problems_add(problems, "%s:%zu: expected key=value after '|'.", name, line);
			ok = false;
			break;
		}
		const char *key = opt, *val = eq + 1;
		size_t key_len = (size_t)(eq - opt), val_len = opt_len - key_len - 1;
		trim(&key, &key_len);
		trim(&val, &val_len);
		if (!apply(l, &e, key, key_len, val, val_len, name, line, problems)) {
			ok = false;
			break;
		}
		bar = next;
	}
	if (!ok)
		return;
	if (e.category >= CAT_LEXICON_END) {
		problems_add(problems, "%s:%zu: a term comes before any '@category' line; it is "
				       "skipped.", name, line);
		return;
	}
	if (!has_word(term, term_len)) {
		problems_add(problems, "%s:%zu: the term has no letters or digits; skipped.", name,
			     line);
		return;
	}
	grow_array((void **)&l->entries, &l->cap, l->count + 1, sizeof(*l->entries));
	l->entries[l->count++] = (struct lexicon_entry){
		.term = own(l, term, term_len),
		.line = (uint32_t)line,
		.category = (uint8_t)e.category,
		.severity = (uint8_t)e.severity,
		.inflect = e.inflect,
		.context = e.context,
		.frames = e.frames,
		.message = e.message,
		.advice = e.advice,
		.policy = e.policy,
	};
}

struct lexicon *lexicon_parse(const char *name, const char *data, size_t len,
			      struct problems *problems)
{
	struct lexicon *l = xcalloc(1, sizeof(*l));
	struct defaults d = {.category = CAT_LEXICON_END, .severity = SEV_MEDIUM, .inflect = INFLECT_ALL};
	if (utf8_bom(data, len)) {
		data += 3;
		len -= 3;
	}
	size_t line = 1;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t bad;
		if (!utf8_valid(p, n, &bad))
			problems_add(problems, "%s:%zu: not valid UTF-8 (byte %zu of the line); line "
					       "skipped.", name, line, bad + 1);
		else if (memchr(p, '\0', n))
			problems_add(problems, "%s:%zu: the line holds a NUL byte; skipped.", name,
				     line);
		else
			parse_line(l, &d, p, n, name, line, problems);
		line++;
		p = nl ? nl + 1 : end;
	}
	return l;
}

struct lexicon *lexicon_load(const char *path, struct problems *problems)
{
	char *data;
	size_t len;
	int e = read_file(path, MAX_LEXICON_BYTES, &data, &len);
	if (e < 0) {
		problems_add(problems, "%s: cannot read the lexicon: %s.", path,
			     e == -EFBIG ? "file is over 16 MiB" : strerror(-e));
		return NULL;
	}
	struct lexicon *l = lexicon_parse(path, data, len, problems);
	free(data);
	return l;
}

void lexicon_destroy(struct lexicon *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->block_count; i++)
		free(l->blocks[i]);
	free(l->blocks);
	free(l->entries);
	free(l);
}

size_t lexicon_count(const struct lexicon *l)
{
	return l->count;
}

enum lexicon_stem lexicon_term_stem(const char *term)
{
	size_t n = strlen(term);
	if (n < 2)
		return STEM_NONE;
	return term[0] == '*' ? STEM_TAIL : term[n - 1] == '*' ? STEM_HEAD : STEM_NONE;
}

const struct lexicon_entry *lexicon_entry(const struct lexicon *l, size_t i)
{
	return &l->entries[i];
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **lexicon_list_dir(const char *dir, size_t *count, int *err)
{
	*count = 0;
	DIR *dp = opendir(dir);
	if (!dp) {
		if (err)
			*err = errno;
		return NULL;
	}
	char **list = NULL;
	size_t cap = 0;
	struct dirent *de;
	while ((de = readdir(dp))) {
		size_t n = strlen(de->d_name);
		if (de->d_name[0] == '.' || n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0)
			continue;
		grow_array((void **)&list, &cap, *count + 1, sizeof(*list));
		list[(*count)++] = path_join(dir, de->d_name);
	}
	closedir(dp);
	if (*count)
		qsort(list, *count, sizeof(*list), cmp_str);
	if (err)
		*err = 0;
	return list;
}

void lexicon_free_list(char **list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(list[i]);
	free(list);
}
