/* Requests are parsed with jansson (NUL allowed inside strings, so a text
 * with U+0000 is checked rather than refused); replies are built as jansson
 * objects and serialised into one reusable buffer. The warnings list is cut
 * before the reply would pass the 1 MiB frame limit.
 *
 * The plain check request the extension sends every time the user pauses
 * takes a faster road: request.c reads it without a tree, and write_result
 * writes the reply's bytes directly, the same bytes jansson's compact dump
 * of protocol_result() gives (fuzz-request and test-protocol compare the
 * two roads byte for byte). */
#include "protocol.h"

#include <stdint.h>
#include <string.h>

#include "framing.h"
#include "request.h"
#include "util.h"
#include "warning.h"

#ifndef PREPOST_VERSION
#define PREPOST_VERSION "0.0.0"
#endif

/* A label's three texts as jansson strings (see label_json). */
struct label_json {
	json_t *text[3]; /* message, advice, policy (may be NULL) */
	size_t dumped;   /* the three's length in the reply, quotes and escapes */
	/* for write_result: ,"message":...,"advice":...,"policy":...} as
	 * written, or NULL until first written */
	char *tail;
	size_t tail_len;
};

struct protocol {
	struct classifier *classifier;
	const struct problems *problems;
	struct warnings warnings;
	char *out;
	size_t out_cap;
	/* the fast reader's decoded strings, kept from check to check */
	struct buf scratch;
	bool fast_reader;
	/* write_result's reply */
	struct buf reply;
	/* label_json: each label's texts, NULL until first used */
	struct label_json *labels;
	size_t label_cap;
};

struct protocol *protocol_create(struct classifier *c, const struct problems *problems)
{
	struct protocol *p = xcalloc(1, sizeof(*p));
	p->classifier = c;
	p->problems = problems;
	warnings_init(&p->warnings);
	buf_init(&p->scratch);
	buf_init(&p->reply);
	p->fast_reader = true;
	return p;
}

void protocol_destroy(struct protocol *p)
{
	if (!p)
		return;
	warnings_finish(&p->warnings);
	for (size_t i = 0; i < p->label_cap; i++) {
		for (int j = 0; j < 3; j++)
			json_decref(p->labels[i].text[j]);
		free(p->labels[i].tail);
	}
	free(p->labels);
	/* both hold what the user wrote */
	if (p->scratch.data)
		wipe(p->scratch.data, p->scratch.cap);
	buf_finish(&p->scratch);
	if (p->reply.data)
		wipe(p->reply.data, p->reply.cap);
	buf_finish(&p->reply);
	free(p->out);
	free(p);
}

void utf16_cursor_init(struct utf16_cursor *c, const char *text)
{
	c->text = text;
	c->byte = 0;
	c->unit = 0;
	c->mark_byte = 0;
	c->mark_unit = 0;
}

size_t utf16_cursor_at(struct utf16_cursor *c, size_t byte)
{
	/* Lead bytes of 1-3 byte sequences are one unit; 4-byte sequences are
	 * a surrogate pair; continuation bytes add nothing. */
	const unsigned char *s = (const unsigned char *)c->text;
	if (byte < c->byte) {
		/* back: from the mark if it is no further, else from the start */
		if (byte < c->mark_byte)
			c->mark_byte = c->mark_unit = 0;
		c->byte = c->mark_byte;
		c->unit = c->mark_unit;
	}
	c->mark_byte = c->byte;
	c->mark_unit = c->unit;
	while (c->byte < byte) {
		/* eight ASCII bytes at a time: eight units */
		if (byte - c->byte >= 8) {
			uint64_t w;
			memcpy(&w, s + c->byte, 8);
			if (!(w & 0x8080808080808080ULL)) {
				c->byte += 8;
				c->unit += 8;
				continue;
			}
		}
		unsigned char b = s[c->byte++];
		if (b < 0x80 || (b >= 0xC0 && b < 0xF0))
			c->unit++;
		else if (b >= 0xF0)
			c->unit += 2;
	}
	return c->unit;
}

/* Serialises obj into p->out; returns NULL when it would pass the limit.
 * One pass when the buffer is already big enough, as it is after the first
 * few replies. */
