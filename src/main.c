/*
 * stackpick: score a backend project profile against a decision matrix
 * and explain the recommendation.  This is the only place that talks to
 * the terminal and picks exit codes; see docs/exit-codes.md.  The options
 * are rows of the table in cli.c; the work is the library's pipeline.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "stackpick/pipeline.h"
#include "actions.h"
#include "cli.h"
#include "msg.h"
#include "output.h"
#include "prompt.h"
#include "record.h"

/* What every input shares. */
struct run {
	const struct config *cfg;
	const sp_matrix *m;
	sp_pipeline *pipe;
	sp_render_opts ro;
	sp_buf text;         /* one input's output, before it is written */
	int first;           /* nothing printed on stdout yet */
	struct record rec;   /* the decision record, with --format adr */
};

/*
 * Reports an input that failed: the message on stderr and, in a format
 * that keeps one document per input, an error object on stdout.
 */
static int
fail_one(struct run *run, const char *input, const sp_error *err,
    const sp_errors *all, sp_status rc)
{
	int code = msg_exit_code(rc);

	msg_errors(err, all);
	if (run->cfg->format->error != NULL && out_wanted(run->cfg->quiet)) {
		if (run->cfg->format->error(&run->text, input, err, all, code,
		    &run->ro) != SP_OK)
			msg_errorf("out of memory");
		out_write(&run->text);
	}
	return code;
}

static int show(struct run *run, const sp_report *rep, const char *input);

/*
 * Scores, analyses, gates and renders prof.  Returns its exit code;
 * errors and failed gates are already reported.
 */
static int
report(struct run *run, sp_profile *prof, const char *input)
{
	const sp_report *rep;
	sp_error err;
	sp_status rc;

	sp_error_clear(&err);
	if ((rc = sp_pipeline_run(run->pipe, prof, input, &rep, &err)) !=
	    SP_OK)
		return fail_one(run, input, &err, NULL, rc);
	return show(run, rep, input);
}

/*
 * Writes the decision record, when one is asked for, or renders rep; then
 * reports its failed gates.  Returns its exit code.
 */
static int
show(struct run *run, const sp_report *rep, const char *input)
{
	const sp_format *fmt = run->cfg->format;
	sp_error err;
	sp_status rc;
	int i;

	sp_error_clear(&err);
	if ((run->rec.active && (rc = record_plan(&run->rec, run->cfg, rep,
	    &err)) != SP_OK) || (run->rec.write && (rc = record_write(
	    &run->rec, &run->text, rep, &run->ro, &err)) != SP_OK))
		return fail_one(run, input, &err, NULL, rc);
	if (run->rec.write && out_wanted(run->cfg->quiet))
		out_write(&run->text);
	else if (run->rec.write)
		sp_buf_clear(&run->text);
	else if (out_wanted(run->cfg->quiet)) {
		if (!run->first && (fmt->flags & SP_FORMAT_SEPARATE))
			sp_buf_putc(&run->text, '\n');
		if (fmt->render(&run->text, rep, &run->ro) != SP_OK) {
			msg_errorf("out of memory");
			return SP_EXIT_SOFTWARE;
		}
		run->first = 0;
		out_write(&run->text);
	}
	for (i = 0; rep->gates != NULL && i < rep->gates->ngates; i++)
		if (!rep->gates->gate[i].passed)
			msg_errorf("%s: gate %s failed: %s", input,
			    rep->gates->gate[i].name,
			    rep->gates->gate[i].detail);
	if (rep->decided == SP_DECIDED_NONE) {
		msg_errorf("%s: no option meets every must", input);
		return SP_EXIT_GATE;
	}
	return rep->gates_failed > 0 ? SP_EXIT_GATE : SP_EXIT_OK;
}

/*
 * Loads the group the operands name (one group file, or the members'
 * profiles), scores it and reports it; returns its exit code.
 */
