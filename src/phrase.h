/*
 * The one place that turns the report model's facts into English.  Each
 * phrase appends to an sp_buf and writes every label, value and file name
 * through the caller's sp_put_fn, so that one sentence serves plain text,
 * Markdown and HTML, each escaped its own way.
 */
#ifndef SP_PHRASE_H
#define SP_PHRASE_H

#include "stackpick/buf.h"
#include "stackpick/report.h"

/* Writes s as it is (for JSON and for text already clean). */
void phrase_put_raw(sp_buf *b, const char *s);

/*
 * The report's title: its name and the verdict, "NAME: Python
 * recommended" or "NAME: no recommendation" (a tie, or no option meets
 * every must).
 */
void phrase_title(sp_buf *b, sp_put_fn *put, const sp_report *rep);

/* The options that share the top score of r: "A and B", "A, B and C". */
void phrase_tied(sp_buf *b, sp_put_fn *put, const sp_result *r);

/* "A", "A and B", "A, B and C". */
void phrase_list(sp_buf *b, sp_put_fn *put, const char *const *items,
    int n);

/*
 * A condition in words: "ml is light or heavy and concurrency is at least
 * 1000; or realtime is true"; "always" when it has no clause.
 */
void phrase_cond(sp_buf *b, sp_put_fn *put, const sp_cond *c,
    const sp_matrix *m);

/* A weight as a person would say it: 6.2, 10, 0.35 (two places when it
   is within 0.05 of other). */
void phrase_weight(sp_buf *b, double w, double other);

/* "io_load: high": a profile's answer to trait t, as it wrote it. */
void phrase_answer(sp_buf *b, sp_put_fn *put, const sp_profile *p,
    const sp_matrix *m, int t);

/*
 * One source of criterion k's weight: "base", "--weight", "weights in
 * profile", or the answers that fired its rules ("io_load: high,
 * concurrency: 20000").
 */
void phrase_source(sp_buf *b, sp_put_fn *put, const sp_result *r, int k,
    int i);

/*
 * Where a criterion's weight came from: "base 2, io_load: high +3,
 * concurrency: 20000 +4", and ", capped at 10" when the rules pushed it
 * past the scale.
 */
void phrase_weight_from(sp_buf *b, sp_put_fn *put, const sp_result *r,
    int k);

/*
 * What moves a flip's weight: "set by --weight", "raised by ml: heavy
 * +7", "+6 when realtime is true"; nothing when nothing does.
 */
void phrase_mover(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const sp_report_flip *rf);

/* "NodeJS would win if Real-time weighed more than 6.5 instead of 4
   (+6 when realtime is true)." */
void phrase_flip(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const sp_report_flip *rf);

/* "If realtime were false instead of true, Python would win." */
void phrase_trait_flip(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const sp_trait_flip *t);

/* "Python stays ahead in 97% of 4096 trials that move every weight up or
   down by as much as 50%." */
void phrase_confidence(sp_buf *b, sp_put_fn *put, const sp_report *rep);

/* "The weighted sum, the weighted product and TOPSIS all pick X." or
   which method picks what. */
void phrase_methods(sp_buf *b, sp_put_fn *put, const sp_report *rep);

/* What the report says when no single change flips the verdict. */
void phrase_no_flips(sp_buf *b, const sp_report *rep);

/* "Most critical: Real-time, whose weight has to change by 35% to change
   the answer." */
void phrase_critical(sp_buf *b, sp_put_fn *put, const sp_report *rep);

/* The hybrid suggestion: "Consider a hybrid: ..." */
void phrase_hybrid(sp_buf *b, sp_put_fn *put, const sp_report *rep);

/*
 * The summary's sentences, in words a reader needs no docs for:
 * "NodeJS is rated higher on Real-time features and I/O concurrency,
 * which weigh most for this project.", "Python is rated higher on ML
 * support.", "Clear for these answers, but it hinges on frontend: ...",
 * and one sentence per caveat.
 */
void phrase_summary_why(sp_buf *b, sp_put_fn *put, const sp_report *rep);
void phrase_summary_against(sp_buf *b, sp_put_fn *put,
    const sp_report *rep);
