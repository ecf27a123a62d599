#!/usr/bin/env python3
"""Times shell commands side by side in interleaved rounds, on a shared machine.

    benchmarks/scripts/interleave.py --rounds 12 --input msg.gpg \\
        'gpg --batch --quiet -d' \\
        'java -Xmx64m -jar examples/target/tributary-examples.jar sop decrypt key.asc'

Every command runs once per round, after one untimed round, with --input on its standard input
and its standard output to --output (/dev/null unless given); the order is reversed every other
round, so that a slow phase of the machine falls on all commands alike. Before each round the
script waits (up to --idle-wait seconds) for a second in which other processes use under a tenth
of the CPUs, and it records, for every run, the CPU time that other processes used meanwhile
(/proc/stat's busy time less the run's own). A round is "clean" when that stayed under
--others-max seconds in each of its runs. It prints, over all rounds and over the clean ones, each
command's median time, its ratio to the first command's median, the rounds in which it was faster
than the first command ("won") and its mean; of an even count the median is the mean of the
middle two. --lock FILE holds an flock on FILE during each round, so that two benchmarks on one
machine take turns. --json FILE writes every round's raw times. Linux only (/proc/stat);
python3's standard library only. A command that exits non-zero stops the run.
"""
import argparse
import fcntl
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

TICKS = os.sysconf("SC_CLK_TCK")
CPUS = os.cpu_count() or 1


def busy_seconds():
    """CPU time all processes have used since boot, from /proc/stat's first line."""
    with open("/proc/stat") as f:
        fields = list(map(int, f.readline().split()[1:]))
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / TICKS


def run(command, input_path, output_path):
    """Runs command once; returns (seconds, other processes' CPU seconds meanwhile)."""
    with open(input_path or os.devnull, "rb") as stdin, open(
        output_path, "wb"
    ) as stdout, tempfile.TemporaryFile() as stderr:
        before = busy_seconds()
        start = time.perf_counter()
        child = subprocess.Popen(command, shell=True, stdin=stdin, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        after = busy_seconds()
        stderr.seek(0)
        err = stderr.read().decode(errors="replace")
    if status != 0:
        sys.exit(f"exit status {os.waitstatus_to_exitcode(status)} from: {command}\n{err[-2000:]}")
    own = usage.ru_utime + usage.ru_stime
    return elapsed, max(0.0, after - before - own)


def wait_for_idle(limit):
    """Waits until a second passes with other processes under a tenth of the CPUs, or limit s."""
    waited = 0
    while waited < limit:
        before = busy_seconds()
        time.sleep(1)
        if busy_seconds() - before < 0.1 * CPUS:
            return
        waited += 1


def median(values):
    return statistics.median(values)  # of an even count, the mean of the middle two


def report(title, commands, times, rounds):
    if not rounds:
        print(f"{title}: none")
        return
    print(f"{title}: {len(rounds)} rounds")
    first = median([times[0][r] for r in rounds])
    for i, command in enumerate(commands):
        mine = [times[i][r] for r in rounds]
        won = sum(1 for r in rounds if times[i][r] < times[0][r])
        print(
            f"  {median(mine) * 1000:9.1f} ms  {median(mine) / first:6.3f}x  "
            f"won {won:>2}/{len(rounds)}  mean {statistics.mean(mine) * 1000:9.1f}  {command}"
        )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("commands", nargs="+", help="shell commands; the first is the reference")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--input", help="file given to every command on standard input")
    parser.add_argument("--output", default=os.devnull, help="where standard output goes")
    parser.add_argument("--others-max", type=float, default=0.05, help="clean round limit, s")
    parser.add_argument("--idle-wait", type=float, default=120, help="longest wait per round, s")
    parser.add_argument("--lock", help="file to flock during each round")
    parser.add_argument("--json", help="file for every round's raw times")
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    commands = args.commands
    times = [[] for _ in commands]
    others = [[] for _ in commands]
    for command in commands:  # the untimed round
        run(command, args.input, args.output)
    for r in range(args.rounds):
        lock = open(args.lock, "a") if args.lock else None
        try:
            if lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
            wait_for_idle(args.idle_wait)
            order = range(len(commands))
            for i in reversed(order) if r % 2 else order:
                elapsed, other = run(commands[i], args.input, args.output)
                times[i].append(elapsed)
                others[i].append(other)
        finally:
            if lock:
                lock.close()  # releases the flock
        print(
            f"round {r + 1}: "
            + " ".join(f"{times[i][-1] * 1000:.0f}({others[i][-1]:.2f})" for i in range(len(commands))),
            flush=True,
        )
    everything = list(range(args.rounds))
    clean = [r for r in everything if all(o[r] < args.others_max for o in others)]
    report("all rounds", commands, times, everything)
    report(f"clean rounds (others under {args.others_max} s in every run)", commands, times, clean)
    with open("/proc/loadavg") as f:
        print("load", f.read().split()[0])
    if args.json:
        with open(args.json, "w") as f:
            json.dump(
                {"commands": commands, "seconds": times, "others_cpu_seconds": others,
                 "clean_rounds": clean},
                f,
                indent=1,
            )


if __name__ == "__main__":
    main()
