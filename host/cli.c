/* Both commands load the same way (config → rosters → lexicons →
 * classifier), so a sentence tested with `check` gets exactly the warnings
 * the browser would show. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "classify.h"
#include "config.h"
#include "doctor.h"
#include "import.h"
#include "lint.h"
#include "encoding.h"
#include "framing.h"
#include "protocol.h"
#include "serve.h"
#include "util.h"

#ifndef PREPOST_VERSION
#define PREPOST_VERSION "0.0.0"
#endif

void cli_usage(FILE *out)
{
	fprintf(out,
		"Usage: prepost-host [COMMAND] [OPTIONS]\n"
		"\n"
		"Checks social-media drafts against a school's policy: pupils' names, work\n"
		"details, derogatory language, confidential matters and personal data.\n"
		"\n"
		"Commands:\n"
		"  (none)         speak native messaging on stdin/stdout, as browsers start it\n"
		"  check [FILE]   check a text (FILE, or standard input when FILE is - or absent)\n"
		"  doctor         say whether each browser can start the host, and how to fix it\n"
		"  lint           check the config, rosters and lexicons (exit 1 on errors)\n"
		"  import-roster EXPORT -o ROSTER [--role R] [--nicknames F]\n"
		"                 turn an MIS export into a roster file (names, role, groups only)\n"
		"  serve          speak native messaging (same as no command)\n"
		"\n"
		"Options:\n"
		"  --config F     use config file F (else $PREPOST_CONFIG, the per-user\n"
		"                 file, then %s)\n"
		"  --roster F     also read pupil roster F (repeatable; check only)\n"
		"  --lexicons DIR read the default lexicons from DIR\n"
		"  --json         check: print the protocol's result object\n"
		"  --help         show this help\n"
		"  --version      show the version\n"
		"\n"
		"check exits 0 when there are no warnings, 1 when there are, 2 on error.\n"
		"See docs/protocol.md and docs/tuning.md.\n",
		config_system_path());
}

struct load_options {
	const char *config;
	const char *lexicons;
	char **rosters;
	size_t roster_count;
	bool json;
};

static void free_options(struct load_options *o)
{
	free(o->rosters);
}

/* Parses the shared options; returns the index of the first operand, or -1
 * after printing an error. */
static int parse_options(int argc, char **argv, struct load_options *o, bool allow_check_opts)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'},
		{"roster", required_argument, NULL, 'r'},
		{"lexicons", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof(*o));
	optind = 1;
	opterr = 0;
	int ch;
	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			o->config = optarg;
			break;
		case 'r':
			if (!allow_check_opts)
				goto bad;
			o->rosters = xrealloc(o->rosters, (o->roster_count + 1) * sizeof(char *));
			o->rosters[o->roster_count++] = optarg;
			break;
		case 'l':
			o->lexicons = optarg;
			break;
		case 'j':
			if (!allow_check_opts)
				goto bad;
			o->json = true;
			break;
		case 'h':
			cli_usage(stdout);
			return -2;
		default:
			goto bad;
		}
	}
	return optind;
bad:
	if (optopt)
		fprintf(stderr, "prepost-host: option '-%c' is unknown or needs a value.\n", optopt);
	else
		fprintf(stderr, "prepost-host: option '%s' is unknown or needs a value.\n",
			argv[optind - 1]);
	fprintf(stderr, "Try 'prepost-host --help'.\n");
	return -1;
}

/* With background set, the dictionary is built on a second thread
 * while the caller goes on (serve answers hello meanwhile). */
static struct classifier *load(const struct load_options *o, struct problems *problems,
			       bool background)
{
	struct config *config = config_load(o->config, problems);
	for (size_t i = 0; i < o->roster_count; i++)
		config_add_roster(config, o->rosters[i], ROLE_PUPIL);
	struct classifier *c = background ? classifier_start(config, o->lexicons, problems)
					  : classifier_create(config, o->lexicons, problems);
	config_destroy(config);
	return c;
}

