#!/usr/bin/env bash
# Installs what Pacte needs (Debian 12), builds it into build/, and opens the
# sample portfolio.  Extra arguments are passed to pacte instead of the sample.
set -euo pipefail
cd "$(dirname "$0")"
source tools/setup.sh

pacte_install_packages
pacte_build build

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export PACTE_LOCALEDIR="$PWD/build/po"
# As the desktop file starts it: glibc's heap in huge pages where the kernel
# gives them on request (README, "The open's frames, again").
export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1"
if [ $# -gt 0 ]; then
  exec ./build/src/pacte "$@"
fi
exec ./build/src/pacte data/samples/sample.pacte.json