static const char *serialise(struct protocol *p, json_t *obj, size_t *out_len)
{
	size_t n = json_dumpb(obj, p->out, p->out_cap, JSON_COMPACT);
	if (n == 0 || n > FRAME_MAX_OUT)
		return NULL;
	if (n + 1 > p->out_cap) {
		p->out = xrealloc(p->out, n + 1);
		p->out_cap = n + 1;
		json_dumpb(obj, p->out, n, JSON_COMPACT);
	}
	p->out[n] = '\0';
	*out_len = n;
	return p->out;
}

static json_t *error_object(json_t *id, const char *code, const char *message)
{
	json_t *e = json_object();
	json_object_set_new(e, "type", json_string("error"));
	if (id)
		json_object_set(e, "id", id);
	json_object_set_new(e, "code", json_string(code));
	json_object_set_new(e, "message", json_string(message));
	return e;
}

static const char *reply(struct protocol *p, json_t *obj, size_t *out_len)
{
	const char *s = serialise(p, obj, out_len);
	json_decref(obj);
	if (!s) {
		/* Cannot happen for the replies built here; still never send an
		 * oversized frame. */
		obj = error_object(NULL, "internal", "The reply was too large to send.");
		s = serialise(p, obj, out_len);
		json_decref(obj);
	}
	return s;
}

const char *protocol_error(struct protocol *p, const char *code, const char *message,
			   size_t *out_len)
{
	return reply(p, error_object(NULL, code, message), out_len);
}

json_t *protocol_hello(struct protocol *p)
{
	const struct classifier_stats *st = classifier_stats(p->classifier);
	json_t *h = json_object();
	json_object_set_new(h, "type", json_string("hello"));
	json_object_set_new(h, "protocol", json_integer(PROTOCOL_VERSION));
	json_object_set_new(h, "version", json_string(PREPOST_VERSION));

	json_t *cats = json_array();
	for (unsigned i = 0; i < CAT_COUNT; i++)
		json_array_append_new(cats, json_string(category_name((enum category)i)));
	json_object_set_new(h, "categories", cats);

	json_t *cfg = json_object();
	json_object_set_new(cfg, "path", st->config_path ? json_string(st->config_path)
							 : json_null());
	json_object_set_new(cfg, "source", json_string(st->config_source));
	json_object_set_new(cfg, "roster_names", json_integer((json_int_t)st->roster_names));
	json_object_set_new(cfg, "lexicon_terms", json_integer((json_int_t)st->lexicon_terms));
	json_object_set_new(cfg, "lexicon_files", json_integer((json_int_t)st->lexicon_files));
	json_object_set_new(cfg, "lexicon_dir", json_string(st->lexicon_dir));
	json_object_set_new(cfg, "word_model",
			    st->word_model ? json_string(st->word_model) : json_null());
	json_t *rosters = json_array();
	for (size_t i = 0; i < st->roster_count; i++) {
		const struct roster_info *ri = &st->rosters[i];
		json_t *r = json_object();
		json_object_set_new(r, "path", json_string(ri->path));
		json_object_set_new(r, "role", json_string(roster_role_name(ri->role)));
		json_object_set_new(r, "loaded", json_boolean(ri->loaded));
		json_object_set_new(r, "names", json_integer((json_int_t)ri->people));
		json_object_set_new(r, "skipped_rows", json_integer((json_int_t)ri->skipped));
		if (ri->encoding)
			json_object_set_new(r, "encoding", json_string(ri->encoding));
		json_array_append_new(rosters, r);
	}
	json_object_set_new(cfg, "rosters", rosters);
	json_object_set_new(h, "config", cfg);

	json_t *probs = json_array();
	for (size_t i = 0; i < p->problems->count; i++)
		json_array_append_new(probs, json_string(p->problems->items[i]));
	json_object_set_new(h, "problems", probs);
	return h;
}

/* A label's texts as jansson strings, made on first use and shared
 * by every warning that carries the label (a long draft can have
 * thousands): the reply then holds references, not copies. */
static struct label_json *label_json(struct protocol *p, unsigned label)
{
	if (label >= p->label_cap) {
		size_t old = p->label_cap;
		grow_array((void **)&p->labels, &p->label_cap, (size_t)label + 1, sizeof(*p->labels));
		memset(p->labels + old, 0, (p->label_cap - old) * sizeof(*p->labels));
	}
	struct label_json *lj = &p->labels[label];
	if (!lj->text[0]) {
		const struct label *l = classifier_label(p->classifier, label);
		const char *texts[3] = {l->message, l->advice, l->policy};
		for (int i = 0; i < 3; i++) {
			lj->text[i] = texts[i] ? json_string(texts[i]) : NULL;
			if (lj->text[i])
				lj->dumped += json_dumpb(lj->text[i], NULL, 0, JSON_ENCODE_ANY);
		}
	}
	return lj;
}

