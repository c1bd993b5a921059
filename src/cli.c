/*
 * The option table and everything made from it: getopt_long's tables,
 * the value checks, "did you mean" for a mistyped option, and --help.
 */
#include <getopt.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stackpick/adr.h"
#include "cli.h"
#include "decode.h"
#include "internal.h"
#include "msg.h"

#ifndef SP_DOCDIR
#define SP_DOCDIR "share/doc/stackpick"
#endif
#ifndef SP_DOCDIR_REL
#define SP_DOCDIR_REL "share/doc/stackpick"
#endif
#ifndef SP_BINDIR_REL
#define SP_BINDIR_REL "bin"
#endif
#ifndef SP_BUGREPORT
#define SP_BUGREPORT "the stackpick maintainers <stackpick@localhost>"
#endif

/* Help text: option names up to HELP_LEFT columns, lines up to 80. */
#define HELP_LEFT 24
#define HELP_WIDTH 80

/* What an option does with its value. */
enum kind {
	K_FLAG,    /* sets an int to 1 */
	K_STRING,  /* keeps the value */
	K_LIST,    /* appends the value to the --weight list */
	K_NUMBER,  /* a plain decimal number within [min, max] */
	K_CHOICE,  /* a value its function checks */
	K_ACTION   /* chooses what the run does */
};

struct optdef {
	const char *name;
	int key;               /* short option, or 0 */
	int has_arg;
	const char *arg;       /* in --help */
	const char *help;
	enum kind kind;
	size_t off;            /* K_FLAG, K_STRING, K_NUMBER: the field */
	size_t set_off;        /* K_NUMBER: the int saying it was given */
	double min, max;       /* K_NUMBER */
	int (*choose)(struct config *, const char *); /* K_CHOICE */
	enum action action;    /* K_ACTION */
};

#define FIELD(f) offsetof(struct config, f)

static int choose_format(struct config *, const char *);
static int choose_method(struct config *, const char *);
static int choose_color(struct config *, const char *);
static int choose_adr_style(struct config *, const char *);

