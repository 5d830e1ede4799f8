#!/usr/bin/env bash
# Runs the desktop on the demo inside Xvfb and a D-Bus session with the accessibility bus
# (at-spi2-core), then reads it as Orca would with atspi_check.py (python3-pyatspi).
# Usage: run_atspi_check.sh CRENEAU_BINARY
set -euo pipefail
binary="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'kill "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
display=":$((90 + RANDOM % 400))"
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY="$display" HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work"
export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 CRENEAU_LANG=fr
dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 1
  "$0" --data "$1/data" --demo >"$1/creneau.log" 2>&1 &
  app=$!
  status=0
  /usr/bin/python3 "$2/atspi_check.py" || status=$?
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  exit "$status"
' "$binary" "$work" "$here"
