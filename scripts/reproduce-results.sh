#!/usr/bin/env bash
# Re-runs every committed experiment from scratch into results/<name>/ (tables, figures, report), one after another,
# and prints each sweep's wall time. This is the command behind every folder in results/ (see results/README.md).
#
#   scripts/reproduce-results.sh                      # all experiments
#   scripts/reproduce-results.sh chilling-speech …   # some of them
#
# Each folder is deleted and rebuilt. Left out of the committed folder: the run records (runs/), since steps.csv and
# runs.csv hold the same values (scorelab verify compares a re-run against them), and the Arrow copies (*.arrow), since
# the Parquet files hold the same tables with the same declared schema. A plain `scorelab sweep` writes all of them.
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
  rm -rf "results/$n/runs" "results/$n/sweep.lock" "results/$n"/*.arrow
  printf '%-36s %6d ms\n' "$n" $(( (end - start) / 1000000 ))
done
