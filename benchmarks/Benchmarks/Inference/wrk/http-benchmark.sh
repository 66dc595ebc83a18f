#!/usr/bin/env bash
# Measures the model endpoints over HTTP with wrk: JSON pixels, a PNG upload and a review, each with 1 and 32
# connections, then the resident memory of the service before and after 100,000 JSON-pixel requests.
# The server is started here, listens on 127.0.0.1 only and is stopped at the end.
#   benchmarks/Benchmarks/Inference/wrk/http-benchmark.sh [seconds per run] [artifacts folder]
set -euo pipefail
cd "$(dirname "$0")/../../../.."
seconds=${1:-10}
artifacts=${2:-/tmp/art-http-benchmark}
port=5098
work=$(mktemp -d)
script=benchmarks/Benchmarks/Inference/wrk/post.lua

/usr/bin/python3 benchmarks/Benchmarks/Inference/wrk/make_bodies.py "$work"
dotnet build src/Api --configuration Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null

ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$artifacts/bin/SigmoidService.Api/release/SigmoidService.Api.dll" --contentRoot "$PWD/src/Api" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
    sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the service did not become ready" >&2; cat "$work/server.log" >&2; exit 1; }
rss() { awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$server/status"; }
echo "RSS when ready: $(rss)"

run() { # name path body content-type connections threads
    local type=$4
    [ -f "$type" ] && type=$(cat "$type")
    printf '%-8s c=%-3s ' "$1" "$5"
    WRK_BODY=$3 WRK_CONTENT_TYPE=$type \
        wrk -t"$6" -c"$5" -d"${seconds}s" -s "$script" "http://127.0.0.1:$port$2" | awk '/Requests\/sec/ {rps=$2} /^requests/ {line=$0} END {print rps " req/s; " line}'
}

for connections in 1 32; do
    threads=$([ "$connections" = 1 ] && echo 1 || echo 2)
    run pixels /api/v1/models/mnist-zero/predict "$work/pixels.json" application/json "$connections" "$threads"
    run upload /api/v1/models/mnist-zero/predict "$work/upload.bin" "$work/upload.type" "$connections" "$threads"
    run text /api/v1/models/imdb-sentiment/predict "$work/text.json" application/json "$connections" "$threads"
done

echo "RSS after the runs above: $(rss)"
# wrk runs for a time, not a count, so 100,000 requests are reached in 10-second runs.
for round in 1 2; do
    served=0
    while [ "$served" -lt 100000 ]; do
        count=$(WRK_BODY="$work/pixels.json" WRK_CONTENT_TYPE=application/json \
            wrk -t2 -c32 -d10s -s "$script" "http://127.0.0.1:$port/api/v1/models/mnist-zero/predict" | awk '/^requests/ {gsub(",", "", $2); print $2}')
        served=$((served + count))
    done
    echo "RSS after $served more JSON-pixel requests (round $round): $(rss)"
done
