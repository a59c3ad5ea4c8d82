#!/usr/bin/env bash
# Builds the server and the benchmark harness, then runs the load benchmark.
# Usage: bash lrs-bench/run.sh [--quick] [--postgres JDBC_URL] [--statements N] [--out FILE]
# PostgreSQL runs too when --postgres or LRS_TEST_POSTGRES_URL is given
# (user and password from LRS_TEST_POSTGRES_USER and LRS_TEST_POSTGRES_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench package -DskipTests -pl lrs-bench -am
exec java -Xmx4g ${LRS_BENCH_JAVA_OPTS:-} \
  -cp lrs-bench/target/benchmarks.jar org.lrs4j.bench.load.LoadBenchmark "$@"
