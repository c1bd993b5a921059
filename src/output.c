/*
 * Standard output (see output.h).  A reader that goes away early (a pipe
 * into head, or quitting the pager) is not an error: stackpick stops
 * writing but still checks every input, so the exit code keeps its
 * meaning.  Any other failed write is reported once, at the end.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stackpick/file.h"
#include "msg.h"
#include "output.h"

static struct {
	int closed;          /* the reader went away (EPIPE) */
	int error;           /* errno of a failed write, or 0 */
	const char *path;    /* --output */
	sp_buf kept;         /* what --output will hold */
	int pager;           /* page on a terminal */
	pid_t pid;           /* the pager, once started */
} out;

void
out_init(const char *path, int pager)
{
	sp_buf_free(&out.kept);
	memset(&out, 0, sizeof(out));
	out.path = path;
	out.pager = pager && path == NULL && isatty(STDOUT_FILENO);
}

int
out_columns(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n = 0;

	if (env != NULL && env[0] != '\0') {
		n = strtol(env, &end, 10);
		if (*end != '\0')
			n = 0;
	}
	if (n <= 0 && isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
		n = ws.ws_col;
	if (n <= 0)
		n = 80;
	if (n > 1000)
		n = 1000;
	return n < OUT_MIN_COLUMNS ? OUT_MIN_COLUMNS : (int)n;
}

/* Whether an executable named name is on PATH. */
static int
on_path(const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	sp_buf full = SP_BUF_INIT;
	int found = 0;

	for (p = path != NULL ? path : ""; !found && *p; p = end) {
		end = p + strcspn(p, ":");
		sp_buf_clear(&full);
		sp_buf_putn(&full, p, (size_t)(end - p));
		sp_buf_printf(&full, "/%s", name);
		found = !full.oom && access(sp_buf_cstr(&full), X_OK) == 0;
		if (*end == ':')
			end++;
	}
	sp_buf_free(&full);
	return found;
}

/*
 * Starts $PAGER (less -FRX by default, and LESS=FRX when LESS is unset)
 * with stdout going into it.  Without a pager (PAGER empty or "cat", or
 * one that cannot start) output goes to the terminal as it is.
 */
static void
start_pager(void)
{
	const char *pager = getenv("PAGER");
	int fd[2];
	pid_t pid;

	out.pager = 0;
	/* Without PAGER, page only when less is there to do it. */
	if (pager == NULL && !on_path("less"))
		return;
	if (pager == NULL)
		pager = "less";
	if (pager[0] == '\0' || strcmp(pager, "cat") == 0 || pipe(fd) != 0)
		return;
	fflush(stdout);
	if ((pid = fork()) < 0) {
		close(fd[0]);
		close(fd[1]);
		return;
	}
	if (pid == 0) {
		dup2(fd[0], STDIN_FILENO);
		close(fd[0]);
		close(fd[1]);
		setenv("LESS", "FRX", 0);
		signal(SIGPIPE, SIG_DFL);
		execl("/bin/sh", "sh", "-c", pager, (char *)NULL);
		_exit(127);
	}
	dup2(fd[1], STDOUT_FILENO);
	close(fd[0]);
	close(fd[1]);
	out.pid = pid;
}

int
out_wanted(int quiet)
{
	return !quiet && !out.closed && out.error == 0;
}

int
out_failed(void)
{
	return out.error != 0;
}

void
out_write(sp_buf *b)
{
	int failed, e;

	if (out.path != NULL) {
		sp_buf_putn(&out.kept, sp_buf_cstr(b), b->len);
		sp_buf_clear(b);
		return;
	}
	if (out.pager && b->len > 0)
		start_pager();
	errno = 0;
	failed = fwrite(sp_buf_cstr(b), 1, b->len, stdout) != b->len ||
	    fflush(stdout) != 0 || ferror(stdout);
	e = errno;
	sp_buf_clear(b);
	if (!failed)
		return;
	clearerr(stdout);
	if (e == EPIPE)
		out.closed = 1;
	else if (out.error == 0)
		out.error = e != 0 ? e : EIO;
}

/* Writes the --output file; returns an exit code. */
static int
write_kept(int status)
{
	sp_error err;
	sp_status rc;

	if (out.kept.oom) {
		msg_errorf("out of memory");
		return SP_EXIT_SOFTWARE;
	}
	if (status >= SP_EXIT_USAGE) {
		msg_errorf("%s: not written, since the run failed", out.path);
		return 0;
	}
	sp_error_clear(&err);
	rc = sp_file_write_atomic(out.path, sp_buf_cstr(&out.kept),
	    out.kept.len, 1, &err);
	if (rc != SP_OK) {
		msg_error(&err);
		return msg_exit_code(rc);
	}
	return 0;
}

/*
 * Waits for the pager; whether it failed (exited with a status other than
 * 0 or died of a signal other than SIGPIPE), which a reader quitting it
 * early never does.
 */
static int
pager_failed(void)
{
	int st;

	while (waitpid(out.pid, &st, 0) < 0)
		if (errno != EINTR)
			return 0;
	if (WIFEXITED(st))
		return WEXITSTATUS(st) != 0;
	return WIFSIGNALED(st) && WTERMSIG(st) != SIGPIPE;
}

int
out_close(int status)
{
	int code = 0;

	if (out.path != NULL) {
		code = write_kept(status);
		sp_buf_free(&out.kept);
	}
	errno = 0;
	if (!out.closed && (fflush(stdout) != 0 || ferror(stdout)) &&
	    out.error == 0)
		out.error = errno != 0 ? errno : EIO;
	errno = 0;
	if (fclose(stdout) != 0 && !out.closed && out.error == 0)
		out.error = errno != 0 ? errno : EIO;
	if (out.pid > 0 && pager_failed()) {
		msg_errorf("the pager (PAGER) failed, and the report was not "
		    "shown; run with --no-pager");
		return SP_EXIT_IOERR;
	}
	if (out.closed || out.error == EPIPE || out.error == 0)
		return code;
	msg_errorf("write error: %s", strerror(out.error));
	return SP_EXIT_IOERR;
}
