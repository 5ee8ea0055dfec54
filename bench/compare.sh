#!/usr/bin/env bash
# Peer benchmark: handbill against Typst and WeasyPrint on the same
# statements, set as equivalent documents (A4, two justified, hyphenated
# English columns, headline Noto Sans Bold 26 pt, body Noto Serif at the size
# handbill chose, fonts from fonts/). Prints the median wall time, CPU time,
# peak memory (GNU time %M) and PDF size of each tool, with handbill/peer
# ratios. See docs/benchmarks.md for a run and how to read it.
#
#   bash bench/compare.sh
#
# Not part of CI. Needs cargo and python3; installs what else it needs:
# Debian packages `time`, `poppler-utils` and WeasyPrint's pango libraries
# with apt-get (as root or through sudo), and the peers from PyPI into a
# venv under the cache directory (never into the repository). Each peer is
# optional: one that cannot be installed or fails is reported and skipped.
#
# Environment (all optional):
#   BENCH_RUNS=20         timed runs per tool and statement (plus one warm-up)
#   BENCH_RUNS_SLOW=5     runs when one run takes over 5 s
#   BENCH_MEM_RUNS=3      further runs under GNU time for peak memory and CPU
#   BENCH_PAGES="10 25 50"  sizes of the long statement, in handbill pages
#   BENCH_WEASY_PAGES=... sizes of those WeasyPrint sets too (default all; "" for
#                         none, as it is the slowest by far)
#   BENCH_PEERS="typst weasyprint"
#   BENCH_REFERENCE=...   the reference statement
#                         (default ../shared/seed/000_53f4cf6db800a616.txt)
#   BENCH_CACHE=...       venv and typst-cli location
#                         (default ${XDG_CACHE_HOME:-~/.cache}/handbill-bench)
#   BENCH_TYPST=auto      auto: the Typst CLI if an earlier run (or
#                         `cargo install typst-cli --root $BENCH_CACHE/typst-cli`)
#                         installed it, else the typst PyPI package, else
#                         `cargo install typst-cli`; py or cli: only that route
#   BENCH_KEEP=1          keep the work directory (sources and PDFs)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

runs=${BENCH_RUNS:-20}
runs_slow=${BENCH_RUNS_SLOW:-5}
mem_runs=${BENCH_MEM_RUNS:-3}
page_sizes=${BENCH_PAGES:-"10 25 50"}
weasy_pages=${BENCH_WEASY_PAGES-$page_sizes}
peers=${BENCH_PEERS:-"typst weasyprint"}
reference=${BENCH_REFERENCE:-$repo/../shared/seed/000_53f4cf6db800a616.txt}
long_sample=$repo/samples/en-long-campaign.md
cache=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/handbill-bench}
typst_route=${BENCH_TYPST:-auto}
fonts=$repo/fonts

[ "${BASH_VERSINFO[0]}" -ge 5 ] || { echo "compare.sh: needs bash 5 or later (for EPOCHREALTIME)" >&2; exit 1; }

say() { printf '\n== %s\n' "$*" >&2; }
note() { printf '   %s\n' "$*" >&2; }
die() { printf 'compare.sh: error: %s\n' "$*" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/handbill-bench.XXXXXX")
cleanup() {
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    printf 'compare.sh: sources and PDFs kept in %s\n' "$work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# ---- system packages ---------------------------------------------------------

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || { note "no apt-get: install $* yourself"; return 1; }
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
      note "not root and no sudo: install $* yourself"; return 1
    fi
  fi
  if [ $apt_updated = 0 ]; then
    "${sudo[@]}" apt-get update -qq >/dev/null || { note "apt-get update failed"; return 1; }
    apt_updated=1
  fi
  note "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" \
    >"$work/apt.log" 2>&1 || { note "apt-get install $* failed:"; tail -n 3 "$work/apt.log" >&2; return 1; }
}

say "prerequisites"
command -v cargo >/dev/null || die "cargo not found: install Rust (https://rustup.rs)"
command -v python3 >/dev/null || die "python3 not found"
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -f %M true >/dev/null 2>&1; then
  apt_install time || die "GNU time (/usr/bin/time) is needed for peak memory: apt-get install time"
fi
have_pdfinfo=1
if ! command -v pdfinfo >/dev/null; then
  apt_install poppler-utils || { note "no pdfinfo: page counts will show as ?"; have_pdfinfo=0; }
fi
note "GNU time, python3 $(python3 -c 'import platform; print(platform.python_version())'), cargo ok"

# ---- handbill ----------------------------------------------------------------

say "building handbill (cargo build --release)"
cargo build --release >&2 || die "cargo build --release failed"
handbill=${CARGO_TARGET_DIR:-$repo/target}/release/handbill
[ -x "$handbill" ] || die "$handbill not found after the build"
if rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null); then
  git -C "$repo" diff --quiet HEAD 2>/dev/null || rev+=", with uncommitted changes"
