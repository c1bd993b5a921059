/*
 * stackpick: score a backend project profile against a decision matrix
 * and explain the recommendation.  This is the only place that talks to
 * the terminal and picks exit codes; see docs/exit-codes.md.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <yaml.h>

#include "stackpick/analysis.h"
#include "stackpick/doc.h"
#include "stackpick/file.h"
#include "stackpick/gate.h"
#include "stackpick/matrix.h"
#include "stackpick/profile.h"
#include "stackpick/render.h"
#include "stackpick/render_matrix.h"
#include "stackpick/score.h"
#include "msg.h"
#include "prompt.h"

#ifndef SP_VERSION
#define SP_VERSION "0.0.0"
#endif
#ifndef SP_DOCDIR
#define SP_DOCDIR "share/doc/stackpick"
#endif

/* Help text: option names up to HELP_LEFT columns, lines up to 80. */
#define HELP_LEFT 24
#define HELP_WIDTH 80

enum {
	OPT_COLOR = 256,
	OPT_FORMAT,
	OPT_INIT,
	OPT_FORCE,
	OPT_LIST_OPTIONS,
	OPT_LIST_CRITERIA,
	OPT_SHOW_MATRIX,
	OPT_VERBOSE,
	OPT_METHOD,
	OPT_MIN_CONFIDENCE,
	OPT_PRETTY,
	OPT_EXPECT,
	OPT_MIN_MARGIN,
	OPT_BASELINE,
	OPT_SAVE,
	OPT_NO_INPUT
};

/* One table declares every option and produces the help text. */
static const struct optdef {
	const char *name;
	int has_arg;
	int val;
	const char *arg;
	const char *help;
} optdefs[] = {
	{ "format", required_argument, 'f', "FORMAT",
	    "output format: text (default), json or markdown" },
	{ "pretty", no_argument, OPT_PRETTY, NULL,
	    "indent JSON output for people" },
	{ "quiet", no_argument, 'q', NULL,
	    "print no report: only errors and the exit code" },
	{ "matrix", required_argument, 'm', "FILE",
	    "score against this matrix instead of the built-in one" },
	{ "weight", required_argument, 'w', "ID=N",
	    "set criterion ID's weight to N (0-10); repeatable" },
	{ "method", required_argument, OPT_METHOD, "METHOD",
	    "rank with wsm (default), wpm or topsis" },
	{ "expect", required_argument, OPT_EXPECT, "OPTION",
	    "gate: exit 1 unless OPTION (an id or alias) is recommended" },
	{ "min-margin", required_argument, OPT_MIN_MARGIN, "X",
	    "gate: exit 1 when the winner's margin is below X points of "
	    "the rating scale" },
	{ "min-confidence", required_argument, OPT_MIN_CONFIDENCE, "X",
	    "gate: exit 1 unless the confidence is at least X (0-1)" },
	{ "baseline", required_argument, OPT_BASELINE, "FILE",
	    "gate: exit 1 when the recommendation differs from FILE's, a "
	    "JSON result saved earlier" },
	{ "color", required_argument, OPT_COLOR, "WHEN",
	    "colour the text report: auto (default), always, never" },
	{ "init", optional_argument, OPT_INIT, "[FILE]",
	    "write a commented starter profile to FILE (stdout without "
	    "one) and exit" },
	{ "force", no_argument, OPT_FORCE, NULL,
	    "let --init, or saving the answers, replace a file that already "
	    "exists" },
	{ "interactive", no_argument, 'i', NULL,
	    "ask questions to build the profile (PROFILE, if given, holds "
	    "the defaults)" },
	{ "save", required_argument, OPT_SAVE, "FILE",
	    "save the answers as a profile in FILE" },
	{ "no-input", no_argument, OPT_NO_INPUT, NULL,
	    "never ask questions, even on a terminal" },
	{ "list-options", no_argument, OPT_LIST_OPTIONS, NULL,
	    "list the options the matrix compares (ids and aliases)" },
	{ "list-criteria", no_argument, OPT_LIST_CRITERIA, NULL,
	    "list the criteria: weights, ratings and the reason for each" },
	{ "show-matrix", no_argument, OPT_SHOW_MATRIX, NULL,
	    "print the whole active matrix: options, criteria, rules, "
	    "profile keys and advice" },
	{ "help", no_argument, 'h', NULL, "print this help and exit" },
	{ "version", no_argument, 'V', NULL, "print the version and exit" },
	{ "verbose", no_argument, OPT_VERBOSE, NULL,
	    "with --version, also print the libyaml and jansson versions" },
};

