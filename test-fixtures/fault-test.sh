#!/usr/bin/env bash
# Fault test at length: the server jar as its own process, two (or --threads) writers pushing transaction bundles,
# kill -9 at random moments, restart on the same data, and after every restart each acknowledged bundle must be
# stored completely, each refused one not at all, each unanswered one completely or not at all.
#   test-fixtures/fault-test.sh [--kills N] [--threads T] [--seed S] [--database h2|postgres|both] [--restart-postgres]
# --restart-postgres: on PostgreSQL, restart the database server under load instead of killing the FHIR server
# (needs the local cluster and the right to restart it: pg_ctlcluster 15 main restart).
# PostgreSQL: the server named by TRIALFHIR_TEST_DB_URL (a fresh database per run), else an embedded one.
# The kills and counts are printed per restart (lines "kill i/N"); CI runs the same test with 2 kills per database.
set -euo pipefail
cd "$(dirname "$0")/.."
kills=20 threads=2 seed=$RANDOM database=both restart=
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --restart-postgres) restart="pg_ctlcluster --skip-systemctl-redirect 15 main restart"; database=postgres; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
executions="-Dfailsafe.skipAfterFailureCount=1"
case "$database" in
  h2) goals="failsafe:integration-test@it-h2 failsafe:verify@verify-h2" ;;
  postgres) goals="failsafe:integration-test@it-postgres failsafe:verify@verify-postgres" ;;
  both) goals="failsafe:integration-test@it-h2 failsafe:integration-test@it-postgres failsafe:verify@verify-h2 failsafe:verify@verify-postgres" ;;
  *) echo "--database h2, postgres or both" >&2; exit 2 ;;
esac
./mvnw -q -B -pl server -am -DskipTests package
echo "fault test: $kills kills per database, $threads writers, seed $seed; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
log=server/target/fault-test.log
status=0
# shellcheck disable=SC2086
./mvnw -B -pl server test-compile $goals $executions -Dit.test=KillNineDurabilityIT \
  -Dtrialfhir.fault.kills="$kills" -Dtrialfhir.fault.threads="$threads" -Dtrialfhir.fault.seed="$seed" \
  -Dtrialfhir.fault.postgres-restart="$restart" >"$log" 2>&1 || status=$?
grep -E 'kill [0-9]+/|Tests run:|BUILD|ERROR' "$log" || true
echo "full output: $log; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
