/*
 * The sections of the Markdown and HTML reports, walked once for both.
 * A format describes its markup in one sp_markup: the text around each
 * kind of block (headings, paragraphs, lists, tables and their cells),
 * the escaper for labels, values and file names, the parts of the report
 * it shows and how it draws charts.  markup_render() walks the report
 * model section by section and writes each through that description, so
 * each renderer only says how its format marks text up.
 */
#ifndef SP_MARKUP_H
#define SP_MARKUP_H

#include "stackpick/render.h"

/*
 * Parts of the report a format may show.  The headline, how sure, the
 * reasons, the criteria, the advice, notes and gates are in every view
 * that walks the sections; these are shown only where a format says so.
 */
enum {
	MARKUP_GROUP = 1 << 0,         /* the group, where it disagrees */
	MARKUP_MUSTS = 1 << 1,         /* the musts, what they screen out */
	MARKUP_SOURCES = 1 << 2,       /* the doubt in weights and ratings */
	MARKUP_VALUE_FLIPS = 1 << 3,   /* values that change the verdict */
	MARKUP_NO_FLIPS = 1 << 4,      /* what it means that nothing flips */
	MARKUP_FLIPS_CAPTION = 1 << 5, /* a caption on the flips table */
	MARKUP_EVIDENCE = 1 << 6,      /* stale or disagreeing evidence */
	MARKUP_RANKS = 1 << 7,         /* rank acceptability */
	MARKUP_NO_REASONS = 1 << 8,    /* "Nothing" for a runner-up with no
	                                  reason on its side */
	MARKUP_MEASURED = 1 << 9,      /* raw values below the criteria */
	MARKUP_PAIRWISE = 1 << 10,     /* the pairwise judgements */
	MARKUP_CHARTS = 1 << 11        /* the charts, unless --no-charts */
};

/* Kinds of paragraph: plain, the verdict, a note on a table. */
enum { MARKUP_P, MARKUP_P_VERDICT, MARKUP_P_NOTE, MARKUP_NPARAS };

/* Kinds of list: bullets, a checklist. */
enum { MARKUP_UL, MARKUP_UL_CHECK, MARKUP_NLISTS };

/*
 * Kinds of table cell: a column's title (text or numbers below it), a
 * row's title, text, a number, a failure.
 */
enum {
	MARKUP_TH, MARKUP_TH_NUM, MARKUP_TH_ROW, MARKUP_TD, MARKUP_TD_NUM,
	MARKUP_TD_FAIL, MARKUP_NCELLS
};

/* Table rows: the titles, the body, a last row that adds up. */
enum { MARKUP_HEAD, MARKUP_BODY, MARKUP_FOOT, MARKUP_NROWS };

/*
 * What a format writes around each block.  Pairs are what comes before
 * and after the block's content.  Text from the matrix, the profile or a
 * file name goes through put; the fixed words between are written as
 * they are.
 */
typedef struct {
	sp_put_fn *put;
	unsigned parts;                   /* MARKUP_* parts shown */
	const char *h1[2];                /* the report's title */
	const char *section[2];           /* a section, its heading first */
	const char *h2[2];                /* a section's heading */
	const char *p[MARKUP_NPARAS][2];
	const char *sentence;             /* between two sentences */
	const char *ul[MARKUP_NLISTS][2];
	const char *li[MARKUP_NLISTS][2];
	const char *strong[2];
	const char *code[2];
	const char *table;                /* before a table */
	const char *caption[2];
	const char *row[MARKUP_NROWS][2];
	const char *cell[MARKUP_NCELLS][2];
	const char *rule[2];              /* a column's alignment, left and
	                                     right, after the titles' row */
	const char *rule_end;             /* after the alignments */
	const char *table_end[2];         /* after a body, after a foot */
	const char *total[2];             /* a total in the foot */
	const char *times;                /* the multiplication sign */
	const char *apostrophe;
	void (*charts)(sp_buf *b, const sp_report *rep);
} sp_markup;

/*
 * Appends rep to b, section by section, marked up as mk says (and without
 * charts when opts asks).  Returns 0, or SP_ENOMEM when b ran out of
 * memory.
 */
sp_status markup_render(sp_buf *b, const sp_report *rep,
    const sp_markup *mk, const sp_render_opts *opts);

#endif
