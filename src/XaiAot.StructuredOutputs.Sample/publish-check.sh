#!/usr/bin/env bash
# Proves structured outputs work under NativeAOT with zero IL/AOT warnings: publishes xaiaot-structured
# (linux-x64 unless RID is set) from scratch with every warning an error, runs it on its embedded
# recordings, and checks that all three paths (client, stream, IChatClient) printed the typed record.
# Usage: src/XaiAot.StructuredOutputs.Sample/publish-check.sh   (from anywhere; exit 0 = pass)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rid="${RID:-linux-x64}"
out="$(mktemp -d "${TMPDIR:-/tmp}/xaiaot-structured.XXXXXX")"
log="$out.publish.log"
trap 'rm -rf "$out" "$log"' EXIT

fail() { echo "publish-check: FAIL: $*" >&2; exit 1; }

# Cleaned first: an up-to-date publish would skip ILC, which is what reports trimming and AOT warnings.
if ! { dotnet clean "$here/XaiAot.StructuredOutputs.Sample.csproj" -c Release -r "$rid" -p:BuildProjectReferences=false -nologo -v:q &&
       dotnet publish "$here/XaiAot.StructuredOutputs.Sample.csproj" -c Release -r "$rid" -o "$out" \
         -warnaserror -p:TreatWarningsAsErrors=true -nologo; } >"$log" 2>&1; then
  cat "$log" >&2
  fail "publish failed"
fi

if grep -E ': warning [A-Z]+[0-9]+' "$log" >&2; then
  fail "the publish logged warnings"
fi

binary="$out/xaiaot-structured"
[[ -x "$binary" ]] || fail "no native binary at $binary"
echo "publish-check: zero warnings; binary $(stat -c %s "$binary") bytes"

output="$("$binary" 2>&1)" || { echo "$output" >&2; fail "xaiaot-structured exited non-zero"; }
echo "$output"
for how in "client" "stream (3 chunks)" "IChatClient"; do
  grep -qxF "$how: Person { Name = Alice, Age = 30, City = Paris }" <<<"$output" || fail "no typed record from the $how path"
done

echo "publish-check: PASS"