/* No less than a string's length in the reply: its quotes, and six bytes
 * (\uXXXX) for each control character. */
static size_t dumped_bound(const char *s, size_t len)
{
	size_t n = len + 2;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		n += c < 0x20 || c == 0x7F ? 5 : (c == '"' || c == '\\');
	}
	return n;
}

/* Whether the reply to the warnings just found could pass the frame limit.
 * Most replies are far below it whatever their warnings say: then nothing
 * needs measuring. The envelope, with the fields a cut adds, is under 100
 * bytes and the id (id_bound); a warning's keys, category, severity and
 * offsets under 160 and its texts. */
static bool may_pass_limit(struct protocol *p, size_t id_bound, const char *text)
{
	size_t bound = 100 + id_bound;
	for (size_t i = 0; i < p->warnings.count && bound <= FRAME_MAX_OUT; i++) {
		const struct warning *w = &p->warnings.items[i];
		bound += 160 + dumped_bound(text + w->start, w->end - w->start) +
			 label_json(p, w->label)->dumped;
	}
	return bound > FRAME_MAX_OUT;
}

static json_t *warning_object(struct protocol *p, const struct warning *w, const char *text,
			      struct utf16_cursor *cur)
{
	json_t **l = label_json(p, w->label)->text;
	json_t *o = json_object();
	json_object_set_new(o, "category", json_string(category_name((enum category)w->category)));
	json_object_set_new(o, "severity", json_string(severity_name((enum severity)w->severity)));
	json_object_set_new(o, "start", json_integer((json_int_t)utf16_cursor_at(cur, w->start)));
	json_object_set_new(o, "end", json_integer((json_int_t)utf16_cursor_at(cur, w->end)));
	json_object_set_new(o, "match", json_stringn(text + w->start, w->end - w->start));
	json_object_set(o, "message", l[0]);
	json_object_set(o, "advice", l[1]);
	if (l[2])
		json_object_set(o, "policy", l[2]);
	return o;
}

json_t *protocol_result(struct protocol *p, json_t *id, const char *text, size_t len)
{
	classifier_check(p->classifier, text, len, &p->warnings);

	json_t *r = json_object();
	json_object_set_new(r, "type", json_string("result"));
	if (id)
		json_object_set(r, "id", id);
	json_t *list = json_array();
	json_object_set_new(r, "warnings", list);

	size_t id_bound = json_is_string(id)
				  ? dumped_bound(json_string_value(id), json_string_length(id))
				  : 24;
	bool measure = may_pass_limit(p, id_bound, text);
	size_t used = 0;
	if (measure) {
		/* what the reply costs without warnings, with room for the
		 * fields a cut adds; then warnings go in while they fit */
		json_object_set_new(r, "truncated", json_true());
		json_object_set_new(r, "total", json_integer((json_int_t)p->warnings.count));
		used = json_dumpb(r, NULL, 0, JSON_COMPACT);
		json_object_del(r, "truncated");
		json_object_del(r, "total");
	}

	struct utf16_cursor cur;
	utf16_cursor_init(&cur, text);
	size_t kept = 0;
	for (; kept < p->warnings.count; kept++) {
		json_t *w = warning_object(p, &p->warnings.items[kept], text, &cur);
		if (measure) {
			size_t n = json_dumpb(w, NULL, 0, JSON_COMPACT) + 1; /* and a comma */
			if (used + n > FRAME_MAX_OUT) {
				json_decref(w);
				break;
			}
			used += n;
		}
		json_array_append_new(list, w);
	}
	if (kept < p->warnings.count) {
		json_object_set_new(r, "truncated", json_true());
		json_object_set_new(r, "total", json_integer((json_int_t)p->warnings.count));
	}
	return r;
}

/* A JSON string as jansson writes it: quotes, backslashes and control
 * characters escaped (\b \f \n \r \t, the rest as \u00XX), all else as is
 * (the text is valid UTF-8, checked when the request was read). */
