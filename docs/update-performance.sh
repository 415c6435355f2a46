#!/usr/bin/env bash
# Runs benchmarks and copies what each printed into docs/performance.md, between its markers
#   <!-- benchmark:Name -->  …  <!-- /benchmark:Name -->
# together with the machine it ran on. Figures in that file are only ever written by this script.
#
#   docs/update-performance.sh                      the quick ones (a few minutes)
#   docs/update-performance.sh IngestBenchmark      named ones
#   docs/update-performance.sh all                  every benchmark (about 15 minutes more)
#   BENCH_ARGS=-Dsignal.teamYears=300 docs/update-performance.sh SignalQualityBenchmark   with settings passed on
#   BENCH_ARGS="-Dbench.teams=100" docs/update-performance.sh OrganisationScaleBenchmark
#                                                   with settings for the benchmark, named in the block
set -euo pipefail
cd "$(dirname "$0")/.."

quick=(PulseBenchmark DashboardBenchmark ChartBenchmark SignalQualityBenchmark)
slow=(IngestBenchmark DeliveryBenchmark TeamsDeliveryBenchmark StartupBenchmark OrganisationScaleBenchmark HostScaleBenchmark TeamsHostScaleBenchmark)
if [ $# -eq 0 ]; then
  names=("${quick[@]}")
elif [ "$1" = all ]; then
  names=("${quick[@]}" "${slow[@]}")
else
  names=("$@")
fi

doc=docs/performance.md
for name in "${names[@]}"; do
  grep -q "<!-- benchmark:$name -->" "$doc" || { echo "no block for $name in $doc" >&2; exit 1; }
done

machine() {
  local cores mem java load
  cores=$(nproc)
  mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
  java=$(java -version 2>&1 | head -1 | sed 's/"//g')
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$(date -u +%Y-%m-%d), $cores cores, $mem, $java, load average before the run $load"
}

for name in "${names[@]}"; do
  echo "== $name"
  ran_on=$(machine)
  rm -f "target/benchmarks/$name.txt"
  if [ "$name" = StartupBenchmark ]; then
    # It starts the packaged jar, as the Docker image does.
    ./mvnw -q package -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true >"target/benchmark-package.log" 2>&1 \
      || { echo "packaging failed; see target/benchmark-package.log" >&2; exit 1; }
  fi
  # shellcheck disable=SC2086 # BENCH_ARGS holds several arguments on purpose
  ./mvnw -q test -Dtest="$name" -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_ARGS:-} \
    >"target/benchmark-$name.log" 2>&1 \
    || { echo "$name failed; see target/benchmark-$name.log" >&2; exit 1; }
  report="target/benchmarks/$name.txt"
  [ -s "$report" ] || { echo "$name printed nothing to $report" >&2; exit 1; }
  block=$(mktemp)
  {
    echo "<!-- benchmark:$name -->"
    echo "Latest run: $ran_on${BENCH_ARGS:+, with $BENCH_ARGS}."
    echo
    echo '```'
    sed -e '/^[[:space:]]*$/d' "$report"
    echo '```'
    echo "<!-- /benchmark:$name -->"
  } >"$block"
  awk -v name="$name" -v block="$block" '
    $0 == "<!-- benchmark:" name " -->" { while ((getline line < block) > 0) print line; skipping = 1; next }
    skipping && $0 == "<!-- /benchmark:" name " -->" { skipping = 0; next }
    !skipping { print }
  ' "$doc" >"$doc.new"
  mv "$doc.new" "$doc"
  rm -f "$block"
done
echo "updated $doc"
