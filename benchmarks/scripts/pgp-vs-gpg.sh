#!/usr/bin/env bash
# Encrypts and decrypts the same file with gpg and with `tributary-examples.jar sop` (JVM start
# included), timed by hyperfine in interleaved rounds, and prints the median and the mean time and
# throughput of each, its range and mean CPU, the speed ratio to gpg (gpg's median time over the
# command's), how many rounds it won, and the peak RSS of one run of each. The last lines are the
# library's steady state in one JVM (PgpThroughput.java, ours only).
#
#   benchmarks/scripts/pgp-vs-gpg.sh                                   # 512 MiB, 3 rounds
#   SIZE_MIB=256 RUNS=5 FILES=random.bin COMPRESSIONS=none benchmarks/scripts/pgp-vs-gpg.sh
#   SKIP_BUILD=1 BASE_JAR=/tmp/old.jar benchmarks/scripts/pgp-vs-gpg.sh  # and another build
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/scripts/pgp-vs-gpg.sh
#   ARMOR=1 FILES=random.bin COMPRESSIONS=none benchmarks/scripts/pgp-vs-gpg.sh  # ASCII armor
#   FLOOR=1 FILES=random.bin COMPRESSIONS=none benchmarks/scripts/pgp-vs-gpg.sh  # and the floor
#   FILES="data.csv crlf.csv" COMPRESSIONS=none benchmarks/scripts/pgp-vs-gpg.sh  # text beside binary
#   ROUNDS_DIR=/tmp/rounds benchmarks/scripts/pgp-vs-gpg.sh  # and keep every round's raw times
#   SINK=null benchmarks/scripts/pgp-vs-gpg.sh                     # decryption's output discarded
#
# Ratios are of medians, since on a shared machine one slow round moves a mean far (at 512 MiB a
# 1.46 s round among four of about 0.8 s made a mean of 0.91 s): the median of an even number of
# rounds is the mean of the middle two. The mean stays beside it; "won" compares round by round.
#
# ROUNDS_DIR keeps, per table, hyperfine's JSON export of each timed run, as
# FILE-COMP-rROUND-COMMAND.json, and the table's raw rounds as FILE-COMP.csv (hyperfine's CSV
# lines, each followed by "steal,COMMAND,milliseconds").
#
# FLOOR=1 adds "floor-decrypt": a JVM, started as ours is, that only reads gpg's message (on a
# helper thread, as ours does) and SHA-1s it (Sha1Floor.java), the least any JVM decryption must
# do, since the MDC hash runs over the whole plaintext in order. When the floor is slower than
# gpg's decryption, so is every JVM decryptor on that machine: a "floor/gpg" line under the table
# says which it is, judged on the quiet rounds only (below), and gives no verdict without one.
# The header names the CPU, since the ratios depend on it.
#
# crlf.csv (in the default FILES) is data.csv's rows with CRLF line endings, whole rows, encrypted
# as text (gpg --textmode, sop encrypt --as=text: literal data 't' or 'u'), which both decrypt to
# LF text (gpg drops the CRs, ours converts each CR LF by default, TextLineEndings.NATIVE): the
# cost of that conversion, beside data.csv's binary case. Its round-trip check compares with the
# rows' LF form, as do checks of both sides' decryption of gpg's message; PgpThroughput adds a
# line for TextLineEndings.AS_STORED, which hands the text out unconverted.
# Both sides use binary output (ARMOR=1: ASCII armor, gpg --armor against sop without --no-armor), AES-256, SEIPD v1 with MDC, the same RSA 3072 test key (Alice,
# from sdk-testing) and the same input; both decrypt the message gpg made, so identical bytes.
# "zlib" is gpg's default level (6) against ours (level 2, and stored when the data is already
# incompressible: the random file is, the CSV file is not). The JVM runs with -Xmx64m, so every
# "ours" row also shows that the heap stays under 64 MiB.
# CDS=1 (the default) gives the JVM an AppCDS archive of the runner's classes, made by a training
# run of each verb, as a deployment of a JVM command-line tool would ship; CDS=0 runs without one.
# CDS=static makes a static archive of the same training run's class list instead (JDK and runner
# classes in one archive, -Xshare:dump) of the dynamic one on top of the JDK's default archive:
# at stop 42 a 6-byte decrypt took 0.97x the time (30 interleaved rounds, 23 won, loaded machine)
# and 512 MiB the same; too little to change the default.
# AOT=1 (JDK 25: JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java) uses an AOT cache instead,
# which also holds the training run's method profiles, so the JIT compiles the hot loops sooner.
# Rounds: every command once per round, after one untimed round (which measures each command's
# peak RSS), so that a slow phase of a shared machine falls on both sides alike instead of on one
# command's consecutive runs.
# "steal s" is the CPU time the hypervisor gave other guests while the command ran (both vCPUs,
# from /proc/stat). It hurts ours more than gpg: gpg runs on one core, ours on two, so a stolen
# core slows ours by up to half and gpg hardly at all. "quiet rounds" is the ratio of the medians
# over the rounds in which neither ours nor gpg lost more than STEAL_MAX seconds (0.2 unless set),
# and how many; the floor/gpg line's ratio is the same.
# File to file is the speed goal's measure (sdk-pgp/README.md, stop 47) and, since stop 47, the
# default: SINK=file writes each decryption's plaintext to a file of its own, as a user decrypting
# a file to a file does; SINK=null discards it (/dev/null, the default until stop 47, which leaves
# the decryption's own work; encryption always writes a file). In stop 46's interleaved runs
# writing 512 MiB to a file cost gpg's one thread 240-460 ms, ours, whose write-behind thread
# writes on the other core, 30-80 ms; in this script's SINK=file run the disk's write-back evened
# that out (sdk-pgp/README.md, stop 46): a file sink measures the machine's disk too.
# OUT_DIR=DIR puts every file a timed command writes (both sides' encrypted messages, and with
# SINK=file their plaintexts) in a folder of its own under DIR; the default is /dev/shm where it is
# a writable folder, else the work folder (OUT_DIR= chooses the work folder). On a tmpfs each write
# still copies into the page cache, as any file write does, but no disk write-back runs beside the
# rounds; the header says which file system the files went to. A tmpfs holds them in memory, up to
# six times SIZE_MIB at once: on a machine short of memory, OUT_DIR= (the work folder).
# Needs gpg, hyperfine, GNU time and a JDK; builds the jar first unless SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MIB=${SIZE_MIB:-512}
RUNS=${RUNS:-3}
JAR=${JAR:-examples/target/tributary-examples.jar}
BASE_JAR=${BASE_JAR:-}
JAVA=${JAVA:-java}
FILES=${FILES:-random.bin data.csv crlf.csv}
STEAL_MAX=${STEAL_MAX:-0.2}
ROUNDS_DIR=${ROUNDS_DIR:-}
[ -z "$ROUNDS_DIR" ] || mkdir -p "$ROUNDS_DIR"
ticks=$(getconf CLK_TCK)
steal_ticks() { awk '/^cpu / { print $9 }' /proc/stat; } # all CPUs, in clock ticks
COMPRESSIONS=${COMPRESSIONS:-none zlib}
ARMOR=${ARMOR:-0}
gpg_armor=$([ "$ARMOR" = 1 ] && echo --armor || true)
our_armor=$([ "$ARMOR" = 1 ] || echo --no-armor)
KEYS=sdk-testing/src/main/resources/dev/tributary/testing/pgp
FPR=F9B6A0A93A029660C4E47A5031368D83A4407430

