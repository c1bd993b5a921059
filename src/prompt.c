/*
 * The questionnaire on the terminal.  Questions, help and complaints go to
 * stderr; answers come from standard input, read with read(2) so that
 * Ctrl-C interrupts a waiting read: the SIGINT handler only sets a flag,
 * and it is installed without SA_RESTART so the read fails with EINTR and
 * the loop can stop cleanly.  The terminal's settings are never changed
 * (the line discipline does the editing), so there is nothing to restore
 * however the questionnaire ends.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stackpick/ahp.h"
#include "stackpick/buf.h"
#include "stackpick/file.h"
#include "stackpick/questionnaire.h"
#include "msg.h"
#include "prompt.h"

enum { LINE_OK, LINE_EOF, LINE_INTR, LINE_ERROR, LINE_BAD };

static volatile sig_atomic_t interrupted;
static struct sigaction old_sigint;
static int catching;

/* Standard input, buffered here rather than by stdio. */
static struct {
	char buf[4096];
	size_t len, pos;
	int eof;
	long lineno;   /* lines read so far */
	int scripted;  /* not a terminal: an invalid answer ends the run */
} in;

/* The answer being read: up to SP_MAX_ANSWER bytes and a NUL. */
static struct {
	char *s;
	size_t cap;
} line;

/* What the answers are called in messages, as in the report. */
static const char answers_name[] = "<answers>";

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void
catch_begin(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read must fail */
	if (sigaction(SIGINT, &sa, &old_sigint) != 0)
		return;
	/* A shell that started us ignoring SIGINT meant it. */
	if (old_sigint.sa_handler == SIG_IGN)
		sigaction(SIGINT, &old_sigint, NULL);
	else
		catching = 1;
}

static void
catch_end(void)
{
	if (catching)
		sigaction(SIGINT, &old_sigint, NULL);
	catching = 0;
}

/*
 * Reads one line from standard input into line.s (without its newline).
 * A line longer than SP_MAX_ANSWER bytes, or one holding a NUL byte, is
 * read to its end and reported as LINE_BAD.  A last line without a
 * newline still counts as a line.
 */
static int
read_line(void)
{
	size_t n = 0;
	int any = 0, bad = 0;
	char c;

	if (line.s == NULL) {
		if ((line.s = malloc(64)) == NULL)
			return LINE_ERROR;
		line.cap = 64;
	}
	for (;;) {
		if (in.pos == in.len) {
			ssize_t r;

			if (in.eof)
				break;
			if (interrupted)
				return LINE_INTR;
			r = read(STDIN_FILENO, in.buf, sizeof(in.buf));
			if (r < 0 && errno == EINTR) {
				if (interrupted)
					return LINE_INTR;
				continue;
			}
			if (r < 0)
				return LINE_ERROR;
			if (r == 0) {
				in.eof = 1;
				break;
			}
			in.len = (size_t)r;
			in.pos = 0;
		}
		c = in.buf[in.pos++];
		any = 1;
		if (c == '\n')
			break;
		if (c == '\0' || n >= SP_MAX_ANSWER) {
			bad = 1;
			continue;
		}
		if (n + 1 >= line.cap) {
			char *d = realloc(line.s, line.cap * 2);

			if (d == NULL)
				return LINE_ERROR;
			line.s = d;
			line.cap *= 2;
		}
		line.s[n++] = c;
	}
	line.s[n] = '\0';
	if (!any)
		return LINE_EOF;
	in.lineno++;
	return bad ? LINE_BAD : LINE_OK;
}

static void
line_free(void)
{
	free(line.s);
	line.s = NULL;
	line.cap = 0;
}

/*
 * When the answers come from a file or pipe nothing echoes them, so
 * stderr shows each one after its prompt, as a terminal would.
 */
