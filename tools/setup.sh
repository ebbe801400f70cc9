#!/usr/bin/env bash
# Shared by ./run.sh and ./test.sh: installs the Debian 12 packages Pacte
# needs (only the missing ones), then configures and builds into build/.
# Idempotent: a second run with nothing changed installs nothing and
# rebuilds nothing.
set -euo pipefail

PACTE_PACKAGES=(
  gcc pkg-config meson ninja-build gettext jq
  libglib2.0-dev libjson-glib-dev libgtk-4-dev libadwaita-1-dev
  libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus dbus-daemon at-spi2-core
  python3 python3-pyatspi libgtk-4-bin xdotool
  poppler-utils qpdf fonts-dejavu-core git
  libical-dev libcsv-dev python3-jsonschema
)

pacte_install_packages () {
  local missing=() pkg
  for pkg in "${PACTE_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "error: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# pacte_build DIR [meson options…]: configure once, then compile.
pacte_build () {
  local dir="$1"; shift
  local wanted="$*"
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  elif [ "$(cat "$dir/.pacte-options" 2>/dev/null)" != "$wanted" ]; then
    meson configure "$dir" "$@" >/dev/null
  fi
  printf '%s' "$wanted" > "$dir/.pacte-options"
  meson compile -C "$dir"
}
