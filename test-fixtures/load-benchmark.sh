#!/usr/bin/env bash
# Load throughput of the EHR-style loader into the server, on H2 and on PostgreSQL, at 1, 4 and 8 threads.
#
#   test-fixtures/load-benchmark.sh [subjects-per-run]
#
# PostgreSQL: PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD; the script creates and drops
# its own database there.
#
# Needs the built jars (./mvnw -DskipTests package). One generated trial (3 x subjects-per-run randomized subjects plus
# the dose-escalation subjects) is split into three disjoint parts; for each database one server is started on an
# empty database and the parts are loaded one after the other with 1, 4 and 8 loader threads. The PostgreSQL server
# runs the production profile, with the development issuer's public key configured as a static token key (the dev
# issuer itself is refused under that profile). The token is an unblinded writer's (admin + unblinded-statistician):
# the generated subjects carry their arms, which blinded roles may not write. Prints the loader's summary lines and a table of resources/s.
set -euo pipefail
cd "$(dirname "$0")/.."

per_run=${1:-20}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
server_jar=server/target/trialfhir-server-0.1.0-SNAPSHOT.jar
fixtures_jar=test-fixtures/target/trialfhir-test-fixtures-0.1.0-SNAPSHOT-cli.jar
for jar in "$server_jar" "$fixtures_jar"; do
  [ -f "$jar" ] || { echo "missing $jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
done

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "== generating $((3 * per_run)) randomized subjects (seed 27)"
java -jar "$fixtures_jar" generate --subjects $((3 * per_run)) --seed 27 --out "$work/trial" > /dev/null
# three disjoint parts, each with the study bundle (loaded conditionally, so only the first run creates it)
mapfile -t bundles < <(cd "$work/trial" && find subjects -name '*.json' | sort)
for part in 0 1 2; do
  mkdir -p "$work/part$part"
  cp "$work/trial/studies.json" "$work/trial/manifest.properties" "$work/part$part/"
done
for i in "${!bundles[@]}"; do
  part=$((i % 3))
  mkdir -p "$work/part$part/$(dirname "${bundles[$i]}")"
  cp "$work/trial/${bundles[$i]}" "$work/part$part/${bundles[$i]}"
done

port=18089
start_server() { # name, then env assignments
  local name=$1
  shift
  env "$@" TRIALFHIR_PORT=$port TRIALFHIR_DATA_DIR="$work/data-$name" java -jar "$server_jar" > "$work/server-$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 900); do
    curl -fs "http://localhost:$port/actuator/health/readiness" > /dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { tail -40 "$work/server-$name.log" >&2; exit 1; }
    sleep 1
  done
  echo "server $name did not start" >&2
  tail -40 "$work/server-$name.log" >&2
  exit 1
}
stop_server() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

# the development issuer's key signs the tokens in both runs
mkdir -p "$work/keys"
java -jar "$server_jar" token --data-dir "$work/keys" --role admin > /dev/null
python3 - "$work/keys/dev-issuer/signing-key.jwk" "$work/keys/public.pem" <<'PY'
import base64, json, sys
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers
from cryptography.hazmat.primitives import serialization
jwk = json.load(open(sys.argv[1]))
num = lambda v: int.from_bytes(base64.urlsafe_b64decode(v + "=" * (-len(v) % 4)), "big")
key = RSAPublicNumbers(num(jwk["e"]), num(jwk["n"])).public_key()
open(sys.argv[2], "wb").write(key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
PY
token=$(java -jar "$server_jar" token --data-dir "$work/keys" --role admin,unblinded-statistician --lifetime PT4H)

results=()
run_loads() { # database name
  for threads in 1 4 8; do
    part=$(( threads == 1 ? 0 : (threads == 4 ? 1 : 2) ))
    echo "== $1, $threads thread(s), part $part ($(find "$work/part$part/subjects" -name '*.json' | wc -l) subject bundles); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -jar "$fixtures_jar" load --server "http://localhost:$port/fhir" --token "$token" --threads "$threads" \
      "$work/part$part" 2>&1 | tee "$work/load-$1-$threads.log" | tail -6
    # "N/M bundles stored, R resources (...) in S s: ..." -> R / S with one decimal
    rate=$(grep -E 'bundles stored' "$work/load-$1-$threads.log" | tail -1 \
      | sed -E 's/.*stored, ([0-9]+) resources .* in ([0-9.]+) s:.*/\1 \2/' | awk '{ printf "%.1f resources/s (%d in %.1f s)", $1 / $2, $1, $2 }')
    results+=("$1 | $threads | $rate | load average $(cut -d' ' -f1 /proc/loadavg)")
  done
}

echo "== H2 (default configuration)"
mkdir -p "$work/data-h2/dev-issuer"
cp "$work/keys/dev-issuer/signing-key.jwk" "$work/data-h2/dev-issuer/"
start_server h2
run_loads H2
stop_server

echo "== PostgreSQL (postgres profile)"
db="trialfhir_loadbench_$(date +%s)"
psql -d postgres -q -c "CREATE DATABASE $db"
start_server pg SPRING_PROFILES_ACTIVE=postgres TRIALFHIR_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
  TRIALFHIR_DB_USER="$PGUSER" TRIALFHIR_DB_PASSWORD="${PGPASSWORD:-}" \
  TRIALFHIR_ISSUER_URI=https://trialfhir.local/dev-issuer TRIALFHIR_PUBLIC_KEY_LOCATION="file:$work/keys/public.pem"
run_loads PostgreSQL
stop_server
psql -d postgres -q -c "DROP DATABASE $db"

echo
echo "database | threads | throughput | load average after the run"
printf '%s\n' "${results[@]}"
