#!/usr/bin/env bash
# Upload and download of one big file on loopback against a throwaway OpenSSH sshd: OpenSSH's own
# sftp client (batch mode) versus `tributary-examples.jar sftp put|get` (JVM start included), timed
# by hyperfine in the same run in interleaved rounds, plus the peak memory (max RSS) of one run of
# each, and last the library's steady state in one JVM (SftpThroughput.java: several transfers
# through one client).
#
#   benchmarks/scripts/sftp-vs-openssh.sh            # 1 GiB, 3 rounds
#   SIZE_MIB=256 RUNS=5 benchmarks/scripts/sftp-vs-openssh.sh
#   SKIP_BUILD=1 JAR=/tmp/old.jar benchmarks/scripts/sftp-vs-openssh.sh   # another build
#
# Needs: sshd and sftp (openssh-server, openssh-client), hyperfine, /usr/bin/time, a JDK. Builds
# the jar first unless SKIP_BUILD=1. Everything lives in a temporary directory, removed at exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZE_MIB=${SIZE_MIB:-1024}
RUNS=${RUNS:-3}
JAR=${JAR:-examples/target/tributary-examples.jar}
JAVA=${JAVA:-java}

for tool in /usr/sbin/sshd sftp ssh-keygen hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q package -DskipTests -Pquick -pl examples -am
fi

work=$(mktemp -d /tmp/sftp-bench.XXXXXX)
sshd_pid=
cleanup() {
  [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A private sshd: own host key, own authorized_keys, internal-sftp, running as this user.
mkdir -p "$work/root"
ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
  mkdir -p /run/sshd && chmod 755 /run/sshd
fi
user=$(id -un)
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 20000))
  cat >"$work/sshd_config" <<CONF
ListenAddress 127.0.0.1:$port
HostKey $work/host_key
AuthorizedKeysFile $work/authorized_keys
PidFile none
StrictModes no
UsePAM no
UseDNS no
PermitRootLogin yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowUsers $user
Subsystem sftp internal-sftp -d $work/root
CONF
  /usr/sbin/sshd -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
  sshd_pid=$!
  for _ in $(seq 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break 2; fi
    kill -0 "$sshd_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$sshd_pid" 2>/dev/null || true
  sshd_pid=
done
[ -n "$sshd_pid" ] || { echo "sshd did not start:" >&2; cat "$work/sshd.log" >&2; exit 1; }
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$work/host_key.pub")" >"$work/known_hosts"

echo "creating a ${SIZE_MIB} MiB file of random bytes"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom >"$work/src.bin"
cp "$work/src.bin" "$work/root/remote.bin"

ossh=(sftp -q -i "$work/client_key" -o "UserKnownHostsFile=$work/known_hosts" -P "$port")
printf 'put %s ossh-up.bin\n' "$work/src.bin" >"$work/put.batch"
printf 'get remote.bin /dev/null\n' >"$work/get.batch"
trib_put="$JAVA -jar $JAR sftp put $work/src.bin trib-up.bin --existing OVERWRITE --host 127.0.0.1 --port $port --user $user --identity $work/client_key --known-hosts $work/known_hosts"
trib_get="$JAVA -jar $JAR sftp get remote.bin - --host 127.0.0.1 --port $port --user $user --identity $work/client_key --known-hosts $work/known_hosts > /dev/null"
ossh_put="${ossh[*]} -b $work/put.batch $user@127.0.0.1"
ossh_get="${ossh[*]} -b $work/get.batch $user@127.0.0.1"

# Rounds: every command once per round, after one untimed round, so that a slow phase of a shared
# machine falls on both clients alike instead of on one command's consecutive runs.
commands=(-n openssh-put "$ossh_put" -n tributary-put "$trib_put"
  -n openssh-get "$ossh_get" -n tributary-get "$trib_get")
hyperfine --runs 1 --style none "${commands[@]}"
for round in $(seq "$RUNS"); do
  echo "round $round of $RUNS"
  hyperfine --runs 1 --style none --export-csv "$work/round-$round.csv" "${commands[@]}"
done
{
  head -n 1 "$work/round-1.csv"
  for round in $(seq "$RUNS"); do tail -n +2 "$work/round-$round.csv"; done
} >"$work/times.csv"

rss() { # max resident set size of one run, in MiB
  /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}'
}
declare -A mem
mem[openssh-put]=$(rss "$ossh_put")
mem[tributary-put]=$(rss "$trib_put")
mem[openssh-get]=$(rss "$ossh_get")
mem[tributary-get]=$(rss "$trib_get")

