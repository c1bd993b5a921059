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
#include <unistd.h>

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

/* Asks question k of n until it has an acceptable answer. */
static int
ask(sp_profile *p, const sp_matrix *m, const sp_question *q, int k, int n)
{
	char *text = sp_quiz_question(q, m), *choices = sp_quiz_choices(q, m);
	char *def = NULL;
	const char *help;
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
		}
		fprintf(stderr, " [%s]: ", def[0] ? def : "skip");
		r = answer(&code);
		if (r == LINE_BAD && code == 0)
			continue;
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
		case SP_ANSWER_HELP:
			help = sp_quiz_help(q, m);
			wrap(help != NULL ? help :
			    "No help for this question.");
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

int
prompt_profile(sp_profile *p, const sp_matrix *m)
{
	sp_question q[SP_MAX_QUESTIONS];
	int n = sp_quiz_plan(q, m), i, code = 0;

	fflush(stdout);
	in.scripted = !isatty(STDIN_FILENO);
	fputs("Describe the project in a few answers.  Enter takes the "
	    "default in brackets,\n? explains a question, Ctrl-C stops "
	    "without saving anything.\n", stderr);
	catch_begin();
	for (i = 0; i < n && code == 0; i++)
		code = ask(p, m, &q[i], i + 1, n);
	catch_end();
	line_free();
	if (code == 0) {
		sp_quiz_finish(p, m);
		fputc('\n', stderr);
	}
	return code;
}

/*
 * Asks for the file to save to: 0 with *path the caller's to free(), or
 * NULL when nothing is to be saved; otherwise an exit code.
 */
static int
ask_path(char **path)
{
	size_t b, e;
	int code = 0, r;

	*path = NULL;
	fputs("\nSave these answers as a profile to run or edit later?\n",
	    stderr);
	for (;;) {
		fputs("file name [skip]: ", stderr);
		r = answer(&code);
		if (r == LINE_BAD && code == 0)
			continue;
		if (r == LINE_EOF)
			code = 0;
		if (r != LINE_OK)
			return code;
		for (b = 0; line.s[b] == ' ' || line.s[b] == '\t'; b++)
			;
		for (e = strlen(line.s); e > b && (line.s[e - 1] == ' ' ||
		    line.s[e - 1] == '\t' || line.s[e - 1] == '\r'); e--)
			;
		if (e - b == 1 && line.s[b] == '?') {
			wrap("The answers are written as a commented YAML "
			    "profile: 'stackpick FILE' prints this report "
			    "again, 'stackpick --interactive FILE' asks the "
			    "questions with its values as the defaults.  "
			    "Press Enter to save nothing.");
			continue;
		}
		if (e == b)
			return 0;
		if ((*path = malloc(e - b + 1)) == NULL) {
			msg_errorf("out of memory");
			return SP_EXIT_SOFTWARE;
		}
		memcpy(*path, line.s + b, e - b);
		(*path)[e - b] = '\0';
		return 0;
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
			*yes = 0;
			return 0;
		case SP_ANSWER_HELP:
			wrap("Answer yes to replace the file with the new "
			    "answers (the old one is kept until the new one "
			    "is safely written), or no to leave it alone.");
			break;
		case SP_ANSWER_INVALID:
			if (err.status == SP_ENOMEM) {
				msg_errorf("out of memory");
				return SP_EXIT_SOFTWARE;
			}
			if ((code = reject(&err)) != 0)
				return code;
			break;
		}
	}
}

int
prompt_save(const sp_profile *p, const sp_matrix *m, const char *path,
    int force)
{
	char *name = NULL, *text = NULL;
	sp_error err;
	sp_status rc;
	size_t len;
	int code = 0, yes, exists;

	fflush(stdout);
	in.scripted = !isatty(STDIN_FILENO);
	catch_begin();
	if (path == NULL) {
		if ((code = ask_path(&name)) != 0 || name == NULL)
			goto done;
		path = name;
	}
	sp_error_clear(&err);
	/* Only a regular file is ever replaced: do not even ask. */
	if ((rc = sp_file_replaceable(path, &exists, &err)) != SP_OK) {
		msg_error(&err);
		code = msg_exit_code(rc);
		goto done;
	}
	if (!force && exists) {
		if ((code = confirm_replace(path, &yes)) != 0)
			goto done;
		if (!yes) {
			msg_errorf("%s: file exists; not replaced", path);
			code = SP_EXIT_CANTCREAT;
			goto done;
		}
		force = 1;
	}
	sp_error_clear(&err);
	rc = sp_profile_write(&text, &len, p, m, &err);
	if (rc == SP_OK)
		rc = sp_file_write_atomic(path, text, len, force, &err);
	if (rc != SP_OK) {
		msg_error(&err);
		code = msg_exit_code(rc);
		goto done;
	}
	fprintf(stderr, "Saved the answers to %s; 'stackpick %s' prints "
	    "this report again.\n", path, path);
done:
	catch_end();
	line_free();
	free(name);
	free(text);
	return code;
}
