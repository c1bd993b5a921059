/*
 * The command line: one table declares every option (its name, what it
 * takes, where its value goes and the help text), and produces getopt's
 * tables, the checks and --help.
 */
#ifndef SP_CLI_H
#define SP_CLI_H

#include <stdio.h>

#include "stackpick/gate.h"
#include "stackpick/render.h"
#include "stackpick/score.h"

/* What a run does besides scoring profiles; at most one. */
enum action {
	ACTION_SCORE,
	ACTION_INIT,
	ACTION_LIST_OPTIONS,
	ACTION_LIST_CRITERIA,
	ACTION_SHOW_MATRIX,
	ACTION_LIST_FORMATS,
	ACTION_VERSION,
	ACTION_INTERACTIVE,
	ACTION_HELP
};

struct config {
	const sp_format *format;
	int color;               /* 1, 0, or -1 for auto */
	const char *matrix_path;
	const char **weights;    /* --weight ID=N, in order */
	int nweights;
	sp_method method;
	int pretty;
	int quiet;
	const char *baseline_path;
	sp_gate_spec spec;
	enum action action;
	const char *action_opt;  /* the option that chose it, without "--" */
	const char *init_path;   /* --init=FILE */
	int force;
	int verbose;
	int no_input;
	const char *save;        /* --save FILE */
	const char *output;      /* --output FILE */
	int no_pager;
	int implicit_stdin;       /* no operand, but a profile is piped in */
	const char *criterion;   /* --list-criteria ID */
	int brief;
	int adr_style;           /* sp_adr_style, or -1 when not given */
	const char *adr_status;
	const char *adr_deciders;
	const char *adr_dir;     /* --adr-dir DIR */
	int adr_new;             /* --adr-new: find the directory */
	double supersedes;       /* --supersedes N */
	int has_supersedes;
	int no_charts;
	int group;               /* --group: the profiles are one group */
	int pairwise;            /* --pairwise: ask pairwise judgements */
};

/*
 * Reads the options in argv into cfg (which must hold room for argc
 * weights) and checks the operands after them.  Returns 0, or the exit
 * code of a usage error, which is already printed.
 */
int cli_parse(struct config *cfg, int argc, char **argv, int *first);

/* The directory of the installed guides (see docs/stackpick.1). */
const char *cli_docdir(void);

/* Prints the --help text. */
void cli_usage(sp_buf *b);

#endif
