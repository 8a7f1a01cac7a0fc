#!/usr/bin/env bash
# Load test: gunicorn with several workers on PostgreSQL, driven by simulated signed-in users.
#
#   bench/load/run.sh [--users 50] [--seconds 120] [--workers 4] [--port N]
#
# It makes a fresh PostgreSQL database (tandem_load_<pid>; DATABASE_ADMIN_URL says where,
# default postgres://postgres@127.0.0.1:5432/postgres), migrates it, loads the demo school,
# starts gunicorn on 127.0.0.1 (a free port unless --port) with production settings, and runs
# locust (bench/requirements.txt, in bench/.venv) headless across the pages and exports each
# demo role can reach. It prints throughput, median and 95th-percentile latency and the error
# count, and fails if any request failed. It stops gunicorn and drops the database however it
# ends. Only 127.0.0.1 is ever a target.
set -euo pipefail
cd "$(dirname "$0")/../.."

users=50
seconds=120
workers=4
port=""
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done

admin_url=${DATABASE_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
database=tandem_load_$$  # its own, so two runs on one server do not meet
work=$(mktemp -d -t tandem-load.XXXXXX)
gunicorn_pid=""
locust_pid=""
database_made=""

database() {  # database create|drop: as the admin URL's user
  .venv/bin/python - "$admin_url" "$database" "$1" <<'PY'
import sys

import psycopg
from psycopg import sql

admin_url, name, action = sys.argv[1:4]
with psycopg.connect(admin_url, autocommit=True) as conn:
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    if action == "create":
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
PY
}

stop() {  # stop PID: the process this script started, and wait for it
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1"
    wait "$1" 2>/dev/null || true
  fi
}

cleanup() {
  stop "$locust_pid"
  stop "$gunicorn_pid"
  if [ -n "$database_made" ]; then
    database drop || echo "Could not drop the database $database." >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM  # through the EXIT trap: no gunicorn or database left behind

echo "== Preparing (app in .venv, locust in bench/.venv)"
./dev tandem help >/dev/null
if [ ! -x bench/.venv/bin/locust ] || [ bench/requirements.txt -nt bench/.venv/.installed ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/python -m pip install --quiet -r bench/requirements.txt
  touch bench/.venv/.installed
fi

echo "== Fresh database $database"
database_made=yes
database create

export DATABASE_URL="${admin_url%/*}/$database"
export TANDEM_DEBUG=false
export TANDEM_SECRET_KEY
TANDEM_SECRET_KEY=$(.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(50))")
export TANDEM_ALLOWED_HOSTS=127.0.0.1,localhost
export TANDEM_SSL_REDIRECT=false     # plain http on the loopback; production sits behind TLS
export TANDEM_SECURE_COOKIES=false
export TANDEM_DATA_DIR="$work/data"
export TANDEM_LOG_LEVEL=WARNING
.venv/bin/tandem migrate --no-input -v 0
.venv/bin/tandem seed-demo
.venv/bin/tandem collectstatic --no-input -v 0
.venv/bin/python bench/pages.py --urls-for-load "$work/urls.json"

if [ -z "$port" ]; then  # a free one, so another run's server is never the one tested
  port=$(.venv/bin/python -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
fi
echo "== gunicorn: $workers workers on 127.0.0.1:$port"
# The timeout is production's (docs/production.md): a sign-in burst queues behind Argon2.
.venv/bin/gunicorn tandem.wsgi:application --workers "$workers" --timeout 120 \
  --bind "127.0.0.1:$port" --log-level warning --error-logfile "$work/gunicorn.log" &
gunicorn_pid=$!
ready=""
for _ in $(seq 60); do
  kill -0 "$gunicorn_pid" 2>/dev/null || break
  if .venv/bin/python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/accounts/login/', timeout=2)" 2>/dev/null; then
    ready=yes
    break
  fi
  sleep 0.5
done
if [ -z "$ready" ] || ! kill -0 "$gunicorn_pid" 2>/dev/null; then
  echo "gunicorn did not start on 127.0.0.1:$port; its log:"
  tail -n 20 "$work/gunicorn.log"
  exit 1
fi

echo "== locust: $users users for $seconds s"
status=0
# Users arrive over the first quarter of the run (at least one a second), as people do
# in the morning; each signs in once, through Argon2, which is slow on purpose.
spawn_rate=$(( users * 4 / seconds )); [ "$spawn_rate" -ge 1 ] || spawn_rate=1
# In the background and waited for, so that a signal stops the run at once (the traps).
TANDEM_LOAD_URLS="$work/urls.json" TANDEM_LOAD_SAMPLES="$work/samples.json" \
  bench/.venv/bin/locust -f bench/load/locustfile.py \
  --headless --users "$users" --spawn-rate "$spawn_rate" --run-time "${seconds}s" \
  --host "http://127.0.0.1:$port" --csv "$work/load" --only-summary \
  --loglevel WARNING >"$work/locust.log" 2>&1 &
locust_pid=$!
wait "$locust_pid" || status=$?

bench/.venv/bin/python bench/load/summary.py "$work/samples.json" \
  --users "$users" --seconds "$seconds" --workers "$workers" || status=$?
if [ "$status" -ne 0 ]; then
  echo "The load test failed; locust's log: $work/locust.log, gunicorn's: $work/gunicorn.log"
  tail -n 20 "$work/locust.log"
fi
exit "$status"
