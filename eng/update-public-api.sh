#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of every packaged library from what the compiler sees, so an API
# change (or a schema change, which changes XaiAot's generated wire types) is one command and shows
# up as a reviewable diff of those files.
#
#   eng/update-public-api.sh
#
# How: each Unshipped file is reset to `#nullable enable`, the libraries are built, and the
# Microsoft.CodeAnalysis.PublicApiAnalyzers diagnostics of that build are written back:
#   RS0016 "Symbol 'X' is not part of the declared public API"        -> X is added to Unshipped;
#   RS0017 "Symbol 'X' is part of the declared API, but ... not found" -> X is in Shipped but gone:
#          recorded as `*REMOVED*X` in Unshipped (the analyzer's convention for a breaking removal).
# Warnings are errors here, so a library that fails stops its dependants from compiling: the build
# is repeated until nothing changes (XaiAot first, then XaiAot.Extensions.AI). Shipped files are never
# touched: moving Unshipped into Shipped is the release step.
set -euo pipefail
cd "$(dirname "$0")/.."
libraries=(src/XaiAot src/XaiAot.Recording src/XaiAot.Extensions.AI src/XaiAot.Extensions.DependencyInjection)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for lib in "${libraries[@]}"; do printf '#nullable enable\n' >"$lib/PublicAPI.Unshipped.txt"; done

for round in 1 2 3 4 5; do
  changed=0
  for lib in "${libraries[@]}"; do
    name=$(basename "$lib")
    dotnet build "$lib/$name.csproj" -c Release -nologo -clp:NoSummary >"$log" 2>&1 || true
    # Only this project's own diagnostics (a line names its project file at the end).
    added=$(grep -E "error RS0016: .*\[.*/$name\.csproj" "$log" | sed -E "s/.*error RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/" | sort -u || true)
    removed=$(grep -E "error RS0017: .*\[.*/$name\.csproj" "$log" | sed -E "s/.*error RS0017: Symbol '(.*)' is part of the declared API.*/*REMOVED*\1/" | sort -u || true)
    if [ -n "$added$removed" ]; then
      { tail -n +2 "$lib/PublicAPI.Unshipped.txt"; [ -z "$added" ] || printf '%s\n' "$added"; [ -z "$removed" ] || printf '%s\n' "$removed"; } \
        | LC_ALL=C sort -u >"$log.api"
      { printf '#nullable enable\n'; cat "$log.api"; } >"$lib/PublicAPI.Unshipped.txt"
      rm -f "$log.api"
      changed=1
      echo "update-public-api: $name: +$(printf '%s' "$added" | grep -c . || true) -$(printf '%s' "$removed" | grep -c . || true)"
    fi
  done
  [ "$changed" -eq 1 ] || break
done

# What remains is a real error (not an API listing): show it.
for lib in "${libraries[@]}"; do
  name=$(basename "$lib")
  if ! dotnet build "$lib/$name.csproj" -c Release -nologo -clp:NoSummary >"$log" 2>&1; then
    grep -E ': (error|warning) ' "$log" | sort -u
    echo "update-public-api: $name still fails to build (see above)" >&2
    exit 1
  fi
done
echo "update-public-api: done; review with: git diff -- '*PublicAPI.Unshipped.txt'"
