#!/usr/bin/env bash
# Runs a command in its own D-Bus session with a real Secret Service, as a desktop session has:
# gnome-keyring-daemon, unlocked with a throw-away password, its keyrings in a temporary HOME.
# Usage: with_keyring.sh COMMAND [ARGS...]
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_DATA_HOME="$work/share" XDG_CONFIG_HOME="$work/config" \
  XDG_RUNTIME_DIR="$work" CRENEAU_TEST_KEYRING=secret-service
status=0
dbus-run-session -- bash -c '
  eval "$(printf creneau | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  "$@"
' keyring "$@" || status=$?
exit "$status"
