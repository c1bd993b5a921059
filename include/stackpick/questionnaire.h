/*
 * The questionnaire: the questions that build a profile, in the order
 * they are asked, and the parsing of one typed answer.  Everything here is
 * pure: it reads a line the front end got from the user and either
 * changes a profile or says why the answer is not accepted.  The wording
 * of each trait's question and help comes from the matrix; only the
 * project name and the team's proficiency, which every profile has, are
 * asked in words of stackpick's own.
 */
#ifndef SP_QUESTIONNAIRE_H
#define SP_QUESTIONNAIRE_H

#include <stddef.h>

#include "stackpick/buf.h"
#include "stackpick/error.h"
#include "stackpick/matrix.h"
#include "stackpick/profile.h"

/* What a question sets in the profile. */
typedef enum {
	SP_ASK_NAME,  /* the profile's name */
	SP_ASK_TEAM,  /* team proficiency for one option (index) */
	SP_ASK_TRAIT, /* one trait of the matrix (index) */
	SP_ASK_MUSTS  /* whether anything is non-negotiable (the musts) */
} sp_ask_kind;

typedef struct {
	sp_ask_kind kind;
	int index;
} sp_question;

/* What one line of input turned out to be. */
typedef enum {
	SP_ANSWER_VALUE,   /* a value: the profile now holds it */
	SP_ANSWER_DEFAULT, /* an empty line: the shown default stands */
	SP_ANSWER_HELP,    /* "?": show the help and ask again */
	SP_ANSWER_INVALID, /* err says why; ask again */
	SP_ANSWER_BACK,    /* "<" or "back": return to the question before */
	SP_ANSWER_EOF      /* no line at all: input ended */
} sp_answer;

/*
 * Questions one questionnaire can ask: a name, the team, the traits and
 * the musts.
 */
#define SP_MAX_QUESTIONS (2 + SP_MAX_OPTIONS + SP_MAX_TRAITS)

/*
 * Fills q (room for SP_MAX_QUESTIONS) with the questions for matrix m, in
 * the order they are asked: the project's name, the team's proficiency
 * per option (when a criterion is rated from the team), every trait in
 * the matrix's order, and last whether anything is non-negotiable.
 * Returns how many.
 */
int sp_quiz_plan(sp_question *q, const sp_matrix *m);

/*
 * The question's text: the matrix's question for a trait (or a plain
 * fallback when the matrix has none).  Returns a string the caller
 * frees, or NULL when out of memory; so do sp_quiz_choices and
 * sp_quiz_default.
 */
char *sp_quiz_question(const sp_question *q, const sp_matrix *m);

/*
 * The help text for a question, or NULL when there is none.  The string
 * belongs to m (or is static).
 */
const char *sp_quiz_help(const sp_question *q, const sp_matrix *m);

/*
 * Whether any value of enum trait tr reads as a number.  A bare number
 * answered to such a trait is then only ever a value, and a choice is
 * taken by position as "#N".
 */
int sp_quiz_numeric_values(const sp_trait *tr);

/*
 * The choices: "1) javascript  2) other  3) none" for an enum trait
 * ("#1) 3  #2) 1  #3) 2  (type a value as shown, or # and its number)"
 * when a value reads as a number), "yes or no", "0 to 100" or
 * "0 (none) to 5 (expert)" otherwise.
 */
char *sp_quiz_choices(const sp_question *q, const sp_matrix *m);

/*
 * The answer an empty line stands for, taken from p (so a profile being
 * edited offers its own values); "" when an empty line leaves the value
 * unset (a name, a team not given).
 */
char *sp_quiz_default(const sp_question *q, const sp_profile *p,
    const sp_matrix *m);

/*
 * Parses line (without its newline; NULL at end of input) as the answer
 * to q and, for SP_ANSWER_VALUE, stores it in p.  Blanks around the
 * answer are ignored.  "<" or "back" (any case) is SP_ANSWER_BACK, except
 * that an enum value or alias "back" is that value.  Enum values are
 * taken, in this order, as a value or alias exactly as written, the same
 * ignoring case, by "#N" (the Nth choice), by a bare number N (only when
 * no value or alias reads as a number: a value always wins over a
 * position), or by a prefix that names only one value, ignoring case;
 * booleans as yes/no, true/false or a prefix; integers in plain decimal,
 * with optional ',' or '_' between digit groups, and range-checked.
 * Names are held to sp_profile_name_problem(), as a file's are.  An
 * answer holding an escape sequence (an arrow key) is explained.
 * SP_ANSWER_INVALID fills err with the reason, in words a user can act
 * on, and the column of line where the answer starts (its line is 0:
 * the caller knows which line of input it was).
 */
