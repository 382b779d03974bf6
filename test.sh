#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need when missing, starts private
# throwaway PostgreSQL and MariaDB servers (stopped and removed at exit), then runs dotnet test on the solution.
# Screenshots of the dashboard's browser tests land in test-artifacts/screenshots
# (or $ORLEANS_ASSISTANT_TEST_ARTIFACTS/screenshots).
# Extra arguments go to dotnet test, e.g.  ./test.sh --filter SqliteGrainStorage
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '[test.sh] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Charts draw labels in Cyrillic, CJK and emoji; Debian's Noto fonts have the glyphs.
install_fonts() {
  if fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then return; fi
  log "installing Noto CJK and emoji fonts from Debian packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends fonts-noto-cjk fonts-noto-color-emoji fontconfig >/dev/null
}

# Schedules run in people's IANA time zones, read from the system's tz database.
install_tzdata() {
  if [ -e /usr/share/zoneinfo/Europe/Berlin ]; then return; fi
  log "installing the tz database from Debian packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends tzdata >/dev/null
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_postgres() {
  if [ -n "$(postgres_bin)" ] && [ -x "$(postgres_bin)/initdb" ]; then return; fi
  log "installing PostgreSQL from Debian packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

install_mariadb() {
  if [ -x /usr/sbin/mariadbd ] && command -v mariadb-install-db >/dev/null; then return; fi
  log "installing MariaDB from Debian packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
}

# The dashboard's browser tests drive Debian's Chromium; Playwright never downloads a browser.
install_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  log "installing Chromium from Debian packages"
  as_root apt-get update -qq
  # With its recommended packages (fonts among them), so pages and screenshots render text.
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
}

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  log "no free port found"; exit 1
}

start_postgres() {
  local bin run_as=()
  bin=$(postgres_bin)
  PG_DIR=$(mktemp -d /tmp/orleans-assistant-pg.XXXXXX)
  # PostgreSQL refuses to run as root; use its own system account then.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  PG_PORT=$(free_port)
  # Password logins over TCP (as in production), so tests can prove wrong passwords are refused.
  PG_PASSWORD="pgtest-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$PG_PASSWORD" > "$PG_DIR/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR/pwfile"
  "${run_as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$PG_DIR/pwfile" -E UTF8 --no-sync >/dev/null
  rm -f "$PG_DIR/pwfile"
  # Tests create many short-lived databases; durability does not matter for a throwaway server.
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null
  STOP_POSTGRES=("${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop)
  export ORLEANS_ASSISTANT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=postgres;Maximum Pool Size=50"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$PG_PORT"
}

# A private MariaDB (customers' MySQL/MariaDB databases): its own data folder and socket, loopback only, and a root
# password for TCP logins, as a customer's server would have.
start_mariadb() {
  local user=()
  MARIADB_DIR=$(mktemp -d /tmp/orleans-assistant-mariadb.XXXXXX)
  # MariaDB refuses to run as root; use its own system account then.
  if [ "$(id -u)" -eq 0 ]; then
    id mysql >/dev/null 2>&1 || useradd --system --no-create-home mysql
    chown mysql "$MARIADB_DIR"
    user=(--user=mysql)
  fi
  mariadb-install-db --no-defaults "${user[@]}" --datadir="$MARIADB_DIR/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$MARIADB_DIR/install.log" 2>&1
  MARIADB_PORT=$(free_port)
  MARIADB_PASSWORD="mdbtest-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  # Durability does not matter for a throwaway server.
  /usr/sbin/mariadbd --no-defaults "${user[@]}" --datadir="$MARIADB_DIR/data" --port="$MARIADB_PORT" --bind-address=127.0.0.1 \
    --socket="$MARIADB_DIR/mariadb.sock" --pid-file="$MARIADB_DIR/mariadb.pid" --skip-name-resolve --skip-log-bin \
    --innodb-flush-log-at-trx-commit=0 --max-connections=400 >"$MARIADB_DIR/server.log" 2>&1 &
  MARIADB_PID=$!
  local waited=0
  until mariadb-admin --no-defaults --socket="$MARIADB_DIR/mariadb.sock" -u root ping >/dev/null 2>&1; do
    if [ "$waited" -ge 60 ] || ! kill -0 "$MARIADB_PID" 2>/dev/null; then
      log "MariaDB did not start:"; tail -n 20 "$MARIADB_DIR/server.log" >&2; exit 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  mariadb --no-defaults --socket="$MARIADB_DIR/mariadb.sock" -u root -e \
    "CREATE OR REPLACE USER 'root'@'127.0.0.1' IDENTIFIED BY '$MARIADB_PASSWORD'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
  export ORLEANS_ASSISTANT_TEST_MARIADB="Server=127.0.0.1;Port=$MARIADB_PORT;User ID=root;Password=$MARIADB_PASSWORD;Maximum Pool Size=50"
  log "MariaDB $(/usr/sbin/mariadbd --version | awk '{print $3}') listening on 127.0.0.1:$MARIADB_PORT"
}

cleanup() {
  if [ -n "${STOP_POSTGRES+x}" ]; then "${STOP_POSTGRES[@]}" >/dev/null 2>&1 || true; fi
  if [ -n "${PG_DIR:-}" ]; then rm -rf "$PG_DIR"; fi
  if [ -n "${MARIADB_PID:-}" ]; then kill -9 "$MARIADB_PID" >/dev/null 2>&1 || true; wait "$MARIADB_PID" 2>/dev/null || true; fi
  if [ -n "${MARIADB_DIR:-}" ]; then rm -rf "$MARIADB_DIR"; fi
}
trap cleanup EXIT

install_postgres
install_mariadb
install_chromium
install_fonts
install_tzdata
export ORLEANS_ASSISTANT_TEST_CHROMIUM=/usr/bin/chromium
start_postgres
start_mariadb
dotnet test OrleansAssistant.sln "$@"
