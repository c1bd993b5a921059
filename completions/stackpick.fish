# fish completion for stackpick(1).  Criterion ids (for --weight) and
# option ids (for --expect) and the output formats are asked of stackpick itself, with the
# --matrix already on the line, so they always match the matrix in use.

function __stackpick_ids
    set -l tokens (commandline -opc)
    set -l args
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case -m --matrix
                set -l next (math $i + 1)
                if test $next -le (count $tokens)
                    set args --matrix $tokens[$next]
                end
            case '--matrix=*'
                set args --matrix (string replace -- '--matrix=' '' $tokens[$i])
        end
    end
    $tokens[1] $args $argv 2>/dev/null | string match -r -- '^\S+'
end

function __stackpick_profiles
    __fish_complete_suffix .yaml
    __fish_complete_suffix .yml
    __fish_complete_suffix .json
end

complete -c stackpick -f
complete -c stackpick -a '(__stackpick_profiles)'
complete -c stackpick -s f -l format -x -a '(__stackpick_ids --list-formats)' -d 'Output format'
complete -c stackpick -l pretty -d 'Indent JSON output'
complete -c stackpick -l no-charts -d 'Leave the charts out of Markdown and HTML'
complete -c stackpick -s q -l quiet -d 'Print no report, only errors and the exit code'
complete -c stackpick -l brief -d 'Print the summary only'
complete -c stackpick -s o -l output -r -F -d 'Write the reports to a file'
complete -c stackpick -l no-pager -d 'Never page the output'
complete -c stackpick -l group -d 'Score the profiles as one group'
complete -c stackpick -l pairwise -d 'With --interactive, ask pairwise judgements'
complete -c stackpick -s m -l matrix -r -a '(__stackpick_profiles)' -d 'Score against this matrix'
complete -c stackpick -s w -l weight -x -a '(__stackpick_ids --list-criteria | string replace -r "\$" "=")' -d 'Set a criterion weight (ID=N)'
complete -c stackpick -l method -x -a 'wsm\t"weighted sum" wpm\t"weighted product" topsis\t"closeness to the ideal"' -d 'Rank the options with'
complete -c stackpick -l expect -x -a '(__stackpick_ids --list-options)' -d 'Exit 1 unless this option is recommended'
complete -c stackpick -l min-margin -x -d 'Exit 1 below this margin (rating points)'
complete -c stackpick -l min-confidence -x -d 'Exit 1 below this confidence (0-1)'
complete -c stackpick -l baseline -r -d 'Exit 1 when the recommendation differs from a saved result'
complete -c stackpick -l adr-style -x -a 'madr nygard log4brains' -d 'Decision record layout'
complete -c stackpick -l adr-status -x -a 'proposed accepted rejected deprecated' -d 'Decision record status'
complete -c stackpick -l adr-deciders -x -d 'Who made the decision'
complete -c stackpick -l adr-dir -x -a '(__fish_complete_directories)' -d 'Write the record into this ADR directory'
complete -c stackpick -l adr-new -d 'Write the record into the ADR directory the tools use'
complete -c stackpick -l supersedes -x -d 'The record supersedes record N'
complete -c stackpick -l color -x -a 'auto always never' -d 'Colour the text report'
complete -c stackpick -l init -d 'Write a commented starter profile'
complete -c stackpick -l force -d 'Let --init or the saved answers replace an existing file'
complete -c stackpick -s i -l interactive -d 'Ask questions to build the profile'
complete -c stackpick -l save -r -a '(__stackpick_profiles)' -d 'Save the answers as a profile'
complete -c stackpick -l no-input -d 'Never ask questions'
complete -c stackpick -l list-options -d 'List the options the matrix compares'
complete -c stackpick -l list-criteria -d 'List the criteria with ratings and reasons'
complete -c stackpick -l list-formats -d 'List the output formats'
complete -c stackpick -l show-matrix -d 'Print the whole active matrix'
complete -c stackpick -s h -l help -d 'Print the help and exit'
complete -c stackpick -s V -l version -d 'Print the version and exit'
complete -c stackpick -l verbose -d 'With --version, also print library versions'
