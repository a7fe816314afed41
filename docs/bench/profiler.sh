#!/usr/bin/env bash
# Measures the HL7 v2 sample profiler in memory (no app, no database): messages per second on one thread (per core)
# of Profiler.profile(text) next to HAPI's bare parse of the same messages with the same parser setup
# (Hl7Parsers.parser(): v2.5.1 structures, validation off), and the ratio of the two. Usage:
#   docs/bench/profiler.sh [messages] [rounds] [warm-up rounds] [seed]      (defaults: 2000 10 5 20261101)
#   BUILD=1 docs/bench/profiler.sh ...      (compile first: ./mvnw -q test-compile; done anyway when the harness
#                                            is not compiled yet or older than its or the profiler's sources)
# The harness, src/test/java/dev/siteready/profiling/ProfilerBenchmark.java, generates the messages with a seeded
# Random (the same text every run): ADT^A04/A01/A08 and ORU^R01, 1-3 KB each, varied PID-3 identifiers, PV1
# providers, 3-15 OBX (LOINC and local codes), NTE and Z segments. It prints their average size and the ADT/ORU mix,
# checks that all parse and profile, then times, single-threaded, warm-up rounds and then measured rounds of bare
# parse (each message string), profile (all messages joined by \r\n: split, parse, read, aggregate) and split only,
# interleaved, a full GC before each. Prints the median, min and max messages/s of each, profile / bare parse, and
# where the profile's time goes (parse, split, the rest: reading the fields and adding up).
# The class path of the test scope is written to target/bench-classpath.txt (offline, from the local Maven
# repository). JAVA_OPTS (default -Xms1g -Xmx1g) goes to the JVM. MINIMAL_CP=1 runs with only the jars the profiler
# needs (HAPI, slf4j-api, jackson-annotations) instead of the whole test class path (class lookups cost more the more
# jars there are; the profiler's parser remembers HAPI's segment class lookups, so this matters less than it did).
# The harness prints how much of the wall-clock time its thread got: other work on this machine skews the figures
# (compare the load average with nproc).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g}
CP_FILE=target/bench-classpath.txt
CLASS=target/test-classes/dev/siteready/profiling/ProfilerBenchmark.class
STAMP=target/bench-compiled.stamp
# Compile when asked, when not compiled yet, or when the harness or the profiler's sources changed since the last time
if [ -n "${BUILD:-}" ] || [ ! -f "$CLASS" ] || [ ! -f "$STAMP" ] \
    || [ -n "$(find src/main/java/dev/siteready/profiling src/test/java/dev/siteready/profiling/ProfilerBenchmark.java -newer "$STAMP" | head -1)" ]; then
  ./mvnw -q test-compile
  touch "$STAMP"
fi
if [ -n "${BUILD:-}" ] || [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test \
    || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
fi
CP=$(cat "$CP_FILE")
if [ -n "${MINIMAL_CP:-}" ]; then
  CP=$(tr ':' '\n' <<<"$CP" | grep -E '/(hapi-[^/]*|slf4j-api-[^/]*|jackson-annotations-[^/]*)\.jar$' | paste -sd:)
fi
echo "$(nproc) cores, $(java -version 2>&1 | head -1); JAVA_OPTS=$JAVA_OPTS; $(tr ':' '\n' <<<"$CP" | wc -l) jars${MINIMAL_CP:+ (MINIMAL_CP)}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec java $JAVA_OPTS -cp "target/classes:target/test-classes:$CP" dev.siteready.profiling.ProfilerBenchmark "$@"