static const struct optdef optdefs[] = {
	{ "format", 'f', required_argument, "FORMAT", "output format: one of "
	    "--list-formats (text by default)", K_CHOICE, 0, 0, 0, 0,
	    choose_format, 0 },
	{ "pretty", 0, no_argument, NULL, "indent JSON output for people",
	    K_FLAG, FIELD(pretty), 0, 0, 0, NULL, 0 },
	{ "no-charts", 0, no_argument, NULL, "leave the charts out of the "
	    "Markdown and HTML reports", K_FLAG, FIELD(no_charts), 0, 0, 0,
	    NULL, 0 },
	{ "quiet", 'q', no_argument, NULL, "print no report: only errors and "
	    "the exit code", K_FLAG, FIELD(quiet), 0, 0, 0, NULL, 0 },
	{ "matrix", 'm', required_argument, "FILE", "score against this "
	    "matrix instead of the built-in one", K_STRING,
	    FIELD(matrix_path), 0, 0, 0, NULL, 0 },
	{ "weight", 'w', required_argument, "ID=N", "set criterion ID's "
	    "weight to N (0-10); repeatable", K_LIST, 0, 0, 0, 0, NULL, 0 },
	{ "method", 0, required_argument, "METHOD", "rank with wsm (default), "
	    "wpm or topsis", K_CHOICE, 0, 0, 0, 0, choose_method, 0 },
	{ "expect", 0, required_argument, "OPTION", "gate: exit 1 unless "
	    "OPTION (an id or alias) is recommended", K_STRING,
	    FIELD(spec.expect), 0, 0, 0, NULL, 0 },
	{ "min-margin", 0, required_argument, "X", "gate: exit 1 when the "
	    "winner's margin is below X points of the rating scale",
	    K_NUMBER, FIELD(spec.min_margin), FIELD(spec.has_min_margin), 0,
	    1e300, NULL, 0 },
	{ "min-confidence", 0, required_argument, "X", "gate: exit 1 unless "
	    "the confidence is at least X (0-1)", K_NUMBER,
	    FIELD(spec.min_confidence), FIELD(spec.has_min_confidence), 0, 1,
	    NULL, 0 },
	{ "baseline", 0, required_argument, "FILE", "gate: exit 1 when the "
	    "recommendation differs from FILE's, a JSON result saved earlier",
	    K_STRING, FIELD(baseline_path), 0, 0, 0, NULL, 0 },
	{ "brief", 0, no_argument, NULL, "print the summary only: the verdict, "
	    "its reasons, how sure it is and the caveats", K_FLAG,
	    FIELD(brief), 0, 0, 0, NULL, 0 },
	{ "output", 'o', required_argument, "FILE", "write the reports to FILE "
	    "(replaced whole, and only when every profile was read)",
	    K_STRING, FIELD(output), 0, 0, 0, NULL, 0 },
	{ "no-pager", 0, no_argument, NULL, "never page the output on a "
	    "terminal", K_FLAG, FIELD(no_pager), 0, 0, 0, NULL, 0 },
	{ "adr-style", 0, required_argument, "STYLE", "with --format adr: "
	    "madr (default), nygard (adr-tools) or log4brains", K_CHOICE, 0, 0,
	    0, 0, choose_adr_style, 0 },
	{ "adr-status", 0, required_argument, "STATUS", "the record's status "
	    "(proposed by default, accepted, ...)", K_STRING,
	    FIELD(adr_status), 0, 0, 0, NULL, 0 },
	{ "adr-deciders", 0, required_argument, "NAMES", "who made the "
	    "decision, for the record's metadata", K_STRING,
	    FIELD(adr_deciders), 0, 0, 0, NULL, 0 },
	{ "adr-dir", 0, required_argument, "DIR", "write the record into DIR "
	    "as the next NNNN-title.md; with --format json, name the record "
	    "there", K_STRING, FIELD(adr_dir), 0, 0, 0, NULL, 0 },
	{ "adr-new", 0, no_argument, NULL, "as --adr-dir, in the ADR "
	    "directory that adr-tools, log4brains or MADR would use",
	    K_FLAG, FIELD(adr_new), 0, 0, 0, NULL, 0 },
	{ "supersedes", 0, required_argument, "N", "the record supersedes "
	    "record N (by default, the one --baseline names)", K_NUMBER,
	    FIELD(supersedes), FIELD(has_supersedes), 1, 9999, NULL, 0 },
	{ "color", 0, required_argument, "WHEN", "colour the text report: "
	    "auto (default), always, never", K_CHOICE, 0, 0, 0, 0,
	    choose_color, 0 },
	{ "init", 0, optional_argument, "[FILE]", "write a commented starter "
	    "profile to FILE (stdout without one) and exit", K_ACTION,
	    FIELD(init_path), 0, 0, 0, NULL, ACTION_INIT },
	{ "force", 0, no_argument, NULL, "let --init, or saving the answers, "
	    "replace a file that already exists", K_FLAG, FIELD(force), 0, 0,
	    0, NULL, 0 },
	{ "interactive", 'i', no_argument, NULL, "ask questions to build the "
	    "profile (PROFILE, if given, holds the defaults)", K_ACTION, 0, 0,
	    0, 0, NULL, ACTION_INTERACTIVE },
	{ "save", 0, required_argument, "FILE", "save the answers as a "
	    "profile in FILE", K_STRING, FIELD(save), 0, 0, 0, NULL, 0 },
	{ "no-input", 0, no_argument, NULL, "never ask questions, even on a "
	    "terminal", K_FLAG, FIELD(no_input), 0, 0, 0, NULL, 0 },
	{ "group", 0, no_argument, NULL, "score the profiles as one group's "
	    "decision (or one group file listing members)", K_FLAG,
	    FIELD(group), 0, 0, 0, NULL, 0 },
	{ "pairwise", 0, no_argument, NULL, "with --interactive, also ask how "
	    "the heaviest criteria compare, two at a time", K_FLAG,
	    FIELD(pairwise), 0, 0, 0, NULL, 0 },
	{ "list-options", 0, no_argument, NULL, "list the options the matrix "
	    "compares (ids and aliases)", K_ACTION, 0, 0, 0, 0, NULL,
	    ACTION_LIST_OPTIONS },
	{ "list-criteria", 0, no_argument, NULL, "list the criteria: weights, "
	    "ratings and the reason for each; with an ID operand, explain "
	    "that criterion alone", K_ACTION, 0, 0, 0, 0, NULL,
	    ACTION_LIST_CRITERIA },
	{ "list-formats", 0, no_argument, NULL, "list the output formats, one "
	    "per line", K_ACTION, 0, 0, 0, 0, NULL, ACTION_LIST_FORMATS },
	{ "show-matrix", 0, no_argument, NULL, "print the whole active "
	    "matrix: options, criteria, rules, profile keys and advice",
	    K_ACTION, 0, 0, 0, 0, NULL, ACTION_SHOW_MATRIX },
	{ "help", 'h', no_argument, NULL, "print this help and exit",
	    K_ACTION, 0, 0, 0, 0, NULL, ACTION_HELP },
	{ "version", 'V', no_argument, NULL, "print the version and exit",
	    K_ACTION, 0, 0, 0, 0, NULL, ACTION_VERSION },
	{ "verbose", 0, no_argument, NULL, "with --version, also print the "
	    "libyaml and jansson versions", K_FLAG, FIELD(verbose), 0, 0, 0,
	    NULL, 0 },
};

