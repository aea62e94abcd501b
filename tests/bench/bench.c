/* prepost-bench: the performance benchmark of issue 6.
 *
 *   prepost-bench --names DIR --host PATH --trivial PATH --lexicons DIR
 *                 [--tweets FILE] [--peers SCRIPT] [--json OUT] [--quick]
 *
 * For rosters of 400, 2,000 and 20,000 pupils generated from the UK name
 * lists, and for tweet-sized (280 characters), Facebook-sized (2,000) and
 * 1 MB texts, it measures: check latency in-process (median and 99th
 * percentile); the same through the native-messaging pipe, as the scheduler
 * places host and benchmark and with both on one CPU; start-up to the
 * first hello reply, beside a trivial C host; peak resident memory; a naive
 * baseline (one PCRE2 alternation of every name and lexicon term); and, when
 * node and its modules are there, the npm peers obscenity and bad-words on
 * the same texts. It prints a table and writes JSON. Machines are noisy:
 * read the ratios. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <pcre2.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <sys/uio.h>
#include <unistd.h>

#include "classify.h"
#include "config.h"
#include "lexicon.h"
#include "roster.h"
#include "util.h"

static const size_t roster_sizes[] = {400, 2000, 20000};
static const char *const text_names[] = {"tweet", "facebook", "mb"};
static const size_t text_sizes[] = {280, 2000, 1u << 20};
static size_t iterations[] = {20000, 5000, 20};
static size_t pipe_iterations[] = {5000, 2000, 10};
static size_t startup_runs = 20;

static struct {
	const char *names, *host, *trivial, *lexicons, *tweets, *peers, *json;
} opt;

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

struct stats {
	double median, p99;
	size_t runs;
};

static struct stats summarise(double *ns, size_t n)
{
	qsort(ns, n, sizeof(*ns), cmp_double);
	struct stats s = {ns[n / 2], ns[n * 99 / 100 < n ? n * 99 / 100 : n - 1], n};
	return s;
}

static char **read_lines(const char *path, size_t *n)
{
	char *data;
	size_t len;
	*n = 0;
	if (read_file(path, 64u << 20, &data, &len) < 0)
		return NULL;
	char **lines = NULL;
	size_t cap = 0;
	for (char *save = NULL, *l = strtok_r(data, "\r\n", &save); l; l = strtok_r(NULL, "\r\n", &save)) {
		grow_array((void **)&lines, &cap, *n + 1, sizeof(*lines));
		lines[(*n)++] = xstrdup(l);
	}
	free(data);
	return lines;
}

/* The same pupils make-roster writes: forename and surname combined. */
static void write_roster(const char *path, size_t n, char **fore, size_t nf, char **sur, size_t ns)
{
	FILE *f = fopen(path, "w");
	fprintf(f, "Forename,Surname,Year,Reg\n");
	for (size_t i = 0; i < n; i++) {
		size_t y = i % 7 + 1;
		fprintf(f, "%s,%s,Year %zu,%zu%c\n", fore[(i * 37 + 11) % nf], sur[(i * 53 + 5) % ns], y,
			y, "ABC"[i % 3]);
	}
	fclose(f);
}

/* Texts of the given size from the tweet pool (or a fixed sentence), with a
 * pupil's full name near the end. Cut on a character boundary. */
static char *make_text(size_t size, char **pool, size_t npool, const char *name)
{
	struct buf b;
	buf_init(&b);
	size_t tail = strlen(name) + 2;
	for (size_t i = 0; b.len + tail < size; i++) {
		const char *s = npool ? pool[(i * 7919) % npool] : "Lovely walk by the river today, ";
		buf_append(&b, s, strlen(s));
		buf_append_char(&b, ' ');
	}
	size_t cut = size > tail ? size - tail : 0;
	while (cut > 0 && ((unsigned char)b.data[cut] & 0xC0) == 0x80)
		cut--;
	b.len = cut;
	buf_printf(&b, " %s.", name);
	return b.data;
}

