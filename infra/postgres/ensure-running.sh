#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster when it is down (Debian layout), then waits until it answers.
set -euo pipefail
host="${PGHOST:-127.0.0.1}"
port="${PGPORT:-5432}"
if ! pg_isready -q -h "$host" -p "$port"; then
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  echo "PostgreSQL is down: starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h "$host" -p "$port" && exit 0
  sleep 1
done
echo "PostgreSQL did not become ready on $host:$port" >&2
exit 1
