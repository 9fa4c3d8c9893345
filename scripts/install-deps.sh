#!/usr/bin/env bash
# Installs the Debian 12 packages Tidemark needs to build, test and run.
# Idempotent: when everything is present it only checks and exits (well under 2 s).
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build make git clang-format pkg-config
    # Qt 6 (Debian 12 ships 6.4.2)
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev libqt6sql6-sqlite
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qtkeychain-qt6-dev libqt6svg6
    # Qt's own translations (qtbase_de.qm: Cancel, Close, OK in standard buttons)
    qt6-translations-l10n
    libgl-dev
    # the snapshot engine and the databases the engine copies
    restic sqlite3 libsqlite3-dev
    # off-machine copies: the tests start a REST target (rclone serve restic) and an SFTP target (a test sshd)
    rclone openssh-server openssh-client
    # PostgreSQL and MariaDB services: the servers' own dump/restore tools, and the servers the tests start
    postgresql postgresql-client mariadb-server mariadb-client
    # tidemarkd's HTTP parser (Boost.Beast, header-only) and the TLS tests' certificates
    libboost-dev openssl
    # alerts: tidemarkd sends webhooks and SMTP mail with libcurl; the tests receive mail with aiosmtpd
    libcurl4-openssl-dev python3-aiosmtpd
    # restic key files for tidemarkd's own runs (scrypt, AES, Poly1305 from libcrypto)
    libssl-dev
    # reading restic's repository format 2 for browsing and small restores (zstd)
    libzstd-dev
    # tst_metrics checks GET /metrics with `promtool check metrics`
    prometheus
    # headless GUI runs and screenshots
    xvfb xauth imagemagick fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
