#!/bin/sh
# Runs a test inside its own D-Bus session with an unlocked gnome-keyring, with HOME and the
# XDG directories in a temporary directory: the user's keyring and settings are never touched.
# Usage: run-with-keyring.sh TEST [ARGS...]. A missing tool FAILS the test.
set -u
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "FAIL: $tool is not installed (Debian packages dbus and gnome-keyring)" >&2
        exit 1
    fi
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/runtime" "$tmp/cache"
chmod 700 "$tmp/runtime"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export XDG_RUNTIME_DIR="$tmp/runtime" XDG_CACHE_HOME="$tmp/cache"
export PHAROS_KEYRING_SANDBOX="$tmp"
unset DBUS_SESSION_BUS_ADDRESS
dbus-run-session -- sh -c '
    printf "%s" pharos-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null || {
        echo "FAIL: gnome-keyring-daemon --unlock failed" >&2; exit 1; }
    exec "$@"' sh "$@"
