#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One stage of `make test`: runs COMMAND, then says how long it took, on the terminal and in LOG
# (make test prints LOG at the end, so the slowest stage is plain to see).
#
#   bash tests/stage.sh LOG NAME COMMAND...
set -u
log=$1 name=$2
shift 2
start=$(date +%s)
"$@"
rc=$?
line=$(printf '%-34s %5d s' "$name" "$(($(date +%s) - start))")
((rc == 0)) || line+="  (failed: exit $rc)"
echo "stage: $line"
echo "$line" >>"$log"
exit "$rc"