/* The naive baseline: every roster name and lexicon term in alternations
 * of at most max_alts (one when PCRE2 accepts it), caseless, whole words. */
struct naive {
	pcre2_code **codes;
	size_t n;
	pcre2_match_data *md;
	bool split;
};

static void add_alt(struct buf *b, const char *s)
{
	if (!s[0])
		return;
	if (b->len)
		buf_append_char(b, '|');
	for (; *s; s++) {
		if (strchr("\\^$.|?*+()[]{}", *s))
			buf_append_char(b, '\\');
		buf_append_char(b, *s);
	}
}

static pcre2_code *compile_alts(const char *alts)
{
	char *re = xasprintf("\\b(?:%s)\\b", alts);
	int err;
	PCRE2_SIZE off;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
				      PCRE2_UTF | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF, &err, &off,
				      NULL);
	free(re);
	if (c)
		pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	return c;
}

static struct naive naive_create(const char *roster_path)
{
	struct naive nv = {0};
	char **alts = NULL;
	size_t nalts = 0, cap = 0;
	struct problems p;
	problems_init(&p);
	struct roster *r = roster_load(roster_path, ROLE_PUPIL, &p);
	for (size_t i = 0; r && i < roster_count(r); i++) {
		const struct roster_person *rp = roster_person(r, i);
		const char *f = roster_field(r, rp, RF_FORENAME), *s = roster_field(r, rp, RF_SURNAME);
		grow_array((void **)&alts, &cap, nalts + 3, sizeof(*alts));
		alts[nalts++] = xasprintf("%s %s", f, s);
		alts[nalts++] = xstrdup(f);
		alts[nalts++] = xstrdup(s);
	}
	roster_destroy(r);
	size_t nfiles;
	int err;
	char **files = lexicon_list_dir(opt.lexicons, &nfiles, &err);
	for (size_t i = 0; i < nfiles; i++) {
		struct lexicon *l = lexicon_load(files[i], &p);
		for (size_t j = 0; l && j < lexicon_count(l); j++) {
			grow_array((void **)&alts, &cap, nalts + 1, sizeof(*alts));
			alts[nalts++] = xstrdup(lexicon_entry(l, j)->term);
		}
		lexicon_destroy(l);
	}
	lexicon_free_list(files, nfiles);
	problems_finish(&p);

	/* one alternation if PCRE2 takes it, else halves until each fits */
	for (size_t chunk = nalts; chunk >= 1; chunk /= 2) {
		bool ok = true;
		nv.n = 0;
		nv.codes = xrealloc(nv.codes, ((nalts + chunk - 1) / chunk) * sizeof(*nv.codes));
		for (size_t i = 0; i < nalts && ok; i += chunk) {
			struct buf b;
			buf_init(&b);
			for (size_t k = i; k < i + chunk && k < nalts; k++)
				add_alt(&b, alts[k]);
			pcre2_code *c = compile_alts(buf_cstr(&b));
			buf_finish(&b);
			if (!c)
				ok = false;
			else
				nv.codes[nv.n++] = c;
		}
		if (ok)
			break;
		for (size_t i = 0; i < nv.n; i++)
			pcre2_code_free(nv.codes[i]);
		nv.split = true;
	}
	nv.md = pcre2_match_data_create(4, NULL);
	for (size_t i = 0; i < nalts; i++)
		free(alts[i]);
	free(alts);
	return nv;
}

