# Shared by the scripts in this folder: dependency installation and the build.
# shellcheck shell=bash
set -euo pipefail

PHAROS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PHAROS_BUILD_DIR="${PHAROS_BUILD_DIR:-$PHAROS_ROOT/build}"

# Debian 12 packages Pharos needs to build, test and run its demo, and to build its Debian
# package (dpkg-dev and file for CPack's dpkg-shlibdeps, the desktop-file and AppStream
# validators, rsvg-convert for the icons).
PHAROS_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qtkeychain-qt6-dev libsimdjson-dev libbenchmark-dev libgl-dev
  prometheus victoria-metrics prometheus-pushgateway prometheus-alertmanager curl
  libyaml-cpp-dev openssl apache2-utils
  gnome-keyring libsecret-1-0 dbus dbus-x11 xvfb xauth
  ccache
  dpkg-dev file desktop-file-utils appstream librsvg2-bin
)

# ccache keys on paths relative to the checkout, so every clone of the repository (CI's, a
# worktree, a chroot's) shares the compiled objects of the others.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PHAROS_ROOT}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-20G}"

pharos_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# pharos_install_packages PACKAGE...: installs those of the Debian packages that are missing.
pharos_install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    pharos_log "All $# Debian packages are installed"
    return
  fi
  pharos_log "Installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update
  # Debian's prometheus package would start a system service; the demo and the tests run their
  # own instances on free ports, so keep the installation from starting daemons where possible.
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# The packages of the Quick start commands.
pharos_install_deps() { pharos_install_packages "${PHAROS_PACKAGES[@]}"; }

# pharos_build [TARGET] [CMAKE OPTIONS...]: configures and builds TARGET ("all" for everything).
pharos_build() {
  local target="$1"
  shift
  pharos_log "Configuring and building $target in $PHAROS_BUILD_DIR"
  cmake -S "$PHAROS_ROOT" -B "$PHAROS_BUILD_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE="${PHAROS_BUILD_TYPE:-RelWithDebInfo}" "$@"
  cmake --build "$PHAROS_BUILD_DIR" --target "$target" -j"$(nproc)"
}

# A free TCP port on 127.0.0.1.
pharos_free_port() {
  local p
  for p in $(seq 19090 19190); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "error: no free port in 19090-19190" >&2
  return 1
}