#define NOPTS (sizeof(optdefs) / sizeof(optdefs[0]))

static int
choose_format(struct config *cfg, const char *v)
{
	const sp_format *f = sp_format_find(v);

	if (f == NULL)
		return -1;
	cfg->format = f;
	return 0;
}

static int
choose_method(struct config *cfg, const char *v)
{
	int m = sp_method_parse(v);

	if (m < 0)
		return -1;
	cfg->method = (sp_method)m;
	return 0;
}

static int
choose_color(struct config *cfg, const char *v)
{
	static const char *const when[] = { "never", "always", "auto" };
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(v, when[i]) == 0) {
			cfg->color = i < 2 ? i : -1;
			return 0;
		}
	return -1;
}

static int
choose_adr_style(struct config *cfg, const char *v)
{
	int style = sp_adr_style_parse(v);

	if (style < 0)
		return -1;
	cfg->adr_style = style;
	return 0;
}

/* The values an option with a choice accepts, for its message. */
static void
choices(sp_buf *b, const struct optdef *d)
{
	const sp_format *f;
	size_t i, n;

	if (d->choose == choose_format) {
		f = sp_formats(&n);
		for (i = 0; i < n; i++)
			sp_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 < n ?
			    ", " : " or ", f[i].name);
	} else if (d->choose == choose_method)
		sp_buf_puts(b, "wsm, wpm or topsis");
	else if (d->choose == choose_adr_style)
		sp_buf_puts(b, "madr, nygard or log4brains");
	else
		sp_buf_puts(b, "auto, always or never");
}

/* Prints a usage error for a value that d refuses. */
static void
bad_value(const struct optdef *d, const char *v)
{
	sp_buf b = SP_BUF_INIT;

	if (d->kind == K_NUMBER && d->max <= 1)
		msg_usage("--%s: '%s' is not a number from %g to %g", d->name,
		    v, d->min, d->max);
	else if (d->kind == K_NUMBER)
		msg_usage("--%s: '%s' is not a number of %g or more", d->name,
		    v, d->min);
	else {
		choices(&b, d);
		msg_usage("--%s: unknown %s '%s' (expected %s)", d->name,
		    d->arg[0] == 'W' ? "value" : d->name, v, sp_buf_cstr(&b));
	}
	sp_buf_free(&b);
}