#define NOPTS (sizeof(optdefs) / sizeof(optdefs[0]))

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_MARKDOWN };

/* What a run does besides scoring profiles; at most one. */
enum action {
	ACTION_SCORE,
	ACTION_INIT,
	ACTION_LIST_OPTIONS,
	ACTION_LIST_CRITERIA,
	ACTION_SHOW_MATRIX,
	ACTION_VERSION,
	ACTION_INTERACTIVE
};

struct config {
	enum format format;
	int color;
	const char *matrix_path;
	const char **weights;
	int nweights;
	sp_method method;
	int pretty;
	int quiet;
	const char *baseline_path;
	sp_gate_spec spec;
	enum action action;
	const char *action_opt;  /* the option that chose it, for messages */
	const char *init_path;   /* --init=FILE */
	int force;
	int verbose;
	int no_input;
	const char *save;        /* --save FILE */
};

/* What every input shares: the matrix and storage for one result. */
struct run {
	const sp_matrix *m;
	sp_result *res;
	sp_analysis *an;
	sp_gates *gates;
	int first;           /* nothing printed on stdout yet */
};

/*
 * The state of standard output.  A reader that goes away early (a pipe
 * into head) is not an error: stackpick stops writing but still checks
 * every input, so the exit code keeps its meaning.  Any other failed
 * write is reported once, at the end, and ends the run.
 */
static struct {
	int closed;          /* the reader went away (EPIPE) */
	int error;           /* errno of a failed write, or 0 */
} out;

/*
 * Prints text wrapped to HELP_WIDTH, continuing lines at column indent;
 * col is where the cursor already is.
 */
static void
help_wrap(FILE *f, size_t col, size_t indent, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t len;

		while (*p == ' ')
			p++;
		len = strcspn(p, " ");
		if (len == 0)
			break;
		if (col > indent && col + 1 + len > HELP_WIDTH) {
			fprintf(f, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		fwrite(p, 1, len, f);
		col += len;
		p += len;
	}
	fputc('\n', f);
}

static void
usage(FILE *f)
{
	size_t i;

	fputs("usage: stackpick [OPTIONS] PROFILE...\n"
	      "       stackpick [OPTIONS] --interactive [PROFILE]\n"
	      "       stackpick --init [--force] [FILE]\n"
	      "       stackpick --list-options | --list-criteria | "
	      "--show-matrix\n"
	      "Recommend a backend stack for each PROFILE (a YAML or JSON "
	      "file, - for stdin)\nand explain why.  With --interactive, "
	      "or with no PROFILE on a terminal, ask\nquestions instead "
	      "(answers from stdin, one per line; prompts on stderr).\n"
	      "\nOptions:\n", f);
	for (i = 0; i < NOPTS; i++) {
		char left[64];
		const struct optdef *d = &optdefs[i];
		int n;

		if (d->val < 256)
			n = snprintf(left, sizeof(left), "-%c, --%s%s%s",
			    d->val, d->name, d->arg ? " " : "",
			    d->arg ? d->arg : "");
		else
			n = snprintf(left, sizeof(left), "    --%s%s%s",
			    d->name, d->arg ? " " : "", d->arg ? d->arg : "");
		/* A long name gets the help on a line of its own. */
		if (n > HELP_LEFT) {
			fprintf(f, "  %s\n%*s", left, HELP_LEFT + 3, "");
		} else
			fprintf(f, "  %-*s ", HELP_LEFT, left);
		help_wrap(f, HELP_LEFT + 3, HELP_LEFT + 3, d->help);
	}
	fputs("\nExit status:\n"
	      "  0   every profile was scored (and passed every gate)\n"
	      "  1   a gate failed\n"
	      "  64  usage error\n"
	      "  65  invalid profile or matrix\n"
	      "  66  a profile or matrix could not be opened or read, or the\n"
	      "      answers ended before the last question\n"
	      "  73  a file would be replaced without --force, or cannot be\n"
	      "      created (--init, or saving the answers)\n"
	      "  74  the output could not be written\n"
	      "  130 interrupted (Ctrl-C) during the questions\n"
	      "\nEnvironment: NO_COLOR turns colour off.\n"
	      "Read more: man stackpick, and the guides in " SP_DOCDIR "/\n",
	    f);
}

/* Records an action, refusing a second one. */
static int
set_action(struct config *cfg, enum action a, const char *opt)
{
	if (cfg->action != ACTION_SCORE && cfg->action != a) {
		msg_usage("%s and %s cannot be used together",
		    cfg->action_opt, opt);
		return SP_EXIT_USAGE;
	}
	cfg->action = a;
	cfg->action_opt = opt;
	return 0;
}

static int
color_auto(void)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (nc != NULL && nc[0] != '\0')
		return 0;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(STDOUT_FILENO);
}