static int
run_group(struct run *run, int n, char **paths)
{
	const char *input;
	const sp_report *rep;
	sp_group *g = NULL;
	sp_error err;
	sp_status rc;
	int code;

	sp_error_clear(&err);
	rc = sp_group_load(&g, run->m, (const char *const *)paths, n,
	    run->cfg->method, &err);
	input = rc != SP_OK ? paths[0] : g->file ? g->file : "<group>";
	if (rc == SP_OK)
		rc = sp_pipeline_run_group(run->pipe, g, input, &rep, &err);
	code = rc != SP_OK ? fail_one(run, input, &err, NULL, rc) :
	    show(run, rep, input);
	sp_group_free(g);
	return code;
}

/* Reads one profile and reports it; returns its exit code. */
static int
run_one(struct run *run, const char *path)
{
	const char *input = strcmp(path, "-") == 0 ? "<stdin>" : path;
	sp_profile prof;
	sp_errors all;
	sp_error err;
	sp_status rc;

	sp_error_clear(&err);
	sp_errors_clear(&all);
	if ((rc = sp_pipeline_load_all(&prof, run->m, path, input, &err,
	    &all)) != SP_OK)
		return fail_one(run, input, &err, &all, rc);
	return report(run, &prof, input);
}

/*
 * The questionnaire: answers (with path's profile, if any, as the
 * defaults) become a profile, which is scored and reported like a file,
 * then saved if the user wants.  Returns an exit code.
 */
static int
run_interactive(struct run *run, const char *path)
{
	sp_profile prof;
	sp_error err;
	sp_status rc;
	int code, saved;

	sp_error_clear(&err);
	if (path == NULL)
		sp_profile_defaults(&prof, run->m);
	else if ((rc = sp_pipeline_load(&prof, run->m, path, path, &err)) !=
	    SP_OK) {
		msg_error(&err);
		return msg_exit_code(rc);
	}
	if ((code = prompt_profile(&prof, run->m)) != 0)
		return code;
	if (run->cfg->pairwise && (code = prompt_pairwise(&prof, run->m)) != 0)
		return code;
	code = report(run, &prof, "<answers>");
	/* A failed gate still saves: the answers are as good as ever. */
	if (code != 0 && code != SP_EXIT_GATE)
		return code;
	saved = prompt_save(&prof, run->m, run->cfg->save, run->cfg->force);
	return saved > code ? saved : code;
}

/*
 * The day evidence is judged on, in days since 1970-01-01: from
 * SOURCE_DATE_EPOCH (seconds) when it is set, so that a report can be
 * reproduced, else from the clock.  Returns 0, or -1 when
 * SOURCE_DATE_EPOCH is not a whole number of seconds from 0.
 */
static int
today(long *out)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long t;

	if (s == NULL || *s == '\0') {
		*out = (long)(time(NULL) / 86400);
		return 0;
	}
	errno = 0;
	t = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || t < 0 || s[0] == '+' ||
	    s[0] == ' ')
		return -1;
	*out = (long)(t / 86400);
	return 0;
}

/* Loads the matrix and builds the pipeline, then does what was asked. */
static int
run_all(struct run *run, int argc, char **argv, int first)
{
	const struct config *cfg = run->cfg;
	sp_pipeline_opts po = { cfg->method, cfg->weights, cfg->nweights,
	    &cfg->spec };
	sp_error err;
	sp_status rc;
	int status = 0, code, i;
	long day;

	sp_error_clear(&err);
	if (today(&day) != 0) {
		msg_usage("SOURCE_DATE_EPOCH: '%s' is not a whole number of "
		    "seconds since 1970-01-01", getenv("SOURCE_DATE_EPOCH"));
		return SP_EXIT_USAGE;
	}
	if ((rc = sp_pipeline_new(&run->pipe, run->m, &po, &err)) == SP_OK)
		sp_pipeline_set_today(run->pipe, day);
	if (rc == SP_OK &&
	    cfg->action != ACTION_SCORE && cfg->action != ACTION_INTERACTIVE) {
		rc = actions_run(&run->text, cfg, run->m, &run->ro, &err);
		out_write(&run->text);
	}
	if (rc != SP_OK) {
		msg_error(&err);
		return msg_exit_code(rc);
	}
	if (cfg->action == ACTION_INTERACTIVE)
		return run_interactive(run, first < argc ? argv[first] : NULL);
	if (cfg->group)
		return run_group(run, argc - first, argv + first);
	if (cfg->implicit_stdin)
		return run_one(run, "-");
	for (i = first; cfg->action == ACTION_SCORE && i < argc &&
	    !out_failed(); i++) {
		code = run_one(run, argv[i]);
		if (code > status)
			status = code;
	}
	return status;
}