/* Records an action, refusing a second one. */
static int
set_action(struct config *cfg, enum action a, const char *opt)
{
	if (cfg->action != ACTION_SCORE && cfg->action != a) {
		msg_usage("--%s and --%s cannot be used together",
		    cfg->action_opt, opt);
		return SP_EXIT_USAGE;
	}
	cfg->action = a;
	cfg->action_opt = opt;
	return 0;
}

/* Applies option d with value v (NULL for none) to cfg. */
static int
apply(struct config *cfg, const struct optdef *d, const char *v)
{
	char *base = (char *)cfg;
	double x;

	switch (d->kind) {
	case K_FLAG:
		*(int *)(base + d->off) = 1;
		return 0;
	case K_STRING:
		*(const char **)(base + d->off) = v;
		return 0;
	case K_LIST:
		if (strchr(v, '=') == NULL) {
			msg_usage("--%s: '%s' is not ID=N (a criterion id, "
			    "'=' and a number)", d->name, v);
			return SP_EXIT_USAGE;
		}
		cfg->weights[cfg->nweights++] = v;
		return 0;
	case K_NUMBER:
		if (sp_number_parse(v, d->min, d->max, &x) != 0) {
			bad_value(d, v);
			return SP_EXIT_USAGE;
		}
		memcpy(base + d->off, &x, sizeof(x));
		memcpy(base + d->set_off, &(int){ 1 }, sizeof(int));
		return 0;
	case K_CHOICE:
		if (d->choose(cfg, v) != 0) {
			bad_value(d, v);
			return SP_EXIT_USAGE;
		}
		return 0;
	case K_ACTION:
		if (d->off != 0)
			*(const char **)(base + d->off) = v;
		return set_action(cfg, d->action, d->name);
	}
	return 0;
}

/* The usage error for an option getopt did not know. */
static void
unknown_option(const char *arg, int shortopt)
{
	const char *names[NOPTS], *guess;
	size_t i, len = strcspn(arg, "=");
	char word[64];

	if (shortopt > 0 && shortopt < 256) {
		msg_usage("unknown option '-%c'", shortopt);
		return;
	}
	for (i = 0; i < NOPTS; i++)
		names[i] = optdefs[i].name;
	if (strncmp(arg, "--", 2) == 0 && len - 2 < sizeof(word)) {
		memcpy(word, arg + 2, len - 2);
		word[len - 2] = '\0';
		for (i = 0; i < NOPTS; i++)
			if (strcmp(word, names[i]) == 0) {
				msg_usage("option '--%s' takes no value", word);
				return;
			}
		if ((guess = dec_suggest(word, names, (int)NOPTS)) != NULL) {
			msg_usage("unknown option '%.*s' (did you mean "
			    "'--%s'?)", (int)len, arg, guess);
			return;
		}
	}
	msg_usage("unknown option '%s'", arg);
}

/* Builds getopt_long's tables from optdefs. */
static void
getopt_tables(struct option *longopts, char *shortopts)
{
	size_t i, s = 0;

	shortopts[s++] = ':';
	for (i = 0; i < NOPTS; i++) {
		longopts[i].name = optdefs[i].name;
		longopts[i].has_arg = optdefs[i].has_arg;
		longopts[i].flag = NULL;
		longopts[i].val = (int)(256 + i);
		if (optdefs[i].key != 0) {
			shortopts[s++] = (char)optdefs[i].key;
			if (optdefs[i].has_arg == required_argument)
				shortopts[s++] = ':';
		}
	}
	shortopts[s] = '\0';
	memset(&longopts[NOPTS], 0, sizeof(struct option));
}

static const struct optdef *
by_key(int c)
{
	size_t i;

	if (c >= 256 && (size_t)(c - 256) < NOPTS)
		return &optdefs[c - 256];
	for (i = 0; i < NOPTS; i++)
		if (optdefs[i].key == c)
			return &optdefs[i];
	return NULL;
}

