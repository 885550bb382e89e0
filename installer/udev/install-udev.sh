#!/bin/sh
# Installs Brigade's udev rules and the "brigade" group, so the appliance user opens
# printers, serial and HID devices without root. Run as root; safe to run again.
set -eu

RULES_DIR="${RULES_DIR:-/etc/udev/rules.d}"
APP_USER="${APP_USER:-brigade}"
HERE="$(cd "$(dirname "$0")" && pwd)"

groupadd --force --system brigade
if id "$APP_USER" >/dev/null 2>&1; then
  # lp, dialout and plugdev too, for devices other rules already hand to those groups.
  for group in brigade lp dialout plugdev; do
    getent group "$group" >/dev/null && usermod --append --groups "$group" "$APP_USER"
  done
fi

install -m 0644 "$HERE/70-brigade-pos.rules" "$RULES_DIR/70-brigade-pos.rules"

if command -v udevadm >/dev/null 2>&1 && [ -d /run/udev ]; then
  udevadm control --reload
  udevadm trigger --subsystem-match=usb --subsystem-match=usbmisc --subsystem-match=tty --subsystem-match=hidraw
else
  echo "udev is not running here: the rules apply from the next boot (Debian package: udev)" >&2
fi