/*
 * Reads a --min-margin value: a plain decimal number, 0 or more.
 * stackpick never calls setlocale(), so the decimal point is always '.',
 * whatever LC_ALL says; that keeps options and output the same
 * everywhere.
 */
static int
parse_margin(double *value, const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || errno != 0 || !isfinite(v) || v < 0)
		return -1;
	*value = v;
	return 0;
}

static int
parse_args(struct config *cfg, int argc, char **argv)
{
	struct option longopts[NOPTS + 1];
	char shortopts[NOPTS * 2 + 2];
	size_t i, s = 0;
	int c;

	shortopts[s++] = ':';
	for (i = 0; i < NOPTS; i++) {
		longopts[i].name = optdefs[i].name;
		longopts[i].has_arg = optdefs[i].has_arg;
		longopts[i].flag = NULL;
		longopts[i].val = optdefs[i].val;
		if (optdefs[i].val < 256) {
			shortopts[s++] = (char)optdefs[i].val;
			if (optdefs[i].has_arg == required_argument)
				shortopts[s++] = ':';
		}
	}
	shortopts[s] = '\0';
	memset(&longopts[NOPTS], 0, sizeof(struct option));
	cfg->color = -1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				cfg->format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				cfg->format = FORMAT_JSON;
			else if (strcmp(optarg, "markdown") == 0)
				cfg->format = FORMAT_MARKDOWN;
			else {
				msg_usage("--format: unknown format '%s' "
				    "(expected text, json or markdown)", optarg);
				return SP_EXIT_USAGE;
			}
			break;
		case OPT_PRETTY:
			cfg->pretty = 1;
			break;
		case 'q':
			cfg->quiet = 1;
			break;
		case OPT_EXPECT:
			cfg->spec.expect = optarg;
			break;
		case OPT_MIN_MARGIN:
			if (parse_margin(&cfg->spec.min_margin, optarg) != 0) {
				msg_usage("--min-margin: '%s' is not a number of "
				    "0 or more", optarg);
				return SP_EXIT_USAGE;
			}
			cfg->spec.has_min_margin = 1;
			break;
		case OPT_BASELINE:
			cfg->baseline_path = optarg;
			break;
		case 'm':
			cfg->matrix_path = optarg;
			break;
		case 'w':
			cfg->weights[cfg->nweights++] = optarg;
			break;
		case OPT_METHOD:
			if ((c = sp_method_parse(optarg)) < 0) {
				msg_usage("--method: unknown method '%s' "
				    "(expected wsm, wpm or topsis)", optarg);
				return SP_EXIT_USAGE;
			}
			cfg->method = (sp_method)c;
			break;
		case OPT_MIN_CONFIDENCE: {
			char *end;

			cfg->spec.min_confidence = strtod(optarg, &end);
			if (optarg[0] == '\0' || *end != '\0' ||
			    !(cfg->spec.min_confidence >= 0 &&
			    cfg->spec.min_confidence <= 1)) {
				msg_usage("--min-confidence: '%s' is not a "
				    "number from 0 to 1", optarg);
				return SP_EXIT_USAGE;
			}
			cfg->spec.has_min_confidence = 1;
			break;
		}
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				cfg->color = -1;
			else if (strcmp(optarg, "always") == 0)
				cfg->color = 1;
			else if (strcmp(optarg, "never") == 0)
				cfg->color = 0;
			else {
				msg_usage("--color: unknown value '%s' "
				    "(expected auto, always or never)", optarg);
				return SP_EXIT_USAGE;
			}
			break;
		case OPT_INIT:
			if (set_action(cfg, ACTION_INIT, "--init") != 0)
				return SP_EXIT_USAGE;
			cfg->init_path = optarg;
			break;
		case OPT_FORCE:
			cfg->force = 1;
			break;
		case 'i':
			if (set_action(cfg, ACTION_INTERACTIVE,
			    "--interactive") != 0)
				return SP_EXIT_USAGE;
			break;
		case OPT_SAVE:
			cfg->save = optarg;
			break;
		case OPT_NO_INPUT:
			cfg->no_input = 1;
			break;
		case OPT_LIST_OPTIONS:
			if (set_action(cfg, ACTION_LIST_OPTIONS,
			    "--list-options") != 0)
				return SP_EXIT_USAGE;
			break;
		case OPT_LIST_CRITERIA:
			if (set_action(cfg, ACTION_LIST_CRITERIA,
			    "--list-criteria") != 0)
				return SP_EXIT_USAGE;
			break;
		case OPT_SHOW_MATRIX:
			if (set_action(cfg, ACTION_SHOW_MATRIX,
			    "--show-matrix") != 0)
				return SP_EXIT_USAGE;
			break;
		case OPT_VERBOSE:
			cfg->verbose = 1;
			break;
		case 'h':
			usage(stdout);
			return -1;
		case 'V':
			if (set_action(cfg, ACTION_VERSION, "--version") != 0)
				return SP_EXIT_USAGE;
			break;
		case ':':
			msg_usage("option '%s' needs a value", argv[optind - 1]);
			return SP_EXIT_USAGE;
		default:
			if (strncmp(argv[optind - 1], "--", 2) == 0 &&
			    strchr(argv[optind - 1], '=') != NULL)
				msg_usage("option '%.*s' takes no value",
				    (int)strcspn(argv[optind - 1], "="),
				    argv[optind - 1]);
			else if (optopt != 0)
				msg_usage("unknown option '-%c'", optopt);
			else
				msg_usage("unknown option '%s'",
				    argv[optind - 1]);
			return SP_EXIT_USAGE;
		}
	}
	if (cfg->pretty && cfg->format != FORMAT_JSON) {
		msg_usage("--pretty applies to --format json only");
		return SP_EXIT_USAGE;
	}
	if (cfg->color < 0)
		cfg->color = color_auto();
	return 0;
}