static int
read_options(struct config *cfg, int argc, char **argv)
{
	struct option longopts[NOPTS + 1];
	char shortopts[NOPTS * 2 + 2];
	const struct optdef *d;
	int c, code;

	getopt_tables(longopts, shortopts);
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == ':') {
			msg_usage("option '%s' needs a value", argv[optind - 1]);
			return SP_EXIT_USAGE;
		}
		if ((d = by_key(c)) == NULL) {
			unknown_option(argv[optind - 1], optopt);
			return SP_EXIT_USAGE;
		}
		if ((code = apply(cfg, d, optarg)) != 0)
			return code;
	}
	return 0;
}

/* Whether standard input is a pipe or a file, not a terminal or device. */
static int
stdin_piped(void)
{
	struct stat st;

	return fstat(STDIN_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) ||
	    S_ISREG(st.st_mode));
}

/* Options that only make sense with one action. */
static int
check_modes(const struct config *cfg)
{
	if (cfg->force && cfg->action != ACTION_INIT &&
	    cfg->action != ACTION_INTERACTIVE) {
		msg_usage("--force only applies to --init and to saving the "
		    "answers of --interactive");
		return SP_EXIT_USAGE;
	}
	if (cfg->save != NULL && cfg->action != ACTION_INTERACTIVE) {
		msg_usage("--save saves the answers of --interactive");
		return SP_EXIT_USAGE;
	}
	if (cfg->pairwise && cfg->action != ACTION_INTERACTIVE) {
		msg_usage("--pairwise asks its questions with --interactive");
		return SP_EXIT_USAGE;
	}
	if (cfg->group && cfg->action != ACTION_SCORE) {
		msg_usage("--group scores profiles; it takes no --%s",
		    cfg->action_opt);
		return SP_EXIT_USAGE;
	}
	return 0;
}

/* The operands each action takes. */
static int
check_operands(struct config *cfg, int nargs, char **args)
{
	int i, stdin_seen = 0;

	if (check_modes(cfg) != 0)
		return SP_EXIT_USAGE;
	for (i = 0; i < nargs; i++) {
		if (args[i][0] == '\0') {
			msg_usage("an empty file name was given");
			return SP_EXIT_USAGE;
		}
		if (strcmp(args[i], "-") == 0 && stdin_seen++) {
			msg_usage("'-' is given twice: standard input can be "
			    "read only once");
			return SP_EXIT_USAGE;
		}
	}
	switch (cfg->action) {
	case ACTION_SCORE:
		/* A profile piped in needs no "-". */
		if (nargs == 0 && stdin_piped()) {
			cfg->implicit_stdin = 1;
			return 0;
		}
		if (nargs == 0) {
			msg_usage("no profile given");
			return SP_EXIT_USAGE;
		}
		if (nargs > 1 && (cfg->format->flags & SP_FORMAT_DOCUMENT)) {
			msg_usage("--format %s writes one document: give one "
			    "profile", cfg->format->name);
			return SP_EXIT_USAGE;
		}
		return 0;
	case ACTION_INTERACTIVE:
		if (cfg->no_input) {
			msg_usage("--interactive and --no-input cannot be "
			    "used together");
			return SP_EXIT_USAGE;
		}
		if (nargs > 1) {
			msg_usage("--interactive takes at most one profile");
			return SP_EXIT_USAGE;
		}
		if (nargs == 1 && strcmp(args[0], "-") == 0) {
			msg_usage("--interactive reads its answers from "
			    "stdin, so its profile cannot be '-'");
			return SP_EXIT_USAGE;
		}
		return 0;
	case ACTION_INIT:
		if (nargs > 1 || (nargs == 1 && cfg->init_path != NULL)) {
			msg_usage("--init writes one file, %d given",
			    nargs + (cfg->init_path != NULL));
			return SP_EXIT_USAGE;
		}
		if (nargs == 1)
			cfg->init_path = args[0];
		return 0;
	case ACTION_LIST_CRITERIA:
		if (nargs > 1) {
			msg_usage("--list-criteria takes at most one criterion "
			    "id, %d given", nargs);
			return SP_EXIT_USAGE;
		}
		cfg->criterion = nargs == 1 ? args[0] : NULL;
		return 0;
	default:
		if (nargs > 0) {
			msg_usage("--%s takes no profile, found '%s'",
			    cfg->action_opt, args[0]);
			return SP_EXIT_USAGE;
		}
		return 0;
	}
}