for tool in gpg hyperfine /usr/bin/time "$JAVA"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q package -DskipTests -Pquick -pl examples -am
fi
work=$(mktemp -d /tmp/pgpbench.XXXXXX)
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
trap 'gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
SINK=${SINK:-file}
case "$SINK" in null | file) ;; *) echo "SINK is null or file, not $SINK" >&2; exit 1 ;; esac
[ -d /dev/shm ] && [ -w /dev/shm ] && default_out=/dev/shm || default_out=""
OUT_DIR=${OUT_DIR-$default_out}
out=$work # where the timed commands write
if [ -n "$OUT_DIR" ]; then
  out=$(mktemp -d "$OUT_DIR/pgpbench-out.XXXXXX")
  trap 'gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$work" "$out"' EXIT
fi
# Where a side's decryption writes its plaintext.
sink() { if [ "$SINK" = file ]; then echo "$out/plain-$1.out"; else echo /dev/null; fi; }
GPG="gpg --batch --no-tty --quiet --pinentry-mode loopback --trust-model always"
$GPG --import "$KEYS/alice-rsa3072.sec.asc" 2>/dev/null

# sop_for NAME JAR VERB: the command prefix of one build for one verb, with the class archive
# (CDS=1; a static one with CDS=static) or the AOT cache (AOT=1, JDK 25) of a training run of that verb on 64 MiB.
head -c $((64 * 1024 * 1024)) /dev/urandom >"$work/train.bin"
$GPG --cipher-algo AES256 --compress-algo none -r $FPR -o "$work/train.gpg" -e "$work/train.bin"
sop_for() {
  local name=$1 jar=$2 verb=$3 java="$JAVA -Xmx64m -XX:+UseSerialGC" train
  if [ "$verb" = encrypt ]; then
    train="encrypt --no-armor $KEYS/alice-rsa3072.pub.asc <$work/train.bin"
  else
    train="decrypt $KEYS/alice-rsa3072.sec.asc <$work/train.gpg"
  fi
  if [ "${AOT:-0}" = 1 ]; then
    bash -c "$java -XX:AOTCacheOutput=$work/$name-$verb.aot -jar $jar sop $train" \
      >/dev/null 2>&1
    [ -f "$work/$name-$verb.aot" ] && java+=" -XX:AOTCache=$work/$name-$verb.aot"
  elif [ "${CDS:-1}" = static ]; then
    bash -c "$java -XX:DumpLoadedClassList=$work/$name-$verb.lst -jar $jar sop $train" \
      >/dev/null 2>&1
    $java -Xshare:dump -XX:SharedClassListFile="$work/$name-$verb.lst" \
      -XX:SharedArchiveFile="$work/$name-$verb.jsa" -cp "$jar" >/dev/null 2>&1
    [ -f "$work/$name-$verb.jsa" ] && java+=" -XX:SharedArchiveFile=$work/$name-$verb.jsa"
  elif [ "${CDS:-1}" = 1 ]; then
    bash -c "$java -XX:ArchiveClassesAtExit=$work/$name-$verb.jsa -jar $jar sop $train" \
      >/dev/null 2>&1
    [ -f "$work/$name-$verb.jsa" ] && java+=" -XX:SharedArchiveFile=$work/$name-$verb.jsa"
  fi
  echo "$java -jar $jar sop"
}
declare -A sop
sides=(gpg ours)
[ -n "$BASE_JAR" ] && sides+=(base)
for verb in encrypt decrypt; do
  sop[ours-$verb]=$(sop_for ours "$JAR" $verb)
  [ -n "$BASE_JAR" ] && sop[base-$verb]=$(sop_for base "$BASE_JAR" $verb)
