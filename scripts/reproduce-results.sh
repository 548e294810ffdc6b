#!/usr/bin/env bash
# Re-runs every committed experiment from scratch into results/<name>/ (tables, figures, report), one after another,
# and prints each sweep's wall time. This is the command behind every folder in results/ (see results/README.md).
#
#   scripts/reproduce-results.sh                      # all experiments
#   scripts/reproduce-results.sh chilling-speech …   # some of them
#
# Each folder is deleted and rebuilt; the run records (runs/) are left out of the committed folder, since steps.csv
# and runs.csv hold the same values (scorelab verify compares a re-run against them).
set -euo pipefail
cd "$(dirname "$0")/.."
ALL=(surveillance-discrimination friend-effect-polarization joint-punishment-stratification due-process-reforms
     deterrence-and-harm chilling-speech network-lending-redlining regimes-compared approval
     sensitivity-national-composite validation-degroot validation-deffuant)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${ALL[@]}")
[ -f dist/cli/main.js ] || npm run build
for n in "${names[@]}"; do
  [ -f "experiments/$n.ts" ] || { echo "no experiment experiments/$n.ts" >&2; exit 2; }
  rm -rf "results/$n"
  start=$(date +%s%N)
  node bin/scorelab.js sweep "experiments/$n.ts" --out "results/$n" --quiet
  end=$(date +%s%N)
  rm -rf "results/$n/runs" "results/$n/sweep.lock"
  printf '%-36s %6d ms\n' "$n" $(( (end - start) / 1000000 ))
done
