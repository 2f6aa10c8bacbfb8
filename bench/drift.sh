#!/usr/bin/env bash
# Drift benchmark: one drift cycle over 50 environments x 100 objects in the in-process API (see docs/benchmarks.md).
# Usage: bench/drift.sh [ROUNDS]   (default 3; the figures are medians over the rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE-}     # OFFLINE=-o bench/drift.sh keeps Maven offline once everything is downloaded
CP_FILE=gitops-bench/target/bench.classpath
# one reactor run: the engine and testkit jars it builds are on the classpath (runtime scope adds slf4j-simple,
# so warnings are printed); every module writes CP_FILE in turn, gitops-bench last
./mvnw -q $OFFLINE -DskipTests -pl gitops-bench -am package dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$CP_FILE"
exec java -Xms1g -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "gitops-bench/target/classes:$(cat "$CP_FILE")" \
  io.jenkins.plugins.gitops.bench.DriftBenchmark "$@"
