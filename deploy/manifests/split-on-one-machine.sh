#!/usr/bin/env bash
# Runs Whizbang as three processes on one machine, clustered over loopback, sharing one PostgreSQL:
#   core     - the ledger (dispatcher, sagas), the projections and the control plane (dashboard on :8088)
#   core2    - a second ledger replica: commands go to either; sagas and perspectives move here if core dies
#   edge     - the three gateways (GraphQL :8080, REST :8081, gRPC :9090), no store of its own
#
# Usage: deploy/manifests/split-on-one-machine.sh postgres://user:pass@host:5432/db [data-dir]
# Stop with Ctrl+C (every process is stopped). Logs go to <data-dir>/<process>.log.
set -euo pipefail

store="${1:?usage: $0 postgres://user:pass@host:port/db [data-dir]}"
data="${2:-./data}"
jar="$(dirname "$0")/../target/whizbang.jar"
[ -f "$jar" ] || { echo "build the launcher first: ./mvnw -q -DskipTests package" >&2; exit 2; }
mkdir -p "$data"
members="127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM

node() {
  local name="$1" port="$2"; shift 2
  java -jar "$jar" run --cluster --cluster-port="$port" --cluster-members="$members" \
       --data-dir="$data" "$@" >"$data/$name.out" 2>"$data/$name.log" &
  pids+=("$!")
  until grep -q "Whizbang is running" "$data/$name.out" 2>/dev/null; do
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "$name did not start; see $data/$name.log" >&2; exit 1; }
    sleep 1
  done
  echo "$name is running (cluster port $port)"
}

node core 5701 --store="$store" --services=ledger,projections,control
node core2 5702 --store="$store" --services=ledger
node edge 5703 --services=web,mobile,desktop
echo "development token (tenant acme):"
java -jar "$jar" token --tenant=acme --scopes=orders:write,orders:read,inventory:write,inventory:read \
     --data-dir="$data"
wait
