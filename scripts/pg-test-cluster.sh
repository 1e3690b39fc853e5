# Sourced by test.sh: starts a throwaway PostgreSQL cluster for the tests on port 55432 and
# exports TEST_DATABASE_URL; the cluster is stopped and removed when the tests end.
port="${PG_TEST_PORT:-55432}"
bindir="$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -n 1)")"
if [ ! -x "$bindir/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | tail -n 1)")"
  else
    echo "PostgreSQL is missing: install it, or set TEST_DATABASE_URL to a server." >&2
    exit 1
  fi
fi

pg_dir="$(mktemp -d /tmp/wholesale-pg.XXXXXX)"
as_owner=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  as_owner=(runuser -u postgres --)
fi
"${as_owner[@]}" "$bindir/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${as_owner[@]}" "$bindir/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
stop_pg_test_cluster() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg_test_cluster EXIT
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
echo "PostgreSQL test cluster on port $port"
