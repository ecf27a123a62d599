#!/usr/bin/env bash
# Builds the benchmarks and runs all of them (about two minutes once built):
#   1. MicroBatcherBenchmark (JMH), pinned to one CPU core with taskset when it is installed;
#   2. the other JMH benchmarks (ScheduleBenchmark);
#   3. FlushLatencyHarness: 100 ms delay, 20 s at 20,000 changes/s;
#   4. IdentityHeapHarness: 1M and 2M records into the in-memory profile store.
# JMH results also go to benchmarks/target/jmh-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests -Pquick -pl benchmarks -am
jar=benchmarks/target/benchmarks.jar
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
"${pin[@]}" java -jar "$jar" MicroBatcherBenchmark -rf text -rff benchmarks/target/jmh-microbatcher.txt
java -jar "$jar" ScheduleBenchmark -rf text -rff benchmarks/target/jmh-schedule.txt
java -Xmx1g -cp "$jar" dev.tributary.benchmarks.FlushLatencyHarness 100 20 20000
java -Xmx4g -XX:+UseParallelGC -cp "$jar" dev.tributary.benchmarks.IdentityHeapHarness
