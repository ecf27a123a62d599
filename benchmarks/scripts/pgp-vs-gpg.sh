#!/usr/bin/env bash
# Encrypts and decrypts the same file with gpg and with `tributary-examples.jar sop`, side by side,
# and prints throughputs, the ratio ours/gpg and the peak RSS of each run.
#
#   benchmarks/scripts/pgp-vs-gpg.sh                 # 512 MiB, 3 runs each (best run counts)
#   SIZE_MIB=256 RUNS=1 benchmarks/scripts/pgp-vs-gpg.sh
#
# Both sides use binary output, AES-256, SEIPD v1 with MDC, the same RSA 3072 test key (Alice,
# from sdk-testing) and the same input; decryption reads the message gpg made, so both decrypt
# identical bytes. "zlib" is gpg's default level (6) against ours (level 2, and stored when the
# data is already incompressible: the random file is, the CSV file is not). The JVM runs with
# -Xmx64m, so every "ours" row also proves the heap stays under 64 MiB; its time includes JVM
# start. The last lines are the in-process steady state (PgpThroughput.java, one JVM, ours only).
# Needs gpg, java 17+, GNU time; builds the jar when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MIB=${SIZE_MIB:-512}
RUNS=${RUNS:-3}
JAR=examples/target/tributary-examples.jar
JAVA=(java -Xmx64m -XX:+UseSerialGC)
KEYS=sdk-testing/src/main/resources/dev/tributary/testing/pgp
FPR=F9B6A0A93A029660C4E47A5031368D83A4407430

[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests -pl examples -am
work=$(mktemp -d /tmp/pgpbench.XXXXXX)
# CDS=1 (default): an AppCDS archive of the runner's classes, made by one training run, as a
# deployment of a JVM command-line tool would ship; it saves ~0.2 s of class loading per start.
if [ "${CDS:-1}" = 1 ]; then
  echo hello | "${JAVA[@]}" -XX:ArchiveClassesAtExit="$work/app.jsa" -jar "$JAR" sop encrypt \
    "$KEYS/alice-rsa3072.pub.asc" 2>/dev/null \
    | "${JAVA[@]}" -XX:ArchiveClassesAtExit="$work/app2.jsa" -jar "$JAR" sop decrypt \
    "$KEYS/alice-rsa3072.sec.asc" >/dev/null 2>&1 || true
  [ -f "$work/app2.jsa" ] && JAVA+=(-XX:SharedArchiveFile="$work/app2.jsa")
fi
JAVA+=(-jar "$JAR" sop)
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
trap 'gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
GPG=(gpg --batch --no-tty --quiet --pinentry-mode loopback --trust-model always)
"${GPG[@]}" --import "$KEYS/alice-rsa3072.sec.asc" 2>/dev/null

echo "making $SIZE_MIB MiB inputs in $work ..."
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$work/random.bin"
set +o pipefail # head stops awk early, on purpose
awk -v n=$((SIZE_MIB * 1024 * 1024 / 30)) 'BEGIN { srand(7); for (i = 0; i < n; i++)
  printf "%08d,user%07d@example.com,%s,%05.2f\n", i, int(rand()*1e7), (rand()<.5?"DE":"US"), rand()*100 }' \
  | head -c $((SIZE_MIB * 1024 * 1024)) > "$work/data.csv"
set -o pipefail

# best_of CMD...: runs CMD $RUNS times; prints "seconds maxrss_kib" of the fastest run.
best_of() {
  local best="" rss=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" || { echo "failed: $*" >&2; exit 1; }
    read -r s m < "$work/time"
    if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$s; rss=$m; fi
  done
  echo "$best $rss"
}


row() { # label input-bytes gpg-result ours-result
  awk -v l="$1" -v b="$2" -v g="$3" -v o="$4" 'BEGIN {
    split(g, G, " "); split(o, O, " ");
    gm = b / 1048576 / G[1]; om = b / 1048576 / O[1];
    printf "%-26s gpg %7.1f MiB/s (%5.2f s, %4d MiB RSS)   ours %7.1f MiB/s (%5.2f s, %4d MiB RSS)   ours/gpg %.2fx\n",
      l, gm, G[1], G[2] / 1024, om, O[1], O[2] / 1024, om / gm }'
}

echo "gpg $(gpg --version | head -1 | awk '{print $3}'), $(java -version 2>&1 | head -1), $(nproc) cores"
echo "$SIZE_MIB MiB, best of $RUNS; ours = java -Xmx64m -jar $JAR sop (JVM start included)"
for file in random.bin data.csv; do
  in="$work/$file"
  bytes=$(stat -c %s "$in")
  for comp in none zlib; do
    ourcomp=$([ $comp = none ] && echo NONE || echo ZLIB)
    g=$(best_of bash -c "${GPG[*]} --yes --cipher-algo AES256 --compress-algo $comp -r $FPR -o $work/g.gpg -e $in")
    o=$(best_of bash -c "${JAVA[*]} encrypt --no-armor --compression=$ourcomp $KEYS/alice-rsa3072.pub.asc < $in > $work/o.pgp")
    row "encrypt $file $comp" "$bytes" "$g" "$o"
    g=$(best_of bash -c "${GPG[*]} -o - -d $work/g.gpg > /dev/null")
    o=$(best_of bash -c "${JAVA[*]} decrypt $KEYS/alice-rsa3072.sec.asc < $work/g.gpg > /dev/null")
    row "decrypt $file $comp" "$bytes" "$g" "$o"
    cmp <("${JAVA[@]}" decrypt "$KEYS/alice-rsa3072.sec.asc" < "$work/o.pgp") "$in" \
      || { echo "round trip of $file $comp failed" >&2; exit 1; }
  done
done

# The steady state, without JVM start and warm-up: ours only, several rounds in one JVM.
for file in random.bin data.csv; do
  java -Xmx64m -XX:+UseSerialGC -cp "$JAR" benchmarks/scripts/PgpThroughput.java "$work/$file" \
    "$KEYS/alice-rsa3072.pub.asc" "$KEYS/alice-rsa3072.sec.asc" $((RUNS + 2))
done