/* The record's options apply to --format adr (and JSON's record). */
static int
check_adr(const struct config *cfg)
{
	int adr = strcmp(cfg->format->name, "adr") == 0;
	const char *opt = cfg->adr_style >= 0 ? "adr-style" :
	    cfg->adr_status ? "adr-status" : cfg->adr_deciders ?
	    "adr-deciders" : cfg->has_supersedes ? "supersedes" : NULL;

	if (opt != NULL && !adr) {
		msg_usage("--%s applies to --format adr only", opt);
		return SP_EXIT_USAGE;
	}
	if ((cfg->adr_dir || cfg->adr_new) && !adr &&
	    strcmp(cfg->format->name, "json") != 0) {
		msg_usage("--%s applies to --format adr or json only",
		    cfg->adr_dir ? "adr-dir" : "adr-new");
		return SP_EXIT_USAGE;
	}
	if (cfg->adr_dir != NULL && cfg->adr_dir[0] == '\0') {
		msg_usage("--adr-dir: an empty directory name was given");
		return SP_EXIT_USAGE;
	}
	if (cfg->adr_dir != NULL && cfg->adr_new) {
		msg_usage("--adr-dir and --adr-new cannot be used together");
		return SP_EXIT_USAGE;
	}
	if (cfg->has_supersedes && !cfg->adr_dir && !cfg->adr_new) {
		msg_usage("--supersedes needs --adr-dir or --adr-new");
		return SP_EXIT_USAGE;
	}
	return 0;
}

