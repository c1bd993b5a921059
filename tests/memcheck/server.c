/*
 * sp-memcheck-server: stackpick's front end, forked once per run, for the
 * CLI tests of the valgrind preset (see docs/testing.md).
 *
 * valgrind spends most of a short run starting up and translating code.
 * This server starts under valgrind once, runs stackpick's main on the
 * common command lines (every format over shipped examples, the matrix
 * as a file, errors; see warm), and then serves runs of stackpick: for
 * each connection on its socket it
 * forks, and the child takes the client's working directory, umask,
 * environment, standard streams and arguments and runs stackpick's main.
 * A forked child inherits valgrind's translations, so it costs a fraction
 * of a fresh start.  valgrind checks each child as the process it is: its
 * errors and leaks give it valgrind's error exit code, which the server
 * sends back to the client (sp-memcheck-client), with the child's pid so
 * the client can show the child's log.
 *
 *   sp-memcheck-server SOCKET DATADIR
 *
 * It ends on SIGTERM or SIGINT, or after SP_IDLE_S seconds (ten minutes)
 * with no run, so that an interrupted suite leaves no server behind.  A
 * run whose client has gone (killed by a timeout, say) is killed too.
 */
#define _GNU_SOURCE /* POLLRDHUP */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stackpick/render.h"

#include "protocol.h"

/* stackpick's main (src/main.c, compiled with main renamed). */
int sp_cli_main(int argc, char **argv);

extern char **environ;

#define SP_IDLE_S 600
#define SP_MAX_RUNS 32

static struct run {
	pid_t pid;  /* 0: free */
	int conn;
	int killed; /* its client went away */
} runs[SP_MAX_RUNS];

static int wake[2] = { -1, -1 };
static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	int saved = errno;

	if (sig != SIGCHLD)
		stop = 1;
	(void)!write(wake[1], "", 1);
	errno = saved;
}

/*
 * Runs stackpick's main on argv (NULL-ended) with stdout on /dev/null.
 * main closes stdout at its end; the stream is opened again first, as
 * file descriptor 1, so that a child finds it as a fresh process would
 * (nothing buffered, no buffer yet), and getopt starts again (optind 0).
 * Returns 0 if stdout could not be opened again.
 */
static int
run_main(char **argv)
{
	int argc = 0;

	if (freopen("/dev/null", "w", stdout) == NULL ||
	    fileno(stdout) != STDOUT_FILENO)
		return 0;
	while (argv[argc] != NULL)
		argc++;
	optind = 0;
	(void)sp_cli_main(argc, argv);
	return 1;
}

/*
 * Runs what most runs of stackpick run, so that the children find it
 * translated: every format over two shipped examples, indented JSON, the
 * shipped matrix as a file and its views, a file that is no profile,
 * --version and a wrong option; messages to /dev/null.
 * Leaves stdout open on /dev/null.  Returns 0 if it could not.
 */
static int
warm(const char *datadir)
{
	static const char *const examples[] = { "realtime-chat",
	    "ml-pipelines" };
	char ex[4096], matrix[4096];
	char *others[][6] = {
		{ "stackpick", "--format", "json", "--pretty", ex, NULL },
		{ "stackpick", "--matrix", matrix, "--show-matrix", NULL },
		{ "stackpick", matrix, NULL },
		{ "stackpick", "--version", NULL },
		{ "stackpick", "--no-such-option", NULL },
	};
	int err = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);
	const sp_format *formats = NULL;
	size_t nf = 0, e, i;
	int ok = 1;

	snprintf(matrix, sizeof(matrix), "%s/matrix.yaml", datadir);
	if (err < 0 || null < 0 || dup2(null, STDERR_FILENO) < 0)
		return 0;
	formats = sp_formats(&nf);
	for (e = 0; ok && e < sizeof(examples) / sizeof(examples[0]); e++) {
		snprintf(ex, sizeof(ex), "%s/examples/%s.yaml", datadir,
		    examples[e]);
		for (i = 0; ok && i < nf; i++) {
			char *argv[] = { "stackpick", "--format",
			    (char *)formats[i].name, ex, NULL };

			ok = run_main(argv);
		}
	}
	for (i = 0; ok && i < sizeof(others) / sizeof(others[0]); i++)
		ok = run_main(others[i]);
	ok = ok && freopen("/dev/null", "w", stdout) != NULL &&
	    fileno(stdout) == STDOUT_FILENO;
	dup2(err, STDERR_FILENO);
	close(err);
	close(null);
	return ok;
}