else
  rev="not a git checkout"
fi
hb_version="$("$handbill" --version) ($rev)"
note "$hb_version"

# ---- peers ---------------------------------------------------------------------

venv=$cache/venv
make_venv() {
  [ -x "$venv/bin/python" ] && return 0
  mkdir -p "$cache"
  note "creating the venv $venv"
  python3 -m venv "$venv" 2>"$work/venv.log" && return 0
  rm -rf "$venv"
  apt_install python3-venv && python3 -m venv "$venv" 2>"$work/venv.log" && return 0
  note "python3 -m venv failed: $(tail -n 1 "$work/venv.log")"
  return 1
}
pip_install() {
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "$@" >"$work/pip.log" 2>&1 \
    || { note "pip install $* failed:"; tail -n 3 "$work/pip.log" >&2; return 1; }
}

smoke_typ='#set text(font: "Noto Serif", lang: "en")
Smoke test'
smoke_html='<!DOCTYPE html><html lang="en"><body><p>Smoke test</p></body></html>'

typst_cmd=() typst_version='' typst_note=''
setup_typst() {
  # The CLI is what users run; it is preferred when it is already there,
  # as building it takes long.
  if [ "$typst_route" = auto ] && [ -x "$cache/typst-cli/bin/typst" ]; then
    typst_route=cli
  fi
  if [ "$typst_route" != cli ] && make_venv && pip_install typst; then
    # The PyPI package: Python bindings that compile .typ to PDF in-process.
    # The measured time includes starting Python and importing typst (the
    # import-only row in the table shows how much that is).
    typst_cmd=("$venv/bin/python" -c 'import sys, typst
typst.compile(sys.argv[2], output=sys.argv[3], font_paths=[sys.argv[1]], ignore_system_fonts=True)' "$fonts")
    printf '%s\n' "$smoke_typ" >"$work/smoke.typ"
    if "${typst_cmd[@]}" "$work/smoke.typ" "$work/smoke-typst.pdf" 2>"$work/smoke.log"; then
      # The package's own version, and the Typst crates compiled into it.
      typst_version=$("$venv/bin/python" -c 'import glob, importlib.metadata as m, os, platform, re, typst
engine = "?"
for so in glob.glob(os.path.join(os.path.dirname(typst.__file__), "_typst*.so")):
    found = re.search(rb"typst-library-(\d+\.\d+\.\d+)", open(so, "rb").read())
    engine = found.group(1).decode() if found else engine
version = m.version("typst")
print(f"typst {version} from PyPI (Python bindings, Typst engine {engine}), run via Python {platform.python_version()}")')
      typst_note=py
      return 0
    fi
    note "the typst Python package failed: $(tail -n 1 "$work/smoke.log")"
  fi
  [ "$typst_route" = py ] && return 1
  local bin=$cache/typst-cli/bin/typst
  if [ ! -x "$bin" ]; then
    note "cargo install typst-cli (a long build: 10 minutes or more on 2 cores)"
    cargo install --locked typst-cli --root "$cache/typst-cli" >"$work/typst-cli.log" 2>&1 \
      || { note "cargo install typst-cli failed:"; tail -n 3 "$work/typst-cli.log" >&2; return 1; }
  fi
  typst_cmd=("$bin" compile --font-path "$fonts" --ignore-system-fonts)
  printf '%s\n' "$smoke_typ" >"$work/smoke.typ"
  if ! "${typst_cmd[@]}" "$work/smoke.typ" "$work/smoke-typst.pdf" 2>"$work/smoke.log"; then
    note "typst-cli failed: $(tail -n 1 "$work/smoke.log")"
    return 1
  fi
  typst_version="$("$bin" --version) (typst-cli from crates.io)"
  typst_note=cli
}

weasy_version=''
setup_weasyprint() {
  # WeasyPrint draws with pango; Debian's libraries, with harfbuzz-subset
  # for font subsetting (without it WeasyPrint falls back to fontTools).
  local need=() libs
  libs=$( (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null || true)
  grep -qF 'libpango-1.0.so.0' <<<"$libs" || need+=(libpango-1.0-0)
  grep -qF 'libpangoft2-1.0.so.0' <<<"$libs" || need+=(libpangoft2-1.0-0)
  grep -qF 'libharfbuzz-subset.so.0' <<<"$libs" || need+=(libharfbuzz-subset0)
  if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}" || note "continuing without ${need[*]}"; fi
  make_venv && pip_install weasyprint || return 1
  printf '%s\n' "$smoke_html" >"$work/smoke.html"
  if ! "$venv/bin/weasyprint" "$work/smoke.html" "$work/smoke-weasy.pdf" 2>"$work/smoke.log"; then
    note "WeasyPrint failed: $(tail -n 1 "$work/smoke.log")"
    return 1
  fi
  local info
  info=$("$venv/bin/weasyprint" --info 2>/dev/null || true)
  weasy_version="$("$venv/bin/weasyprint" --version) (PyPI), $(sed -n '/^[Pp]ango/{s/  */ /g;p;q}' <<<"$info")"
}

enabled=()
for peer in $peers; do
  say "installing $peer"
  case $peer in
    typst) if setup_typst; then enabled+=(typst); note "$typst_version"; else note "Typst is not available: skipped"; fi ;;
    weasyprint) if setup_weasyprint; then enabled+=(weasyprint); note "$weasy_version"; else note "WeasyPrint is not available: skipped"; fi ;;
    *) note "unknown peer $peer: skipped" ;;
  esac
