/*
 * Architecture decision records: the record a report becomes (its title,
 * number, status, date and the record it supersedes), and the ADR
 * directory it is written into, the way adr-tools, log4brains and MADR
 * lay theirs out.  Records are named NNNN-slug.md: the next number after
 * the highest one in the directory, zero-padded to four digits, and the
 * title slugged as adr-tools does.  See docs/adr.md.
 */
#ifndef SP_ADR_H
#define SP_ADR_H

#include "stackpick/buf.h"
#include "stackpick/error.h"
#include "stackpick/gate.h"
#include "stackpick/report.h"

/* Highest record number accepted in an ADR directory. */
#define SP_ADR_NUMBER_MAX 9999

typedef enum {
	SP_ADR_MADR,       /* MADR 4.0.0, the default */
	SP_ADR_NYGARD,     /* adr-tools' template */
	SP_ADR_LOG4BRAINS, /* MADR with log4brains' bullet metadata */
	SP_ADR_NSTYLES
} sp_adr_style;

/*
 * What the record says besides the report: how it is laid out, its
 * metadata, and what re-checks it.  The caller fills the options; the
 * numbers and names of records come from sp_adr_plan().
 */
typedef struct sp_adr {
	sp_adr_style style;
	const char *status;         /* "proposed", "accepted", ... */
	const char *deciders;       /* decision-makers, or NULL */
	char date[16];              /* YYYY-MM-DD */
	const char *matrix_path;    /* --matrix, or NULL for the built-in */
	const char *baseline_path;  /* --baseline, or NULL */
	const sp_gate_spec *spec;   /* the gates asked for, or NULL */

	int number;                 /* this record's number; 0: none */
	sp_buf file;                /* its file name in the directory */
	int supersedes;             /* the record it replaces; 0: none */
	sp_buf old_title;           /* that record's title, as adr-tools
	                               reads it ("1. Use X") */
	sp_buf old_file;            /* and its file name */
} sp_adr;

/* Sets a to the defaults (MADR, proposed, today) and empty buffers. */
void sp_adr_init(sp_adr *a);

/* Releases a's buffers. */
void sp_adr_free(sp_adr *a);

/* The style named name ("madr", "nygard", "log4brains"), or -1. */
int sp_adr_style_parse(const char *name);

const char *sp_adr_style_name(sp_adr_style s);

/*
 * Writes the record's date into a->date: SOURCE_DATE_EPOCH when it is
 * set (reproducible builds), else today, both in UTC.  Fails with
 * SP_EUSAGE when SOURCE_DATE_EPOCH is not a number of seconds.
 */
sp_status sp_adr_set_date(sp_adr *a, sp_error *err);

/* Appends the record's title for rep: "Backend stack for NAME". */
void sp_adr_title(sp_buf *b, const sp_report *rep);

/*
 * Appends title slugged as adr-tools does: every run of characters that
 * are not ASCII letters or digits becomes one '-', letters go lower-case,
 * and '-' is trimmed from both ends.
 */
void sp_adr_slug(sp_buf *b, const char *title);

/*
 * Appends the command that re-checks the decision in CI: stackpick with
 * --quiet, --expect and the other gates asked for, the matrix, method and
 * --weight settings that produced rep, and its input, each word quoted
 * for a POSIX shell when it needs it.
 */
void sp_adr_confirmation(sp_buf *b, const sp_report *rep, const sp_adr *a);

/*
 * Finds the ADR directory the way the tools do, searching from the
 * current directory upwards: a .adr-dir file (adr-tools, its content
 * relative to where it lies) or a doc/adr directory (adr-tools, nygard
 * style), a .log4brains.yml (its project.adrFolder, log4brains style),
 * else docs/decisions (MADR).  Appends the directory to dir and sets
 * *style to the style it implies.
 */
sp_status sp_adr_find_dir(sp_buf *dir, sp_adr_style *style, sp_error *err);

/*
 * Plans the next record for rep in dir: a->number becomes one more than
 * the highest NNNN-*.md in dir (1 when there is none, or dir does not
 * exist yet), a->file its file name, and when a->supersedes is set,
 * a->old_file and a->old_title name that record.  Fails with SP_EDATA
 * when the record to supersede is not there, or the numbers run out.
 */
sp_status sp_adr_plan(sp_adr *a, const char *dir, const sp_report *rep,
    sp_error *err);

/*
 * The number of the newest record in dir whose file name ends in the
 * slug of rep's title, or 0 when there is none.
 */
int sp_adr_lookup(const char *dir, const sp_report *rep);

/*
 * The record number a JSON result in the file at path (as --format json
 * printed it, one result or JSON Lines of several) recorded for input in
 * its "record" object; 0 when it recorded none.
 */
sp_status sp_adr_baseline_number(int *number, const char *path,
    const char *input, sp_error *err);

/*
 * Writes len bytes of text as the record a->file in dir (created when
 * missing), atomically and never over an existing file.  For the nygard
 * style, when the record supersedes another, that record's status is then
 * edited as "adr new -s" does: a "Superseded by [N. Title](file)" line in
 * its Status section, in place of "Accepted".  Appends the path written
 * to path.
 */
sp_status sp_adr_write(sp_buf *path, const sp_adr *a, const char *dir,
    const char *title, const char *text, size_t len, sp_error *err);

#endif