sp_answer sp_quiz_answer(sp_profile *p, const sp_matrix *m,
    const sp_question *q, const char *line, sp_error *err);

/*
 * Parses the answer to the musts question (SP_ASK_MUSTS), "Is anything
 * non-negotiable?": SP_ANSWER_VALUE with *yes set, after emptying p's
 * musts for a no; SP_ANSWER_DEFAULT for an empty line, with *yes set
 * when p already has musts (they stand); HELP, BACK, INVALID with a
 * reason and column, or EOF.  sp_quiz_answer() parses it the same way.
 */
sp_answer sp_quiz_musts_wanted(int *yes, sp_profile *p, const char *line,
    sp_error *err);

/*
 * Parses one must and adds it to p: "exclude OPTION" or "require
 * OPTION" (an id or alias; its reason is asked next, see
 * sp_quiz_must_why()), or "CRITERION N" or "CRITERION >= N", the lowest
 * rating accepted on a criterion rated by the matrix, N on its scale.
 * Words are matched ignoring case.  Returns SP_ANSWER_VALUE with the
 * must last in p->must, DEFAULT for an empty line (no more musts), HELP
 * for "?", BACK for "<" or "back", EOF, or INVALID with a reason and
 * column: an unknown word (with a suggestion), a criterion rated from
 * the team, an option already excluded or required, a criterion that
 * already has a minimum, a number off the scale, or more than
 * SP_MAX_MUSTS musts.
 */
sp_answer sp_quiz_must(sp_profile *p, const sp_matrix *m, const char *line,
    sp_error *err);

/*
 * Parses the reason for must mu into mu->why: one line of at most
 * SP_MUST_WHY_MAX bytes of UTF-8 without control characters.  An empty
 * line is SP_ANSWER_DEFAULT (no reason) for a minimum rating, and
 * INVALID for an exclusion or requirement, which needs one; "<" or
 * "back" is BACK, EOF at the end of input.
 */
sp_answer sp_quiz_must_why(sp_must *mu, const char *line, sp_error *err);

/*
 * Must mu as it is typed to sp_quiz_must(), with its reason: "exclude
 * nodejs: no JavaScript on the team", "ml_support >= 4".  The caller
 * frees it; NULL when out of memory.
 */
char *sp_quiz_must_text(const sp_must *mu, const sp_matrix *m);

/*
 * What sp_quiz_must() accepts for m: the options and the criteria a
 * minimum may name, with the scale.  The caller frees it; NULL when out
 * of memory.
 */
char *sp_quiz_must_help(const sp_matrix *m);

/*
 * Parses a yes/no confirmation: SP_ANSWER_VALUE with *yes set, DEFAULT
 * for an empty line, HELP, INVALID with a reason, or EOF.
 */
sp_answer sp_quiz_yesno(int *yes, const char *line, sp_error *err);

/*
 * Parses line (NULL at end of input) as the name of the file to save the
 * answers to.  Blanks around it are ignored; a leading "~" or "~/"
 * stands for home (the HOME directory, given by the caller).  Returns
 * SP_ANSWER_VALUE with the path in out (emptied first; the caller frees
 * it), DEFAULT for an empty line (save nothing), HELP for "?", EOF, or
 * INVALID with the reason and column in err: "~name" (another user's
 * home is not looked up), "~" when home is NULL or empty, "<" or "back"
 * (the answers can no longer change once the report is out), or an
 * escape sequence.
 */
sp_answer sp_quiz_path(sp_buf *out, const char *line, const char *home,
    sp_error *err);

/*
 * What else an enum trait's question accepts: "Also accepted:
 * typescript, ts, js for javascript." from the matrix's aliases; "" when
 * it has none.  The caller frees it; NULL when out of memory.
 */
char *sp_quiz_aliases(const sp_question *q, const sp_matrix *m);

/*
 * Finishes a questionnaire's profile: once any team proficiency was
 * given, options left unanswered count as 0 (as they would in a file),
 * and are written down as 0 so the profile says so.
 */
void sp_quiz_finish(sp_profile *p, const sp_matrix *m);

#endif
