# Starts a throw-away PostgreSQL server for the test run and exports its address.
#
# Source this file from a bash script running from the repository root. It installs Debian's
# postgresql package when no initdb is found. It creates a server in target/ci-postgres that
# listens on a free port of 127.0.0.1 only, with its unix socket in the same folder. It exports
# LRS_TEST_POSTGRES_URL, LRS_TEST_POSTGRES_USER and LRS_TEST_POSTGRES_PASSWORD, and stops the server
# when the sourcing shell exits. It replaces the shell's EXIT trap. LRS_CI_POSTGRES_FOLDER
# overrides the folder.

lrs_pg_find_bin() {
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -n "$newest" && -x "$newest/initdb" ]]; then
    echo "$newest"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

lrs_pg_bin=$(lrs_pg_find_bin)
if [[ -z "$lrs_pg_bin" ]]; then
  echo "postgres.sh: initdb not found, installing the postgresql package" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
  lrs_pg_bin=$(lrs_pg_find_bin)
fi

lrs_pg_folder="${LRS_CI_POSTGRES_FOLDER:-$PWD/target/ci-postgres}"
rm -rf "$lrs_pg_folder"
mkdir -p "$lrs_pg_folder"

# PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
lrs_pg_as=()
if [[ $EUID -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  chown postgres "$lrs_pg_folder"
  lrs_pg_as=(runuser -u postgres --)
fi

LRS_TEST_POSTGRES_USER=lrs
LRS_TEST_POSTGRES_PASSWORD=$(openssl rand -hex 16)
printf '%s\n' "$LRS_TEST_POSTGRES_PASSWORD" >"$lrs_pg_folder/password"
[[ $EUID -eq 0 ]] && chown postgres "$lrs_pg_folder/password"
"${lrs_pg_as[@]}" "$lrs_pg_bin/initdb" --pgdata="$lrs_pg_folder/data" --username="$LRS_TEST_POSTGRES_USER" \
  --pwfile="$lrs_pg_folder/password" --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
  >"$lrs_pg_folder/initdb.log"
rm -f "$lrs_pg_folder/password"

lrs_pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

lrs_pg_stop() {
  "${lrs_pg_as[@]}" "$lrs_pg_bin/pg_ctl" --pgdata="$lrs_pg_folder/data" --mode=fast stop \
    >/dev/null 2>&1 || true
}

lrs_pg_port=""
for _ in 1 2 3; do
  lrs_pg_port=$(lrs_pg_free_port)
  if "${lrs_pg_as[@]}" "$lrs_pg_bin/pg_ctl" --pgdata="$lrs_pg_folder/data" --wait \
    --log="$lrs_pg_folder/server.log" \
    --options="-c listen_addresses=127.0.0.1 -p $lrs_pg_port -c unix_socket_directories=$lrs_pg_folder -c max_connections=200" \
    start >/dev/null; then
    break
  fi
  lrs_pg_port=""
done
if [[ -z "$lrs_pg_port" ]]; then
  echo "postgres.sh: the server did not start, see $lrs_pg_folder/server.log" >&2
  return 1
fi
trap lrs_pg_stop EXIT

export LRS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$lrs_pg_port/postgres"
export LRS_TEST_POSTGRES_USER LRS_TEST_POSTGRES_PASSWORD
echo "postgres.sh: PostgreSQL ($lrs_pg_bin) listens on 127.0.0.1:$lrs_pg_port" >&2
