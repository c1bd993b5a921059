# Completes one command line in a real interactive zsh and records what
# the completion system offers:
#   zsh -f zsh-complete.zsh OUT COMPDIR BINDIR 'command line'
# zsh runs on a pseudo-terminal (zsh/zpty) with COMPDIR first in $fpath
# and BINDIR first in $PATH; every candidate passed to compadd is written
# to OUT, one per line, followed by a line "<<done>>".
zmodload zsh/zpty || exit 2
out=$1 compdir=$2 bindir=$3 line=$4
: >$out
zpty z zsh -f -i || exit 2
zpty -w z "PS1=''; PATH=${(q)bindir}:\$PATH; fpath=(${(q)compdir} \$fpath)"
zpty -w z "autoload -Uz compinit; compinit -u -D"
zpty -w z "compadd() { builtin compadd -O __hits \"\$@\"; print -rl -- \$__hits >>${(q)out}; builtin compadd \"\$@\" }"
zpty -w z "comppostfuncs=(__done); __done() { print -r -- '<<done>>' >>${(q)out} }"
zpty -w z "bindkey '^I' complete-word"
zpty -w -n z "$line"$'\t'
# Each candidate list comes from running stackpick, which can take a while
# under valgrind; wait up to a minute for the completion to finish.
for i in {1..600}; do
	grep -qx '<<done>>' $out && break
	sleep 0.1
done
zpty -d z
grep -qx '<<done>>' $out
