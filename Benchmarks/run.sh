#!/usr/bin/env bash
# Performance of HoSo at district and province scale, side by side with jq (the load floor of a C JSON
# parser on the same snapshot bytes) and Taskwarrior (the terminal tracker a user would otherwise pick),
# all measured in this run on this machine. Usage: Benchmarks/run.sh [SIZES…]   (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap
sizes=("${@:-1000 10000 100000}")
read -r -a sizes <<<"${sizes[*]}"

need=()
command -v jq >/dev/null || need+=(jq)
command -v task >/dev/null || need+=(taskwarrior)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Linked with the Swift runtime and Foundation inside, as a release is installed (README): a command then
# starts in half the time (docs/performance.md).
swift build -c release --static-swift-stdlib --product hoso >/dev/null
hoso=.build/release/hoso
work=${HOSO_BENCH_DIR:-$HOME/.cache/hoso-bench}
mkdir -p "$work"
time_cmd() { # runs "$@" 5 times, prints the median seconds (timed in one Python process: starting a
  # timer process per sample would add its own start-up to every sample)
  python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
samples = []
for _ in range(5):
    start = time.monotonic()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples.append(time.monotonic() - start)
print(statistics.median(samples))
PY
}

results=()
for n in "${sizes[@]}"; do
  dir="$work/$n"
  echo "== $n hồ sơ" >&2
  # Fresh every run (a bench leaves its saves in the store), and created by its own process, so the
  # measured one only opens: its peak memory is the store's alone.
  rm -rf "$dir" "$work"/bench-"$n"-run*.json
  "$hoso" bench --cases "$n" --dir "$dir" --create-only --json > "$work/create-$n.json"
  "$hoso" bench --cases "$n" --dir "$dir" --json > "$work/bench-$n.json"
  # The durable-save targets hold "in each of three consecutive runs": the save benches again, on the
  # store the first one left (its long-history file grows by another thousand entries each time).
  for run in $(seq 2 "${HOSO_BENCH_RUNS:-3}"); do
    "$hoso" bench --cases "$n" --dir "$dir" --json > "$work/bench-$n-run$run.json"
  done
  jq_s=$(time_cmd jq '.records | length' "$dir/snapshot.json")
  search_s=$(time_cmd "$hoso" case list --data "$dir" --search "nguyen van" --today 2026-11-23)
  tw_list=""; tw_add=""
  if [ "$n" = 10000 ]; then
    # Taskwarrior holds the same people as the store (name, id, unit), so both filters meet the same names.
    tw="$work/task-$n"; rm -rf "$tw"; mkdir -p "$tw"
    "$hoso" case list --data "$dir" --json --today 2026-11-23 > "$tw/rows.json"
    python3 - "$tw/rows.json" "$tw/import.json" <<'PY'
import json, sys, uuid
rows = json.load(open(sys.argv[1]))
tasks = [{"uuid": str(uuid.UUID(int=i + 1)), "status": "pending", "entry": "20261123T000000Z",
          "description": f"{row['name']} {row['id']}", "project": row["unit"]} for i, row in enumerate(rows)]