/*
 * Notes the state of stdout after an input's output: a failed write is
 * remembered, with its errno, so that it is reported once at the end.
 */
static void
out_check(void)
{
	int failed = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;

	if (!failed)
		return;
	clearerr(stdout);
	if (e == EPIPE)
		out.closed = 1;
	else if (out.error == 0)
		out.error = e != 0 ? e : EIO;
}

/* Whether an input's output should be written at all. */
static int
out_wanted(const struct config *cfg)
{
	return !cfg->quiet && !out.closed && out.error == 0;
}

/*
 * Writes one JSON document and a newline: compact on one line, or
 * indented with --pretty.  Reports running out of memory itself.
 */
static sp_status
emit_json(const struct config *cfg, json_t *obj)
{
	sp_status rc = SP_OK;

	if (obj == NULL) {
		msg_errorf("out of memory");
		return SP_ENOMEM;
	}
	errno = 0;
	if (json_dumpf(obj, stdout, JSON_REAL_PRECISION(SP_JSON_PRECISION) |
	    (cfg->pretty ? JSON_INDENT(2) : JSON_COMPACT)) != 0 ||
	    fputc('\n', stdout) == EOF)
		rc = SP_EOUTPUT;
	json_decref(obj);
	return rc;
}

/*
 * Reports an input that failed: the message on stderr and, in JSON, an
 * error object on stdout so that a consumer sees every input.
 */
static int
fail_one(const struct config *cfg, const char *input, const sp_error *err,
    sp_status rc)
{
	char buf[SP_ERROR_MAX + 300];
	int code = msg_exit_code(rc);

	msg_error(err);
	if (cfg->format == FORMAT_JSON && out_wanted(cfg)) {
		msg_format(buf, sizeof(buf), err);
		(void)emit_json(cfg, sp_render_json_error(input, buf, err->line,
		    err->column, code));
		out_check();
	}
	return code;
}

/*
 * Applies the --weight options to prof, then scores, analyses, checks
 * the gates on and renders it.  Returns its exit code; errors and failed
 * gates are already reported.
 */
