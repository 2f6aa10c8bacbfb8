#!/usr/bin/env bash
# The Swarm benchmark of docs/benchmarks.md: gitops (in-process and java -jar) against
# `docker stack deploy` on the same daemon and the same 20-service compose file.
#
#   eval "$(.ci/swarm-up.sh)"                            # a swarm and the gitops-test/busybox images
#   ./mvnw -o -q -pl gitops-cli -am package -DskipTests     # optional: gitops-cli/target/gitops.jar
#   bench/swarm.sh [--runs 3] [--services 20] [--docker-host unix:///...] [--docker /usr/bin/docker]
set -euo pipefail
cd "$(dirname "$0")/.."
classpath="$PWD/gitops-bench/target/bench.classpath"
./mvnw ${OFFLINE-} -q -DskipTests -pl gitops-bench -am package dependency:build-classpath \
  -Dmdep.outputFile="$classpath" -Dmdep.includeScope=runtime >&2
exec java -cp "gitops-bench/target/classes:$(cat "$classpath")" \
  io.jenkins.plugins.gitops.bench.SwarmBenchmark "$@"
