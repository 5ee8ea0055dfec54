#!/bin/sh
# Peak memory and time of the worst statements within handbill's limits,
# as a Markdown table for docs/benchmarks.md. The statements are made by
# tests/limits.rs, whose test judges the memory goal (64 MB + 30 × size);
# this script runs that test and prints the figures it measured.
set -eu
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
echo "| statement | size | peak memory | goal | time |"
echo "| --- | --- | --- | --- | --- |"
cargo test --release --quiet --test limits \
    the_worst_statements_within_the_limits_stay_within_the_memory_goal -- --nocapture 2>/dev/null \
    | grep '^| '