static int
report(const struct config *cfg, struct run *run, sp_profile *prof,
    const char *input)
{
	sp_result *res = run->res;
	sp_error err;
	sp_status rc = SP_OK;
	int i;

	sp_error_clear(&err);
	for (i = 0; rc == SP_OK && i < cfg->nweights; i++)
		rc = sp_profile_set_weight(prof, run->m, cfg->weights[i],
		    &err);
	res->method = cfg->method;
	if (rc == SP_OK && (rc = sp_score(res, run->m, prof, &err)) !=
	    SP_OK && err.file[0] == '\0')
		snprintf(err.file, sizeof(err.file), "%s", input);
	if (rc == SP_OK)
		rc = sp_analyse(run->an, res, &err);
	if (rc != SP_OK)
		return fail_one(cfg, input, &err, rc);
	sp_gates_eval(run->gates, &cfg->spec, res, input);
	if (out_wanted(cfg)) {
		errno = 0;
		if (cfg->format == FORMAT_JSON) {
			(void)emit_json(cfg, sp_render_json(res, input,
			    run->gates));
		} else if (cfg->format == FORMAT_MARKDOWN) {
			if (!run->first)
				fputs("\n", stdout);
			sp_render_markdown(stdout, res, input, run->gates);
		} else {
			sp_text_opts opts = { cfg->color, 80 };

			if (!run->first)
				fputs("\n", stdout);
			sp_render_text(stdout, res, input, run->gates, &opts);
		}
		run->first = 0;
		out_check();
	}
	for (i = 0; i < run->gates->ngates; i++)
		if (!run->gates->gate[i].passed)
			msg_errorf("%s: gate %s failed: %s", input,
			    run->gates->gate[i].name,
			    run->gates->gate[i].detail);
	return run->gates->failed > 0 ? SP_EXIT_GATE : SP_EXIT_OK;
}

/* Reads and decodes the profile at path ("-" for stdin) into prof. */
static sp_status
load_profile(sp_profile *prof, const sp_matrix *m, const char *path,
    const char *input, sp_error *err)
{
	sp_doc *doc = NULL;
	char *buf = NULL;
	size_t len;
	sp_status rc;

	rc = sp_read_file(&buf, &len, path, input, SP_MAX_PROFILE_BYTES, err);
	if (rc == SP_OK)
		rc = sp_doc_parse(&doc, buf, len, input, err);
	free(buf);
	if (rc == SP_OK)
		rc = sp_profile_decode(prof, m, doc, err);
	sp_doc_free(doc);
	return rc;
}

/*
 * Reads one profile and reports it.  Returns its exit code; errors and
 * failed gates are already reported.
 */
static int
run_one(const struct config *cfg, struct run *run, const char *path)
{
	const char *input = strcmp(path, "-") == 0 ? "<stdin>" : path;
	sp_profile prof;
	sp_error err;
	sp_status rc;

	sp_error_clear(&err);
	if ((rc = load_profile(&prof, run->m, path, input, &err)) != SP_OK)
		return fail_one(cfg, input, &err, rc);
	return report(cfg, run, &prof, input);
}

/*
 * The questionnaire: answers (with path's profile, if any, as the
 * defaults) become a profile, which is scored and reported like a file,
 * then saved if the user wants.  Returns an exit code; messages are
 * already printed.
 */
static int
run_interactive(const struct config *cfg, struct run *run, const char *path)
{
	sp_profile prof;
	sp_error err;
	sp_status rc;
	int code, saved;

	sp_error_clear(&err);
	if (path == NULL)
		sp_profile_defaults(&prof, run->m);
	else if ((rc = load_profile(&prof, run->m, path, path, &err)) !=
	    SP_OK) {
		msg_error(&err);
		return msg_exit_code(rc);
	}
	if ((code = prompt_profile(&prof, run->m)) != 0)
		return code;
	code = report(cfg, run, &prof, "<answers>");
	/* A failed gate still saves: the answers are as good as ever. */
	if (code != 0 && code != SP_EXIT_GATE)
		return code;
	/* The report must be out before a question about saving it. */
	out_check();
	saved = prompt_save(&prof, run->m, cfg->save, cfg->force);
	return saved > code ? saved : code;
}

/*
 * Closes stdout and says whether everything written reached it.  A
 * reader that went away is not an error (see out above).
 */
