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
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
} in;

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
 * Reads one line from standard input into line (without its newline).
 * A line longer than size - 1 bytes, or one holding a NUL byte, is read
 * to its end and reported as LINE_BAD.  A last line without a newline
 * still counts as a line.
 */
static int
read_line(char *line, size_t size)
{
	size_t n = 0;
	int any = 0, bad = 0;
	char c;

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
		if (c == '\0' || n + 1 >= size)
			bad = 1;
		else
			line[n++] = c;
	}
	line[n] = '\0';
	if (!any)
		return LINE_EOF;
	return bad ? LINE_BAD : LINE_OK;
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
 * Reads an answer for a prompt already shown.  Returns LINE_OK with the
 * line, LINE_BAD after explaining, or a final outcome, already reported:
 * the exit code through *code.
 */
static int
answer(char *line, size_t size, int *code)
{
	int r = read_line(line, size);

	switch (r) {
	case LINE_OK:
		echo(line);
		return r;
	case LINE_BAD:
		echo("");
		msg_errorf("the answer is longer than %d bytes or holds a "
		    "NUL byte", SP_MAX_ANSWER);
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
	char text[512], choices[1024], def[SP_NAME_MAX + 32], key[80];
	char line[SP_MAX_ANSWER + 2];
	const char *help;
	sp_error err;
	int code = 0, r;

	sp_quiz_question(text, sizeof(text), q, m);
	sp_quiz_choices(choices, sizeof(choices), q, m);
	switch (q->kind) {
	case SP_ASK_NAME:
		snprintf(key, sizeof(key), "name");
		break;
	case SP_ASK_TEAM:
		snprintf(key, sizeof(key), "team %s", m->options[q->index].id);
		break;
	case SP_ASK_TRAIT:
		snprintf(key, sizeof(key), "%s", m->traits[q->index].id);
		break;
	}
	fprintf(stderr, "\n(%d/%d) %s\n", k, n, text);
	if (q->kind != SP_ASK_NAME)
		fprintf(stderr, "  %s\n", choices);
	for (;;) {
		sp_quiz_default(def, sizeof(def), q, p, m);
		fprintf(stderr, "%s [%s]: ", key, def[0] ? def : "skip");
		r = answer(line, sizeof(line), &code);
		if (r == LINE_BAD)
			continue;
		if (r == LINE_EOF)
			msg_errorf("input ended before the last answer; "
			    "nothing was saved");
		if (r != LINE_OK)
			return code;
		sp_error_clear(&err);
		switch (sp_quiz_answer(p, m, q, line, &err)) {
		case SP_ANSWER_VALUE:
		case SP_ANSWER_DEFAULT:
			return 0;
		case SP_ANSWER_HELP:
			help = sp_quiz_help(q, m);
			wrap(help != NULL ? help :
			    "No help for this question.");
			break;
		case SP_ANSWER_INVALID:
			msg_errorf("%s", err.message);
			break;
		case SP_ANSWER_EOF:
			return SP_EXIT_NOINPUT;
		}
	}
}

int
prompt_profile(sp_profile *p, const sp_matrix *m)
{
	sp_question q[SP_MAX_QUESTIONS];
	int n = sp_quiz_plan(q, m), i, code = 0;

	fflush(stdout);
	fputs("Describe the project in a few answers.  Enter takes the "
	    "default in brackets,\n? explains a question, Ctrl-C stops "
	    "without saving anything.\n", stderr);
	catch_begin();
	for (i = 0; i < n && code == 0; i++)
		code = ask(p, m, &q[i], i + 1, n);
	catch_end();
	if (code == 0) {
		sp_quiz_finish(p, m);
		fputc('\n', stderr);
	}
	return code;
}

/* Asks for the file to save to; 0 with *path "" means do not save. */
static int
ask_path(char *path, size_t size)
{
	char line[SP_MAX_ANSWER + 2];
	size_t b, e;
	int code = 0, r;

	fputs("\nSave these answers as a profile to run or edit later?\n",
	    stderr);
	for (;;) {
		fputs("file name [skip]: ", stderr);
		r = answer(line, sizeof(line), &code);
		if (r == LINE_BAD)
			continue;
		if (r == LINE_EOF)
			code = 0;
		if (r != LINE_OK) {
			path[0] = '\0';
			return code;
		}
		for (b = 0; line[b] == ' ' || line[b] == '\t'; b++)
			;
		for (e = strlen(line); e > b && (line[e - 1] == ' ' ||
		    line[e - 1] == '\t' || line[e - 1] == '\r'); e--)
			;
		if (e - b == 1 && line[b] == '?') {
			wrap("The answers are written as a commented YAML "
			    "profile: 'stackpick FILE' prints this report "
			    "again, 'stackpick --interactive FILE' asks the "
			    "questions with its values as the defaults.  "
			    "Press Enter to save nothing.");
			continue;
		}
		if (e - b >= size) {
			msg_errorf("the file name is too long");
			continue;
		}
		memcpy(path, line + b, e - b);
		path[e - b] = '\0';
		return 0;
	}
}

/* Asks whether to replace path; 0 with *yes set, or an exit code. */
static int
confirm_replace(const char *path, int *yes)
{
	char line[SP_MAX_ANSWER + 2];
	sp_error err;
	int code = 0, r;

	*yes = 0;
	for (;;) {
		fprintf(stderr, "%s exists.  Replace it? [no]: ", path);
		r = answer(line, sizeof(line), &code);
		if (r == LINE_BAD)
			continue;
		if (r == LINE_EOF)
			return 0;
		if (r != LINE_OK)
			return code;
		switch (sp_quiz_yesno(yes, line, &err)) {
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
			msg_errorf("%s", err.message);
			break;
		}
	}
}

int
prompt_save(const sp_profile *p, const sp_matrix *m, const char *path,
    int force)
{
	char name[4096], *text = NULL;
	struct stat st;
	sp_error err;
	sp_status rc;
	size_t len;
	int code = 0, yes;

	fflush(stdout);
	catch_begin();
	if (path == NULL) {
		if ((code = ask_path(name, sizeof(name))) != 0 ||
		    name[0] == '\0')
			goto done;
		path = name;
	}
	if (!force && lstat(path, &st) == 0) {
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
	free(text);
	return code;
}