done
has_peer() { local p; for p in "${enabled[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

# ---- measuring -------------------------------------------------------------------

results=$work/results.tsv
: >"$results"
# Wall clock in microseconds from bash's own EPOCHREALTIME (bash 5): no
# process is started to read it, so the measured time is the command's.
# (Timing with `date` and through GNU time added 1-3 ms to every run: two
# extra process starts, a quarter of a one-page handbill build.)
now_us() { now=${EPOCHREALTIME/[.,]/}; }

# The tools of one statement: add_tool TOOL OUT.PDF COMMAND...
ntools=0
tool_name=() tool_pdf=()
add_tool() {
  tool_name[ntools]=$1 tool_pdf[ntools]=$2
  shift 2
  declare -g -a "tool_cmd_$ntools=()"
  local -n cmd=tool_cmd_$ntools
  cmd=("$@")
  ntools=$((ntools + 1))
}

# Runs the tools added for statement STMT, then forgets them. Each tool has
# one warm-up run (which also checks that it works); then the timed runs go
# round the tools in turn, so that a noisy neighbour on the machine slows
# all of them alike and the ratios stay fair. Wall time is taken around the
# bare command; peak memory and CPU time come from $mem_runs further runs
# under GNU time. Appends one line per tool to $results: statement, tool,
# pages, PDF bytes, the wall times in ms separated by commas, and the
# memory runs as "peak_kib:cpu_ms" separated by commas.
run_tools() {
  local stmt=$1 k i t0 most=0
  local -a nruns=() walls=() mems=()
  for ((k = 0; k < ntools; k++)); do
    local -n cmd=tool_cmd_$k
    rm -f "${tool_pdf[k]}"
    now_us; t0=$now
    if "${cmd[@]}" >/dev/null 2>"$work/err.log"; then
      now_us
      nruns[k]=$runs
      [ $(((now - t0) / 1000)) -gt 5000 ] && [ "$runs_slow" -lt "$runs" ] && nruns[k]=$runs_slow
      [ "${nruns[k]}" -gt $most ] && most=${nruns[k]}
    else
      nruns[k]=0
      printf '   %-10s %-22s FAILED: %s\n' "$stmt" "${tool_name[k]}" "$(grep -v '^[[:space:]]*$' "$work/err.log" | tail -n 1)" >&2
    fi
    walls[k]='' mems[k]=''
    unset -n cmd
  done
  for ((i = 0; i < most; i++)); do
    for ((k = 0; k < ntools; k++)); do
      [ "$i" -lt "${nruns[k]}" ] || continue
      local -n cmd=tool_cmd_$k
      now_us; t0=$now
      if "${cmd[@]}" >/dev/null 2>"$work/err.log"; then
        now_us
        walls[k]+="$(((now - t0) / 1000)).$(printf '%03d' $(((now - t0) % 1000))),"
      else
        printf '   %-10s %-22s FAILED on run %d: %s\n' "$stmt" "${tool_name[k]}" "$((i + 1))" "$(tail -n 1 "$work/err.log")" >&2
        nruns[k]=0 walls[k]=''
      fi
      unset -n cmd
    done
  done
  for ((i = 0; i < mem_runs; i++)); do
    for ((k = 0; k < ntools; k++)); do
      [ "${nruns[k]}" -gt 0 ] || continue
      local -n cmd=tool_cmd_$k
      if /usr/bin/time -f '%M %U %S' -o "$work/time.log" "${cmd[@]}" >/dev/null 2>"$work/err.log"; then
        mems[k]+=$(awk 'END { printf "%s:%.0f,", $1, ($2 + $3) * 1000 }' "$work/time.log")
      fi
      unset -n cmd
    done
  done
  for ((k = 0; k < ntools; k++)); do
    local pdf=${tool_pdf[k]} pages='?' bytes=0
    if [ "${nruns[k]}" = 0 ]; then
      printf '%s\t%s\tfailed\t\t\n' "$stmt" "${tool_name[k]}" >>"$results"
      continue
    fi
    if [ -f "$pdf" ]; then
      bytes=$(stat -c %s "$pdf")
      [ $have_pdfinfo = 1 ] && pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$stmt" "${tool_name[k]}" "${pages:-?}" "$bytes" "${walls[k]%,}" "${mems[k]%,}" >>"$results"
    printf '   %-10s %-22s %2d runs, median %8.1f ms\n' "$stmt" "${tool_name[k]}" "${nruns[k]}" \
      "$(python3 -c 'import sys, statistics as s; print(s.median(float(x) for x in sys.argv[1].split(",")))' "${walls[k]%,}")" >&2
  done
  for ((k = 0; k < ntools; k++)); do unset "tool_cmd_$k"; done
  ntools=0 tool_name=() tool_pdf=()
}

# handbill's own report line gives the pages and the body size it chose.
hb_body_pt() { sed -n '/body [0-9.]*pt/{s/.*body \([0-9.]*\)pt.*/\1/p;q}' "$1"; }
hb_pages() { sed -n '/([0-9]* pages\{0,1\},/{s/.*(\([0-9]*\) pages\{0,1\},.*/\1/p;q}' "$1"; }

# Runs every enabled tool on statement NAME ($work/NAME.{txt,typ,html}).
bench_statement() {
  local name=$1 hb_input=$2 with_weasy=$3 with_nofit=$4
  add_tool handbill "$work/$name-handbill.pdf" \
    "$handbill" build "$hb_input" -o "$work/$name-handbill.pdf" --quiet
  if [ "$with_nofit" = 1 ]; then
    add_tool "handbill fit=none" "$work/$name-handbill-nofit.pdf" \
      "$handbill" build "$hb_input" --layout "$work/nofit.toml" -o "$work/$name-handbill-nofit.pdf" --quiet
  fi
  if has_peer typst; then
    add_tool typst "$work/$name-typst.pdf" "${typst_cmd[@]}" "$work/$name.typ" "$work/$name-typst.pdf"
  fi
  if [ "$with_weasy" = 1 ] && has_peer weasyprint; then
    add_tool weasyprint "$work/$name-weasyprint.pdf" "$venv/bin/weasyprint" "$work/$name.html" "$work/$name-weasyprint.pdf"
  fi
  run_tools "$name"
}

# The layout without fitting the body size to one page: a long statement
# then skips the trial settings at max-size and min-size that show it cannot
# fit on one page.
printf 'extends = "a4-leaflet"\n\n[body]\nfit = "none"\n' >"$work/nofit.toml"

# ---- statements ----------------------------------------------------------------

say "statements"
if [ ! -f "$reference" ]; then
  note "reference statement $reference not found: using samples/en-tenants.txt"
  reference=$repo/samples/en-tenants.txt
fi
[ -f "$long_sample" ] || die "$long_sample not found"

# (1) The reference statement: handbill reads the file itself; the peers get
# Typst and HTML made from it, at the body size handbill chose.
"$handbill" build "$reference" -o "$work/probe.pdf" 2>"$work/probe.log" || die "handbill failed on $reference: $(cat "$work/probe.log")"
ref_pt=$(hb_body_pt "$work/probe.log"); ref_pt=${ref_pt:-10}
python3 bench/sources.py plain "$reference" "$work" reference --body-pt "$ref_pt" --fonts "$fonts"
note "reference: $(basename "$reference"), $(wc -w <"$reference") words, handbill body ${ref_pt}pt"

# (2) Long statements: the long sample's paragraphs repeated. Calibrate the
# characters per handbill page on a ~16-page text first.
python3 bench/sources.py long "$long_sample" "$work" calibrate --chars 80000 --fonts "$fonts"
"$handbill" build "$work/calibrate.txt" -o "$work/probe.pdf" 2>"$work/probe.log" || die "handbill failed on the calibration text: $(tail -n 1 "$work/probe.log")"
cal_pages=$(hb_pages "$work/probe.log")
[ -n "$cal_pages" ] && [ "$cal_pages" -gt 0 ] || die "could not read handbill's page count from: $(cat "$work/probe.log")"
chars_per_page=$((80000 / cal_pages))
note "calibration: 80000 characters = $cal_pages handbill pages"
long_names=()
for p in $page_sizes; do
  name=long-${p}p
  python3 bench/sources.py long "$long_sample" "$work" "$name" --chars $((p * chars_per_page)) --fonts "$fonts"
  "$handbill" build "$work/$name.txt" -o "$work/probe.pdf" 2>"$work/probe.log" || die "handbill failed on $name"
  pt=$(hb_body_pt "$work/probe.log"); pt=${pt:-10}
  python3 bench/sources.py long "$long_sample" "$work" "$name" --chars $((p * chars_per_page)) --body-pt "$pt" --fonts "$fonts"
  note "$name: $(wc -w <"$work/$name.txt") words, $(hb_pages "$work/probe.log") handbill pages, body ${pt}pt"
  long_names+=("$name:$p")
done

# ---- runs ----------------------------------------------------------------------

say "running ($runs runs each after a warm-up, $runs_slow when a run takes over 5 s; the tools take turns)"
bench_statement reference "$reference" 1 0
for entry in "${long_names[@]}"; do
  name=${entry%%:*} p=${entry##*:}
  w=0
  for wp in $weasy_pages; do [ "$wp" = "$p" ] && w=1; done
  bench_statement "$name" "$work/$name.txt" "$w" 1
done
# What each tool pays before it sets a word: starting the process (and
# printing a version), or for the Python peers starting Python and
# importing the module. `true` is the floor of starting any process here.
add_tool "true" "$work/none.pdf" /bin/true
add_tool "handbill --version" "$work/none.pdf" "$handbill" --version
if has_peer typst && [ "$typst_note" != py ]; then
  add_tool "typst --version" "$work/none.pdf" "${typst_cmd[0]}" --version
fi
if has_peer typst && [ "$typst_note" = py ]; then
  add_tool "typst import only" "$work/none.pdf" "$venv/bin/python" -c 'import typst'
fi
if has_peer weasyprint; then
  add_tool "weasyprint import only" "$work/none.pdf" "$venv/bin/python" -c 'import weasyprint'
fi
if [ $ntools -gt 0 ]; then run_tools "(startup)"; fi

# ---- report --------------------------------------------------------------------

say "report"
mem_total=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo '?')
cpu=$(sed -n '/^model name/{s/^model name[[:space:]]*: //p;q}' /proc/cpuinfo 2>/dev/null || true)
echo "date:       $(date -u +%Y-%m-%d)"
echo "machine:    $(nproc) CPUs, ${cpu:-?}, $mem_total RAM, $(uname -sr)"
echo "handbill:   $hb_version"
has_peer typst && echo "typst:      $typst_version"
has_peer weasyprint && echo "weasyprint: $weasy_version"
echo "statements: reference = $(basename "$reference"); long-Np = paragraphs of samples/en-long-campaign.md repeated to about N handbill pages"
echo
python3 bench/table.py "$results"