# Memory does not grow with the file: the same transfers within a 64 MiB heap.
bounded() { # "seconds max-RSS-MiB" of one run
  /usr/bin/time -f '%e %M' bash -c "$1" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%s %.0f", $1, $2/1024}'
}
read -r bput_s bput_m <<<"$(bounded "${trib_put/-jar/-Xmx64m -jar}")"
read -r bget_s bget_m <<<"$(bounded "${trib_get/-jar/-Xmx64m -jar}")"

echo
echo "${SIZE_MIB} MiB on loopback, mean of $RUNS interleaved rounds ($(date -u +%Y-%m-%d), $(nproc) cores):"
awk -F, -v size="$SIZE_MIB" \
  -v m1="${mem[openssh-put]}" -v m2="${mem[tributary-put]}" \
  -v m3="${mem[openssh-get]}" -v m4="${mem[tributary-get]}" '
  NR == 1 { next }
  {
    n[$1]++; secs[$1] += $2; cpu[$1] += $5 + $6; round[$1, n[$1]] = $2; rounds = n[$1]
    if (!($1 in lo) || $2 < lo[$1]) lo[$1] = $2
    if (!($1 in hi) || $2 > hi[$1]) hi[$1] = $2
  }
  END {
    mem["openssh-put"] = m1; mem["tributary-put"] = m2
    mem["openssh-get"] = m3; mem["tributary-get"] = m4
    printf "%-14s %9s %13s %9s %9s %12s\n", "command", "seconds", "min-max", "MiB/s", "CPU s", "max RSS MiB"
    k = split("openssh-put tributary-put openssh-get tributary-get", order, " ")
    for (i = 1; i <= k; i++) {
      c = order[i]; s = secs[c] / n[c]; rate[c] = size / s
      printf "%-14s %9.2f %6.2f-%-6.2f %9.0f %9.2f %12s\n", c, s, lo[c], hi[c], rate[c], cpu[c] / n[c], mem[c]
    }
    printf "ratio tributary/openssh: put %.2f, get %.2f (above 1: tributary is faster)\n",
      rate["tributary-put"] / rate["openssh-put"], rate["tributary-get"] / rate["openssh-get"]
    for (r = 1; r <= rounds; r++) {
      if (round["tributary-put", r] < round["openssh-put", r]) put_won++
      if (round["tributary-get", r] < round["openssh-get", r]) get_won++
    }
    printf "rounds in which tributary was faster: put %d of %d, get %d of %d\n",
      put_won, rounds, get_won, rounds
  }' "$work/times.csv"
awk -v size="$SIZE_MIB" -v ps="$bput_s" -v pm="$bput_m" -v gs="$bget_s" -v gm="$bget_m" 'BEGIN {
  printf "tributary with -Xmx64m (one run each): put %.0f MiB/s, max RSS %s MiB;", size / ps, pm
  printf " get %.0f MiB/s, max RSS %s MiB\n", size / gs, gm
}'

# The library's steady state: one JVM, one client, several transfers (no JVM start, JIT warm).
"$JAVA" -Xmx64m -cp "$JAR" benchmarks/scripts/SftpThroughput.java "$work/src.bin" "$port" "$user" \
  "$work/client_key" "$work/known_hosts" "${INPROC_ROUNDS:-4}"
