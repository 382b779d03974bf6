#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need when missing, starts a private
# throwaway PostgreSQL server (stopped and removed at exit), then runs dotnet test on the solution.
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

cleanup() {
  if [ -n "${STOP_POSTGRES+x}" ]; then "${STOP_POSTGRES[@]}" >/dev/null 2>&1 || true; fi
  if [ -n "${PG_DIR:-}" ]; then rm -rf "$PG_DIR"; fi
}
trap cleanup EXIT

install_postgres
install_chromium
install_fonts
install_tzdata
export ORLEANS_ASSISTANT_TEST_CHROMIUM=/usr/bin/chromium
start_postgres
dotnet test OrleansAssistant.sln "$@"
