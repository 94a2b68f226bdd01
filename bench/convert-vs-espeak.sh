#!/usr/bin/env bash
# Benchmark (not a test): our convert pipeline against the reference `espeak-ng -w` + native LAME,
# on the same text, at the same parallelism, bitrate and encoder quality (-q 7), in the same run.
# Prints audio seconds per wall second for both and their wall-clock ratio (ROUNDS pairs, default 3,
# back to back in alternating order; the median ratio), CPU per audio second, our peak RSS, and the
# launcher's fixed start-up cost (a run that parses a one-line script; one that also loads eSpeak NG).
#
#   bench/convert-vs-espeak.sh [MIN_CHARS] [PARALLELISM]     (defaults: 500000 chars, all cores)
#   ETOAUDIOBOOK_MP3_ENCODER=jump3r bench/convert-vs-espeak.sh   (our pure-Java encoder instead of libmp3lame)
#   REF_LAME_OPTS=--noreplaygain bench/convert-vs-espeak.sh      (the lame CLI without its default ReplayGain
#       analysis, which ours does not do: on some CPUs it costs three times the encoding itself)
#
# The text is public-domain prose read at run time from ../shared/data/pdnc-dev (never copied into
# the repository), repeated until it is at least MIN_CHARS long.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
min_chars="${1:-500000}"
par="${2:-$(nproc)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for cmd in espeak-ng lame ffprobe /usr/bin/time; do
  command -v "$cmd" >/dev/null || { echo "missing $cmd (apt-get install espeak-ng lame ffmpeg time)" >&2; exit 3; }
done

book="$work/book.txt"
: > "$book"
while [ "$(wc -c < "$book")" -lt "$min_chars" ]; do
  for f in "$root"/../shared/data/pdnc-dev/*/novel_text.txt; do cat "$f" >> "$book"; echo >> "$book"; done
done
# cut at the first line end past MIN_CHARS, so the size asked for is the size measured
head -c "$min_chars" "$book" > "$book.cut"; sed -n "$(( $(wc -l < "$book.cut") + 1 ))p" "$book" >> "$book.cut"; mv "$book.cut" "$book"
chars=$(wc -m < "$book"); words=$(wc -w < "$book")
echo "text: $chars characters, $words words; parallelism $par; 48 kbps mono 22050 Hz${REF_LAME_OPTS:+; reference lame $REF_LAME_OPTS}"

# --- the launcher's fixed cost: JVM start, class loading (and eSpeak NG's voice list), best of 3
"$root/etoaudiobook" voices --language en >/dev/null 2>&1   # build once, outside the timing
export ETOAUDIOBOOK_SKIP_BUILD=1                            # and never inside it
printf '**Narrator:** Hello.\n' > "$work/one-line.md"
best() { local b=999; for _ in 1 2 3; do local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
  b=$(echo "if ($e - $s < $b) $e - $s else $b" | bc -l); done; echo "$b"; }
startup_parse=$(best "$root/etoaudiobook" parse "$work/one-line.md")
startup_voices=$(best "$root/etoaudiobook" voices --language en)

# --- ours: the CLI, cold cache
ours() {  # sets ours_wall, ours_audio, ours_cpu, rss_kb
  rm -rf "$work/home" "$work/ours"
  export ETOAUDIOBOOK_HOME="$work/home"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time.txt" "$root/etoaudiobook" convert "$book" --out "$work/ours" --threads "$((par + 1))" \
    >"$work/ours.log" 2>&1 || { cat "$work/ours.log"; exit 1; }
  end=$(date +%s.%N)
  ours_wall=$(echo "$end - $start" | bc -l)
  ours_audio=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work"/ours/*.mp3)
  ours_cpu=$(grep -E "^\s*(User|System) time" "$work/time.txt" | awk -F': ' '{s += $2} END {print s}')
  local kb
  kb=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
  rss_kb=$(( kb > ${rss_kb:-0} ? kb : ${rss_kb:-0} ))
}

# --- reference: espeak-ng -w then lame, the text split into $par pieces run side by side
split -n "l/$par" -d "$book" "$work/piece-"
export work
export REF_LAME_OPTS="${REF_LAME_OPTS:-}"
reference() {  # sets ref_wall, ref_audio, ref_cpu
  rm -f "$work"/piece-*.wav "$work"/piece-*.mp3
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/ref-cpu.txt" bash -c '
  for p in "$work"/piece-*; do
    ( espeak-ng -v en-gb-x-rp -w "$p.wav" -f "$p" && lame --silent -q 7 -b 48 -m m $REF_LAME_OPTS "$p.wav" "$p.mp3" ) &
  done
  wait'
  end=$(date +%s.%N)
  ref_wall=$(echo "$end - $start" | bc -l)
  ref_audio=0
  for p in "$work"/piece-*.mp3; do
    d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$p")
    ref_audio=$(echo "$ref_audio + $d" | bc -l)
  done
  ref_cpu=$(awk '{print $1 + $2}' "$work/ref-cpu.txt")
}

# The machine is shared: its load moves wall-clock times from minute to minute. So the two run in
# pairs, back to back, in alternating order, and each pair gives a ratio; the median is the figure.
rounds="${ROUNDS:-3}"
ratios=()
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2 == 1)); then ours; reference; else reference; ours; fi
  ratio=$(echo "($ours_audio / $ours_wall) / ($ref_audio / $ref_wall)" | bc -l)
  ratios+=("$ratio")
  printf 'round %d: ours %.0f s of audio in %.1f s wall, reference %.0f s in %.1f s: ratio %.2f (load %s)\n' "$r" \
    "$ours_audio" "$ours_wall" "$ref_audio" "$ref_wall" "$ratio" "$(cut -d' ' -f1 /proc/loadavg)"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | sed -n "$(( (rounds + 1) / 2 ))p")
ours_rate=$(echo "$ours_audio / $ours_wall" | bc -l)
ref_rate=$(echo "$ref_audio / $ref_wall" | bc -l)
printf 'last round, ours:      %8.0f s of audio in %6.1f s wall = %6.1f audio s per wall s\n' "$ours_audio" "$ours_wall" "$ours_rate"
printf 'last round, reference: %8.0f s of audio in %6.1f s wall = %6.1f audio s per wall s (espeak-ng -w + lame)\n' "$ref_audio" "$ref_wall" "$ref_rate"
printf 'wall-clock ratio ours/reference: median of %d rounds %.2f (target >= 0.9)\n' "$rounds" "$median"
# CPU per audio second: what the work costs, whatever else the machine is doing meanwhile
printf 'CPU: ours %.2f s, reference %.2f s per 100 s of audio; reference/ours %.2f (load-independent)\n' \
  "$(echo "100 * $ours_cpu / $ours_audio" | bc -l)" "$(echo "100 * $ref_cpu / $ref_audio" | bc -l)" \
  "$(echo "($ref_cpu / $ref_audio) / ($ours_cpu / $ours_audio)" | bc -l)"
printf 'our peak RSS: %d MB (target < 400 MB for 500,000 characters)\n' "$((rss_kb / 1024))"
printf 'launcher start-up: %.2f s to parse a one-line script, %.2f s to list the voices (eSpeak NG loaded)\n' \
  "$startup_parse" "$startup_voices"
