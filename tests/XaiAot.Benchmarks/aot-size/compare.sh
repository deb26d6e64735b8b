#!/usr/bin/env bash
# NativeAOT size comparison: a minimal streaming console on the official OpenAI package, the same
# console on XaiAot, and the `xaiaot` sample CLI (src/XaiAot.Cli), each published with
#   dotnet publish -c Release -r linux-x64
# into its own artifacts folder (nothing in the repository's bin/ or obj/ is touched). Counts the
# IL/AOT warnings of each publish (TrimmerSingleWarn=false, so every warning is listed rather than
# one per assembly; TreatWarningsAsErrors=false, so a warning is counted rather than fatal), runs
# each binary on the seed stream, and prints a markdown table.
#
# Usage: tests/XaiAot.Benchmarks/aot-size/compare.sh [WORK_DIR]
#   WORK_DIR (default: a new temp folder) keeps the publish logs and binaries.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cassette="$repo/../shared/cassettes/simple_streaming.yaml"
work="${1:-$(mktemp -d -t xaiaot-aot-size.XXXXXX)}"
mkdir -p "$work"
rid="linux-x64"

[[ -f "$cassette" ]] || { echo "missing $cassette (shared/ must sit beside the repository)" >&2; exit 1; }

# The seed stream's SSE body: the response's `body: |+` block of the cassette, indentation removed.
awk '/^  response:/ { inresp = 1 }
     inresp && /^    body: \|/ { grab = 1; next }
     grab { if ($0 == "" || $0 ~ /^      /) { sub(/^      /, ""); print } else exit }' \
    "$cassette" > "$work/seed.sse"
grep -q '^data: \[DONE\]' "$work/seed.sse" || { echo "could not extract the SSE body from $cassette" >&2; exit 1; }

rows=()

# publish NAME PROJECT BINARY DESCRIPTION [RUN_ARGS...]
publish() {
    local name="$1" project="$2" binary="$3" description="$4"
    shift 4
    local slug="${binary}"
    local log="$work/$slug.publish.log" artifacts="$work/artifacts/$slug"
    echo "== publishing $name ($project)" >&2
    rm -rf "$artifacts"
    if ! dotnet publish "$project" -c Release -r "$rid" --artifacts-path "$artifacts" \
        -p:TreatWarningsAsErrors=false -p:TrimmerSingleWarn=false -nologo >"$log" 2>&1; then
        echo "publish of $name failed; see $log" >&2
        tail -20 "$log" >&2
        exit 1
    fi

    local path
    path="$(find "$artifacts/publish" -type f -name "$binary" | head -n 1)"
    [[ -n "$path" ]] || { echo "no $binary under $artifacts/publish" >&2; exit 1; }

    local bytes mib il all ran
    bytes="$(stat -c %s "$path")"
    mib="$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')"
    # MSBuild prints each warning twice (in-line and in the summary): count distinct ones.
    il="$({ grep -oE 'warning (IL|AOT)[0-9]+:[^[]*' "$log" || true; } | sort -u | wc -l | tr -d ' ')"
    all="$({ grep -oE 'warning [A-Z]+[0-9]+:[^[]*' "$log" || true; } | sort -u | wc -l | tr -d ' ')"
    if output="$("$path" "$@" 2>&1)" && grep -q 'Olá' <<<"$output"; then ran="yes"; else ran="NO"; fi
    echo "   $path: $bytes bytes, $il IL/AOT warnings, ran on the seed: $ran" >&2
    rows+=("| $name | $description | $(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$bytes") | $mib | $il | $all | $ran |")
}

publish "OpenAI 2.15 console" "$here/OpenAiConsole/OpenAiConsole.csproj" "OpenAiConsole" \
    "\`ChatClient.CompleteChatStreamingAsync\`, prints text + usage" "$work/seed.sse"
publish "XaiAot console" "$here/XaiAotConsole/XaiAotConsole.csproj" "XaiAotConsole" \
    "\`XaiChatClient.StreamAsync\`, prints text + usage" "$work/seed.sse"
if [[ -f "$repo/src/XaiAot.Cli/XaiAot.Cli.csproj" ]]; then
    publish "xaiaot CLI" "$repo/src/XaiAot.Cli/XaiAot.Cli.csproj" "xaiaot" \
        "the sample CLI (System.CommandLine, YAML cassette replay, embedded seed); run with no arguments"
fi

dotnet_version="$(dotnet --version)"
echo
echo "NativeAOT, \`dotnet publish -c Release -r $rid\`, .NET SDK $dotnet_version, $(date -u +%Y-%m-%d)"
echo
echo "| binary | what it does | size (bytes) | MiB | IL/AOT warnings | all warnings | ran on the seed |"
echo "|---|---|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Logs and binaries: $work"
