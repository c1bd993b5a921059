#!/usr/bin/env bash
# Checks the shell completions against the binary they complete:
#   completion.sh STACKPICK SOURCE_DIR
# - bash: sources completions/stackpick.bash and calls _stackpick as bash
#   would, for options, --format and --color values, criterion ids after
#   --weight (also from another --matrix), option ids after --expect, and
#   profile files;
# - every option --help lists is in the zsh and fish completions too, and
#   both files parse (zsh -n, fish -n) when those shells are installed;
# - zsh (driven on a pseudo-terminal) and fish, when installed, complete
#   an option, criterion ids after --weight and --format values.
set -u
sp=$1 src=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=/dev/null
. "$src/completions/stackpick.bash" || fail "the bash completion does not load"
complete -p stackpick | grep -q -- '-F _stackpick' || fail "no 'complete -F _stackpick stackpick'"

# comp WORD... : completes the last word, as bash would; the result is
# one candidate per line in $got.
comp() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_stackpick stackpick "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort)
}
has() { printf '%s\n' "$got" | grep -qx -- "$1" || fail "'$2' does not offer '$1' (got: $(echo $got))"; }
hasnt() { ! printf '%s\n' "$got" | grep -qx -- "$1" || fail "'$2' offers '$1'"; }

# Options: every one --help lists.
"$sp" --help | awk '/^  (-[[:alnum:]], |    )--[[:alnum:]]/ {
	for (i = 1; i <= NF; i++) if ($i ~ /^--[[:alnum:]]/) { w = $i; sub(/[,=\[].*$/, "", w); print w; break } }' \
	>"$tmp/options"
[ "$(wc -l <"$tmp/options")" -ge 10 ] || fail "too few options in --help"
comp "$sp" --
while read -r o; do has "$o" "stackpick --"; done <"$tmp/options"
comp "$sp" --form
[ "$got" = "--format" ] || fail "'--form' completes to '$got'"

# Values.
comp "$sp" --format ""
has text "--format"; has json "--format"
comp "$sp" --format = j
[ "$got" = "json" ] || fail "'--format=j' completes to '$got'"
comp "$sp" --color ""
has auto "--color"; has always "--color"; has never "--color"
comp "$sp" --method ""
has wsm "--method"; has wpm "--method"; has topsis "--method"

# Criterion ids come from the binary, with "=" to follow.
"$sp" --list-criteria --format json | jq -r '.criteria[].id' | sort >"$tmp/criteria"
comp "$sp" --weight ""
[ "$got" = "$(sed 's/$/=/' "$tmp/criteria")" ] || fail "--weight offers '$(echo $got)'"
comp "$sp" -w ml_
[ "$got" = "ml_support=" ] || fail "'-w ml_' completes to '$got'"
comp "$sp" --matrix "$src/tests/data/good/three-options.yaml" --weight ""
"$sp" --matrix "$src/tests/data/good/three-options.yaml" --list-criteria --format json |
	jq -r '.criteria[].id + "="' | sort >"$tmp/other"
[ "$got" = "$(cat "$tmp/other")" ] || fail "--weight after --matrix offers '$(echo $got)'"

# Option ids for --expect.
comp "$sp" --expect ""
[ "$got" = "$("$sp" --list-options --format json | jq -r '.options[].id' | sort)" ] ||
	fail "--expect offers '$(echo $got)'"

# Files: YAML and JSON profiles and directories, nothing else.
mkdir "$tmp/p" "$tmp/p/sub"
touch "$tmp/p/a.yaml" "$tmp/p/b.yml" "$tmp/p/c.json" "$tmp/p/notes.txt"
comp "$sp" "$tmp/p/"
has "$tmp/p/a.yaml" "profile"; has "$tmp/p/b.yml" "profile"
has "$tmp/p/c.json" "profile"; has "$tmp/p/sub" "profile"
hasnt "$tmp/p/notes.txt" "profile"
comp "$sp" --matrix "$tmp/p/a"
[ "$got" = "$tmp/p/a.yaml" ] || fail "--matrix completes to '$got'"

# zsh and fish list every option too.
while read -r o; do
	grep -q -- "$o" "$src/completions/_stackpick" || fail "zsh completion lacks $o"
	grep -q -- "-l ${o#--}\b" "$src/completions/stackpick.fish" || fail "fish completion lacks $o"
done <"$tmp/options"
mkdir "$tmp/bin"
ln -s "$sp" "$tmp/bin/stackpick"
if command -v zsh >/dev/null; then
	zsh -n "$src/completions/_stackpick" || fail "zsh cannot parse _stackpick"
	# zline LINE: what zsh offers for LINE, sorted, in $got.
	zline() {
		zsh -f "$src/tests/cli/zsh-complete.zsh" "$tmp/zsh" "$src/completions" "$tmp/bin" "$1" ||
			fail "zsh did not complete '$1'"
		got=$(grep -vx -e '<<done>>' -e '' "$tmp/zsh" | sort -u)
	}
	zline "stackpick --list-c"
	[ "$got" = "--list-criteria" ] || fail "zsh completes '--list-c' to '$got'"
	zline "stackpick --weight "
	[ "$got" = "$(cat "$tmp/criteria")" ] || fail "zsh offers '$(echo $got)' after --weight"
	zline "stackpick --format "
	has json "zsh --format"; has text "zsh --format"
	zline "stackpick --expect "
	has python "zsh --expect"; has nodejs "zsh --expect"
fi
if command -v fish >/dev/null; then
	fish -n "$src/completions/stackpick.fish" || fail "fish cannot parse stackpick.fish"
	PATH="$tmp/bin:$PATH" fish --no-config -c "source '$src/completions/stackpick.fish'; complete -C 'stackpick --weight '" |
		cut -f1 | sort >"$tmp/fish"
	cmp -s "$tmp/fish" <(sed 's/$/=/' "$tmp/criteria") || fail "fish offers '$(cat "$tmp/fish")' after --weight"
	got=$(PATH="$tmp/bin:$PATH" fish --no-config -c "source '$src/completions/stackpick.fish'; complete -C 'stackpick --format '" | cut -f1 | sort)
	has json "fish --format"; has text "fish --format"
fi
exit 0
