#!/usr/bin/env bash
# Build cost of the generator (issue 5): a consumer with 1,000 templates built through the generator, against the same
# consumer with the generated code checked in and no generator. Prints the median of 5 builds each and their ratio.
#
# What is timed: `dotnet build --no-restore` after touching a .cs file of the consumer (Consumer.cs), i.e. the
# incremental rebuild a developer pays after every edit: MSBuild checks the referenced JuheSms project (up to date), and
# the compiler (through the warm build server) recompiles the consumer - with the generator, that compile includes
# reading the 1,000-template file, running the generator and the call-site analyzers. Full --no-incremental rebuilds
# would add the same rebuild of JuheSms to both sides and hide the difference.
#
# Usage: tests/build-cost/run.sh [builds=5] [templates=1000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
builds="${1:-5}"
templates="${2:-1000}"
work="$here/.work"
rm -rf "$work" "$here"/WithGenerator/{bin,obj} "$here"/CheckedIn/{bin,obj}
mkdir -p "$work/generated"

echo "== preparing: generator (Release), $templates templates, generated code"
dotnet build -c Release "$repo/src/JuheSms.Generators/JuheSms.Generators.csproj" -v q -nologo > /dev/null
dotnet run -c Release --project "$repo/tests/JuheSms.Benchmarks" -- --write-templates "$templates" "$work/sms-templates.json" Bench.Sms
dotnet build "$here/WithGenerator/WithGenerator.csproj" -v q -nologo \
  -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/emitted" > /dev/null
find "$work/emitted" -name '*.g.cs' -path '*TemplatesGenerator*' -exec cp {} "$work/generated/" \;
count=$(ls "$work/generated" | wc -l)
[ "$count" -ge 1 ] || { echo "no generated file found under $work/emitted" >&2; exit 1; }
echo "   generated: $(cat "$work"/generated/*.cs | wc -c) bytes of C# in $count file(s)"
dotnet build "$here/CheckedIn/CheckedIn.csproj" -v q -nologo > /dev/null

time_build() { # project -> milliseconds of one build after touching its Consumer.cs
  touch "$here/$1/Consumer.cs"
  local start end
  start=$(date +%s%N)
  dotnet build "$here/$1/$1.csproj" --no-restore -v q -nologo > "$work/$1.log" 2>&1 || { cat "$work/$1.log"; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "== warm-up (one build each, not counted)"
time_build WithGenerator > /dev/null
time_build CheckedIn > /dev/null

echo "== $builds builds each, alternating"
gen=(); chk=()
for i in $(seq 1 "$builds"); do
  g=$(time_build WithGenerator); c=$(time_build CheckedIn)
  gen+=("$g"); chk+=("$c")
  echo "   build $i: with generator ${g} ms, checked in ${c} ms"
done
mg=$(printf '%s\n' "${gen[@]}" | median)
mc=$(printf '%s\n' "${chk[@]}" | median)
ratio=$(awk -v g="$mg" -v c="$mc" 'BEGIN { printf "%.3f", g / c }')
echo "== median: with generator ${mg} ms, checked in ${mc} ms, ratio ${ratio} (target <= 1.10)"
echo "   machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), dotnet $(dotnet --version)"
