#!/usr/bin/env bash
# Installs the Debian packages the host build needs: the fonts embedded for
# chart text (see assets/fonts/README.md), a C++ compiler for libFuzzer,
# which the fuzz smoke run (scripts/fuzz.sh) builds from source, and venv
# support for the tests' throwaway Python environments.
set -euo pipefail

packages=(fonts-dejavu-core fonts-dejavu-extra fonts-wqy-microhei g++ python3-venv)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
