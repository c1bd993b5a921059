/*
 * The write-back property both the write-back and the answers targets
 * check: what sp_profile_write() writes for a profile (as --init and
 * --save do) loads back to the same profile, so to the same result.
 * Anything else aborts, which the fuzzer reports.
 */
#ifndef SP_FUZZ_ROUNDTRIP_H
#define SP_FUZZ_ROUNDTRIP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/pipeline.h"

static void
roundtrip_fail(const char *what, const char *text)
{
	fprintf(stderr, "write-back: %s\n--- written:\n%s\n", what, text);
	abort();
}

static void
roundtrip(const sp_profile *p, const sp_matrix *m)
{
	sp_profile q;
	sp_error err;
	char *text = NULL;
	size_t len;
	int i;

	sp_error_clear(&err);
	if (sp_profile_write(&text, &len, p, m, &err) != SP_OK) {
		if (err.status == SP_ENOMEM)
			return;
		roundtrip_fail(err.message, "");
	}
	if (sp_pipeline_parse(&q, m, text, len, "written.yaml", &err) != SP_OK)
		roundtrip_fail(err.message, text);
	if (strcmp(p->name, q.name) != 0)
		roundtrip_fail("the name differs", text);
	for (i = 0; i < m->ntraits; i++)
		if (p->value[i] != q.value[i])
			roundtrip_fail(m->traits[i].id, text);
	if (p->team_given != q.team_given)
		roundtrip_fail("the team section differs", text);
	for (i = 0; p->team_given && i < m->noptions; i++)
		if (p->team[i] != q.team[i])
			roundtrip_fail("a team answer differs", text);
	for (i = 0; i < m->ncriteria; i++)
		if ((p->override[i] != SP_OVERRIDE_NONE) !=
		    (q.override[i] != SP_OVERRIDE_NONE) ||
		    (p->override[i] != SP_OVERRIDE_NONE &&
		    p->weight[i] != q.weight[i]))
			roundtrip_fail(m->criteria[i].id, text);
	free(text);
}

#endif