static void put_string(struct buf *b, const char *s, size_t len)
{
	buf_append_char(b, '"');
	size_t from = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_append(b, s + from, i - from);
		from = i + 1;
		char e[7] = {'\\', 0};
		switch (c) {
		case '"': e[1] = '"'; break;
		case '\\': e[1] = '\\'; break;
		case '\b': e[1] = 'b'; break;
		case '\f': e[1] = 'f'; break;
		case '\n': e[1] = 'n'; break;
		case '\r': e[1] = 'r'; break;
		case '\t': e[1] = 't'; break;
		default: snprintf(e, sizeof(e), "\\u%04X", c); break;
		}
		buf_append(b, e, e[1] == 'u' ? 6 : 2);
	}
	buf_append(b, s + from, len - from);
	buf_append_char(b, '"');
}

static void put_integer(struct buf *b, long long v)
{
	char d[24];
	int n = snprintf(d, sizeof(d), "%lld", v);
	buf_append(b, d, (size_t)n);
}

/* A label's texts as write_result writes them after a warning's match. */
static const struct label_json *label_tail(struct protocol *p, unsigned label)
{
	struct label_json *lj = label_json(p, label);
	if (!lj->tail) {
		static const char *const keys[3] = {",\"message\":", ",\"advice\":", ",\"policy\":"};
		struct buf t;
		buf_init(&t);
		for (int i = 0; i < 3; i++) {
			if (!lj->text[i])
				continue;
			buf_append(&t, keys[i], strlen(keys[i]));
			put_string(&t, json_string_value(lj->text[i]), json_string_length(lj->text[i]));
		}
		buf_append_char(&t, '}');
		lj->tail_len = t.len;
		lj->tail = t.data;
	}
	return lj;
}

/* The bytes jansson's compact dump of protocol_result(p, id, text, len)
 * gives, written straight into p->reply: the same keys in the same order,
 * the same escapes, and the same cut near the frame limit. */
static const char *write_result(struct protocol *p, const struct check_request *cr,
				const char *s, size_t *out_len)
{
	const char *text = s + cr->text_offset;
	classifier_check(p->classifier, text, cr->text_len, &p->warnings);
	struct buf *b = &p->reply;
	b->len = 0;
	static const char head[] = "{\"type\":\"result\",\"id\":";
	buf_append(b, head, sizeof(head) - 1);
	if (cr->id_is_string)
		put_string(b, s + cr->id_offset, cr->id_len);
	else
		put_integer(b, (long long)cr->id_integer);
	static const char list[] = ",\"warnings\":[";
	buf_append(b, list, sizeof(list) - 1);

	/* as protocol_result: measure only when the reply could come near
	 * the limit, and then keep warnings while they fit */
	size_t count = p->warnings.count;
	size_t id_bound = cr->id_is_string ? dumped_bound(s + cr->id_offset, cr->id_len) : 24;
	bool measure = may_pass_limit(p, id_bound, text);
	static const char cut[] = ",\"truncated\":true,\"total\":";
	char total[24];
	int total_len = snprintf(total, sizeof(total), "%zu", count);
	/* the reply without warnings but with the fields a cut adds: ]...} */
	size_t used = b->len + 1 + (sizeof(cut) - 1) + (size_t)total_len + 1;

	struct utf16_cursor cur;
	utf16_cursor_init(&cur, text);
	size_t kept = 0;
	for (; kept < count; kept++) {
		const struct warning *w = &p->warnings.items[kept];
		size_t before = b->len;
		if (kept)
			buf_append_char(b, ',');
		size_t start = b->len;
		static const char cat[] = "{\"category\":\"", sev[] = "\",\"severity\":\"",
				  from[] = "\",\"start\":", to[] = ",\"end\":", match[] = ",\"match\":";
		const char *cname = category_name((enum category)w->category);
		const char *sname = severity_name((enum severity)w->severity);
		buf_append(b, cat, sizeof(cat) - 1);
		buf_append(b, cname, strlen(cname));
		buf_append(b, sev, sizeof(sev) - 1);
		buf_append(b, sname, strlen(sname));
		buf_append(b, from, sizeof(from) - 1);
		put_integer(b, (long long)utf16_cursor_at(&cur, w->start));
		buf_append(b, to, sizeof(to) - 1);
		put_integer(b, (long long)utf16_cursor_at(&cur, w->end));
		buf_append(b, match, sizeof(match) - 1);
		put_string(b, text + w->start, w->end - w->start);
		const struct label_json *lj = label_tail(p, w->label);
		buf_append(b, lj->tail, lj->tail_len);
		if (measure) {
			size_t n = b->len - start + 1; /* and a comma */
			if (used + n > FRAME_MAX_OUT) {
				b->len = before;
				break;
			}
			used += n;
		}
	}
	buf_append_char(b, ']');
	if (kept < count) {
		buf_append(b, cut, sizeof(cut) - 1);
		buf_append(b, total, (size_t)total_len);
	}
	buf_append_char(b, '}');
	if (b->len > FRAME_MAX_OUT)
		return NULL; /* cannot happen: the bound holds; jansson's road decides */
	*out_len = b->len;
	return buf_cstr(b);
}