static int read_input(const char *path, char **text, size_t *len)
{
	if (!path || strcmp(path, "-") == 0) {
		struct buf b;
		buf_init(&b);
		for (;;) {
			buf_reserve(&b, 65536);
			ssize_t n = read(STDIN_FILENO, b.data + b.len, b.cap - b.len - 1);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				fprintf(stderr, "prepost-host: cannot read standard input: %s\n",
					strerror(errno));
				buf_finish(&b);
				return -1;
			}
			if (n == 0)
				break;
			b.len += (size_t)n;
			if (b.len > FRAME_MAX_IN) {
				fprintf(stderr, "prepost-host: the input is over 64 MiB.\n");
				buf_finish(&b);
				return -1;
			}
		}
		buf_cstr(&b);
		*text = b.data;
		*len = b.len;
		return 0;
	}
	int e = read_file(path, FRAME_MAX_IN, text, len);
	if (e < 0) {
		fprintf(stderr, "prepost-host: cannot read %s: %s\n", path,
			e == -EFBIG ? "the file is over 64 MiB" : strerror(-e));
		return -1;
	}
	return 0;
}

struct style {
	const char *sev[4];
	const char *dim, *bold, *reset;
};

static struct style pick_style(void)
{
	const char *term = getenv("TERM");
	bool colour = isatty(STDOUT_FILENO) && !getenv("NO_COLOR") && term &&
		      strcmp(term, "dumb") != 0;
	if (!colour)
		return (struct style){{"", "", "", ""}, "", "", ""};
	return (struct style){{"", "\033[36m", "\033[33m", "\033[1;31m"},
			      "\033[2m", "\033[1m", "\033[0m"};
}

/* Display columns of s[from, to), for lining markers up under the text. */
static size_t display_width(const char *s, size_t from, size_t to)
{
	size_t w = 0, i = from;
	while (i < to) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(to - i), &c);
		if (n <= 0) {
			i++;
			w++;
			continue;
		}
		int cw = c == '\t' ? 1 : utf8proc_charwidth(c);
		w += cw > 0 ? (size_t)cw : 0;
		i += (size_t)n;
	}
	return w;
}

