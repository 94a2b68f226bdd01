#!/usr/bin/env bash
# Speaker attribution measured leave-one-novel-out (LONO), the stand-in for novels nobody tuned it
# for: for the current tree, every novel of ../shared/data/pdnc-dev is scored with TurnRanker's and
# AnaphorRanker's weights fitted on the other novels only.
#   bench/lono.sh [OUT_DIR]        (default /tmp/lono-$USER; JOBS=2 runs two JVMs at once)
# Steps, each novel in its own JVM (the weights are read once, at class load):
#  1. turn features from the rules alone (-Dattribution.weights=none): feat/NOVEL.out|err
#  2. turn weights fitted without each novel (L2 0.01): turnw/NOVEL.w, turnw/ALL.w
#  3. anaphor features with that novel's turn weights on (-Dattribution.anaphorWeights=none)
#  4. anaphor weights fitted without each novel (TAG=AFEAT, L2 0.001): anaw/NOVEL.w, anaw/ALL.w
#  5. each novel scored with both of its left-out weights; the total, per type and lowest novel.
# IN_SAMPLE=1 also scores all novels with the ALL.w weights (what would ship if fitted now).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-/tmp/lono-${USER:-me}}"
jobs="${JOBS:-1}"
dev="$(cd ../shared/data/pdnc-dev && pwd)"
rm -rf "$out"
mkdir -p "$out"/feat "$out"/afeat "$out"/score
mvn -q -B -o -pl bench -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$out/cp" >"$out/build.log" || { cat "$out/build.log"; exit 1; }
# the tree's classes copied, so edits and builds during the run do not change what it measures
cp=""
i=0
for e in bench/target/classes $(tr ':' ' ' <"$out/cp"); do
  if [ -d "$e" ]; then
    i=$((i + 1))
    cp -r "$e" "$out/classes$i"
    e="$out/classes$i"
  fi
  cp="$cp${cp:+:}$e"
done
base="$(grep -v '^#' local/scripts/java-opts) -Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
novels=$(cd "$dev" && for d in */; do echo "${d%/}"; done)
scorer() { # JVM options... -- scorer arguments...
  local opts=()
  while [ "$1" != -- ]; do opts+=("$1"); shift; done
  shift
  # shellcheck disable=SC2086 # base options are words
  java $base "${opts[@]}" -cp "$cp" com.etoaudiobook.bench.AttributionScorer "$@"
}
each() { # STEP: runs step_NOVEL for every novel, JOBS at a time
  export -f scorer "step_$1"
  export base cp dev out
  echo "$novels" | xargs -P "$jobs" -I{} bash -c "step_$1 {}"
}
step_feat() {
  scorer -Dattribution.features=true -Dattribution.weights=none -- --verdicts "$dev/$1" \
    >"$out/feat/$1.out" 2>"$out/feat/$1.err"
}
step_afeat() {
  scorer -Dattribution.features=true "-Dattribution.weights=$out/turnw/$1.w" \
    -Dattribution.anaphorWeights=none -- --verdicts "$dev/$1" >"$out/afeat/$1.out" 2>"$out/afeat/$1.err"
}
step_score() {
  scorer "-Dattribution.weights=$out/turnw/$1.w" "-Dattribution.anaphorWeights=$out/anaw/$1.w" \
    -- "$dev/$1" >"$out/score/$1.out"
}
each feat
python3 bench/fit-turn-weights.py "$out/feat" 0.01 600 "$out/turnw" >"$out/turnw.log"
each afeat
TAG=AFEAT python3 bench/fit-turn-weights.py "$out/afeat" 0.001 600 "$out/anaw" >"$out/anaw.log"
each score
tail -n 2 "$out/turnw.log" | head -n 1 | sed 's/^/turn ranker (simulated): /'
tail -n 2 "$out/anaw.log" | head -n 1 | sed 's/^/anaphor ranker (simulated): /'
# "NAME accuracy P% (c/n) |  Explicit P% (c/n)  Anaphoric ...": sum the counts
summary() {
  awk '/accuracy/ && $1 != "OVERALL" {
      n = $1; match($0, /accuracy [0-9.]+% \(([0-9]+)\/([0-9]+)\)/, m); c[n] = m[1]; t[n] = m[2]
      C += m[1]; T += m[2]
      rest = $0
      while (match(rest, /(Explicit|Anaphoric|Implicit|\(none\)) [0-9.]+% \(([0-9]+)\/([0-9]+)\)/, k)) {
        tc[k[1]] += k[2]; tt[k[1]] += k[3]; rest = substr(rest, RSTART + RLENGTH)
      }
    }
    END {
      low = ""; for (n in c) if (low == "" || c[n] / t[n] < c[low] / t[low]) low = n
      printf "%s: %.2f%% (%d of %d)", label, 100 * C / T, C, T
      for (y in tc) printf "  %s %.1f%% (%d/%d)", y, 100 * tc[y] / tt[y], tc[y], tt[y]
      printf "  lowest %s %.1f%%\n", low, 100 * c[low] / t[low]
    }' label="$1"
}
for f in "$out"/score/*.out; do grep accuracy "$f" | grep -v OVERALL; done >"$out/lono.txt"
summary LONO <"$out/lono.txt"
if [ "${IN_SAMPLE:-0}" = 1 ]; then
  scorer "-Dattribution.weights=$out/turnw/ALL.w" "-Dattribution.anaphorWeights=$out/anaw/ALL.w" \
    -- >"$out/insample.txt"
  summary in-sample <"$out/insample.txt"
fi
