#!/usr/bin/env bash
# Builds the Go reference renderer (Go's own text/template + sprig v3, from Debian's packages
# golang-go and golang-github-masterminds-sprig-dev) and prints the binary's path.
#
#   build.sh [OUTPUT]        default OUTPUT: sdk-templates/target/gotemplate-oracle
#
# The oracle reads a JSON array of {"name","template","data","missingkey"?} on stdin and prints
# the cases completed with "expected" or "error" + "errorPhase" (parse|exec); with -bench D it
# times each case instead (see main.go). Used by GoOracleDifferentialTest and bench/compare.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../../../target/gotemplate-oracle}
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
command -v go >/dev/null || { echo "go is not installed (Debian package golang-go)" >&2; exit 3; }
m=/usr/share/gocode/src/github.com/Masterminds
[ -d "$m/sprig" ] || {
  echo "sprig is not installed (Debian package golang-github-masterminds-sprig-dev)" >&2; exit 3; }
# Debian ships Go libraries for GOPATH mode without their /v3 import suffixes: lay out a
# GOPATH of links that has them.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gp=$work/gopath
mkdir -p "$gp/src/github.com/Masterminds/sprig" "$gp/src/github.com/Masterminds/semver"
for d in /usr/share/gocode/src/*; do [ "$(basename "$d")" = github.com ] || ln -s "$d" "$gp/src/"; done
for d in /usr/share/gocode/src/github.com/*; do
  [ "$(basename "$d")" = Masterminds ] || ln -s "$d" "$gp/src/github.com/"
done
ln -s "$m/goutils" "$gp/src/github.com/Masterminds/goutils"
ln -s "$m/sprig" "$gp/src/github.com/Masterminds/sprig/v3"
ln -s "$m/semver" "$gp/src/github.com/Masterminds/semver/v3"
mkdir -p "$work/src"
cp "$here/main.go" "$work/src/"
cache=${GOCACHE:-$(go env GOCACHE 2>/dev/null || true)}
[ -n "$cache" ] && [ "$cache" != off ] || cache=${TMPDIR:-/tmp}/gotemplate-oracle-gocache
(cd "$work/src" && GO111MODULE=off GOPATH="$gp" GOCACHE="$cache" go build -o "$out" .)
echo "$out"
