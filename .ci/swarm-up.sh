#!/usr/bin/env bash
# Starts a private Docker daemon in swarm mode for the Swarm target's integration tests, a tiny
# local image, and a registry on loopback holding that image (no outside registry is reachable from
# CI). Idempotent: a second run reuses what is running.
#
#   eval "$(.ci/swarm-up.sh)"      # sets GITOPS_TEST_DOCKER_HOST (and ..._NO_SWARM: a daemon not in swarm mode)
#                                  # and GITOPS_TEST_REGISTRY (host:port of the loopback registry)
#   .ci/swarm-up.sh --stop         # stops the daemons and the registry this script started
#
# Everything lives under private paths so it never touches a system Docker:
#   socket  /run/gitops-ci/docker.sock     data  /var/lib/gitops-ci-docker
#   exec    /run/gitops-ci/exec            log   /var/log/gitops-ci-dockerd.log
#   registry 127.0.0.1:5055 (Debian's docker-registry), data /var/lib/gitops-ci-registry
# Progress goes to stderr; stdout carries only the export line.
set -euo pipefail

RUN_DIR=${GITOPS_CI_RUN_DIR:-/run/gitops-ci}
DATA_ROOT=${GITOPS_CI_DATA_ROOT:-/var/lib/gitops-ci-docker}
LOG_FILE=${GITOPS_CI_DOCKERD_LOG:-/var/log/gitops-ci-dockerd.log}
SOCKET="$RUN_DIR/docker.sock"
PIDFILE="$RUN_DIR/dockerd.pid"
HOST="unix://$SOCKET"
IMAGE=gitops-test/busybox
REGISTRY=127.0.0.1:${GITOPS_CI_REGISTRY_PORT:-5055}

log() { echo "swarm-up: $*" >&2; }
# /usr/bin first: Debian's client matches Debian's daemon.
docker_cli() { PATH=/usr/bin:/usr/sbin:$PATH DOCKER_HOST="$HOST" docker "$@"; }

if [[ ${1:-} == --stop ]]; then
  for pf in "$PIDFILE" "$RUN_DIR/plain-dockerd.pid" "$RUN_DIR/registry.pid"; do
    if [[ -f $pf ]] && kill -0 "$(cat "$pf")" 2>/dev/null; then
      log "stopping dockerd (pid $(cat "$pf"))"
      kill "$(cat "$pf")"
    fi
  done
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  log "must run as root (it installs packages and starts dockerd)"
  exit 1
