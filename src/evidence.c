/*
 * Evidence behind ratings (see stackpick/evidence.h): dates, horizons,
 * what is stale and what disagrees, and the decoding of a rating's
 * evidence entries.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "stackpick/evidence.h"
#include "internal.h"
#include "evidence_dec.h"

#define STR_(x) #x
#define STR(x) STR_(x)

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Reads exactly n digits at s into *out. */
static int
digits(const char *s, int n, int *out)
{
	int i;

	*out = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		*out = *out * 10 + (s[i] - '0');
	}
	return 0;
}

int
sp_date_parse(const char *s, sp_date *out)
{
	size_t len = strlen(s);

	memset(out, 0, sizeof(*out));
	if ((len != 4 && len != 7 && len != 10) ||
	    digits(s, 4, &out->year) != 0 || out->year < 1900)
		return -1;
	if (len >= 7 && (s[4] != '-' || digits(s + 5, 2, &out->month) != 0 ||
	    out->month < 1 || out->month > 12))
		return -1;
	if (len == 10 && (s[7] != '-' || digits(s + 8, 2, &out->day) != 0 ||
	    out->day < 1 || out->day > month_days(out->year, out->month)))
		return -1;
	return 0;
}

void
sp_date_format(char *buf, size_t size, sp_date d)
{
	if (d.month == 0)
		snprintf(buf, size, "%04d", d.year);
	else if (d.day == 0)
		snprintf(buf, size, "%04d-%02d", d.year, d.month);
	else
		snprintf(buf, size, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian calendar). */
static long
civil_days(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long
sp_date_days(sp_date d)
{
	int m = d.month > 0 ? d.month : 12;
	int day = d.day > 0 ? d.day : month_days(d.year, m);

	return civil_days(d.year, m, day);
}

int
sp_date_cmp(sp_date a, sp_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	return (a.day > b.day) - (a.day < b.day);
}

sp_date
sp_date_of_days(long z)
{
	sp_date d;
	long era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(y + (d.month <= 2));
	return d;
}

int
sp_horizon_parse(const char *s, sp_horizon *out, const char **why)
{
	long n = 0, max;
	const char *p = s;

	*why = "expected a whole number followed by y, m or d, such as 3y, "
	    "18m or 90d";
	if (*p < '1' || *p > '9')
		return -1;
	while (isdigit((unsigned char)*p) && n <= 100000)
		n = n * 10 + (*p++ - '0');
	if ((*p != 'y' && *p != 'm' && *p != 'd') || p[1] != '\0')
		return -1;
	max = *p == 'y' ? SP_MAX_STALE_YEARS : *p == 'm' ?
	    SP_MAX_STALE_YEARS * 12 : SP_MAX_STALE_YEARS * 365;
	if (n > max) {
		*why = "longer than " STR(SP_MAX_STALE_YEARS) " years";
		return -1;
	}
	out->n = (int)n;
	out->unit = *p;
	return 0;
}

sp_horizon
sp_evidence_horizon(const sp_evidence *e, const sp_matrix *m)
{
	return e->stale_after.unit != 0 ? e->stale_after : m->stale_after;
}

int
sp_evidence_stale(const sp_evidence *e, const sp_matrix *m, long today)
{
	sp_horizon h = sp_evidence_horizon(e, m);
	sp_date end = sp_date_of_days(sp_date_days(e->date));
	long limit;
	int months;

	if (h.unit == 0)
		return 0;
	if (h.unit == 'd') {
		limit = sp_date_days(end) + h.n;
	} else {
		months = end.month - 1 + (h.unit == 'y' ? 12 * h.n : h.n);
		end.year += months / 12;
		end.month = months % 12 + 1;
		if (end.day > month_days(end.year, end.month))
			end.day = month_days(end.year, end.month);
		limit = sp_date_days(end);
	}
	return today > limit;
}

int
sp_evidence_disagree(const sp_criterion *cr, int *a, int *b)
{
	int i, first = -1;

	for (i = 0; i < cr->nevidence; i++) {
		if (cr->evidence[i].favours < 0)
			continue;
		if (first < 0) {
			first = i;
		} else if (cr->evidence[i].favours !=
		    cr->evidence[first].favours) {
			int older = sp_date_cmp(cr->evidence[i].date,
			    cr->evidence[first].date) < 0;

			*a = older ? i : first;
			*b = older ? first : i;
			return 1;
		}
	}
	return 0;
}

sp_status
evidence_count(const sp_dec *d, const sp_node *map, int *out)
{
	const sp_node *k, *n;

	*out = 0;
	for (k = map->first; k != NULL; k = k->next) {
		if (k->value->type != SP_NODE_MAP ||
		    (n = sp_node_get(k->value, "evidence")) == NULL)
			continue;
		TRY(dec_seq(d, n, "evidence"));
		*out += (int)n->count;
		if (*out > SP_MAX_EVIDENCE)
			return dec_fail(d, n, "evidence: a criterion's ratings "
			    "carry at most %d entries", SP_MAX_EVIDENCE);
	}
	return SP_OK;
}

sp_status
horizon_load(const sp_dec *d, const sp_node *n, sp_horizon *out)
{
	const char *s, *why;

	TRY(dec_str(d, n, "stale_after", &s));
	if (sp_horizon_parse(s, out, &why) != 0)
		return dec_fail(d, n, "stale_after: '%s': %s", s, why);
	return SP_OK;
}

/* Whether s is an http or https URL with a host and no blanks. */
static int
url_ok(const char *s)
{
	const char *p = s, *host;

	if (strncmp(p, "https://", 8) == 0)
		p += 8;
	else if (strncmp(p, "http://", 7) == 0)
		p += 7;
	else
		return 0;
	for (host = p; isalnum((unsigned char)*p) || *p == '.' || *p == '-';
	    p++)
		;
	if (p == host || host[0] == '.' || p[-1] == '.' ||
	    (*p != '\0' && *p != '/' && *p != ':' && *p != '?' && *p != '#'))
		return 0;
	for (; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
			return 0;
	return 1;
}

static sp_status
text(const sp_dec *d, const sp_node *map, const char *key, int required,
    const char **out)
{
	const sp_node *n = sp_node_get(map, key);

	*out = NULL;
	if (n == NULL)
		return required ? dec_fail(d, map, "evidence: missing required "
		    "key '%s'", key) : SP_OK;
	TRY(dec_str(d, n, key, out));
	if (n->len == 0)
		return dec_fail(d, n, "%s: empty", key);
	return dec_clean(d, n, key, 0);
}

static sp_status
load_source(const sp_dec *d, const sp_node *n, sp_evidence *e)
{
	static const char *const keys[] = { "title", "url", "date" };
	const sp_node *v;
	const char *s;

	TRY(dec_map(d, n, "source"));
	TRY(dec_keys(d, n, "source", keys, 3));
	TRY(text(d, n, "title", 1, &e->title));
	TRY(text(d, n, "url", 0, &e->url));
	if (e->url != NULL && !url_ok(e->url))
		return dec_fail(d, sp_node_get(n, "url"), "url: '%s' is not an "
		    "http or https URL", e->url);
	if ((v = sp_node_get(n, "date")) == NULL)
		return dec_fail(d, n, "source: missing required key 'date'");
	TRY(dec_str(d, v, "date", &s));
	if (sp_date_parse(s, &e->date) != 0)
		return dec_fail(d, v, "date: '%s' is not an ISO date "
		    "(YYYY, YYYY-MM or YYYY-MM-DD)", s);
	return SP_OK;
}

/* The option an entry favours, with a suggestion for a typo. */
static sp_status
load_favours(const sp_dec *d, const sp_node *n, const sp_matrix *m,
    int *out)
{
	const char *ids[SP_MAX_OPTIONS], *s;
	char hint[96];
	int i;

	TRY(dec_str(d, n, "favours", &s));
	if ((*out = sp_matrix_option(m, s)) >= 0)
		return SP_OK;
	for (i = 0; i < m->noptions; i++)
		ids[i] = m->options[i].id;
	dec_hint(hint, sizeof(hint), s, ids, m->noptions);
	return dec_fail(d, n, "favours: unknown option '%s'%s", s, hint);
}

static sp_status
load_entry(const sp_dec *d, const sp_matrix *m, const sp_node *n,
    sp_evidence *e)
{
	static const char *const keys[] = { "claim", "source", "figure",
		"favours", "opinion", "stale_after" };
	const sp_node *v;

	TRY(dec_map(d, n, "evidence"));
	TRY(dec_keys(d, n, "evidence", keys, 6));
	TRY(text(d, n, "claim", 1, &e->claim));
	TRY(text(d, n, "figure", 0, &e->figure));
	if ((v = sp_node_get(n, "source")) == NULL)
		return dec_fail(d, n, "evidence: missing required key "
		    "'source'");
	TRY(load_source(d, v, e));
	e->favours = -1;
	if ((v = sp_node_get(n, "favours")) != NULL)
		TRY(load_favours(d, v, m, &e->favours));
	if ((v = sp_node_get(n, "opinion")) != NULL)
		TRY(dec_bool(d, v, "opinion", &e->opinion));
	if (e->opinion && e->figure != NULL)
		return dec_fail(d, v, "opinion: an entry with a figure is not "
		    "an opinion");
	if ((v = sp_node_get(n, "stale_after")) != NULL)
		TRY(horizon_load(d, v, &e->stale_after));
	return SP_OK;
}

sp_status
evidence_load(const sp_dec *d, sp_matrix *m, sp_criterion *cr, int option,
    const sp_node *seq)
{
	const sp_node *n;

	TRY(dec_seq(d, seq, "evidence"));
	for (n = seq->first; n != NULL; n = n->next) {
		sp_evidence *e = &cr->evidence[cr->nevidence];

		e->option = option;
		TRY(load_entry(d, m, n, e));
		cr->nevidence++;
	}
	return SP_OK;
}