static void
echo(const char *line)
{
	const char *s;

	if (isatty(STDIN_FILENO))
		return;
	for (s = line; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			fprintf(stderr, "\\x%02x", (unsigned char)*s);
		else
			fputc(*s, stderr);
	fputc('\n', stderr);
}

/* Prints text indented by two spaces, wrapped to fit 78 columns. */
static void
wrap(const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n = strlen(p), cut = n;

		if (n > 76) {
			for (cut = 76; cut > 0 && p[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = n;
		}
		fprintf(stderr, "  %.*s\n", (int)cut, p);
		p += cut;
		while (*p == ' ')
			p++;
	}
}

/*
 * Says why the answer on the line just read is not accepted.  At a
 * terminal the question is asked again (returns 0); answers from a file
 * or pipe cannot be asked again, so the run ends there with the line of
 * the answers that was wrong (returns SP_EXIT_DATA).
 */
static int
reject(sp_error *err)
{
	if (!in.scripted) {
		msg_errorf("%s", err->message);
		return 0;
	}
	snprintf(err->file, sizeof(err->file), "%s", answers_name);
	err->line = in.lineno > INT_MAX ? INT_MAX : (int)in.lineno;
	if (err->column < 1)
		err->column = 1;
	msg_error(err);
	return SP_EXIT_DATA;
}

/*
 * Reads an answer for a prompt already shown into line.s.  Returns
 * LINE_OK with the line, LINE_BAD after explaining (with *code set when
 * that ends the run), or a final outcome, already reported: the exit code
 * through *code.
 */
static int
answer(int *code)
{
	sp_error err;
	int r = read_line();

	switch (r) {
	case LINE_OK:
		echo(line.s);
		return r;
	case LINE_BAD:
		echo("");
		sp_error_clear(&err);
		sp_error_set(&err, SP_EDATA, "", 0, 1, "the answer is longer "
		    "than %d bytes or holds a NUL byte", SP_MAX_ANSWER);
		*code = reject(&err);
		return r;
	case LINE_INTR:
		fputc('\n', stderr);
		msg_errorf("interrupted; nothing was saved");
		*code = SP_EXIT_INTERRUPTED;
		return r;
	case LINE_EOF:
		fputc('\n', stderr);
		*code = SP_EXIT_NOINPUT;
		return r;
	default:
		msg_errorf("cannot read the answers: %s", strerror(errno));
		*code = SP_EXIT_NOINPUT;
		return r;
	}
}

/* What ask() returns when the answer was to go back a question. */
#define ASK_BACK (-1)
/* Input ended at the musts question, the last and optional one. */
#define ASK_ENDED (-2)

/* Shows the prompt for q, with the answer Enter takes in brackets. */
static void
show_prompt(const sp_question *q, const sp_matrix *m, const char *def)
{
	switch (q->kind) {
	case SP_ASK_NAME:
		fputs("name", stderr);
		break;
	case SP_ASK_TEAM:
		fprintf(stderr, "team %s", m->options[q->index].id);
		break;
	case SP_ASK_TRAIT:
		fputs(m->traits[q->index].id, stderr);
		break;
	case SP_ASK_MUSTS:
		fputs("musts", stderr);
		break;
	}
	fprintf(stderr, " [%s]: ", def[0] ? def : "skip");
}

/* Prints the help for q, and the other names its choices go by. */
static int
show_help(const sp_question *q, const sp_matrix *m)
{
	const char *help = sp_quiz_help(q, m);
	char *also = sp_quiz_aliases(q, m);

	if (also == NULL)
		return -1;
	wrap(help != NULL ? help : "No help for this question.");
	if (also[0] != '\0')
		wrap(also);
	free(also);
	return 0;
}

/*
 * Asks question k of n until it has an acceptable answer.  Returns 0,
 * ASK_BACK when the user asked for the question before, or an exit code.
 */
static int
ask(sp_profile *p, const sp_matrix *m, const sp_question *q, int k, int n)
{
	char *text = sp_quiz_question(q, m), *choices = sp_quiz_choices(q, m);
	char *def = NULL;
	sp_error err;
	int code = 0, r;

	if (text == NULL || choices == NULL)
		goto nomem;
	fprintf(stderr, "\n(%d/%d) %s\n", k, n, text);
	if (q->kind != SP_ASK_NAME)
		fprintf(stderr, "  %s\n", choices);
	for (;;) {
		free(def);
		if ((def = sp_quiz_default(q, p, m)) == NULL)
			goto nomem;
		show_prompt(q, m, def);
		r = answer(&code);
		if (r == LINE_BAD && code == 0)
			continue;
		/* Answers written before the musts question end before it:
		   the profile keeps the musts it has. */
		if (r == LINE_EOF && q->kind == SP_ASK_MUSTS) {
			code = ASK_ENDED;
			goto done;
		}
		if (r == LINE_EOF)
			msg_errorf("input ended before the last answer; "
			    "nothing was saved");
		if (r != LINE_OK)
			goto done;
		sp_error_clear(&err);
		switch (sp_quiz_answer(p, m, q, line.s, &err)) {
		case SP_ANSWER_VALUE:
		case SP_ANSWER_DEFAULT:
			goto done;
		case SP_ANSWER_BACK:
			if (k > 1) {
				code = ASK_BACK;
				goto done;
			}
			sp_error_set(&err, SP_EDATA, "", 0, 0, "there is no "
			    "question before this one");
			if ((code = reject(&err)) != 0)
				goto done;
			break;
		case SP_ANSWER_HELP:
			if (show_help(q, m) != 0)
				goto nomem;
			break;
		case SP_ANSWER_INVALID:
			if (err.status == SP_ENOMEM)
				goto nomem;
			if ((code = reject(&err)) != 0)
				goto done;
			break;
		case SP_ANSWER_EOF:
			code = SP_EXIT_NOINPUT;
			goto done;
		}
	}
nomem:
	msg_errorf("out of memory");
	code = SP_EXIT_SOFTWARE;
done:
	free(text);
	free(choices);
	free(def);
	return code;
}

/*
 * Reads the next answer into line.s: 1 when there is one, 0 when a bad
 * line at a terminal asks for another, -1 when the run ends (*code set,
 * after a message).
 */
static int
next_answer(int *code)
{
	int r = answer(code);

	if (r == LINE_BAD && *code == 0)
		return 0;
	if (r == LINE_EOF) {
		msg_errorf("input ended before the last answer; nothing was "
		    "saved");
		*code = SP_EXIT_NOINPUT;
	}
	return r == LINE_OK ? 1 : -1;
}

/*
 * Handles an answer sp_quiz_must() or sp_quiz_must_why() did not take:
 * 0 to ask again, or an exit code.
 */
static int
out_of_memory(void)
{
	msg_errorf("out of memory");
	return SP_EXIT_SOFTWARE;
}

static int
refused(sp_error *err)
{
	return err->status == SP_ENOMEM ? out_of_memory() : reject(err);
}

/*
 * What an answer that sets nothing leads to: 0 for the default,
 * ASK_BACK, ASK_AGAIN after the help (or a refused answer, at a
 * terminal), or an exit code.
 */
#define ASK_AGAIN (-3)

static int
settle(sp_answer a, sp_error *err, const char *help)
{
	int code;

	switch (a) {
	case SP_ANSWER_BACK:
		return ASK_BACK;
	case SP_ANSWER_HELP:
		wrap(help);
		return ASK_AGAIN;
	case SP_ANSWER_EOF:
		return SP_EXIT_NOINPUT;
	case SP_ANSWER_INVALID:
		return (code = refused(err)) != 0 ? code : ASK_AGAIN;
	default:
		return 0;
	}
}

/* Asks the reason for must mu: 0, ASK_BACK, or an exit code. */
static int
ask_why(sp_must *mu)
{
	sp_error err;
	sp_answer a;
	int code = 0, r;

	for (;;) {
		fputs(mu->kind == SP_MUST_MIN ? "why [skip]: " : "why: ",
		    stderr);
		if ((r = next_answer(&code)) <= 0) {
			if (r < 0)
				return code;
			continue;
		}
		sp_error_clear(&err);
		a = sp_quiz_must_why(mu, line.s, &err);
		if (a == SP_ANSWER_VALUE)
			return 0;
		if ((code = settle(a, &err, "Say why, in one line of up to 160 "
		    "bytes: the report shows it wherever the must is named."))
		    != ASK_AGAIN)
			return code;
	}
}

/* Lists p's musts as they would be typed. */
static int
show_musts(const sp_profile *p, const sp_matrix *m)
{
	char *t;
	int i;

	if (p->nmusts > 0)
		fputs("  The musts so far:\n", stderr);
	for (i = 0; i < p->nmusts; i++) {
		if ((t = sp_quiz_must_text(&p->must[i], m)) == NULL)
			return -1;
		fprintf(stderr, "    %s\n", t);
		free(t);
	}
	fputs("  Type one more a line (? explains), or press Enter when "
	    "there are no more.\n", stderr);
	return 0;
}

/*
 * Asks for musts one at a time, each with its reason, until an empty
 * line: 0, ASK_BACK to ask whether there are any again, or an exit code.
 */
static int
ask_each_must(sp_profile *p, const sp_matrix *m)
{
	sp_error err;
	sp_answer a;
	char *help = NULL;
	int code = 0, r;

	if (show_musts(p, m) != 0)
		return out_of_memory();
	for (;;) {
		fputs("must [done]: ", stderr);
		if ((r = next_answer(&code)) <= 0) {
			if (r < 0)
				return code;
			continue;
		}
		sp_error_clear(&err);
		a = sp_quiz_must(p, m, line.s, &err);
		if (a == SP_ANSWER_VALUE) {
			if ((code = ask_why(&p->must[p->nmusts - 1])) ==
			    ASK_BACK)
				p->nmusts--;
			else if (code != 0)
				return code;
			continue;
		}
		if (a == SP_ANSWER_HELP && (help = sp_quiz_must_help(m)) ==
		    NULL)
			return out_of_memory();
		code = settle(a, &err, help);
		free(help);
		help = NULL;
		if (code != ASK_AGAIN)
			return code;
	}
}

/*
 * The musts question, k of n: whether anything is non-negotiable and, if
 * so, each must.  "<" while giving them starts the question over, with
 * the musts p had before it.  Returns 0, ASK_BACK, or an exit code.
 */
static int
ask_musts(sp_profile *p, const sp_matrix *m, const sp_question *q, int k,
    int n)
{
	sp_must before[SP_MAX_MUSTS];
	int nbefore = p->nmusts, code, yes;
	sp_error err;

	memcpy(before, p->must, sizeof(before));
	for (;;) {
		if ((code = ask(p, m, q, k, n)) == ASK_ENDED)
			return 0;
		if (code != 0)
			return code;
		/* ask() took the answer in line.s: was it a yes? */
		sp_error_clear(&err);
		(void)sp_quiz_musts_wanted(&yes, p, line.s, &err);
		if (!yes || (code = ask_each_must(p, m)) != ASK_BACK)
			return code;
		memcpy(p->must, before, sizeof(before));
		p->nmusts = nbefore;
	}
}

int
prompt_profile(sp_profile *p, const sp_matrix *m)
{
	sp_question q[SP_MAX_QUESTIONS];
	int n = sp_quiz_plan(q, m), i = 0, code = 0;

	fflush(stdout);
	in.scripted = !isatty(STDIN_FILENO);
	fputs("Describe the project in a few answers.  Enter takes the "
	    "default in brackets,\n? explains a question, < goes back to the "
	    "one before, and Ctrl-C stops\nwithout saving anything.\n",
	    stderr);
	catch_begin();
	while (i < n && code == 0) {
		code = q[i].kind == SP_ASK_MUSTS ? ask_musts(p, m, &q[i],
		    i + 1, n) : ask(p, m, &q[i], i + 1, n);
		if (code == ASK_BACK) {
			code = 0;
			i--;
		} else if (code == 0) {
			i++;
		}
	}
	catch_end();
	line_free();
	if (code == 0) {
		sp_quiz_finish(p, m);
		fputc('\n', stderr);
	}
	return code;
}

static const char save_help[] =
    "The answers are written as a commented YAML profile: 'stackpick "
    "FILE' prints this report again, 'stackpick --interactive FILE' asks "
    "the questions with its values as the defaults.  ~/ at the start "
    "stands for your home directory.  Press Enter to save nothing.";

/*
 * Asks for the file to save to: 0 with the path in *path, left empty
 * when nothing is to be saved; otherwise an exit code.  After a refused
 * name (retry set) the end of input saves nothing and says so.
 */
static int
ask_path(sp_buf *path, int retry)
{
	sp_error err;
	int code = 0, r;

	for (;;) {
		fputs("file name [skip]: ", stderr);
		r = answer(&code);
		if (r == LINE_BAD && code == 0)
			continue;
		if (r == LINE_EOF && retry) {
			msg_errorf("input ended; nothing was saved");
			return SP_EXIT_CANTCREAT;
		}
		if (r == LINE_EOF)
			code = 0;
		if (r != LINE_OK)
			return code;
		sp_error_clear(&err);
		switch (sp_quiz_path(path, line.s, getenv("HOME"), &err)) {
		case SP_ANSWER_VALUE:
		case SP_ANSWER_DEFAULT:
		case SP_ANSWER_EOF:
		case SP_ANSWER_BACK:
			return 0;
		case SP_ANSWER_HELP:
			wrap(save_help);
			break;
		case SP_ANSWER_INVALID:
			if ((code = refused(&err)) != 0)
				return code;
			break;
		}
	}
}

/* Asks whether to replace path; 0 with *yes set, or an exit code. */
static int
confirm_replace(const char *path, int *yes)
{
	sp_error err;
	int code = 0, r;

	*yes = 0;
	for (;;) {
		fprintf(stderr, "%s exists.  Replace it? [no]: ", path);
		r = answer(&code);
		if (r == LINE_BAD && code == 0)
			continue;
		if (r == LINE_EOF)
			return 0;
		if (r != LINE_OK)
			return code;
		sp_error_clear(&err);
		switch (sp_quiz_yesno(yes, line.s, &err)) {
		case SP_ANSWER_VALUE:
		case SP_ANSWER_EOF:
			return 0;
		case SP_ANSWER_DEFAULT:
		case SP_ANSWER_BACK: /* not a yes/no answer */
			*yes = 0;
			return 0;
		case SP_ANSWER_HELP:
			wrap("Answer yes to replace the file with the new "
			    "answers (the old one is kept until the new one "
			    "is safely written), or no to leave it alone.");
			break;
		case SP_ANSWER_INVALID:
			if ((code = refused(&err)) != 0)
				return code;
			break;
		}
	}
}

/*
 * Says why path could not be written: that its directory does not exist,
 * when that is why, in place of the system's words about a temporary
 * file.
 */
static void
write_failed(const char *path, const sp_error *err)
{
	const char *slash = strrchr(path, '/');
	sp_buf dir = SP_BUF_INIT;
	struct stat st;

	if (slash != NULL && slash != path) {
		sp_buf_putn(&dir, path, (size_t)(slash - path));
		if (!dir.oom && stat(sp_buf_cstr(&dir), &st) != 0 &&
		    errno == ENOENT) {
			msg_errorf("%s: the directory %s does not exist", path,
			    sp_buf_cstr(&dir));
			sp_buf_free(&dir);
			return;
		}
	}
	sp_buf_free(&dir);
	msg_error(err);
}

/*
 * Writes text to path, asking first before replacing a file unless
 * force.  Returns 0 with *refused set when the file was not written and
 * another name may do (a file kept, not a regular file, a directory
 * missing, no permission), after saying why; otherwise an exit code.
 */
static int
save_to(const char *path, const char *text, size_t len, int force,
    int *refused)
{
	sp_error err;
	sp_status rc;
	int code, yes, exists;

	*refused = 1;
	sp_error_clear(&err);
	/* Only a regular file is ever replaced: do not even ask. */
	if (sp_file_replaceable(path, &exists, &err) != SP_OK) {
		msg_error(&err);
		return 0;
	}
	if (!force && exists) {
		if ((code = confirm_replace(path, &yes)) != 0)
			return code;
		if (!yes) {
			msg_errorf("%s: file exists; not replaced", path);
			return 0;
		}
		force = 1;
	}
	sp_error_clear(&err);
	if ((rc = sp_file_write_atomic(path, text, len, force, &err)) !=
	    SP_OK) {
		write_failed(path, &err);
		return rc == SP_ECREATE ? 0 : msg_exit_code(rc);
	}
	*refused = 0;
	fprintf(stderr, "Saved the answers to %s; 'stackpick %s' prints "
	    "this report again.\n", path, path);
	return 0;
}

int
prompt_save(const sp_profile *p, const sp_matrix *m, const char *path,
    int force)
{
	sp_buf name = SP_BUF_INIT;
	char *text = NULL;
	sp_error err;
	sp_status rc;
	size_t len;
	int code = 0, declined = 0;

	fflush(stdout);
	in.scripted = !isatty(STDIN_FILENO);
	catch_begin();
	sp_error_clear(&err);
	if ((rc = sp_profile_write(&text, &len, p, m, &err)) != SP_OK) {
		msg_error(&err);
		code = msg_exit_code(rc);
		goto done;
	}
	if (path == NULL)
		fputs("\nSave these answers as a profile to run or edit "
		    "later?\n", stderr);
	for (;;) {
		if (path == NULL) {
			if ((code = ask_path(&name, declined)) != 0 ||
			    name.len == 0)
				break;
			path = sp_buf_cstr(&name);
		}
		if ((code = save_to(path, text, len, force, &declined)) != 0 ||
		    !declined)
			break;
		/* Answers from a file cannot react to a refusal. */
		if (in.scripted) {
			code = SP_EXIT_CANTCREAT;
			break;
		}
		fputs("Type another file name, or press Enter to save "
		    "nothing.\n", stderr);
		path = NULL;
	}
done:
	catch_end();
	line_free();
	sp_buf_free(&name);
	free(text);
	return code;
}

/*
 * Asks how criterion a compares with b: 0 with the answer in *ratio (0:
 * no judgement), or an exit code.
 */
static int
ask_pair(const sp_matrix *m, int a, int b, double *ratio)
{
	sp_buf def = SP_BUF_INIT;
	sp_error err;
	int code = 0, r;

	for (;;) {
		fprintf(stderr, "How many times more does %s matter than %s?\n",
		    m->criteria[a].label, m->criteria[b].label);
		sp_buf_clear(&def);
		if (*ratio > 0)
			sp_buf_printf(&def, *ratio >= 1 ? "%.3g" : "1/%.3g",
			    *ratio >= 1 ? *ratio : 1 / *ratio);
		else
			sp_buf_puts(&def, "skip");
		fprintf(stderr, "  1 equal, 3 moderately, 5 strongly, 7 very "
		    "strongly, 9 extremely;\n  1/3, 1/5 ... for the reverse "
		    "[%s]: ", sp_buf_cstr(&def));
		fflush(stderr);
		if ((r = answer(&code)) == LINE_BAD && code == 0)
			continue;
		if (r != LINE_OK)
			break;
		if (line.s[0] == '\0' || strcmp(line.s, "skip") == 0) {
			*ratio = line.s[0] == '\0' ? *ratio : 0;
			break;
		}
		if (sp_ahp_parse_ratio(line.s, ratio) == 0)
			break;
		sp_error_clear(&err);
		sp_error_set(&err, SP_EDATA, "", 0, 1, "'%s' is not a ratio "
		    "from 1/9 to 9", line.s);
		if ((code = reject(&err)) != 0)
			break;
	}
	sp_buf_free(&def);
	return code;
}

int
prompt_pairwise(sp_profile *p, const sp_matrix *m)
{
	int crit[SP_AHP_ASK], n = sp_ahp_ask_plan(crit, p, m), i, j, code = 0;
	double ratio;

	if (n < 2)
		return 0;
	in.scripted = !isatty(STDIN_FILENO);
	fprintf(stderr, "Now compare the %d criteria that weigh most, two at "
	    "a time.  Enter keeps the\nanswer in brackets; skip leaves a "
	    "pair out.\n", n);
	catch_begin();
	for (i = 0; i < n && code == 0; i++)
		for (j = i + 1; j < n && code == 0; j++) {
			ratio = sp_ahp_get(p, crit[i], crit[j]);
			if ((code = ask_pair(m, crit[i], crit[j], &ratio)) == 0)
				sp_ahp_set(p, crit[i], crit[j], ratio);
		}
	catch_end();
	line_free();
	if (code == 0 && sp_ahp_keep_connected(p) > 0)
		fputs("Some judgements were not joined to the others, and are "
		    "left out.\n", stderr);
	if (code == 0)
		fputc('\n', stderr);
	return code;
}