static int
close_stdout(void)
{
	int e;

	if (out.closed) {
		fclose(stdout);
		return 0;
	}
	errno = 0;
	if ((fflush(stdout) != 0 || ferror(stdout)) && out.error == 0)
		out.error = errno != 0 ? errno : EIO;
	e = errno;
	if (fclose(stdout) != 0 && out.error == 0)
		out.error = e != 0 ? e : EIO;
	if (out.error == EPIPE)
		return 0;
	if (out.error != 0) {
		msg_errorf("write error: %s", strerror(out.error));
		return SP_EXIT_IOERR;
	}
	return 0;
}

/* stackpick's version and, when asked, the libraries it runs with. */
static void
print_version(int verbose)
{
	printf("stackpick %s\n", SP_VERSION);
	if (!verbose)
		return;
	printf("libyaml %s\n", yaml_get_version_string());
#if JANSSON_VERSION_HEX >= 0x020d00
	printf("jansson %s\n", jansson_version_str());
#else
	printf("jansson %s\n", JANSSON_VERSION);
#endif
}

/*
 * Writes m's starter profile (its defaults, and any --weight given) to
 * path, or to stdout when path is NULL or "-".
 */
static sp_status
write_init(const struct config *cfg, const sp_matrix *m, const char *path,
    sp_error *err)
{
	sp_profile prof;
	char *text = NULL;
	size_t len;
	sp_status rc;
	int i;

	sp_profile_defaults(&prof, m);
	for (i = 0; i < cfg->nweights; i++)
		if ((rc = sp_profile_set_weight(&prof, m, cfg->weights[i],
		    err)) != SP_OK)
			return rc;
	if ((rc = sp_profile_write(&text, &len, &prof, m, err)) != SP_OK)
		return rc;
	if (path == NULL || strcmp(path, "-") == 0) {
		if (fwrite(text, 1, len, stdout) != len)
			rc = SP_EOUTPUT;
	} else
		rc = sp_file_write_atomic(path, text, len, cfg->force, err);
	free(text);
	return rc;
}

/* Prints the part of m that the action asks for, as text or JSON. */
static sp_status
show_matrix(const struct config *cfg, const sp_matrix *m)
{
	int what = cfg->action == ACTION_LIST_OPTIONS ? SP_VIEW_OPTIONS :
	    cfg->action == ACTION_LIST_CRITERIA ? SP_VIEW_CRITERIA :
	    SP_VIEW_ALL;

	if (cfg->format == FORMAT_JSON)
		return emit_json(cfg, sp_render_matrix_json(m, what));
	{
		sp_text_opts opts = { cfg->color, 80 };

		return sp_render_matrix_text(stdout, m, what, &opts);
	}
}

/*
 * Checks the operands and options against the action; prints the usage
 * error.  With no profile at all, a person at a terminal is asked instead.
 */
static int
check_operands(struct config *cfg, int nargs, char **args)
{
	if (cfg->action == ACTION_SCORE && nargs == 0 && !cfg->no_input &&
	    isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		cfg->action = ACTION_INTERACTIVE;
		cfg->action_opt = "--interactive";
	}
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
	switch (cfg->action) {
	case ACTION_SCORE:
		if (nargs == 0) {
			msg_usage("no profile given");
			return SP_EXIT_USAGE;
		}
		break;
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
		break;
	case ACTION_INIT:
		if (nargs > 1 || (nargs == 1 && cfg->init_path != NULL)) {
			msg_usage("--init writes one file, %d given",
			    nargs + (cfg->init_path != NULL));
			return SP_EXIT_USAGE;
		}
		if (nargs == 1)
			cfg->init_path = args[0];
		break;
	default:
		if (nargs > 0) {
			msg_usage("%s takes no profile, found '%s'",
			    cfg->action_opt, args[0]);
			return SP_EXIT_USAGE;
		}
		break;
	}
	return 0;
}

