#!/usr/bin/env bash
# Drift benchmark: one drift cycle over 50 environments x 100 objects in the in-process API (see docs/benchmarks.md).
# Usage: bench/drift.sh [ROUNDS]   (default 3; the figures are medians over the rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE--o}   # OFFLINE= bench/drift.sh lets Maven download what is missing
./mvnw -q $OFFLINE -DskipTests -pl gitops-engine -am package
CP_FILE=gitops-engine/target/bench.classpath
# test scope only adds slf4j-simple (so warnings are printed) and the test libraries, which are not used
./mvnw -q $OFFLINE -pl gitops-engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE"
exec java -Xms1g -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "gitops-engine/target/classes:$(cat "$CP_FILE")" \
  io.jenkins.plugins.gitops.engine.bench.DriftBenchmark "$@"