done
floor=""
if [ "${FLOOR:-0}" = 1 ]; then # compiled and archived once, started as ours is
  javac -d "$work/floor" benchmarks/scripts/Sha1Floor.java
  jar cf "$work/floor.jar" -C "$work/floor" .
  floor="$JAVA -Xmx64m -XX:+UseSerialGC"
  $floor -XX:ArchiveClassesAtExit="$work/floor.jsa" -cp "$work/floor.jar" Sha1Floor \
    "$work/train.gpg" >/dev/null 2>&1
  [ -f "$work/floor.jsa" ] && floor+=" -XX:SharedArchiveFile=$work/floor.jsa"
  floor+=" -cp $work/floor.jar Sha1Floor"
fi

echo "making $SIZE_MIB MiB inputs in $work ..."
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom >"$work/random.bin"
set +o pipefail # head stops awk early, on purpose
awk -v n=$((SIZE_MIB * 1024 * 1024 / 30)) 'BEGIN { srand(7); for (i = 0; i < n; i++)
  printf "%08d,user%07d@example.com,%s,%05.2f\n", i, int(rand()*1e7), (rand()<.5?"DE":"US"), rand()*100 }' \
  | head -c $((SIZE_MIB * 1024 * 1024)) >"$work/data.csv"
set -o pipefail
if [[ " $FILES " == *" crlf.csv "* ]]; then # the same rows, whole, each ending in CR LF
  awk -v size=$((SIZE_MIB * 1024 * 1024)) 'BEGIN { srand(7); for (b = 0; b < size; b += 43)
    printf "%08d,user%07d@example.com,%s,%05.2f\r\n", b / 43, int(rand()*1e7), (rand()<.5?"DE":"US"), rand()*100 }' \
    >"$work/crlf.csv"
  tr -d '\r' <"$work/crlf.csv" >"$work/crlf.csv.lf" # what both write on decryption
fi

echo "gpg $(gpg --version | head -1 | awk '{print $3}'), $($JAVA -version 2>&1 | head -1)," \
  "$(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), CDS=${CDS:-1} AOT=${AOT:-0}"
echo "$SIZE_MIB MiB, median and mean of $RUNS interleaved rounds;" \
  "ours = ${sop[ours-decrypt]} (JVM start included)"
echo "speed/gpg, quiet rounds, floor/gpg: gpg's median time over the command's (the median of an" \
  "even count is the mean of the middle two); CPU s, steal s: means"