/* Checks --expect against the matrix before any profile is read. */
static int
check_expect(const struct config *cfg, const sp_matrix *m)
{
	char ids[256] = "";
	size_t used = 0;
	int i;

	if (cfg->spec.expect == NULL ||
	    sp_matrix_option(m, cfg->spec.expect) >= 0)
		return 0;
	for (i = 0; i < m->noptions && used < sizeof(ids); i++) {
		int w = snprintf(ids + used, sizeof(ids) - used, "%s%s",
		    i == 0 ? "" : i + 1 < m->noptions ? ", " : " or ",
		    m->options[i].id);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	msg_usage("--expect: unknown option '%s' (expected %s)",
	    cfg->spec.expect, ids);
	return SP_EXIT_USAGE;
}

int
main(int argc, char **argv)
{
	struct config cfg;
	struct run run;
	sp_matrix *m = NULL;
	sp_baseline *base = NULL;
	sp_error err;
	sp_status rc;
	int status = 0, i, code;

	/*
	 * A closed pipe shows up as EPIPE from write() instead of killing
	 * the process, so that stackpick can end quietly (see out).
	 */
	signal(SIGPIPE, SIG_IGN);
	memset(&cfg, 0, sizeof(cfg));
	memset(&run, 0, sizeof(run));
	run.first = 1;
	cfg.weights = calloc((size_t)argc + 1, sizeof(char *));
	if (cfg.weights == NULL) {
		msg_errorf("out of memory");
		return SP_EXIT_SOFTWARE;
	}
	if ((code = parse_args(&cfg, argc, argv)) != 0) {
		free(cfg.weights);
		return code < 0 ? close_stdout() : code;
	}
	if (cfg.action == ACTION_VERSION) {
		print_version(cfg.verbose);
		free(cfg.weights);
		return close_stdout();
	}
	if ((code = check_operands(&cfg, argc - optind, argv + optind)) != 0) {
		free(cfg.weights);
		return code;
	}
	msg_set_quiet(cfg.quiet);
	sp_error_clear(&err);
	rc = cfg.matrix_path ? sp_matrix_load(&m, cfg.matrix_path, &err) :
	    sp_matrix_builtin(&m, &err);
	if (rc == SP_OK && (status = check_expect(&cfg, m)) != 0)
		goto done;
	if (rc == SP_OK)
		rc = sp_result_new(&run.res, m, &err);
	if (rc == SP_OK)
		rc = sp_analysis_new(&run.an, m, &err);
	if (rc == SP_OK)
		rc = sp_gates_new(&run.gates, m, &err);
	if (rc == SP_OK && cfg.baseline_path != NULL &&
	    (rc = sp_baseline_load(&base, cfg.baseline_path, &err)) == SP_OK)
		cfg.spec.baseline = base;
	if (rc == SP_OK && cfg.nweights > 0) {
		/* Check --weight once, before any profile is read. */
		sp_profile probe;

		sp_profile_defaults(&probe, m);
		for (i = 0; rc == SP_OK && i < cfg.nweights; i++)
			rc = sp_profile_set_weight(&probe, m, cfg.weights[i],
			    &err);
	}
	if (rc == SP_OK && cfg.action == ACTION_INIT)
		rc = write_init(&cfg, m, cfg.init_path, &err);
	if (rc == SP_OK && cfg.action != ACTION_SCORE &&
	    cfg.action != ACTION_INIT && cfg.action != ACTION_INTERACTIVE)
		rc = show_matrix(&cfg, m);
	if (cfg.action != ACTION_SCORE && cfg.action != ACTION_INTERACTIVE) {
		/* Reported once, by close_stdout(); a closed pipe is fine. */
		out_check();
		if (rc == SP_EOUTPUT && out.closed)
			rc = SP_OK;
		else if (rc == SP_EOUTPUT && out.error == 0)
			out.error = EIO;
	}
	if (rc != SP_OK) {
		/* emit_json() reports running out of memory itself. */
		if (rc != SP_EOUTPUT && err.message[0] != '\0')
			msg_error(&err);
		status = msg_exit_code(rc);
		goto done;
	}
	run.m = m;
	if (cfg.action == ACTION_INTERACTIVE) {
		status = run_interactive(&cfg, &run,
		    optind < argc ? argv[optind] : NULL);
		goto done;
	}
	for (i = optind; cfg.action == ACTION_SCORE && i < argc &&
	    out.error == 0; i++) {
		code = run_one(&cfg, &run, argv[i]);
		if (code > status)
			status = code;
	}
done:
	sp_gates_free(run.gates);
	sp_analysis_free(run.an);
	sp_result_free(run.res);
	sp_baseline_free(base);
	sp_matrix_free(m);
	free(cfg.weights);
	code = close_stdout();
	return code > status ? code : status;
}
