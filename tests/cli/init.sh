#!/usr/bin/env bash
# Checks --init as a new user meets it:
#   init.sh STACKPICK MATRIX
# - "stackpick --init my.yaml && stackpick my.yaml" works, from a scratch
#   directory, and the profile scores exactly like no profile at all;
# - the file holds every trait of the matrix with its default, the
#   question behind it and the values it accepts, and commented examples
#   of the musts, which load once uncommented;
# - an existing file is left alone (exit 73) unless --force is given,
#   and anything but a regular file always is;
# - without a file the profile goes to stdout, byte for byte the same;
# - --weight is written into the profile and traced back as a profile
#   weight;
# - matrix text with line breaks, and a matrix without traits, still give
#   a profile that loads back to the same report.
set -u
sp=$1 matrix=$2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp" || exit 2

"$sp" --init my.yaml >out 2>err || fail "--init exited $? ($(cat err))"
[ -s my.yaml ] || fail "--init wrote nothing"
[ ! -s out ] || fail "--init FILE printed on stdout"
"$sp" --color=never my.yaml >report 2>err || fail "the starter profile does not load: $(cat err)"
grep -q "^my.yaml: .* recommended" report || fail "no recommendation: $(head -3 report)"

# The musts are documented, commented out: uncommented, they load and
# screen options.
for key in must exclude require; do
	grep -qx "# $key:" my.yaml || fail "no commented '$key:' example"
done
grep -q '^# Musts: requirements no score buys back' my.yaml ||
	fail "the musts are not explained"
sed -e 's/^# \(must\|exclude\|require\):$/\1:/' \
    -e '/^\(must\|exclude\|require\):$/,/^$/s/^#   /  /' my.yaml >musts.yaml
grep -qx 'exclude:' musts.yaml || fail "cannot uncomment the examples"
"$sp" --format json musts.yaml >musts.json 2>err
rc=$?
[ "$rc" -le 1 ] || fail "the uncommented musts do not load: $(cat err)"
jq -e '.screen.musts | length == 3' musts.json >/dev/null ||
	fail "the uncommented examples are not three musts: $(cat err musts.json)"

# Every trait is a key with its default, and its question is a comment.
"$sp" --show-matrix --format json >m.json || fail "--show-matrix failed"
jq -r '.traits[] | "\(.id)\t\(.default)\t\(.question)"' m.json >traits
[ -s traits ] || fail "the matrix has no traits"
while IFS=$'\t' read -r id def question; do
	grep -qx "$id: $def" my.yaml || fail "no '$id: $def' line in the starter profile"
	grep -qF "# $question" my.yaml || fail "no question comment for $id"
done <traits
jq -r '.traits[] | select(.type == "enum") | "\(.id)\t\(.values | join(", "))"' m.json >enums
[ -s enums ] || fail "the matrix has no enum traits"
while IFS=$'\t' read -r id values; do
	grep -q "^# .*$values" my.yaml || fail "no comment lists $id's values ($values)"
done <enums

# The defaults score the same as an empty profile.
printf '{}\n' >empty.json
"$sp" --format json my.yaml | jq -c '.scores' >a
"$sp" --format json empty.json | jq -c '.scores' >b
cmp -s a b || fail "the starter profile scores differently from the defaults"

# Never clobber without --force.
echo 'keep me' >mine.yaml
"$sp" --init mine.yaml 2>err
rc=$?
[ "$rc" -eq 73 ] || fail "--init over an existing file exited $rc, expected 73"
grep -q "^stackpick: mine.yaml: .*exists" err || fail "unclear message: $(cat err)"
[ "$(cat mine.yaml)" = "keep me" ] || fail "the existing file was changed"
"$sp" --init --force mine.yaml || fail "--init --force failed"
cmp -s mine.yaml my.yaml || fail "--force did not write the starter profile"

# --force replaces regular files only: never a named pipe or a link.
mkfifo fifo || exit 2
"$sp" --init --force fifo 2>err
rc=$?
[ "$rc" -eq 73 ] || fail "--init --force over a named pipe exited $rc, expected 73"
grep -qx "stackpick: fifo: is a named pipe, not a regular file; not replaced" err ||
	fail "unclear message: $(cat err)"
[ -p fifo ] || fail "the named pipe was replaced"
ln -s mine.yaml link.yaml || exit 2
"$sp" --init --force link.yaml 2>err
[ $? -eq 73 ] || fail "--init --force over a symbolic link did not exit 73"
[ -L link.yaml ] || fail "the symbolic link was replaced"
cmp -s mine.yaml my.yaml || fail "the link's target changed"
[ "$(ls -A | grep -c '\.tmp\.')" -eq 0 ] || fail "a temporary file is left"

# stdout, with no file or with -.
"$sp" --init >stdout.yaml || fail "--init to stdout failed"
cmp -s stdout.yaml my.yaml || fail "--init to stdout differs from --init FILE"
"$sp" --init - >dash.yaml || fail "--init - failed"
cmp -s dash.yaml my.yaml || fail "--init - differs"
"$sp" --init=eq.yaml || fail "--init=FILE failed"
cmp -s eq.yaml my.yaml || fail "--init=FILE differs"

# --weight goes into the file.
"$sp" --init --weight community=7 w.yaml || fail "--init --weight failed"
"$sp" --format json w.yaml | jq -e '.criteria[] | select(.id == "community") | .weight == 7' >/dev/null ||
	fail "--weight was not written into the starter profile"

# Another matrix brings its own keys.
"$sp" --matrix "$matrix" --init other.yaml || fail "--init with --matrix failed"
"$sp" --matrix "$matrix" other.yaml >/dev/null || fail "the other matrix's starter profile does not load"

# Whatever the matrix's text, what is written loads back to the same
# report as no profile at all.
data=$(cd "$(dirname "$matrix")" && pwd)
for mx in hostile-text no-traits; do
	"$sp" --matrix "$data/$mx.yaml" --init "$mx.yaml" 2>err ||
		fail "--init with $mx exited $? ($(cat err))"
	"$sp" --matrix "$data/$mx.yaml" --format json "$mx.yaml" 2>err |
		jq -c 'del(.input)' >a || fail "the $mx profile does not load: $(cat err)"
	"$sp" --matrix "$data/$mx.yaml" --format json empty.json |
		jq -c 'del(.input)' >b
	cmp -s a b || fail "the $mx profile scores differently from the defaults"
done
grep -q '^volume: high$' hostile-text.yaml || fail "no volume key"
[ "$(grep -c '^[a-z]' hostile-text.yaml)" -eq 1 ] ||
	fail "matrix text became keys: $(grep '^[a-z]' hostile-text.yaml)"

# Usage errors.
"$sp" --init a.yaml b.yaml 2>err
[ $? -eq 64 ] || fail "--init with two files did not exit 64"
"$sp" --force my.yaml 2>err
[ $? -eq 64 ] || fail "--force without --init did not exit 64"
"$sp" --init "$tmp/no/such/dir/x.yaml" 2>err
[ $? -eq 73 ] || fail "--init into a missing directory did not exit 73"
exit 0
