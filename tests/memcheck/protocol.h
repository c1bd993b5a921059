/*
 * What sp-memcheck-client sends sp-memcheck-server (tests/memcheck): this
 * header, with the client's open standard streams attached (SCM_RIGHTS),
 * then len bytes of NUL-ended strings: the working directory, argc
 * arguments, envc environment entries.  The server answers with two
 * int32_t: the pid of the run and its wait status.  Like exec, a run
 * keeps the client's ignored and blocked signals, and its file size limit
 * (the one limit a test sets that valgrind itself can live with).
 */
#ifndef SP_MC_PROTOCOL_H
#define SP_MC_PROTOCOL_H

#include <stdint.h>

struct sp_mc_request {
	uint32_t len;    /* bytes of strings after this header */
	uint32_t argc;
	uint32_t envc;
	uint32_t fdmask; /* bit i: the client's fd i is open and attached */
	uint32_t umask;
	uint64_t ignored;   /* bit s - 1: signal s is ignored */
	uint64_t blocked;   /* bit s - 1: signal s is blocked */
	uint64_t fsize[2];  /* RLIMIT_FSIZE, soft and hard */
};

/* A run's exit code when the request could not be carried out. */
#define SP_MC_BROKEN 125

#endif
