#!/usr/bin/env bash
# Makes the system tools ready: bubblewrap, debootstrap, gVisor, PostgreSQL (for the gallery's tests),
# Chromium and its driver (browser tests, eval screenshots), CJK fonts,
# and a Docker engine that answers.
# Docker runs with no default bridge and no iptables (containers use network "none" only).
# Exits non-zero when no engine could be started; the caller decides whether that is fatal.
set -u
need=()
command -v bwrap >/dev/null || need+=(bubblewrap)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v dockerd >/dev/null || need+=(docker.io)
command -v runsc >/dev/null || need+=(runsc)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)  # the gallery's second database
command -v chromium >/dev/null || need+=(chromium)  # browser tests and eval screenshots
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v node >/dev/null || need+=(nodejs)  # the games' rules tests and script checks
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)  # Chinese text in screenshots
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need+=(fonts-noto-color-emoji)  # emoji in games and screenshots
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)  # the reverse-proxy (TLS) test in front of the studio
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 \
    || echo "could not install ${need[*]}"
fi
if docker info >/dev/null 2>&1; then exit 0; fi
if ! command -v dockerd >/dev/null || [ "$(id -u)" != 0 ]; then
  echo "no Docker engine, and none can be started here"; exit 1
fi
if command -v runsc >/dev/null && [ ! -f /etc/docker/daemon.json ]; then
  mkdir -p /etc/docker
  printf '{"runtimes": {"runsc": {"path": "%s", "runtimeArgs": ["--network=none"]}}}\n' "$(command -v runsc)" > /etc/docker/daemon.json
fi
echo "starting dockerd (--bridge=none --iptables=false)"
nohup dockerd --bridge=none --iptables=false >/var/log/flashapps-dockerd.log 2>&1 &
for _ in $(seq 1 60); do
  docker info >/dev/null 2>&1 && exit 0
  sleep 0.5
done
echo "dockerd did not answer within 30 s; see /var/log/flashapps-dockerd.log"; exit 1
