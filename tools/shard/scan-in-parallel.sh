#!/usr/bin/env bash
# A national audit on one large machine: one `asn-audit scan` per input file, run by GNU parallel, then one
# `asn-audit merge` of the shard reports in input order. The merged report is byte for byte the report of one scan
# over all the inputs (same roster, election and rules), so the shards change the wall time, never the result.
#
#   tools/shard/scan-in-parallel.sh --roster R --election E --out DIR [--jobs N] [--asn-audit CMD] INPUT...
#
# Writes DIR/shard-00001.json … (one per INPUT, in the order given) and DIR/report.json. Exit code: that of the
# merge (2 when a shard could not be scanned or merged; 0 otherwise: judge findings with the report or --fail-on
# in a later `asn-audit merge`). Each shard scan runs with --jobs 1: the machine's cores go to the shards.
set -euo pipefail

usage() {
  echo "usage: $0 --roster FILE --election FILE --out DIR [--jobs N] [--asn-audit CMD] INPUT..." >&2
  exit 2
}

roster='' election='' out='' jobs="$(nproc)" cli="node $(dirname "$0")/../../bin/asn-audit"
while [ $# -gt 0 ]; do
  case "$1" in
    --roster) roster="${2:?}"; shift 2 ;;
    --election) election="${2:?}"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    --jobs) jobs="${2:?}"; shift 2 ;;
    --asn-audit) cli="${2:?}"; shift 2 ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ -n "$roster" ] && [ -n "$election" ] && [ -n "$out" ] && [ $# -gt 0 ] || usage
command -v parallel >/dev/null || { echo "$0: GNU parallel is not installed (Debian: apt-get install parallel)" >&2; exit 2; }

mkdir -p "$out"
shards=()
for i in $(seq 1 $#); do shards+=("$out/$(printf 'shard-%05d.json' "$i")"); done

# --halt now,fail=1: the first shard that fails stops the run; a report missing a shard must never be merged.
# --link pairs each input with its shard name. Exit 1 of a scan (findings) is not a failure: --fail-on none.
parallel --will-cite --halt now,fail=1 --link --jobs "$jobs" \
  "$cli scan {1} --roster $(printf '%q' "$roster") --election $(printf '%q' "$election") --jobs 1 --fail-on none -q -o {2}" \
  ::: "$@" ::: "${shards[@]}"

$cli merge "${shards[@]}" -o "$out/report.json"
