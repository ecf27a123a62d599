#!/usr/bin/env bash
# Times Go's text/template + sprig and this module's renderer on the same cases, one after the
# other on this machine, and prints the medians and the ratios (Go time / Java time).
#
#   sdk-templates/bench/compare.sh [CASES.json] [SECONDS]
#
# CASES.json: the shared conformance set by default (sdk-templates/src/test/resources/...).
# SECONDS:    how long each case's rendering is timed (parsing: a quarter of it); default 0.1.
# ROUNDS:     how often each side runs, alternating Go and Java; each case keeps its fastest time,
#             which damps the noise of a shared machine (env var, default 2).
# Needs Debian's golang-go and golang-github-masterminds-sprig-dev (for the Go oracle), a JDK,
# and (re)builds examples/target/tributary-examples.jar. Run from anywhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cases=${1:-$root/sdk-templates/src/test/resources/go-templates-cases.json}
seconds=${2:-0.1}
rounds=${ROUNDS:-2}
out=$root/sdk-templates/target/bench
mkdir -p "$out"

oracle=$("$root/sdk-templates/src/test/go/oracle/build.sh" "$root/sdk-templates/target/gotemplate-oracle")
jar=$root/examples/target/tributary-examples.jar
# Always rebuilt, so that the figures belong to the current source. The old jar is removed first:
# the shade plugin would otherwise merge the previous shaded jar (stale classes first) into the new.
rm -f "$jar"
(cd "$root" && ./mvnw -q -B package -pl examples -am -DskipTests -Pquick)

echo "cases: $cases, ${seconds}s per case; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
echo "go:   $(go version | cut -d' ' -f3-), sprig 3.2.3 (Debian)"
echo "java: $(java -version 2>&1 | head -n 1)"
: > "$out/go.jsonl"
: > "$out/java.jsonl"
for round in $(seq "$rounds"); do
  echo "round $round/$rounds: timing Go ..."
  TZ=UTC "$oracle" -bench "${seconds}s" < "$cases" >> "$out/go.jsonl"
  echo "round $round/$rounds: timing Java (after a JIT warm-up) ..."
  java -jar "$jar" template bench "$cases" --seconds "$seconds" >> "$out/java.jsonl"
done

# One "name render parse" line per case, from either tool's JSON lines.
extract() {
  sed -E 's/.*"name":"([^"]*)".*"parseNsPerOp":([0-9.e+-]+).*"renderNsPerOp":([0-9.e+-]+).*/\1 \3 \2/' "$1"
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# Per case, the fastest of the rounds for rendering and for parsing.
fastest() {
  extract "$1" | sort -k1,1 -k2,2g | awk '
    $1 != name { if (name != "") print name, r, p; name = $1; r = $2; p = $3; next }
    { if ($3 < p) p = $3 }
    END { if (name != "") print name, r, p }' | sort
}
fastest "$out/go.jsonl" > "$out/go.txt"
fastest "$out/java.jsonl" > "$out/java.txt"
join "$out/go.txt" "$out/java.txt" > "$out/both.txt"
n=$(wc -l < "$out/both.txt")
goRender=$(awk '{print $2}' "$out/both.txt" | median)
goParse=$(awk '{print $3}' "$out/both.txt" | median)
javaRender=$(awk '{print $4}' "$out/both.txt" | median)
javaParse=$(awk '{print $5}' "$out/both.txt" | median)
renderRatio=$(awk '{print $2/$4}' "$out/both.txt" | median)
parseRatio=$(awk '{print $3/$5}' "$out/both.txt" | median)
printf '\n%d cases rendered by both\n' "$n"
printf '%-8s %14s %14s %18s %22s\n' "" "Go median ns" "Java median ns" "ratio of medians" "median per-case ratio"
awk -v g="$goRender" -v j="$javaRender" -v r="$renderRatio" \
  'BEGIN {printf "%-8s %14.0f %14.0f %17.1fx %21.1fx\n", "render", g, j, g/j, r}'
awk -v g="$goParse" -v j="$javaParse" -v r="$parseRatio" \
  'BEGIN {printf "%-8s %14.0f %14.0f %17.1fx %21.1fx\n", "parse", g, j, g/j, r}'
echo "raw results: $out/go.jsonl, $out/java.jsonl"