/* Reads exactly n bytes; 0 on end of file or error. */
static int
read_all(int fd, void *p, size_t n)
{
	char *c = p;

	while (n > 0) {
		ssize_t r = read(fd, c, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		c += r;
		n -= (size_t)r;
	}
	return 1;
}

/* Splits n NUL-ended strings off *p into a new array, NULL-ended. */
static char **
split(char **p, const char *end, uint32_t n)
{
	char **v = calloc((size_t)n + 1, sizeof(char *));
	uint32_t i;

	if (v == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		const char *nul = memchr(*p, '\0', (size_t)(end - *p));

		if (nul == NULL) {
			free(v);
			return NULL;
		}
		v[i] = *p;
		*p += nul - *p + 1;
	}
	return v;
}

/* Takes the client's signal dispositions, mask and file size limit. */
static int
take_signals(const struct sp_mc_request *rq)
{
	struct rlimit rl = { (rlim_t)rq->fsize[0], (rlim_t)rq->fsize[1] };
	sigset_t set;
	int s;

	sigemptyset(&set);
	for (s = 1; s <= 64; s++) {
		if (s == SIGKILL || s == SIGSTOP)
			continue;
		signal(s, rq->ignored & (1ull << (s - 1)) ? SIG_IGN : SIG_DFL);
		if (rq->blocked & (1ull << (s - 1)))
			sigaddset(&set, s);
	}
	return sigprocmask(SIG_SETMASK, &set, NULL) == 0 &&
	    setrlimit(RLIMIT_FSIZE, &rl) == 0;
}

/* The child: takes the client's request, runs stackpick, exits. */
static void
child(int conn)
{
	static char *no_env[] = { NULL };
	char fdspace[CMSG_SPACE(3 * sizeof(int))];
	struct sp_mc_request rq;
	struct iovec iov = { &rq, sizeof(rq) };
	struct msghdr mh = { 0 };
	struct cmsghdr *cm;
	int fds[3], nfd = 0, i, k, rc;
	char *text, *p, **argv, **envp;

	for (i = 0; i < SP_MAX_RUNS; i++)
		if (runs[i].pid != 0)
			close(runs[i].conn);
	close(wake[0]);
	close(wake[1]);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = fdspace;
	mh.msg_controllen = sizeof(fdspace);
	if (recvmsg(conn, &mh, MSG_WAITALL) != (ssize_t)sizeof(rq) ||
	    (mh.msg_flags & MSG_CTRUNC))
		_exit(SP_MC_BROKEN);
	for (cm = CMSG_FIRSTHDR(&mh); cm != NULL; cm = CMSG_NXTHDR(&mh, cm))
		if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS) {
			nfd = (int)((cm->cmsg_len - CMSG_LEN(0)) / sizeof(int));
			memcpy(fds, CMSG_DATA(cm), (size_t)nfd * sizeof(int));
		}
	if ((text = malloc((size_t)rq.len + 1)) == NULL ||
	    !read_all(conn, text, rq.len))
		_exit(SP_MC_BROKEN);
	text[rq.len] = '\0';
	close(conn);
	/* Standard streams: those the client had open, in order. */
	for (i = 0, k = 0; i < 3; i++) {
		if (rq.fdmask & (1u << i)) {
			if (k >= nfd || dup2(fds[k], i) < 0)
				_exit(SP_MC_BROKEN);
			k++;
		} else {
			close(i);
		}
	}
	for (i = 0; i < nfd; i++)
		if (fds[i] > 2)
			close(fds[i]);
	p = text;
	if (chdir(p) != 0)
		_exit(SP_MC_BROKEN);
	p += strlen(p) + 1;
	umask((mode_t)rq.umask);
	if (!take_signals(&rq))
		_exit(SP_MC_BROKEN);
	if ((argv = split(&p, text + rq.len, rq.argc)) == NULL ||
	    (envp = split(&p, text + rq.len, rq.envc)) == NULL)
		_exit(SP_MC_BROKEN);
	environ = envp;
	optind = 0;
	rc = sp_cli_main((int)rq.argc, argv);
	environ = no_env;
	free(envp);
	free(argv);
	free(text);
	exit(rc);
}

