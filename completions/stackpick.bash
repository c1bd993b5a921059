# bash completion for stackpick(1).
#
# Options come from "stackpick --help", criterion ids (for --weight) from
# "stackpick --list-criteria" and option ids (for --expect) from
# "stackpick --list-options" and formats from "stackpick --list-formats",
# all asked of the stackpick being completed
# and of the --matrix already on the line, so that they always match the
# binary and the matrix in use.  Works with or without the
# bash-completion package.

# The stackpick on the command line, or the one on PATH.
_stackpick_bin()
{
	local sp=${COMP_WORDS[0]}

	sp=${sp/#\~/$HOME}
	if [[ $sp != */* ]] || [[ ! -x $sp ]]; then
		sp=$(type -P stackpick 2>/dev/null) || return 1
	fi
	printf '%s\n' "$sp"
}

# Runs stackpick with the --matrix given so far (if any) and $@.
_stackpick_run()
{
	local sp i matrix= w
	sp=$(_stackpick_bin) || return 1
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-m | --matrix)
			if [[ ${COMP_WORDS[i + 1]} == = ]]; then
				matrix=${COMP_WORDS[i + 2]}
			else
				matrix=${COMP_WORDS[i + 1]}
			fi
			;;
		--matrix=?*) matrix=${w#--matrix=} ;;
		esac
	done
	matrix=${matrix/#\~/$HOME}
	if [[ -n $matrix ]]; then
		"$sp" --matrix "$matrix" "$@" 2>/dev/null
	else
		"$sp" "$@" 2>/dev/null
	fi
}

# Every long and short option that --help lists.
_stackpick_options()
{
	local sp
	sp=$(_stackpick_bin) || return 1
	"$sp" --help 2>/dev/null | awk '
		/^  (-[[:alnum:]], |    )--[[:alnum:]]/ {
			for (i = 1; i <= NF; i++) {
				w = $i
				sub(/[,=\[].*$/, "", w)
				if (w ~ /^--?[[:alnum:]]/)
					print w
				else if (i > 1)
					break
			}
		}'
}

# The first word of every unindented line of a --list-* listing.
_stackpick_ids()
{
	_stackpick_run "$1" | awk '/^[^[:space:]]/ { print $1 }'
}

# Profiles and matrices: YAML and JSON files, and directories to get there.
_stackpick_files()
{
	local cur=$1 IFS=$'\n' restore
	if declare -F _filedir >/dev/null; then
		_filedir '@(yaml|yml|json)'
		return
	fi
	restore=$(shopt -p extglob)
	shopt -s extglob
	COMPREPLY+=($(compgen -f -X '!*.@(yaml|yml|json|YAML|YML|JSON)' -- "$cur"))
	COMPREPLY+=($(compgen -d -- "$cur"))
	eval "$restore"
	compopt -o filenames 2>/dev/null
}

_stackpick()
{
	local cur prev IFS=$'\n'
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# "--opt=value" arrives as "--opt" "=" "value" (= is a word break).
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
	fi

	case $prev in
	-f | --format)
		COMPREPLY=($(compgen -W "$(_stackpick_ids --list-formats)" -- "$cur"))
		return
		;;
	--color)
		COMPREPLY=($(compgen -W $'auto\nalways\nnever' -- "$cur"))
		return
		;;
	--method)
		COMPREPLY=($(compgen -W $'wsm\nwpm\ntopsis' -- "$cur"))
		return
		;;
	--adr-style)
		COMPREPLY=($(compgen -W $'madr\nnygard\nlog4brains' -- "$cur"))
		return
		;;
	--adr-status)
		COMPREPLY=($(compgen -W $'proposed\naccepted\nrejected\ndeprecated' -- "$cur"))
		return
		;;
	--adr-dir)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	--adr-deciders | --supersedes)
		return
		;;
	--min-confidence | --min-margin)
		return
		;;
	-w | --weight)
		if [[ $cur != *=* ]]; then
			COMPREPLY=($(compgen -W "$(_stackpick_ids --list-criteria)" -S = -- "$cur"))
			compopt -o nospace 2>/dev/null
		fi
		return
		;;
	--expect)
		COMPREPLY=($(compgen -W "$(_stackpick_ids --list-options)" -- "$cur"))
		return
		;;
	-m | --matrix | --init | --baseline | --save | -o | --output)
		_stackpick_files "$cur"
		return
		;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_stackpick_options)" -- "$cur"))
		return
	fi
	_stackpick_files "$cur"
}

complete -F _stackpick stackpick
