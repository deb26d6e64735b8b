#!/usr/bin/env bash
# Proves a consumer of XaiAot.Extensions.AI publishes NativeAOT with zero IL/AOT warnings and works:
#  1. publishes xaiaot-meai (linux-x64 unless RID is set) from scratch, every warning an error;
#  2. runs the binary on its embedded cassette and checks the recorded answer appears;
#  3. replays the other tool-call cassettes from ../shared/cassettes, when that folder is there.
# Usage: src/XaiAot.Extensions.AI.Sample/publish-check.sh   (from anywhere; exit 0 = pass)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rid="${RID:-linux-x64}"
out="$(mktemp -d "${TMPDIR:-/tmp}/xaiaot-meai.XXXXXX")"
log="$out.publish.log"
trap 'rm -rf "$out" "$log"' EXIT

fail() { echo "publish-check: FAIL: $*" >&2; exit 1; }

echo "publish-check: publishing xaiaot-meai ($rid) into $out"
# Clean the sample first: an up-to-date publish would skip ILC (which analyses the whole program, libraries
# included) and so report no warnings at all. Only the sample is cleaned (BuildProjectReferences=false): the
# libraries' own compiler warnings already fail their builds, and other work in the tree keeps its outputs.
# -warnaserror turns every MSBuild-logged warning (ILC's IL2xxx/IL3xxx included) into an error;
# TreatWarningsAsErrors does the same for the C# compiler and ILC's own switch.
if ! { dotnet clean "$here/XaiAot.Extensions.AI.Sample.csproj" -c Release -r "$rid" -p:BuildProjectReferences=false -nologo -v:q &&
       dotnet publish "$here/XaiAot.Extensions.AI.Sample.csproj" -c Release -r "$rid" -o "$out" \
         -warnaserror -p:TreatWarningsAsErrors=true -nologo; } >"$log" 2>&1; then
  cat "$log" >&2
  fail "publish failed"
fi

# Belt and braces: no warning may have slipped through as a message.
if grep -E ': warning [A-Z]+[0-9]+' "$log" >&2; then
  fail "the publish logged warnings"
fi

binary="$out/xaiaot-meai"
[[ -x "$binary" ]] || fail "no native binary at $binary"
size=$(stat -c %s "$binary")
echo "publish-check: zero warnings; binary $size bytes ($(awk "BEGIN { printf \"%.1f\", $size / 1048576 }") MiB)"

# check CASSETTE-ARG EXPECTED-TEXT: runs the binary (no argument = the embedded cassette) and looks for the answer.
check() {
  local cassette="$1" expected="$2" output
  if ! output="$("$binary" ${cassette:+"$cassette"} 2>&1)"; then
    echo "$output" >&2
    fail "xaiaot-meai ${cassette:-(embedded)} exited non-zero"
  fi
  if ! grep -qF -- "$expected" <<<"$output"; then
    echo "$output" >&2
    fail "xaiaot-meai ${cassette:-(embedded)}: expected \"$expected\" in the output"
  fi
  echo "publish-check: ok ${cassette:-(embedded cassette)}"
}

check "" "answer: The sum of 2 and 3 is 5."
check "" "tool multiply(2, 3) = 6"
# Spans and metrics reach a listener in the native binary (one span and one duration per model call).
check "" "telemetry: 2 spans (chat grok-4-fast), 2 durations"

cassettes="$repo/../shared/cassettes"
if [[ -d "$cassettes" ]]; then
  check "$cassettes/xai-grok-code-fast__tool.yaml" "answer: The current temperature in Florence, Italy is 40°C."
  check "$cassettes/xai-grok-code-fast__tool_streaming.yaml" "answer: The current weather in Florence, Italy is 40°C."
  check "$cassettes/xai-grok-code-fast__multi_tool_streaming.yaml" "answer: The sum of 2 and 3 is 5."
  check "$cassettes/openai-gpt-4o-mini__multi_tool_streaming.yaml" "and the product of 2 and 3 is 6."
  check "$cassettes/xai-grok-3-mini__thinking_streaming.yaml" "answer: The weather in Florence, Italy is 40°C."
else
  echo "publish-check: $cassettes not found; replayed the embedded cassette only"
fi

echo "publish-check: PASS"
