/*
 * sp-memcheck-client: runs stackpick in sp-memcheck-server (see
 * server.c) as if it ran here: with this process's working directory,
 * umask, environment, standard streams and arguments.  It exits as the
 * run did (killed by the same signal, if it was), after copying the run's
 * valgrind log, if any, to stderr.
 *
 *   sp-memcheck-client SOCKET LOGDIR PROGRAM [ARG...]
 *
 * PROGRAM is the run's argv[0].  LOGDIR holds the server's valgrind logs,
 * one per process (vg.PID).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

#include "protocol.h"

extern char **environ;

static void
die(const char *what)
{
	fprintf(stderr, "sp-memcheck-client: %s: %s\n", what, strerror(errno));
	exit(SP_MC_BROKEN);
}

/* Appends the NUL-ended s to the request text. */
static void
put(char **text, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s) + 1;

	while (*len + n > *cap) {
		*cap = *cap != 0 ? *cap * 2 : 4096;
		if ((*text = realloc(*text, *cap)) == NULL)
			die("out of memory");
	}
	memcpy(*text + *len, s, n);
	*len += n;
}

/* Copies the log of the run pid to stderr, then removes it. */
static void
show_log(const char *dir, int32_t pid)
{
	char path[PATH_MAX], buf[4096];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/vg.%ld", dir, (long)pid);
	if ((fd = open(path, O_RDONLY)) < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		(void)!write(STDERR_FILENO, buf, (size_t)n);
	close(fd);
	unlink(path);
}

/* The client's ignored and blocked signals and its file size limit. */
static void
signals(struct sp_mc_request *rq)
{
	struct rlimit rl;
	sigset_t set;
	int s;

	sigprocmask(SIG_BLOCK, NULL, &set);
	for (s = 1; s <= 64; s++) {
		struct sigaction sa;

		if (sigaction(s, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			rq->ignored |= 1ull << (s - 1);
		if (sigismember(&set, s) == 1)
			rq->blocked |= 1ull << (s - 1);
	}
	if (getrlimit(RLIMIT_FSIZE, &rl) != 0)
		die("getrlimit");
	rq->fsize[0] = rl.rlim_cur;
	rq->fsize[1] = rl.rlim_max;
}

/*
 * The socket, numbered above the standard streams: had the test closed
 * one, the socket must not take its place in the run.
 */
static int
connect_to(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd, high;

	if (strlen(path) >= sizeof(a.sun_path)) {
		errno = ENAMETOOLONG;
		die(path);
	}
	strcpy(a.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0 ||
	    connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0)
		die(path);
	if (fd > 2)
		return fd;
	if ((high = fcntl(fd, F_DUPFD_CLOEXEC, 3)) < 0)
		die("fcntl");
	close(fd);
	return high;
}

/* Sends the request header with the open standard streams attached. */
static void
send_header(int fd, struct sp_mc_request *rq)
{
	char space[CMSG_SPACE(3 * sizeof(int))];
	struct iovec iov = { rq, sizeof(*rq) };
	struct msghdr mh = { 0 };
	struct cmsghdr *cm;
	int fds[3], n = 0, i;

	for (i = 0; i < 3; i++)
		if (rq->fdmask & (1u << i))
			fds[n++] = i;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	if (n > 0) {
		memset(space, 0, sizeof(space));
		mh.msg_control = space;
		mh.msg_controllen = CMSG_SPACE((size_t)n * sizeof(int));
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN((size_t)n * sizeof(int));
		memcpy(CMSG_DATA(cm), fds, (size_t)n * sizeof(int));
	}
	if (sendmsg(fd, &mh, 0) != (ssize_t)sizeof(*rq))
		die("sendmsg");
}

int
main(int argc, char **argv)
{
	struct sp_mc_request rq = { 0 };
	char cwd[PATH_MAX], *text = NULL, **e;
	size_t len = 0, cap = 0;
	int32_t reply[2];
	mode_t mask;
	int fd, i;

	if (argc < 4) {
		fprintf(stderr, "usage: sp-memcheck-client SOCKET LOGDIR "
		    "PROGRAM [ARG...]\n");
		return 2;
	}
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		die("getcwd");
	put(&text, &len, &cap, cwd);
	for (i = 3; i < argc; i++)
		put(&text, &len, &cap, argv[i]);
	for (e = environ; *e != NULL; e++, rq.envc++)
		put(&text, &len, &cap, *e);
	mask = umask(0);
	umask(mask);
	signals(&rq);
	rq.len = (uint32_t)len;
	rq.argc = (uint32_t)(argc - 3);
	rq.umask = (uint32_t)mask;
	for (i = 0; i < 3; i++)
		if (fcntl(i, F_GETFD) >= 0)
			rq.fdmask |= 1u << i;
	fd = connect_to(argv[1]);
	send_header(fd, &rq);
	for (i = 0; (size_t)i < len;) {
		ssize_t n = write(fd, text + i, len - (size_t)i);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die("write");
		i += (int)n;
	}
	free(text);
	if (recv(fd, reply, sizeof(reply), MSG_WAITALL) != sizeof(reply)) {
		fprintf(stderr, "sp-memcheck-client: the server did not "
		    "answer\n");
		return SP_MC_BROKEN;
	}
	close(fd);
	show_log(argv[2], reply[0]);
	if (WIFSIGNALED(reply[1])) {
		struct rlimit none = { 0, 0 };

		/* Killed as the run was, without a core of this client. */
		setrlimit(RLIMIT_CORE, &none);
		signal(WTERMSIG(reply[1]), SIG_DFL);
		raise(WTERMSIG(reply[1]));
		return 128 + WTERMSIG(reply[1]);
	}
	return WEXITSTATUS(reply[1]);
}