int
cli_parse(struct config *cfg, int argc, char **argv, int *first)
{
	int code;
	size_t n;

	cfg->format = sp_formats(&n);
	cfg->color = -1;
	cfg->adr_style = -1;
	if ((code = read_options(cfg, argc, argv)) != 0)
		return code;
	*first = optind;
	if (cfg->action == ACTION_HELP || cfg->action == ACTION_VERSION)
		return 0;
	if (cfg->pretty && strcmp(cfg->format->name, "json") != 0) {
		msg_usage("--pretty applies to --format json only");
		return SP_EXIT_USAGE;
	}
	if (cfg->no_charts && !(cfg->format->flags & SP_FORMAT_CHARTS)) {
		msg_usage("--no-charts applies to formats with charts only, "
		    "not to --format %s", cfg->format->name);
		return SP_EXIT_USAGE;
	}
	if (cfg->matrix_path != NULL && cfg->matrix_path[0] == '\0') {
		msg_usage("--matrix: an empty file name was given");
		return SP_EXIT_USAGE;
	}
	if (cfg->baseline_path != NULL && cfg->baseline_path[0] == '\0') {
		msg_usage("--baseline: an empty file name was given");
		return SP_EXIT_USAGE;
	}
	if (cfg->output != NULL && (cfg->output[0] == '\0' ||
	    strcmp(cfg->output, "-") == 0)) {
		msg_usage("--output: give a file name (stdout is the default)");
		return SP_EXIT_USAGE;
	}
	if (cfg->output != NULL && cfg->quiet) {
		msg_usage("--quiet and --output cannot be used together: "
		    "--quiet writes no report");
		return SP_EXIT_USAGE;
	}
	if ((code = check_adr(cfg)) != 0)
		return code;
	/* With no profile at all, a person at a terminal is asked. */
	if (cfg->action == ACTION_SCORE && argc == optind && !cfg->no_input &&
	    isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		set_action(cfg, ACTION_INTERACTIVE, "interactive");
	return check_operands(cfg, argc - optind, argv + optind);
}

/*
 * Where the guides are: next to the running binary when it is an
 * installed one (PREFIX/bin/stackpick and PREFIX/share/doc/stackpick,
 * whatever prefix it was installed under), else where the build was
 * configured to install them.
 */
const char *
cli_docdir(void)
{
	static char path[4096];
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;
	struct stat st;

	if (n <= 0)
		return SP_DOCDIR;
	self[n] = '\0';
	/* Strip "/stackpick", then the binary directory. */
	if ((slash = strrchr(self, '/')) == NULL)
		return SP_DOCDIR;
	*slash = '\0';
	n = (ssize_t)strlen(self) - (ssize_t)strlen(SP_BINDIR_REL);
	if (n <= 0 || strcmp(self + n, SP_BINDIR_REL) != 0 ||
	    self[n - 1] != '/')
		return SP_DOCDIR;
	self[n] = '\0';
	if (snprintf(path, sizeof(path), "%s%s", self, SP_DOCDIR_REL) >=
	    (int)sizeof(path) || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return SP_DOCDIR;
	return path;
}

void
cli_usage(sp_buf *out)
{
	sp_buf b = SP_BUF_INIT, left = SP_BUF_INIT;
	size_t i;

	sp_buf_puts(&b, "usage: stackpick [OPTIONS] PROFILE...\n"
	    "       stackpick [OPTIONS] --interactive [PROFILE]\n"
	    "       stackpick --init [--force] [FILE]\n"
	    "       stackpick --list-options | --list-criteria [ID] | "
	    "--show-matrix\n"
	    "Recommend a backend stack for each PROFILE (a YAML or JSON "
	    "file, - for stdin)\nand explain why.  With --interactive, "
	    "or with no PROFILE on a terminal, ask\nquestions instead "
	    "(answers from stdin, one per line; prompts on stderr).\n"
	    "\nOptions:\n");
	for (i = 0; i < NOPTS; i++) {
		const struct optdef *d = &optdefs[i];

		sp_buf_clear(&left);
		if (d->key != 0)
			sp_buf_printf(&left, "-%c, ", d->key);
		else
			sp_buf_puts(&left, "    ");
		sp_buf_printf(&left, "--%s%s%s", d->name, d->arg ? " " : "",
		    d->arg ? d->arg : "");
		/* A long name gets the help on a line of its own. */
		sp_buf_printf(&b, "  %s", sp_buf_cstr(&left));
		if (left.len > HELP_LEFT) {
			sp_buf_putc(&b, '\n');
			sp_buf_pad(&b, HELP_LEFT + 3);
		} else
			sp_buf_pad(&b, HELP_LEFT + 1 - left.len);
		sp_buf_wrap(&b, "", HELP_LEFT + 3, HELP_WIDTH, d->help);
	}
	sp_buf_puts(&b, "\nExit status:\n"
	    "  0   every profile was scored (and passed every gate)\n"
	    "  1   a gate failed, or no option meets every must\n"
	    "  64  usage error\n"
	    "  65  invalid profile, matrix or baseline, or a scripted answer\n"
	    "      that is not accepted\n"
	    "  66  a profile or matrix could not be opened or read, or the\n"
	    "      answers ended before the last question\n"
	    "  70  out of memory\n"
	    "  73  a file would be replaced without --force, is not a regular\n"
	    "      file, or cannot be created (--init, the answers, a record,\n"
	    "      the file of --output)\n"
	    "  74  the output could not be written\n"
	    "  130 interrupted (Ctrl-C) during the questions\n"
	    "\nEnvironment: NO_COLOR turns colour off; PAGER pages a report "
	    "on a terminal\n(less -FRX by default); COLUMNS sets the width "
	    "of text.\n"
	    "Read more: man stackpick, and the guides in ");
	sp_buf_puts(&b, cli_docdir());
	sp_buf_puts(&b, "/\n"
	    "Report bugs to: " SP_BUGREPORT "\n");
	sp_buf_putn(out, sp_buf_cstr(&b), b.len);
	out->oom |= b.oom;
	sp_buf_free(&b);
	sp_buf_free(&left);
}