/* Loads what the run reads besides its profiles: matrix and baseline. */
static int
load_inputs(struct config *cfg, sp_matrix **m, sp_baseline **base)
{
	sp_errors all;
	sp_error err;
	sp_status rc;
	int code;

	sp_error_clear(&err);
	sp_errors_clear(&all);
	rc = cfg->matrix_path ? sp_matrix_load_all(m, cfg->matrix_path, &err,
	    &all) : sp_matrix_builtin(m, &err);
	if (rc == SP_OK && (code = actions_check_expect(cfg, *m)) != 0)
		return code;
	if (rc == SP_OK && cfg->baseline_path != NULL &&
	    (rc = sp_baseline_load(base, cfg->baseline_path, &err)) == SP_OK)
		cfg->spec.baseline = *base;
	if (rc != SP_OK) {
		msg_errors(&err, &all);
		return msg_exit_code(rc);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct config cfg;
	struct run run;
	sp_matrix *m = NULL;
	sp_baseline *base = NULL;
	int status, code, first = 1;

	/*
	 * A closed pipe shows up as EPIPE from write() instead of killing
	 * the process, so that stackpick can end quietly (see out).
	 */
	signal(SIGPIPE, SIG_IGN);
	memset(&cfg, 0, sizeof(cfg));
	memset(&run, 0, sizeof(run));
	if ((cfg.weights = calloc((size_t)argc + 1, sizeof(char *))) == NULL) {
		msg_errorf("out of memory");
		return SP_EXIT_SOFTWARE;
	}
	run.cfg = &cfg;
	run.first = 1;
	if ((status = cli_parse(&cfg, argc, argv, &first)) != 0) {
		free(cfg.weights);
		return status;
	}
	out_init(cfg.action == ACTION_HELP || cfg.action == ACTION_VERSION ?
	    NULL : cfg.output, !cfg.no_pager && (cfg.action == ACTION_SCORE ||
	    cfg.action == ACTION_SHOW_MATRIX || cfg.action == ACTION_HELP ||
	    cfg.action == ACTION_LIST_CRITERIA));
	run.ro.color = cfg.color >= 0 ? cfg.color : cfg.output == NULL &&
	    msg_color_auto();
	run.ro.pretty = cfg.pretty;
	run.ro.brief = cfg.brief;
	run.ro.width = out_columns();
	run.ro.no_charts = cfg.no_charts;
	msg_set_quiet(cfg.quiet);
	if (cfg.action == ACTION_HELP) {
		cli_usage(&run.text);
		out_write(&run.text);
	} else if (cfg.action == ACTION_VERSION) {
		actions_version(&run.text, cfg.verbose);
		out_write(&run.text);
	} else if ((status = load_inputs(&cfg, &m, &base)) == 0 &&
	    (status = record_setup(&run.rec, &cfg)) == 0) {
		run.ro.adr = run.rec.active ? &run.rec.adr : NULL;
		run.ro.cache = sp_render_cache_new();
		run.m = m;
		status = run_all(&run, argc, argv, first);
	}
	record_free(&run.rec);
	sp_render_cache_free(run.ro.cache);
	sp_pipeline_free(run.pipe);
	sp_buf_free(&run.text);
	sp_baseline_free(base);
	sp_matrix_free(m);
	free(cfg.weights);
	code = out_close(status);
	return code > status ? code : status;
}