static size_t naive_scan(struct naive *nv, const char *text, size_t len)
{
	size_t hits = 0;
	for (size_t i = 0; i < nv->n; i++) {
		size_t at = 0;
		while (at < len && pcre2_match(nv->codes[i], (PCRE2_SPTR)text, len, at, 0, nv->md, NULL) >= 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(nv->md);
			hits++;
			at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
	}
	return hits;
}

static void naive_destroy(struct naive *nv)
{
	for (size_t i = 0; i < nv->n; i++)
		pcre2_code_free(nv->codes[i]);
	free(nv->codes);
	pcre2_match_data_free(nv->md);
}

/* Where the benchmark may run: saved at start, so that pin(-1) undoes a
 * pin to one CPU. */
static cpu_set_t all_cpus;

/* Round trips through a pipe wake the other process. On an idle CPU of a
 * virtual machine that can cost 40 us (the hypervisor must wake the CPU),
 * on the same CPU a few: the scheduler decides, and not the same way from
 * run to run. So pipe figures are taken twice, as the scheduler places the
 * two processes and with both on one CPU. */
static void pin(int cpu)
{
	cpu_set_t one;
	CPU_ZERO(&one);
	if (cpu >= 0)
		CPU_SET(cpu, &one);
	sched_setaffinity(0, sizeof(cpu_set_t), cpu >= 0 ? &one : &all_cpus);
}

struct child {
	pid_t pid;
	int to, from;
};

/* A host process with pipes, started with env set for one config, on the
 * CPUs the benchmark may use now. posix_spawn, not fork: fork copies the
 * page tables of the benchmark, which holds classifiers and a naive regex
 * of 20,000 names by the end, and its start-up figures would grow with
 * the benchmark rather than the host. */
static struct child spawn(const char *path, const char *arg)
{
	int in[2], out[2];
	if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC))
		abort();
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	char *argv[] = {(char *)path, (char *)arg, NULL};
	struct child c;
	if (posix_spawn(&c.pid, path, &fa, NULL, argv, environ) != 0) {
		fprintf(stderr, "prepost-bench: cannot start %s\n", path);
		exit(2);
	}
	posix_spawn_file_actions_destroy(&fa);
	close(in[0]);
	close(out[1]);
	c.to = in[1];
	c.from = out[0];
	return c;
}

/* One write for the length and the message, as Chrome and Firefox send a
 * message: a frame written in two parts wakes the host twice. */
static bool send_frame(int fd, const char *json, size_t n)
{
	uint32_t len = (uint32_t)n;
	struct iovec iov[2] = {{&len, 4}, {(void *)json, n}};
	size_t left = 4 + n;
	int idx = 0;
	while (left) {
		ssize_t k = writev(fd, iov + idx, 2 - idx);
		if (k <= 0)
			return false;
		left -= (size_t)k;
		while (idx < 2 && (size_t)k >= iov[idx].iov_len) {
			k -= (ssize_t)iov[idx].iov_len;
			idx++;
		}
		if (idx < 2) {
			iov[idx].iov_base = (char *)iov[idx].iov_base + k;
			iov[idx].iov_len -= (size_t)k;
		}
	}
	return true;
}

static bool read_frame(int fd, struct buf *b)
{
	uint32_t len;
	size_t got = 0;
	while (got < 4) {
		ssize_t k = read(fd, (char *)&len + got, 4 - got);
		if (k <= 0)
			return false;
		got += (size_t)k;
	}
	b->len = 0;
	buf_reserve(b, len);
	for (got = 0; got < len;) {
		ssize_t k = read(fd, b->data + got, len - got);
		if (k <= 0)
			return false;
		got += (size_t)k;
	}
	b->len = len;
	return true;
}

static void finish(struct child *c)
{
	close(c->to);
	close(c->from);
	int st;
	waitpid(c->pid, &st, 0);
}

static const char hello[] = "{\"type\":\"hello\",\"protocol\":1}";

/* A host started and past its hello, ready for checks. */
static struct child spawn_ready(const char *path, const char *arg)
{
	struct child c = spawn(path, arg);
	struct buf b;
	buf_init(&b);
	send_frame(c.to, hello, sizeof(hello) - 1);
	read_frame(c.from, &b);
	buf_finish(&b);
	return c;
}

static const char first_check[] = "{\"type\":\"check\",\"id\":1,\"text\":\"Well done today\"}";