fi

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
# busybox-static (not busybox): the image has no libc, so the binary must be static.
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
# the registry, so that image digests resolve as they do against Docker Hub (docker stack deploy pins them)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v curl >/dev/null 2>&1 || need+=(curl)
if ((${#need[@]})); then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${need[@]}" >&2 \
    || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${need[@]}" >&2; }
fi

mkdir -p "$RUN_DIR" "$RUN_DIR/exec" "$DATA_ROOT"

daemon_up() { docker_cli version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if ! daemon_up; then
  rm -f "$SOCKET"
  log "starting dockerd on $HOST (log: $LOG_FILE)"
  # --iptables/--ip-masq off and no default bridge: the sandbox has no netfilter; swarm services
  # use overlay networks (VXLAN in the kernel), which still work. --exec-root and --pidfile keep it
  # apart from a system daemon; containerd is started by dockerd itself under the exec root.
  nohup dockerd \
    --host "$HOST" \
    --data-root "$DATA_ROOT" \
    --exec-root "$RUN_DIR/exec" \
    --pidfile "$PIDFILE" \
    ${GITOPS_CI_DOCKERD_FLAGS:---iptables=false --ip-masq=false --bridge=none} \
    >>"$LOG_FILE" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    daemon_up && break
    sleep 1
  done
  if ! daemon_up; then
    log "dockerd did not answer within 60s; last log lines:"
    tail -n 30 "$LOG_FILE" >&2
    exit 1
  fi
fi
log "dockerd $(docker_cli version --format '{{.Server.Version}}') answers on $HOST"

state=$(docker_cli info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}')
if [[ $state != "active true" ]]; then
  log "initialising swarm (state: $state)"
  docker_cli swarm init --advertise-addr 127.0.0.1 >&2
fi

# The test image: busybox-static as /bin/busybox plus the applet links, imported as two tags so
# tests can change a service's image. Both tags are the same bytes with a different config label.
if ! docker_cli image inspect "$IMAGE:1" >/dev/null 2>&1 || ! docker_cli image inspect "$IMAGE:2" >/dev/null 2>&1; then
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for applet in sh sleep echo cat ls true false wget nc env id ps kill test; do
    ln -s busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  for tag in 1 2; do
    tar -C "$root" -c . | docker_cli import --change 'ENV PATH=/bin' --change "LABEL gitops.test.tag=$tag" \
      - "$IMAGE:$tag" >&2
  done
  log "imported $IMAGE:1 and $IMAGE:2"
fi

# A registry on loopback (the daemon trusts 127.0.0.0/8 without TLS) holding both test tags, so
# that `docker stack deploy` and the engine resolve image digests through the daemon as they would
# against any registry.
registry_up() { curl -fsS "http://$REGISTRY/v2/" >/dev/null 2>&1; }
if ! registry_up; then
  mkdir -p /var/lib/gitops-ci-registry
  printf 'version: 0.1\nlog: { level: warn }\nstorage:\n  filesystem: { rootdirectory: /var/lib/gitops-ci-registry }\n  delete: { enabled: true }\nhttp:\n  addr: %s\n' \
    "$REGISTRY" >"$RUN_DIR/registry.yml"
  log "starting docker-registry on $REGISTRY"
  nohup docker-registry serve "$RUN_DIR/registry.yml" >>/var/log/gitops-ci-registry.log 2>&1 </dev/null &
  echo $! >"$RUN_DIR/registry.pid"
  for _ in $(seq 1 30); do
    registry_up && break
    sleep 1
  done
  registry_up || { log "the registry did not answer on $REGISTRY"; tail -n 20 /var/log/gitops-ci-registry.log >&2; exit 1; }
fi
for tag in 1 2; do
  if ! curl -fsS -o /dev/null -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
       "http://$REGISTRY/v2/$IMAGE/manifests/$tag"; then
    docker_cli tag "$IMAGE:$tag" "$REGISTRY/$IMAGE:$tag" >&2
    docker_cli push "$REGISTRY/$IMAGE:$tag" >&2
  fi
done

# A second daemon that is NOT in swarm mode, for the "not a swarm manager" error test. It shares
# nothing with the first one (own socket, data and exec roots).
PLAIN_SOCKET="$RUN_DIR/plain.sock"
PLAIN_HOST="unix://$PLAIN_SOCKET"
if ! DOCKER_HOST="$PLAIN_HOST" PATH=/usr/bin:$PATH docker version >/dev/null 2>&1; then
  mkdir -p "$RUN_DIR/plain-exec" "$DATA_ROOT-plain"
  rm -f "$PLAIN_SOCKET"
  nohup dockerd --host "$PLAIN_HOST" --data-root "$DATA_ROOT-plain" --exec-root "$RUN_DIR/plain-exec" \
    --pidfile "$RUN_DIR/plain-dockerd.pid" ${GITOPS_CI_DOCKERD_FLAGS:---iptables=false --ip-masq=false --bridge=none} \
    >>"${LOG_FILE%.log}-plain.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    DOCKER_HOST="$PLAIN_HOST" PATH=/usr/bin:$PATH docker version >/dev/null 2>&1 && break
    sleep 1
  done
fi

echo "export GITOPS_TEST_DOCKER_HOST=$HOST"
echo "export GITOPS_TEST_DOCKER_HOST_NO_SWARM=$PLAIN_HOST"
echo "export GITOPS_TEST_REGISTRY=$REGISTRY"
