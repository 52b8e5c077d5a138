#!/bin/sh
# Installs Debian's chromium and chromium-driver for the dashboard's browser tests when either is missing.
# The build runs it before the integration tests; CI runs as root, elsewhere sudo is tried.
set -e
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo -n"; fi
echo "installing chromium and chromium-driver for the dashboard's browser tests"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver
