/*
 * The questionnaire's front end: asks the questions of
 * stackpick/questionnaire.h on stderr, reads the answers from standard
 * input one line each, and saves the answers as a profile.  Standard
 * output is left to the report.
 */
#ifndef SP_PROMPT_H
#define SP_PROMPT_H

#include "stackpick/matrix.h"
#include "stackpick/profile.h"

/*
 * Asks every question for matrix m.  On entry p holds the defaults (the
 * matrix's, or a profile being edited); on success it holds the answers.
 * Returns 0, or an exit code after a one-line message: 130 when
 * interrupted (Ctrl-C), SP_EXIT_NOINPUT when input ends before the last
 * answer, SP_EXIT_IOERR when it cannot be read.
 */
int prompt_profile(sp_profile *p, const sp_matrix *m);

/*
 * Asks how the few heaviest criteria for p (see sp_ahp_ask_plan())
 * compare, two at a time, and keeps the answers as p's pairwise
 * judgements; a judgement p already holds is the default.  Returns 0 or
 * an exit code, as prompt_profile().
 */
int prompt_pairwise(sp_profile *p, const sp_matrix *m);

/*
 * Saves p as a commented profile.  With path, writes it there; without,
 * first offers to save and asks for a file name (an empty answer or the
 * end of input saves nothing).  An existing file is replaced only with
 * force or after the user confirms.  Returns 0, or an exit code after a
 * message: SP_EXIT_CANTCREAT when the file exists and was not to be
 * replaced or cannot be written (an old file is then left as it was),
 * 130 when interrupted.
 */
int prompt_save(const sp_profile *p, const sp_matrix *m, const char *path,
    int force);

#endif