static const char *json_problem(const json_error_t *err)
{
	switch (json_error_code(err)) {
	case json_error_invalid_utf8: return "invalid UTF-8";
	case json_error_premature_end_of_input: return "it ends too soon";
	case json_error_end_of_input_expected: return "extra data after the value";
	case json_error_null_character: return "a NUL byte";
	case json_error_invalid_syntax: return "invalid syntax";
	case json_error_invalid_format: return "invalid format";
	case json_error_out_of_memory: return "out of memory";
	case json_error_stack_overflow: return "nesting too deep";
	case json_error_numeric_overflow: return "a number too large";
	default: return "a parse error";
	}
}

static bool id_ok(json_t *id)
{
	if (json_is_integer(id) || json_is_real(id))
		return true;
	return json_is_string(id) && json_string_length(id) <= REQUEST_MAX_ID_BYTES;
}

void protocol_set_fast_reader(struct protocol *p, bool on)
{
	p->fast_reader = on;
}

/* A check in the plain form the extension sends, read without a tree. */
static const char *fast_check(struct protocol *p, const char *req, size_t len, size_t *out_len)
{
	struct check_request cr;
	if (!p->fast_reader || !request_read_check(req, len, &p->scratch, &cr))
		return NULL;
	return write_result(p, &cr, p->scratch.data, out_len);
}

const char *protocol_handle(struct protocol *p, const char *req, size_t len, size_t *out_len)
{
	const char *fast = fast_check(p, req, len, out_len);
	if (fast)
		return fast;
	json_error_t err;
	json_t *root = json_loadb(req, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &err);
	if (!root) {
		/* jansson's own text can quote the request; say where, not what. */
		char msg[160];
		snprintf(msg, sizeof(msg), "The request is not valid JSON: %s at byte %d.",
			 json_problem(&err), err.position);
		return reply(p, error_object(NULL, "bad_json", msg), out_len);
	}
	json_t *out;
	if (!json_is_object(root)) {
		out = error_object(NULL, "bad_request", "A request must be a JSON object.");
		goto done;
	}

	json_t *id = json_object_get(root, "id");
	if (id && !id_ok(id)) {
		out = error_object(NULL, "bad_request",
				   "'id' must be a number or a string of at most 256 bytes.");
		goto done;
	}
	json_t *type = json_object_get(root, "type");
	if (!json_is_string(type)) {
		out = error_object(id, "bad_request", "A request needs a 'type' string.");
		goto done;
	}

	const char *t = json_string_value(type);
	if (strcmp(t, "hello") == 0) {
		json_t *proto = json_object_get(root, "protocol");
		if (proto && !json_is_integer(proto)) {
			out = error_object(id, "bad_request", "'protocol' must be an integer.");
			goto done;
		}
		out = protocol_hello(p);
		if (id)
			json_object_set(out, "id", id);
	} else if (strcmp(t, "check") == 0) {
		json_t *text = json_object_get(root, "text");
		json_t *site = json_object_get(root, "site");
		if (!id)
			out = error_object(NULL, "bad_request", "A check needs an 'id'.");
		else if (!json_is_string(text))
			out = error_object(id, "bad_request", "A check needs 'text', a string.");
		else if (site && !json_is_string(site) && !json_is_null(site))
			out = error_object(id, "bad_request", "'site' must be a string.");
		else
			out = protocol_result(p, id, json_string_value(text),
					      json_string_length(text));
	} else {
		out = error_object(id, "unknown_type",
				   "Unknown request type; this host understands 'hello' and "
				   "'check' (protocol 1).");
	}

done:
	json_decref(root);
	return reply(p, out, out_len);
}