json.dump(tasks, open(sys.argv[2], "w"), ensure_ascii=False)
PY
    trc="rc.data.location=$tw rc.confirmation=off rc.verbose=nothing rc.hooks=off rc.gc=off"
    TASKRC=/dev/null task $trc import "$tw/import.json" >/dev/null 2>&1
    # A narrow filter and a broad one, each beside hoso's accent-free search for the same words.
    tw_list=$(TASKRC=/dev/null time_cmd task $trc "description.has:Nguyễn Văn" list)
    tw_rows=$(TASKRC=/dev/null task $trc "description.has:Nguyễn Văn" count)
    hoso_rows=$("$hoso" case list --data "$dir" --search "nguyen van" --json --today 2026-11-23 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    tw_broad=$(TASKRC=/dev/null time_cmd task $trc description.has:Văn list)
    tw_broad_rows=$(TASKRC=/dev/null task $trc description.has:Văn count)
    hoso_broad=$(time_cmd "$hoso" case list --data "$dir" --search van --today 2026-11-23)
    hoso_broad_rows=$("$hoso" case list --data "$dir" --search van --json --today 2026-11-23 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    tw_add=$(TASKRC=/dev/null time_cmd task $trc add "Nguyễn Văn Thêm")
    # An ordinary file (HS-0500, as `case show`); the bench's file of a long history apart (HS-0001 at
    # 10,000: the first open file, which `hoso bench` grows past 1,000 entries, each still in the journal).
    hoso_note=$(time_cmd "$hoso" case note HS-0500 --data "$dir" --text "Đo hiệu năng" --date 2026-11-23)
    hoso_note_long=$(time_cmd "$hoso" case note HS-0001 --data "$dir" --text "Đo hiệu năng" --date 2026-11-23)
    hoso_show=$(time_cmd "$hoso" case show HS-0500 --data "$dir" --today 2026-11-23)
    hoso_start=$(time_cmd "$hoso" --version)
    echo "{\"taskwarriorList\": $tw_list, \"taskwarriorRows\": $tw_rows, \"hosoRows\": $hoso_rows,
          \"taskwarriorBroad\": $tw_broad, \"taskwarriorBroadRows\": $tw_broad_rows,
          \"hosoBroad\": $hoso_broad, \"hosoBroadRows\": $hoso_broad_rows,
          \"taskwarriorAdd\": $tw_add, \"hosoNote\": $hoso_note, \"hosoNoteLong\": $hoso_note_long, \"hosoShow\": $hoso_show, \"hosoStart\": $hoso_start}" > "$work/tw-$n.json"
  fi
  # The commands on one file and a report, as processes, at every size: they should not grow with the store.
  # The report's first run reads every file and keeps their facts (report-facts.tsv); the next ones read those.
  rm -f "$dir/report-facts.tsv"
  first_report=$(python3 -c 'import subprocess,sys,time; s=time.monotonic(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); print(time.monotonic()-s)' \
    "$hoso" report quota --data "$dir" --today 2026-11-23)
  one_show=$(time_cmd "$hoso" case show HS-0500 --data "$dir" --today 2026-11-23)
  # The same ordinary file at every size: the bench grows a different one (the first open file) at each.
  "$hoso" case note HS-0500 --data "$dir" --text "Đo hiệu năng" --date 2026-11-23 >/dev/null \
    || { echo "case note HS-0500 was refused at $n: pick another open file" >&2; exit 1; }
  one_note=$(time_cmd "$hoso" case note HS-0500 --data "$dir" --text "Đo hiệu năng" --date 2026-11-23)
  one_report=$(time_cmd "$hoso" report quota --data "$dir" --today 2026-11-23)
  echo "{\"show\": $one_show, \"note\": $one_note, \"firstReport\": $first_report, \"report\": $one_report}" > "$work/commands-$n.json"
  results+=("$n:$jq_s:$search_s")
done

python3 - "$work" "${results[@]}" <<'PY'
import json, sys, os
work = sys.argv[1]
ms = lambda s: f"{s*1000:8.1f} ms"
print("| files | disk | open→frame | all read | jq read | open/jq | key p99 while reading | key p50 | key p99 | save p50/p99/max | floor p50/p99/max | save/floor p99 | quota | period | peak RSS | RSS/disk | list --search |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for item in sys.argv[2:]:
    n, jq_s, search_s = item.split(":")
    b = json.load(open(os.path.join(work, f"bench-{n}.json")))
    jq_s, search_s = float(jq_s), float(search_s)
    print(f"| {n} | {b['diskBytes']/1e6:.1f} MB | {ms(b['firstFrameSeconds'])} | {ms(b.get('loadedSeconds', 0))} | {ms(jq_s)} | {b['firstFrameSeconds']/jq_s:.2f}× "
          f"| {ms(b.get('keystrokeWhileLoadingP99', 0))} ({b.get('keysWhileLoading', 0)} keys) "
          f"| {ms(b['keystrokeP50'])} | {ms(b['keystrokeP99'])} "
          f"| {b['saveP50']*1000:.2f} / {b['saveP99']*1000:.2f} / {b['saveMax']*1000:.2f} ms "
          f"| {b['floorP50']*1000:.2f} / {b['floorP99']*1000:.2f} / {b['floorMax']*1000:.2f} ms | {b['saveP99']/b['floorP99']:.2f}× "
          f"| {ms(b['quotaReportSeconds'])} | {ms(b['periodReportSeconds'])} | {b['peakResidentBytes']/1e6:.0f} MB "
          f"| {b['peakResidentBytes']/b['diskBytes']:.2f}× | {ms(search_s)} |")
    runs = [b] + [json.load(open(os.path.join(work, name))) for name in sorted(os.listdir(work))
                  if name.startswith(f"bench-{n}-run")]
    print(f"\nAt {n}, durable saves in {len(runs)} consecutive runs (p99 against the floor's p99 of the same run): "
          + "; ".join(f"run {i + 1}: save {r['saveP99']/r['floorP99']:.2f}×, a file of {r['longHistoryEntries']} history entries "
                      f"{r['longHistorySaveP50']*1000:.2f} / {r['longHistorySaveP99']*1000:.2f} ms p50/p99 = "
                      f"{r['longHistorySaveP99']/r['longHistoryFloorP99']:.2f}×" for i, r in enumerate(runs)) + "\n")
    created = os.path.join(work, f"create-{n}.json")
    if os.path.exists(created):
        c = json.load(open(created))
        print(f"\nAt {n}: demo generated in {c['generateSeconds']:.1f} s and written in {c['createSeconds']:.1f} s; "
              f"open (repository loaded) {ms(b['openRepositorySeconds'])} = {b['openRepositorySeconds']/jq_s:.2f}× jq\n")
    commands = os.path.join(work, f"commands-{n}.json")
    if os.path.exists(commands):
        c = json.load(open(commands))
        base = os.path.join(work, "commands-10000.json")
        grown = ""
        if n != "10000" and os.path.exists(base):
            b10 = json.load(open(base))
            grown = (f" — against 10,000: show {c['show']/b10['show']:.2f}×, note {c['note']/b10['note']:.2f}×, "
                     f"report {c['report']/b10['report']:.2f}×")
        print(f"\nAt {n}, as processes: case show {ms(c['show'])}, case note {ms(c['note'])}, report quota {ms(c['report'])} "
              f"(the first, keeping every file's facts: {ms(c['firstReport'])}){grown}\n")
    tw = os.path.join(work, f"tw-{n}.json")
    if os.path.exists(tw):
        t = json.load(open(tw))
        print(f"\nAt {n}, the same people in both: Taskwarrior `description.has:Nguyễn Văn` list {ms(t['taskwarriorList'])} "
              f"({t['taskwarriorRows']} rows) vs hoso case list --search \"nguyen van\" {ms(search_s)} ({t['hosoRows']} rows): "
              f"{search_s/t['taskwarriorList']:.2f}×; Taskwarrior `description.has:Văn` {ms(t['taskwarriorBroad'])} "
              f"({t['taskwarriorBroadRows']} rows) vs --search van {ms(t['hosoBroad'])} ({t['hosoBroadRows']} rows): "
              f"{t['hosoBroad']/t['taskwarriorBroad']:.2f}×; Taskwarrior add {ms(t['taskwarriorAdd'])} vs hoso case note "
              f"{ms(t['hosoNote'])} ({t['hosoNote']/t['taskwarriorAdd']:.2f}×; the bench's long file {ms(t['hosoNoteLong'])}, "
              f"{t['hosoNoteLong']/t['taskwarriorAdd']:.2f}×); hoso case show {ms(t['hosoShow'])}, "
              f"of which the program's start (hoso --version) {ms(t['hosoStart'])}\n")
PY
