#!/usr/bin/env bash
# Runs npm scripts side by side and fails if any of them fails. Each line of output is prefixed
# with its script's name, so interleaved output stays readable; at the end one line per script
# says how it ended and how long it took. Used by `npm test` for steps that do not depend on each
# other (Node tools are mostly single-threaded, so two at a time use both cores).
#
#   bash tests/run-parallel.sh typecheck lint
set -uo pipefail

declare -A pids started
for script in "$@"; do
  started[$script]=$SECONDS
  # Process substitution keeps the prefixer out of the job's exit status.
  npm run -s "$script" > >(sed -u "s/^/[$script] /") 2>&1 &
  pids[$script]=$!
done

declare -A names
for script in "$@"; do names[${pids[$script]}]=$script; done

failed=0
summary=()
for _ in "$@"; do
  # Whichever finishes first (bash >= 5.1), so each time is its own.
  wait -n -p done_pid
  status=$?
  script=${names[$done_pid]}
  if [ "$status" -eq 0 ]; then
    summary+=("$script: passed in $((SECONDS - started[$script])) s")
  else
    summary+=("$script: FAILED (exit $status) after $((SECONDS - started[$script])) s")
    failed=1
  fi
done
# Let the prefixers flush before the summary.
wait
printf '%s\n' "${summary[@]}"
exit $failed