/* Sends each finished child's pid and status to its client. */
static void
reap(void)
{
	pid_t pid;
	int st, i;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		for (i = 0; i < SP_MAX_RUNS; i++)
			if (runs[i].pid == pid) {
				int32_t reply[2] = { (int32_t)pid, st };

				(void)!send(runs[i].conn, reply, sizeof(reply),
				    MSG_NOSIGNAL);
				close(runs[i].conn);
				runs[i].pid = 0;
			}
}

static int
active(void)
{
	int i, n = 0;

	for (i = 0; i < SP_MAX_RUNS; i++)
		n += runs[i].pid != 0;
	return n;
}

/* Accepts one client and forks its run. */
static void
serve(int lfd)
{
	int conn = accept(lfd, NULL, NULL), i;
	pid_t pid;

	if (conn < 0)
		return;
	for (i = 0; i < SP_MAX_RUNS && runs[i].pid != 0; i++)
		;
	if (i == SP_MAX_RUNS || (pid = fork()) < 0) {
		close(conn);
		return;
	}
	if (pid == 0) {
		close(lfd);
		child(conn);
	}
	runs[i].pid = pid;
	runs[i].conn = conn;
	runs[i].killed = 0;
}

/*
 * Waits up to a second for a signal, a client, or a client that went
 * away, whose run it kills.  Returns poll's count.
 */
static int
wait_events(int lfd)
{
	struct pollfd pf[2 + SP_MAX_RUNS];
	int at[2 + SP_MAX_RUNS], n = 0, li = -1, c0, i, r;

	pf[n++] = (struct pollfd){ wake[0], POLLIN, 0 };
	if (!stop && active() < SP_MAX_RUNS) {
		li = n;
		pf[n++] = (struct pollfd){ lfd, POLLIN, 0 };
	}
	c0 = n;
	for (i = 0; i < SP_MAX_RUNS; i++)
		if (runs[i].pid != 0 && !runs[i].killed) {
			at[n] = i;
			pf[n++] = (struct pollfd){ runs[i].conn, POLLRDHUP, 0 };
		}
	if ((r = poll(pf, (nfds_t)n, 1000)) <= 0)
		return r;
	for (i = c0; i < n; i++)
		if (pf[i].revents != 0) {
			kill(runs[at[i]].pid, SIGKILL);
			runs[at[i]].killed = 1;
		}
	if (li >= 0 && (pf[li].revents & POLLIN))
		serve(lfd);
	return r;
}

/*
 * Listens on path: bound as path.new, then renamed once it listens, so
 * that a client never finds a socket that refuses it.
 */
static int
listen_on(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd;

	if (snprintf(a.sun_path, sizeof(a.sun_path), "%s.new", path) >=
	    (int)sizeof(a.sun_path)) {
		fprintf(stderr, "sp-memcheck-server: %s: path too long\n", path);
		return -1;
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0 ||
	    bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    listen(fd, 16) != 0 || rename(a.sun_path, path) != 0) {
		perror("sp-memcheck-server");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

int
main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };
	int lfd, idle = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: sp-memcheck-server SOCKET DATADIR\n");
		return 2;
	}
	if (!warm(argv[2])) {
		perror("sp-memcheck-server: stdout");
		return 1;
	}
	if (pipe(wake) != 0 || fcntl(wake[0], F_SETFL, O_NONBLOCK) != 0 ||
	    fcntl(wake[1], F_SETFL, O_NONBLOCK) != 0) {
		perror("sp-memcheck-server");
		return 1;
	}
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN); /* a client gone: its reply fails, no more */
	if ((lfd = listen_on(argv[1])) < 0)
		return 1;
	while (!stop || active() > 0) {
		int n = wait_events(lfd);
		char drain[64];

		if (n == 0 && active() == 0 && ++idle >= SP_IDLE_S)
			stop = 1;
		if (n <= 0)
			continue;
		idle = 0;
		while (read(wake[0], drain, sizeof(drain)) > 0)
			;
		reap();
	}
	close(lfd);
	unlink(argv[1]);
	close(wake[0]);
	close(wake[1]);
	return 0;
}
