/*
 * Architecture decision records on the command line: the options become
 * an sp_adr, each report is planned into the ADR directory, and with
 * --format adr and a directory, rendered and written there.
 */
#ifndef SP_RECORD_H
#define SP_RECORD_H

#include "stackpick/adr.h"
#include "stackpick/render.h"
#include "cli.h"

struct record {
	int active;     /* --format adr, or json naming a record */
	int write;      /* --format adr into a directory */
	sp_adr adr;
	sp_buf dir;     /* the ADR directory; empty: none */
};

/*
 * Sets rec up from cfg: style, status, date and directory.  Returns 0, or
 * the exit code of an error, which is already printed.  rec is released
 * with record_free() either way.
 */
int record_setup(struct record *rec, const struct config *cfg);

void record_free(struct record *rec);

/*
 * Plans the record of rep, read from input: for --format adr, the next
 * number in the directory and the record it supersedes (--supersedes, or
 * the one the --baseline result names); for JSON, the newest record in
 * the directory with rep's title.
 */
sp_status record_plan(struct record *rec, const struct config *cfg,
    const sp_report *rep, sp_error *err);

/*
 * Renders rep as the planned record and writes it into the directory,
 * then appends the path written, and a newline, to out.
 */
sp_status record_write(struct record *rec, sp_buf *out,
    const sp_report *rep, const sp_render_opts *ro, sp_error *err);

#endif
