/*
 * Fuzz target for the questionnaire's answers: the input is lines typed
 * at the questions of the built-in matrix, each fed to the parser of the
 * question it answers (going back on "<", asking again on a refused or
 * help answer, as the questionnaire does), then to the yes/no and file
 * name parsers.  Every answer must leave a profile whose values are in
 * range, and the profile so built must write and load back
 * (roundtrip.h).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/buf.h"
#include "stackpick/questionnaire.h"
#include "roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sp_matrix *matrix;

static void
release(void)
{
	sp_matrix_free(matrix);
}

/* Every trait value within what the matrix allows. */
static void
check_values(const sp_profile *p, const sp_matrix *m)
{
	int i;

	for (i = 0; i < m->ntraits; i++) {
		const sp_trait *tr = &m->traits[i];
		long v = p->value[i];

		if (tr->type == SP_TRAIT_ENUM ? v < 0 || v >= tr->nvalues :
		    tr->type == SP_TRAIT_BOOL ? v != 0 && v != 1 :
		    v < tr->min || v > tr->max)
			abort();
	}
}

/* Feeds one line to the question at *at and moves *at as the answer says. */
static void
answer(sp_profile *p, const sp_question *q, int n, int *at, char *line)
{
	sp_buf path = SP_BUF_INIT;
	sp_error err;
	int yes;

	sp_error_clear(&err);
	if (*at >= n) {
		(void)sp_quiz_yesno(&yes, line, &err);
		(void)sp_quiz_path(&path, line, "/home/fuzz", &err);
		sp_buf_free(&path);
		return;
	}
	switch (sp_quiz_answer(p, matrix, &q[*at], line, &err)) {
	case SP_ANSWER_VALUE:
	case SP_ANSWER_DEFAULT:
		(*at)++;
		break;
	case SP_ANSWER_BACK:
		if (*at > 0)
			(*at)--;
		break;
	default:
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sp_question q[SP_MAX_QUESTIONS];
	sp_error err;
	sp_profile p;
	char *text, *line, *save = NULL;
	int n, at = 0;

	if (matrix == NULL) {
		if (sp_matrix_builtin(&matrix, &err) != SP_OK)
			abort();
		atexit(release);
	}
	if (size > 65536 || (text = malloc(size + 1)) == NULL)
		return -1;
	memcpy(text, data, size);
	text[size] = '\0';
	sp_profile_defaults(&p, matrix);
	n = sp_quiz_plan(q, matrix);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		answer(&p, q, n, &at, line);
		check_values(&p, matrix);
	}
	sp_quiz_finish(&p, matrix);
	roundtrip(&p, matrix);
	free(text);
	return 0;
}
