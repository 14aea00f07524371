#!/bin/sh
# Runs a test inside its own D-Bus session with a fresh, unlocked gnome-keyring (the Secret
# Service QtKeychain talks to). Usage: with-keyring.sh COMMAND [ARGS...]
# HOME and XDG_RUNTIME_DIR point to temporary directories, so the user's keyring is never
# touched; they are removed afterwards.
set -e
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring.sh: dbus-run-session and gnome-keyring-daemon are required" \
       "(Debian packages dbus and gnome-keyring)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime"
unset XDG_DATA_HOME
# A non-empty password creates and unlocks the "login" collection.
dbus-run-session -- sh -c '
  printf "pharos-test" | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