static size_t count_chars(const char *s, size_t from, size_t to)
{
	size_t n = 0;
	for (size_t i = from; i < to; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static void print_line(const char *text, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		putchar(text[i] == '\t' ? ' ' : text[i]);
	putchar('\n');
}

static void print_human(struct classifier *c, const char *name, const char *text, size_t len,
			const struct warnings *w)
{
	struct style st = pick_style();
	printf("%s%s%s: %zu warning%s\n", st.bold, name, st.reset, w->count,
	       w->count == 1 ? "" : "s");
	size_t k = 0, line_no = 1, line_start = 0;
	while (k < w->count && line_start <= len) {
		const char *nl = memchr(text + line_start, '\n', len - line_start);
		size_t line_end = nl ? (size_t)(nl - text) : len;
		size_t first = k;
		while (k < w->count && w->items[k].start < line_end + 1)
			k++;
		if (k > first) {
			size_t end = line_end;
			if (end > line_start && text[end - 1] == '\r')
				end--;
			printf("\n%5zu | ", line_no);
			print_line(text, line_start, end);
			printf("      | ");
			/* widths measured from the previous warning, not from the
			 * line's start: a long line with many warnings stays linear */
			size_t col = 0, at = 0, measured = line_start;
			for (size_t i = first; i < k; i++) {
				const struct warning *x = &w->items[i];
				/* a second warning over the same words is
				 * underlined already */
				if (i > first && x->start == x[-1].start && x->end == x[-1].end)
					continue;
				size_t from = x->start > measured ? x->start : measured;
				size_t to = x->end < end ? x->end : end;
				at += display_width(text, measured, from);
				size_t wide = to > from ? display_width(text, from, to) : 0;
				measured = to > from ? to : from;
				for (; col < at; col++)
					putchar(' ');
				fputs(st.sev[x->severity], stdout);
				for (size_t j = 0; j < (wide ? wide : 1); j++, col++)
					putchar('^');
				fputs(st.reset, stdout);
				at += wide;
			}
			putchar('\n');
			size_t column = 0, counted = line_start;
			for (size_t i = first; i < k; i++) {
				const struct warning *x = &w->items[i];
				const struct label *l = classifier_label(c, x->label);
				column += count_chars(text, counted, x->start);
				counted = x->start;
				printf("      %s%-6s%s %-13s %zu:%zu \"%.*s\"\n", st.sev[x->severity],
				       severity_name((enum severity)x->severity), st.reset,
				       category_name((enum category)x->category), line_no, column + 1,
				       (int)(x->end - x->start), text + x->start);
				printf("             %s\n", l->message);
				printf("             %sAdvice:%s %s\n", st.dim, st.reset, l->advice);
				if (l->policy)
					printf("             %sPolicy:%s %s\n", st.dim, st.reset,
					       l->policy);
			}
		}
		line_no++;
		line_start = line_end + 1;
	}
}

static void report_problems(const struct problems *p)
{
	for (size_t i = 0; i < p->count; i++)
		fprintf(stderr, "prepost-host: note: %s\n", p->items[i]);
}

int cli_check(int argc, char **argv)
{
	struct load_options o;
	int first = parse_options(argc, argv, &o, true);
	if (first < 0) {
		free_options(&o);
		return first == -2 ? 0 : 2;
	}
	if (argc - first > 1) {
		fprintf(stderr, "prepost-host: check takes one FILE (or - for standard input).\n");
		free_options(&o);
		return 2;
	}
	const char *path = first < argc ? argv[first] : NULL;
	char *text;
	size_t len;
	if (read_input(path, &text, &len) < 0) {
		free_options(&o);
		return 2;
	}
	size_t bad;
	if (!utf8_valid(text, len, &bad)) {
		fprintf(stderr, "prepost-host: %s is not valid UTF-8 (byte %zu).\n",
			path ? path : "standard input", bad + 1);
		free(text);
		free_options(&o);
		return 2;
	}

	struct problems problems;
	problems_init(&problems);
	struct classifier *c = load(&o, &problems, false);
	report_problems(&problems);
	struct protocol *p = protocol_create(c, &problems);

	int status;
	if (o.json) {
		json_t *r = protocol_result(p, NULL, text, len);
		status = json_array_size(json_object_get(r, "warnings")) ? 1 : 0;
		char *s = json_dumps(r, JSON_INDENT(2));
		puts(s);
		free(s);
		json_decref(r);
	} else {
		struct warnings w;
		warnings_init(&w);
		classifier_check(c, text, len, &w);
		print_human(c, path && strcmp(path, "-") ? path : "(standard input)", text, len, &w);
		status = w.count ? 1 : 0;
		warnings_finish(&w);
	}
	if (fflush(stdout) != 0)
		status = 2;

	protocol_destroy(p);
	classifier_destroy(c);
	problems_finish(&problems);
	free(text);
	free_options(&o);
	return status;
}

/* The commands that take only --config and --lexicons. */
static int run_with_sources(int argc, char **argv, int (*run)(const char *, const char *))
{
	struct load_options o;
	int first = parse_options(argc, argv, &o, false);
	int status = first == -2 ? 0 : 2;
	if (first >= 0)
		status = run(o.config, o.lexicons);
	free_options(&o);
	return status;
}

int cli_doctor(int argc, char **argv)
{
	return run_with_sources(argc, argv, doctor_run);
}

int cli_lint(int argc, char **argv)
{
	return run_with_sources(argc, argv, lint_run);
}

int cli_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"role", required_argument, NULL, 'r'},
		{"nicknames", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *output = NULL, *role = NULL, *nicknames = NULL;
	optind = 1;
	opterr = 0;
	int ch;
	while ((ch = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o': output = optarg; break;
		case 'r': role = optarg; break;
		case 'n': nicknames = optarg; break;
		case 'h':
			printf("Usage: prepost-host import-roster EXPORT.csv -o ROSTER.csv "
			       "[--role pupil|staff|parent] [--nicknames FILE.csv]\n");
			return 0;
		default:
			fprintf(stderr, "prepost-host: import-roster: bad option; try --help.\n");
			return 2;
		}
	}
	if (argc - optind != 1) {
		fprintf(stderr, "prepost-host: import-roster takes one MIS export file.\n");
		return 2;
	}
	return import_run(argv[optind], output, role, nicknames);
}

int cli_serve(int argc, char **argv)
{
	struct load_options o;
	int first = parse_options(argc, argv, &o, false);
	if (first < 0) {
		free_options(&o);
		return first == -2 ? 0 : 2;
	}
	int out_fd = serve_guard_stdout();
	if (out_fd < 0) {
		perror("prepost-host: cannot set up standard output");
		free_options(&o);
		return 1;
	}
	if (isatty(STDIN_FILENO))
		fprintf(stderr, "prepost-host: waiting for native-messaging frames on standard "
				"input (browsers start this program; try 'prepost-host check' or "
				"'--help').\n");

	struct problems problems;
	problems_init(&problems);
	struct classifier *c = load(&o, &problems, true);
	struct protocol *p = protocol_create(c, &problems);
	int status = serve_run(p, STDIN_FILENO, out_fd);
	protocol_destroy(p);
	classifier_destroy(c);
	problems_finish(&problems);
	free_options(&o);
	close(out_fd);
	return status;
}
