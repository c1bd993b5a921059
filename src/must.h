/*
 * Decoding a profile's musts (private to the profile decoder): must
 * (minimum ratings), exclude and require (options, with a reason).
 */
#ifndef SP_MUST_H
#define SP_MUST_H

#include "stackpick/profile.h"
#include "decode.h"

/* "must: {criterion: N}" or "{criterion: {min: N, why: text}}". */
sp_status must_decode_min(const sp_dec *d, sp_profile *p, const sp_matrix *m,
    const sp_node *map);

/* "exclude: {option: reason}" or "require: {option: reason}". */
sp_status must_decode_option(const sp_dec *d, sp_profile *p,
    const sp_matrix *m, const sp_node *map, sp_must_kind kind);

#endif