/* Time from starting the program to reading its hello reply, or with
 * then_check, to the reply to a check sent straight after the hello (the
 * host may answer hello before it has finished loading). */
static double start_once(const char *path, const char *arg, bool then_check, struct buf *b)
{
	double t0 = now_ns();
	struct child c = spawn(path, arg);
	send_frame(c.to, hello, sizeof(hello) - 1);
	if (then_check)
		send_frame(c.to, first_check, sizeof(first_check) - 1);
	read_frame(c.from, b);
	if (then_check)
		read_frame(c.from, b);
	double ns = now_ns() - t0;
	finish(&c);
	return ns;
}

/* Start-up times of the host and, run by run in turn with it, of the
 * trivial host when asked: process start-up on a shared machine drifts by
 * half from minute to minute, and the ratio should compare like with like. */
static struct stats startup(const char *path, const char *arg, bool then_check,
			    struct stats *trivial)
{
	double *ns = xmalloc(startup_runs * sizeof(*ns));
	double *tr = xmalloc(startup_runs * sizeof(*tr));
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < startup_runs; i++) {
		if (trivial)
			tr[i] = start_once(opt.trivial, NULL, false, &b);
		ns[i] = start_once(path, arg, then_check, &b);
	}
	struct stats s = summarise(ns, startup_runs);
	if (trivial)
		*trivial = summarise(tr, startup_runs);
	free(ns);
	free(tr);
	buf_finish(&b);
	return s;
}

