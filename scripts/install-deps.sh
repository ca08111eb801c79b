#!/usr/bin/env bash
# Installs what unrest needs to build and test, from Debian 12's packages. Installs only what
# is missing; run as root (or with sudo available). Chromium comes too, so that the whole test
# suite runs (the browser tests of the report and the live viewer); `--no-browser` leaves it
# out, and those two tests then report themselves skipped.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkgconf
  libtomlplusplus-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libgtest-dev libbenchmark-dev
  openmpi-bin libopenmpi-dev
  libcpp-httplib-dev
  # The Python package and its tests and notebooks: pybind11 and Python's headers to build it,
  # pandas, xarray and matplotlib for its results, pytest and nbclient (with a Jupyter kernel)
  # to test it, NetCDF to write and read the hourly cube.
  pybind11-dev python3-dev python3-pandas python3-xarray python3-matplotlib
  python3-pytest python3-nbclient python3-nbformat python3-ipykernel
  libnetcdf-dev python3-netcdf4
)
# Node.js and npm bundle the web pages at build time; a Node.js from elsewhere (with its own
# npm) is fine too, so they are installed only when the commands are missing.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
case "${1:-}" in
  --no-browser) ;;
  "" | --browser) packages+=(chromium) ;;  # --browser: the old spelling of the default
  *) echo "install-deps.sh: unknown option $1 (the only one is --no-browser)" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "unrest: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
