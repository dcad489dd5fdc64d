#!/usr/bin/env bash
# Installs the servers the integration tests start for real, from Debian's packages:
# Mosquitto (+ clients), InfluxDB 1.x, VictoriaMetrics and Chromium. No Docker needed.
set -euo pipefail

needed=()
[ -x /usr/sbin/mosquitto ] || needed+=(mosquitto)
[ -x /usr/bin/mosquitto_pub ] || needed+=(mosquitto-clients)
[ -x /usr/bin/influxd ] || needed+=(influxdb)
[ -x /usr/bin/victoria-metrics ] || needed+=(victoria-metrics)
[ -x /usr/bin/chromium ] || needed+=(chromium)

if [ ${#needed[@]} -eq 0 ]; then
  echo "test servers present: mosquitto, mosquitto-clients, influxdb, victoria-metrics, chromium"
  exit 0
fi

echo "installing test servers: ${needed[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${needed[@]}" >/dev/null
# The Debian packages start their own daemons; tests start their own instances on free ports.
for service in mosquitto influxdb victoria-metrics; do
  "${sudo_cmd[@]}" systemctl disable --now "$service" >/dev/null 2>&1 || true
  "${sudo_cmd[@]}" service "$service" stop >/dev/null 2>&1 || true
done