# The machine, since ratios to gpg depend on it (the JVM's start and JIT against the CPU's SHA-1).
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
isa=$(grep -m1 -ow -e aes -e sha_ni -e vaes -e avx512f /proc/cpuinfo 2>/dev/null | sort -u \
  | paste -sd ' ' - || true)
mem=$(free -g 2>/dev/null | awk '/^Mem:/ { print $2 " GiB" }' || true)
echo "CPU: ${cpu:-unknown} (${isa:-no AES/SHA flags found}), ${mem:-memory unknown}"
echo "decryption writes to: $([ "$SINK" = file ] && echo "a file (SINK=file)" || echo "/dev/null (SINK=null)"), files written in $out ($(df --output=fstype "$out" | tail -n 1))"
for file in $FILES; do
  in="$work/$file"
  gpg_text="" our_text="" plain="$in" # crlf.csv: text in, LF text out
  [ "$file" = crlf.csv ] && gpg_text=--textmode our_text=--as=text plain="$in.lf"
  for comp in $COMPRESSIONS; do
    ourcomp=$([ "$comp" = none ] && echo NONE || echo ZLIB)
    msg="$work/g-$comp.gpg"
    $GPG --yes $gpg_armor $gpg_text --cipher-algo AES256 --compress-algo "$comp" -r $FPR -o "$msg" \
      -e "$in"
    commands=(-n gpg-encrypt "$GPG --yes $gpg_armor $gpg_text --cipher-algo AES256 \
--compress-algo $comp -r $FPR -o $out/out-gpg.gpg -e $in")
    for side in "${sides[@]:1}"; do
      commands+=(-n "$side-encrypt" "${sop[$side-encrypt]} encrypt $our_armor $our_text \
--compression=$ourcomp $KEYS/alice-rsa3072.pub.asc < $in > $out/out-$side.pgp")
    done
    commands+=(-n gpg-decrypt "$GPG -o - -d $msg > $(sink gpg)")
    for side in "${sides[@]:1}"; do
      commands+=(-n "$side-decrypt" "${sop[$side-decrypt]} decrypt $KEYS/alice-rsa3072.sec.asc < $msg \
> $(sink "$side")")
    done
    [ -n "$floor" ] && commands+=(-n floor-decrypt "$floor $msg > /dev/null")
    declare -A rss=() # the untimed round: each command once, for its peak RSS
    for ((i = 1; i < ${#commands[@]}; i += 3)); do
      rss[${commands[i]}]=$(/usr/bin/time -f %M bash -c "${commands[i + 1]}" 2>&1 >/dev/null \
        | tail -n 1)
    done
    : >"$work/rounds.csv"
    for round in $(seq "$RUNS"); do # one command at a time, to know the steal during each
      for ((i = 1; i < ${#commands[@]}; i += 3)); do
        before=$(steal_ticks)
        hyperfine --runs 1 --style none --export-csv "$work/one.csv" \
          --export-json "$work/one.json" -n "${commands[i]}" "${commands[i + 1]}" >/dev/null
        after=$(steal_ticks)
        [ -z "$ROUNDS_DIR" ] \
          || cp "$work/one.json" "$ROUNDS_DIR/$file-$comp-r$round-${commands[i]}.json"
        tail -n +2 "$work/one.csv" >>"$work/rounds.csv"
        echo "steal,${commands[i]},$(((after - before) * 1000 / ticks))" >>"$work/rounds.csv"
      done
    done
    [ -z "$ROUNDS_DIR" ] || cp "$work/rounds.csv" "$ROUNDS_DIR/$file-$comp.csv"
    for side in "${sides[@]:1}"; do # ours decrypts its own message back to the input
      cmp <(${sop[$side-decrypt]} decrypt "$KEYS/alice-rsa3072.sec.asc" <"$out/out-$side.pgp") \
        "$plain" || { echo "round trip of $file $comp by $side failed" >&2; exit 1; }
      [ -z "$gpg_text" ] || cmp <(${sop[$side-decrypt]} decrypt "$KEYS/alice-rsa3072.sec.asc" \
        <"$msg") "$plain" || { echo "$side's decryption of gpg's $file $comp differs" >&2; exit 1; }
    done
    [ -z "$gpg_text" ] || cmp <($GPG -o - -d "$msg") "$plain" \
      || { echo "gpg's decryption of $file $comp differs" >&2; exit 1; }
    echo
    echo "$file, $comp$([ "$ARMOR" = 1 ] && echo ", armored" || true)$([ -n "$gpg_text" ] \
      && echo ", as text" || true):"
    {
      cat "$work/rounds.csv"
      for c in "${!rss[@]}"; do echo "rss,$c,${rss[$c]}"; done
    } | awk -F, -v bytes="$(stat -c %s "$in")" -v quiet="$STEAL_MAX" '
      # The median of c'"'"'s times: over all its rounds (g empty), or over those in which neither c
      # nor g lost more than quiet seconds to steal. Of an even count, the mean of the middle two.
      function median(c, g,    a, k, r, i, j, x) {
        k = 0
        for (r = 1; r <= n[c]; r++)
          if (g == "" || (st[c, r] <= quiet && st[g, r] <= quiet)) a[++k] = t[c, r]
        for (i = 2; i <= k; i++) { # insertion sort: a few rounds
          x = a[i]
          for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]
          a[j + 1] = x
        }
        return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
      }
      function quiets(c, g,    r, k) {
        k = 0
        for (r = 1; r <= n[c]; r++) if (st[c, r] <= quiet && st[g, r] <= quiet) k++
        return k
      }
      $1 == "rss" { rss[$2] = $3; next }
      $1 == "steal" { steal[$2] += $3 / 1000; st[$2, n[$2]] = $3 / 1000; next }
      {
        n[$1]++; secs[$1] += $2; cpu[$1] += $5 + $6; t[$1, n[$1]] = $2 + 0
        if (!($1 in lo) || $2 < lo[$1]) lo[$1] = $2
        if (!($1 in hi) || $2 > hi[$1]) hi[$1] = $2
      }
      END {
        mib = bytes / 1048576
        printf "  %-15s %s %s\n", "", "---------- seconds ----------", "--- MiB/s ---"
        printf "  %-15s %7s %7s %13s %6s %6s %6s %7s %7s %9s %5s %13s\n", "command", "median",
          "mean", "min-max", "median", "mean", "CPU s", "steal s", "RSS MiB", "speed/gpg", "won",
          "quiet rounds"
        split("gpg ours base floor", side, " ")
        for (v = 1; v <= 2; v++) {
          verb = v == 1 ? "encrypt" : "decrypt"
          for (s = 1; s <= 4; s++) {
            c = side[s] "-" verb
            if (!(c in n)) continue
            g = "gpg-" verb; won = 0
            for (r = 1; r <= n[c]; r++) if (t[c, r] < t[g, r]) won++
            qn = quiets(c, g)
            quietcol = s == 1 ? "" : qn == 0 ? "0/" n[c] : sprintf("%.2fx in %d/%d",
              median(g, c) / median(c, g), qn, n[c])
            m = median(c, "")
            row = sprintf("  %-15s %7.3f %7.3f %13s %6.0f %6.0f %6.2f %7.2f %7.0f %9s %5s %13s",
              c, m, secs[c] / n[c], sprintf("%.3f-%.3f", lo[c], hi[c]), mib / m,
              mib / (secs[c] / n[c]), cpu[c] / n[c], steal[c] / n[c], rss[c] / 1024,
              s == 1 ? "" : sprintf("%.2fx", median(g, "") / m), s == 1 ? "" : won "/" n[c],
              quietcol)
            sub(/ +$/, "", row) # gpg'"'"'s rows have no ratios
            print row
          }
        }
        if ("floor-decrypt" in n && "gpg-decrypt" in n) {
          # Judged on the quiet rounds only: steal slows the floor (two threads) more than gpg.
          c = "floor-decrypt"; g = "gpg-decrypt"; qn = quiets(c, g)
          slower = "the floor (JVM start, read, SHA-1) is slower than gpg'"'"'s whole decryption" \
            " here, so no JVM decryption of this message reaches gpg on this machine"
          ahead = "what ours takes beyond floor-decrypt is its own work (key, RSA, AES, write, JIT)"
          if (qn == 0) {
            printf "  floor/gpg: no verdict, no round was quiet (steal over %s s in each)\n", quiet
          } else {
            f = median(g, c) / median(c, g)
            printf "  floor/gpg %.2fx in %d/%d quiet rounds: %s\n", f, qn, n[c], f < 1 ? slower : ahead
          }
        }
      }'
  done
done

# The steady state, without JVM start and warm-up: ours only, several rounds in one JVM.
if [ "${INPROCESS:-1}" = 1 ]; then
  echo
  for file in $FILES; do
    $JAVA -Xmx64m -XX:+UseSerialGC -cp "$JAR" benchmarks/scripts/PgpThroughput.java "$work/$file" \
      "$KEYS/alice-rsa3072.pub.asc" "$KEYS/alice-rsa3072.sec.asc" $((RUNS + 2)) \
      $([ "$file" = crlf.csv ] && echo text || true)
  done
fi