void phrase_summary_sure(sp_buf *b, sp_put_fn *put, const sp_report *rep);
void phrase_caveat(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    sp_caveat c);

/* Note i of the result: "no team section: Team fit counts the same ..." */
void phrase_note(sp_buf *b, sp_put_fn *put, const sp_result *r, int i);

/*
 * Musts and evidence.  phrase_must: must j of the report's screen, "ML
 * support rated at least 4", "not NodeJS (no JavaScript on the team)",
 * "only Python", "not NodeJS when serverless is true (...)".
 * phrase_screened: "NodeJS: fails not NodeJS (...)." for the i-th option
 * screened out.  phrase_relax: "Relaxing the must 'not NodeJS' would
 * bring NodeJS back, and NodeJS would then win."  phrase_screen_verdict:
 * "No option meets every must." or "Python is the only option that
 * meets every must."  phrase_evidence_note: the report's i-th evidence
 * warning.  phrase_evidence: one evidence entry, with its source.
 */
void phrase_must(sp_buf *b, sp_put_fn *put, const sp_report *rep, int j);
/* Must j of screen s, as phrase_must says it (for the gates). */
void phrase_screen_must(sp_buf *b, sp_put_fn *put,
    const struct sp_screen *s, int j);
void phrase_screened(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    int i);
void phrase_relax(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i);
void phrase_screen_verdict(sp_buf *b, sp_put_fn *put, const sp_report *rep);
void phrase_evidence_note(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    int i);
void phrase_evidence(sp_buf *b, sp_put_fn *put, const sp_matrix *m,
    const sp_evidence *e);

/*
 * A raw value as a person would say it, in unit when not NULL: "95 ms",
 * "1.25 EUR/month", "3.5".
 */
void phrase_amount(sp_buf *b, sp_put_fn *put, double v, const char *unit);

/* "NodeJS would win if its Cold start were under 95 ms instead of 200
   ms.", or for the winner's own value "... if Python's Cold start ...". */
void phrase_value_flip(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const sp_value_flip *f);

/*
 * What the ranges add when ratings are drawn: "With only the weights
 * moving Python stays ahead in 97% of the draws, with only the ratings
 * in 88%: most of the doubt is in the ratings."  Nothing without ranges.
 */
void phrase_sources(sp_buf *b, sp_put_fn *put, const sp_report *rep);

/* "Beta is first in 61% of the draws, Alpha in 39%, Gamma in 0%." */
void phrase_first_places(sp_buf *b, sp_put_fn *put, const sp_report *rep);

/* "1st", "2nd", "3rd", "4th"... */
void phrase_ordinal(sp_buf *b, int n);

/* "Alpha ranks first in draws where Speed weighs 8.9 on average instead
   of 8." (central weights, report entry i) */
void phrase_central(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    int i);

/*
 * A criterion's raw values or ranges: "Cold start, in ms, lower is
 * better: Python 145 (rated 3.55), NodeJS 200, 150 to 250 (rated 3)." or
 * "I/O-bound performance: Python rated 3, 3 to 4; NodeJS rated 5."
 */
void phrase_measured(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    int k);


/* A pairwise ratio: "3", "1/4", "2.37". */
void phrase_ratio(sp_buf *b, double r);

/*
 * The pairwise judgements (rep->ahp): how the compared criteria get
 * their weights; one criterion's weight and priority; the consistency
 * ratio, with the warning above 0.10; and the judgement most out of line
 * with the ratio that fits the others ("Most out of line: ...").
 */
void phrase_pairwise_how(sp_buf *b, const sp_report *rep);
void phrase_pairwise_item(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    int i);
void phrase_pairwise_cr(sp_buf *b, const sp_report *rep);
void phrase_pairwise_worst(sp_buf *b, sp_put_fn *put, const sp_report *rep);

/*
 * The group (rep->group): how it aggregates; member i's own pick and
 * agreement; the consensus figure in words; and disagreement i, with the
 * member whose answer would change the group's pick.
 */
void phrase_group_how(sp_buf *b, const sp_report *rep);
void phrase_member(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i);
void phrase_consensus(sp_buf *b, const sp_report *rep);
void phrase_disagreement(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    int i);

#endif
