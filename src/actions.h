/*
 * The front end's actions other than scoring: --version, --init,
 * --list-formats, --list-options, --list-criteria [ID], --show-matrix.
 */
#ifndef SP_ACTIONS_H
#define SP_ACTIONS_H

#include "stackpick/buf.h"
#include "stackpick/matrix.h"
#include "stackpick/render.h"
#include "cli.h"

/* The version and, with verbose, the libraries it runs with. */
void actions_version(sp_buf *b, int verbose);

/*
 * Does cfg's action against matrix m, appending what it prints to out
 * (ro holds the render options; --list-criteria ID sets ro->only).
 */
sp_status actions_run(sp_buf *out, const struct config *cfg,
    const sp_matrix *m, sp_render_opts *ro, sp_error *err);

/*
 * Checks --expect against m before any profile is read: 0, or the exit
 * code of the usage error it printed.
 */
int actions_check_expect(const struct config *cfg, const sp_matrix *m);

#endif