static long peak_rss_kb(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long kb = -1;
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

/* Times n round trips of one request on a running host. */
static struct stats round_trips(struct child *c, const char *text, size_t n)
{
	json_t *req = json_pack("{s:s,s:I,s:s}", "type", "check", "id", (json_int_t)1, "text", text);
	char *req_s = json_dumps(req, JSON_COMPACT);
	json_decref(req);
	struct buf reply;
	buf_init(&reply);
	double *rt = xmalloc(n * sizeof(double));
	for (size_t i = 0; i < n; i++) {
		double a = now_ns();
		send_frame(c->to, req_s, strlen(req_s));
		read_frame(c->from, &reply);
		rt[i] = now_ns() - a;
	}
	struct stats s = summarise(rt, n);
	free(rt);
	free(req_s);
	buf_finish(&reply);
	return s;
}

/* A host started for the purpose, and round trips with it and the
 * benchmark on one CPU. */
static struct stats round_trips_one_cpu(const char *path, const char *arg, const char *text,
					size_t n)
{
	pin(sched_getcpu());
	struct child c = spawn_ready(path, arg); /* which inherits the pin */
	struct stats s = round_trips(&c, text, n);
	finish(&c);
	pin(-1);
	return s;
}

static json_t *stats_json(struct stats s)
{
	return json_pack("{s:f,s:f,s:I}", "median_ns", s.median, "p99_ns", s.p99, "runs",
			 (json_int_t)s.runs);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"names", required_argument, NULL, 'n'}, {"host", required_argument, NULL, 'h'},
		{"trivial", required_argument, NULL, 't'}, {"lexicons", required_argument, NULL, 'l'},
		{"tweets", required_argument, NULL, 'w'}, {"peers", required_argument, NULL, 'p'},
		{"json", required_argument, NULL, 'j'}, {"quick", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	bool quick = false;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'n': opt.names = optarg; break;
		case 'h': opt.host = optarg; break;
		case 't': opt.trivial = optarg; break;
		case 'l': opt.lexicons = optarg; break;
		case 'w': opt.tweets = optarg; break;
		case 'p': opt.peers = optarg; break;
		case 'j': opt.json = optarg; break;
		case 'q': quick = true; break;
		default: return 2;
		}
	}
	if (!opt.names || !opt.host || !opt.trivial || !opt.lexicons) {
		fprintf(stderr, "usage: prepost-bench --names DIR --host PATH --trivial PATH "
				"--lexicons DIR [--tweets FILE] [--peers SCRIPT] [--json OUT] [--quick]\n");
		return 2;
	}
	if (quick) {
		/* a smoke run: the benchmark works, the figures mean little */
		for (size_t i = 0; i < 3; i++) {
			iterations[i] = iterations[i] / 100 + 2;
			pipe_iterations[i] = pipe_iterations[i] / 100 + 2;
		}
		startup_runs = 3;
	}
	signal(SIGPIPE, SIG_IGN);
	sched_getaffinity(0, sizeof(all_cpus), &all_cpus);

	size_t nb, ng, ns, npool = 0;
	char *p1 = xasprintf("%s/first_names_boys.txt", opt.names);
	char *p2 = xasprintf("%s/first_names_girls.txt", opt.names);
	char *p3 = xasprintf("%s/surnames.txt", opt.names);
	char **boys = read_lines(p1, &nb), **girls = read_lines(p2, &ng), **sur = read_lines(p3, &ns);
	free(p1);
	free(p2);
	free(p3);
	if (!boys || !girls || !sur) {
		fprintf(stderr, "prepost-bench: cannot read the name lists in %s\n", opt.names);
		return 2;
	}
	char **fore = xmalloc((nb + ng) * sizeof(*fore));
	memcpy(fore, boys, nb * sizeof(*fore));
	memcpy(fore + nb, girls, ng * sizeof(*fore));
	char **pool = opt.tweets ? read_lines(opt.tweets, &npool) : NULL;

	char dir[] = "/tmp/prepost-bench-XXXXXX";
	if (!mkdtemp(dir))
		abort();
	char *cache = xasprintf("%s/cache", dir);
	setenv("PREPOST_CACHE_DIR", cache, 1);
	setenv("PREPOST_LEXICONS", opt.lexicons, 1);
	setenv("PREPOST_SYSTEM_CONFIG", "/nonexistent", 1);

	/* the texts, with the first pupil's full name in each */
	char *name = xasprintf("%s %s", fore[11 % (nb + ng)], sur[5 % ns]);
	char *texts[3];
	for (size_t t = 0; t < 3; t++) {
		texts[t] = make_text(text_sizes[t], pool, npool, name);
		char *path = xasprintf("%s/%s.txt", dir, text_names[t]);
		FILE *f = fopen(path, "w");
		fputs(texts[t], f);
		fclose(f);
		free(path);
	}

	json_t *out = json_object();
	json_t *rows = json_array();
	json_object_set_new(out, "rosters", rows);

	/* what a round trip costs when the host does nothing at all */
	json_t *floor = json_object(), *floor1 = json_object();
	struct stats floors[3], floors1[3];
	{
		struct child echo = spawn(opt.trivial, NULL);
		for (size_t t = 0; t < 3; t++) {
			floors[t] = round_trips(&echo, texts[t], pipe_iterations[t]);
			json_object_set_new(floor, text_names[t], stats_json(floors[t]));
			floors1[t] = round_trips_one_cpu(opt.trivial, NULL, texts[t], pipe_iterations[t]);
			json_object_set_new(floor1, text_names[t], stats_json(floors1[t]));
		}
		finish(&echo);
	}
	json_object_set_new(out, "pipe_floor_trivial_host", floor);
	json_object_set_new(out, "pipe_floor_trivial_host_one_cpu", floor1);

	printf("prepost-bench%s: medians (99th percentiles) in microseconds\n\n", quick ? " --quick" : "");
	printf("the pipe itself (a host that parses nothing): tweet %.1f (%.1f), facebook %.1f "
	       "(%.1f), 1 MB %.1f (%.1f)\n", floors[0].median / 1e3, floors[0].p99 / 1e3,
	       floors[1].median / 1e3, floors[1].p99 / 1e3, floors[2].median / 1e3,
	       floors[2].p99 / 1e3);
	printf("  the same with both on one CPU: tweet %.1f (%.1f), facebook %.1f (%.1f), "
	       "1 MB %.1f (%.1f)\n\n", floors1[0].median / 1e3, floors1[0].p99 / 1e3,
	       floors1[1].median / 1e3, floors1[1].p99 / 1e3, floors1[2].median / 1e3,
	       floors1[2].p99 / 1e3);
	printf("%-7s %-9s %22s %22s %22s %22s\n", "pupils", "text", "in-process", "through the pipe",
	       "pipe, one CPU", "naive alternation");
	for (size_t r = 0; r < ARRAY_SIZE(roster_sizes); r++) {
		size_t pupils = roster_sizes[r];
		char *roster = xasprintf("%s/roster-%zu.csv", dir, pupils);
		write_roster(roster, pupils, fore, nb + ng, sur, ns);
		char *cfg = xasprintf("%s/config-%zu.json", dir, pupils);
		FILE *f = fopen(cfg, "w");
		fprintf(f, "{\"school\":{\"names\":[\"Oakfield Primary School\"]},\"rosters\":[\"%s\"]}",
			roster);
		fclose(f);
		setenv("PREPOST_CONFIG", cfg, 1);

		struct problems problems;
		problems_init(&problems);
		struct config *config = config_load(cfg, &problems);
		double t0 = now_ns();
		struct classifier *c = classifier_create(config, opt.lexicons, &problems);
		double build_ns = now_ns() - t0;
		struct naive nv = naive_create(roster);

		/* start-up to hello (the cache is warm after the load above) */
		struct stats trivial;
		struct stats start = startup(opt.host, "chrome-extension://bench/", false, &trivial);
		struct stats ready = startup(opt.host, "chrome-extension://bench/", true, NULL);

		/* one long pipe session for all texts, then its peak memory */
		struct child host = spawn_ready(opt.host, "chrome-extension://bench/");

		json_t *row = json_pack("{s:I,s:f,s:o,s:o,s:o,s:f}", "pupils", (json_int_t)pupils,
					"build_in_process_ns", build_ns, "startup", stats_json(start),
					"startup_to_first_check", stats_json(ready),
					"trivial_host_startup", stats_json(trivial), "startup_ratio",
					start.median / trivial.median);
		json_t *by_text = json_object();
		struct warnings w;
		warnings_init(&w);
		for (size_t t = 0; t < 3; t++) {
			size_t len = strlen(texts[t]);
			double *ns_in = xmalloc(iterations[t] * sizeof(double));
			for (size_t i = 0; i < iterations[t]; i++) {
				double a = now_ns();
				classifier_check(c, texts[t], len, &w);
				ns_in[i] = now_ns() - a;
			}
			struct stats in = summarise(ns_in, iterations[t]);
			size_t found = w.count;

			double *ns_nv = xmalloc(iterations[t] * sizeof(double));
			size_t nv_runs = t == 2 ? (quick ? 2 : 5) : iterations[t] / 4 + 1;
			for (size_t i = 0; i < nv_runs; i++) {
				double a = now_ns();
				naive_scan(&nv, texts[t], len);
				ns_nv[i] = now_ns() - a;
			}
			struct stats naive = summarise(ns_nv, nv_runs);

			struct stats piped = round_trips(&host, texts[t], pipe_iterations[t]);
			struct stats piped1 = round_trips_one_cpu(opt.host, "chrome-extension://bench/",
								  texts[t], pipe_iterations[t]);

			printf("%-7zu %-9s %10.1f (%9.1f) %10.1f (%9.1f) %10.1f (%9.1f) %10.1f (%9.1f)%s\n",
			       pupils, text_names[t], in.median / 1e3, in.p99 / 1e3, piped.median / 1e3,
			       piped.p99 / 1e3, piped1.median / 1e3, piped1.p99 / 1e3,
			       naive.median / 1e3, naive.p99 / 1e3, nv.split ? " split" : "");
			json_t *tj = json_pack("{s:I,s:I,s:o,s:o,s:o,s:o,s:b}", "bytes", (json_int_t)len,
					       "warnings", (json_int_t)found, "in_process", stats_json(in),
					       "pipe", stats_json(piped), "pipe_one_cpu", stats_json(piped1),
					       "naive", stats_json(naive), "naive_split", nv.split);
			if (t == 2)
				json_object_set_new(tj, "in_process_mb_per_s",
						    json_real((double)len / 1048576.0 / (in.median / 1e9)));
			json_object_set_new(by_text, text_names[t], tj);
			free(ns_in);
			free(ns_nv);
		}
		long rss = peak_rss_kb(host.pid);
		finish(&host);
		json_object_set_new(row, "texts", by_text);
		json_object_set_new(row, "host_peak_rss_kb", json_integer(rss));
		json_array_append_new(rows, row);
		printf("%-7zu start-up to hello %.2f ms (trivial host in turn with it %.2f ms, %.1fx), "
		       "to the first check's reply %.2f ms; build in-process %.1f ms; host peak RSS "
		       "%.1f MiB\n\n",
		       pupils, start.median / 1e6, trivial.median / 1e6, start.median / trivial.median,
		       ready.median / 1e6, build_ns / 1e6, rss / 1024.0);

		warnings_finish(&w);
		naive_destroy(&nv);
		classifier_destroy(c);
		config_destroy(config);
		problems_finish(&problems);
		free(roster);
		free(cfg);
	}

	/* the npm peers, on the same three texts */
	if (opt.peers) {
		char *cmd = xasprintf("node '%s' '%s'", opt.peers, dir);
		FILE *p = popen(cmd, "r");
		struct buf b;
		buf_init(&b);
		char chunk[4096];
		size_t k;
		while (p && (k = fread(chunk, 1, sizeof(chunk), p)) > 0)
			buf_append(&b, chunk, k);
		int st = p ? pclose(p) : -1;
		json_t *peers = st == 0 && b.len ? json_loadb(b.data, b.len, 0, NULL) : NULL;
		if (peers) {
			json_object_set_new(out, "peers", peers);
			printf("peers in-process (node %s), medians in microseconds, and prepost's "
			       "ratio with 20,000 pupils:\n", "v20+");
			json_t *big = json_array_get(rows, json_array_size(rows) - 1);
			const char *pname;
			json_t *pv;
			json_object_foreach(peers, pname, pv) {
				for (size_t t = 0; t < 3; t++) {
					json_t *s = json_object_get(pv, text_names[t]);
					double med = json_number_value(json_object_get(s, "median_ns"));
					json_t *mine = json_object_get(json_object_get(big, "texts"),
								       text_names[t]);
					double in = json_number_value(json_object_get(
						json_object_get(mine, "in_process"), "median_ns"));
					double pp = json_number_value(json_object_get(
						json_object_get(mine, "pipe"), "median_ns"));
					double pp1 = json_number_value(json_object_get(
						json_object_get(mine, "pipe_one_cpu"), "median_ns"));
					printf("  %-10s %-9s %12.1f   prepost in-process %.1fx faster, "
					       "through the pipe %.1fx (one CPU %.1fx)\n", pname,
					       text_names[t], med / 1e3, med / in, med / pp, med / pp1);
				}
			}
		} else {
			printf("peers: not run (node or its modules missing: run npm ci)\n");
		}
		buf_finish(&b);
		free(cmd);
	}
	if (opt.json) {
		if (json_dump_file(out, opt.json, JSON_INDENT(2)) != 0)
			fprintf(stderr, "prepost-bench: cannot write %s\n", opt.json);
		else
			printf("\nJSON: %s\n", opt.json);
	}
	json_decref(out);
	char *rm = xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		fprintf(stderr, "prepost-bench: could not remove %s\n", dir);
	free(rm);
	return 0;
}
