#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# guilt remind and guilt pause (issue 22): check's line and exit code across her evening
# (reflected, snoozed, paused, shown), the delivery texts read by real programs (systemd-analyze
# verify, Python's icalendar, cron's rules), notify through a notify-send on PATH, and status.
# "Now" is Thursday 2026-11-26 in New York unless a test says otherwise.
source "$(dirname "$0")/lib.sh"

# A journal with one entry (made at 12:00, before any evening).
one_entry() {
    GUILT_NOW=2026-11-26T12:00 guilt log "Forgot the lunchbox" 2>/dev/null || fail "cannot seed"
}

# A reflection recorded for the night of DAY (reflect shows its prompts: the night counts).
reflect_on() {
    GUILT_NOW="$1T22:00" guilt reflect --no-input --record >/dev/null 2>&1 ||
        fail "cannot reflect on $1"
}

t_check_is_silent_before_the_evening_and_due_inside_it() {
    one_entry
    GUILT_NOW=2026-11-26T20:59 expect_exit 1 guilt remind check
    expect_eq "" "$out" "stdout before 21:00"
    GUILT_NOW=2026-11-26T21:05 expect_exit 0 guilt remind check
    expect_contains "$out" "when you want it"
    expect_eq 1 "$(wc -l <<<"$out")" "lines"
    expect_eq "" "$err" "stderr"
}

t_check_reads_remind_at_and_the_day_boundary() {
    one_entry
    guilt config set remind-at 22:30 2>/dev/null || fail "config set remind-at"
    guilt config set day-boundary 2 2>/dev/null || fail "config set day-boundary"
    GUILT_NOW=2026-11-26T22:00 expect_exit 1 guilt remind check
    # 01:30 is still Thursday's evening (her day ends at 02:00), and it is due.
    GUILT_NOW=2026-11-27T01:30 expect_exit 0 guilt remind check
    GUILT_NOW=2026-11-27T02:30 expect_exit 1 guilt remind check
}

t_check_says_it_once_an_evening() {
    one_entry
    GUILT_NOW=2026-11-26T21:05 expect_exit 0 guilt remind check
    GUILT_NOW=2026-11-26T22:40 expect_exit 1 guilt remind check
    expect_eq "" "$out" "stdout the second time"
    expect_eq 600 "$(stat -c %a "$GUILT_DB-remind")" "the state file's mode"
    # Friday is a new evening.
    GUILT_NOW=2026-11-27T21:05 expect_exit 0 guilt remind check
}

t_check_is_silent_once_she_reflected_tonight() {
    seed_hard_night
    reflect_on 2026-11-26
    GUILT_NOW=2026-11-26T23:00 expect_exit 1 guilt remind check
    expect_eq "" "$out" "stdout"
}

t_the_line_counts_what_she_did_never_what_she_missed() {
    seed_hard_night
    reflect_on 2026-11-24
    reflect_on 2026-11-25
    GUILT_NOW=2026-11-26T21:30 expect_exit 0 guilt remind check
    expect_contains "$out" "2 evenings reflected this week - want to add tonight?"
    for word in missed skipped streak only behind "should"; do
        expect_not_contains "${out,,}" "$word"
    done
}

t_snooze_holds_over_a_restart_and_ends() {
    one_entry
    GUILT_NOW=2026-11-26T21:00 expect_exit 0 guilt remind snooze 1h
    expect_contains "$err" "Snoozed until 2026-11-26T22:00"
    # Another process (a new shell, a reboot): still snoozed.
    GUILT_NOW=2026-11-26T21:30 expect_exit 1 guilt remind check
    GUILT_NOW=2026-11-26T22:01 expect_exit 0 guilt remind check
}

t_snooze_takes_words_and_refuses_junk() {
    one_entry
    GUILT_NOW=2026-11-26T21:00 expect_exit 0 guilt remind snooze half an hour
    GUILT_NOW=2026-11-26T21:20 expect_exit 1 guilt remind check
    GUILT_NOW=2026-11-26T21:31 expect_exit 0 guilt remind check
    local before
    before=$(fingerprint "$GUILT_DB-remind")
    expect_exit 2 guilt remind snooze soon
    expect_contains "$err" "guilt: DURATION"
    expect_contains "$err" "soon"
    expect_eq "$before" "$(fingerprint "$GUILT_DB-remind")" "the state after a refusal"
}

t_pause_silences_its_evenings_then_ends() {
    one_entry
    GUILT_NOW=2026-11-26T12:00 expect_exit 0 guilt pause --until 2026-11-28 --reason "Grandma's"
    expect_contains "$err" "Paused through"
    GUILT_NOW=2026-11-26T21:30 expect_exit 1 guilt remind check
    GUILT_NOW=2026-11-28T21:30 expect_exit 1 guilt remind check
    GUILT_NOW=2026-11-29T21:30 expect_exit 0 guilt remind check
    GUILT_NOW=2026-11-27T12:00 expect_exit 0 guilt pause --end
    GUILT_NOW=2026-11-27T21:30 expect_exit 0 guilt remind check
}

t_pause_refuses_a_past_day_and_no_date() {
    one_entry
    expect_exit 2 guilt pause --until 2026-11-20
    expect_contains "$err" "--until"
    expect_contains "$err" "2026-11-20"
    expect_exit 2 guilt pause
    [[ ! -e $GUILT_DB-remind ]] || fail "a refused pause wrote the state"
}

t_a_paused_evening_is_not_missed_in_the_week() {
    seed_hard_night
    reflect_on 2026-11-24
    GUILT_NOW=2026-11-25T08:00 expect_exit 0 guilt pause --until 2026-11-25
    GUILT_NOW=2026-11-26T21:30 expect_exit 0 guilt remind check
    expect_contains "$out" "1 evening reflected this week"
    GUILT_NOW=2026-11-26T21:30 expect_exit 0 guilt --json week
    expect_not_contains "${out,,}" "missed"
}

t_a_missing_journal_is_never_created() {
    expect_exit 1 guilt remind check
    expect_eq "" "$out$err" "output"
    expect_exit 0 guilt remind notify
    [[ ! -e $GUILT_DB && ! -e $GUILT_DB-remind && ! -d ${GUILT_DB%/*} ]] ||
        fail "remind made a journal or its folder"
}

t_status_names_the_window_the_next_nudge_and_the_pause() {
    one_entry
    GUILT_NOW=2026-11-26T12:00 guilt pause --until 2026-11-27 --reason "away" 2>/dev/null
    GUILT_NOW=2026-11-26T12:00 expect_exit 0 guilt --json remind status
    expect_jq '.remind_at' '"21:00"'
    expect_jq '.due' 'false'
    expect_jq '.paused_until' '"2026-11-27"'
    expect_jq '.pause_reason' '"away"'
    expect_jq '.next' '"2026-11-28T21:00:00-05:00"'
    expect_jq '.last_shown' 'null'
    GUILT_NOW=2026-11-26T12:00 expect_exit 0 guilt remind status
    expect_contains "$out" "21:00 to 04:00"
    expect_contains "$out" "until 2026-11-27"
}

# A notify-send on PATH that writes down each argument on its own line.
fake_notify_send() {
    mkdir -p "$TEST_DIR/bin"
    cat >"$TEST_DIR/bin/notify-send" <<'SH'
#!/bin/sh
for a in "$@"; do printf '%s\n' "$a"; done >>"$NOTIFIED"
SH
    chmod +x "$TEST_DIR/bin/notify-send"
    export NOTIFIED=$TEST_DIR/notified PATH=$TEST_DIR/bin:$PATH
}

t_notify_uses_notify_send_only_with_a_session_bus() {
    one_entry
    fake_notify_send
    unset DBUS_SESSION_BUS_ADDRESS
    export XDG_RUNTIME_DIR=$TEST_DIR/run
    GUILT_NOW=2026-11-26T21:05 expect_exit 0 guilt remind notify
    [[ ! -e $NOTIFIED ]] || fail "notify-send ran without a session bus"
    # Not shown, so the prompt's check still says it.
    DBUS_SESSION_BUS_ADDRESS=unix:path=$TEST_DIR/bus GUILT_NOW=2026-11-26T21:05 \
        expect_exit 0 guilt remind notify
    expect_contains "$(<"$NOTIFIED")" $'guilt\nA few quiet minutes'
    DBUS_SESSION_BUS_ADDRESS=unix:path=$TEST_DIR/bus GUILT_NOW=2026-11-26T21:30 \
        expect_exit 0 guilt remind notify
    expect_eq 1 "$(grep -c '^guilt$' "$NOTIFIED")" "notifications (once an evening)"
    GUILT_NOW=2026-11-26T21:30 expect_exit 1 guilt remind check
}

# The unit files of `remind timer install` under a temporary XDG_CONFIG_HOME.
# Her new evening reaches the timer she installed: config set remind-at rewrites guilt's own
# timer for this journal (and says how to load it), never another journal's.
t_a_new_remind_at_rewrites_the_installed_timer() {
    one_entry
    local units=$XDG_CONFIG_HOME/systemd/user
    expect_exit 0 guilt remind timer install
    expect_contains "$(<"$units/guilt-remind.timer")" "OnCalendar=*-*-* 21:00:00"
    expect_exit 0 guilt config set remind-at 20:15
    expect_contains "$err" "Updated the reminder's timer ($units/guilt-remind.timer)"
    expect_contains "$err" "systemctl --user daemon-reload"
    expect_contains "$(<"$units/guilt-remind.timer")" "OnCalendar=*-*-* 20:15:00"
    expect_exit 0 guilt remind timer --print
    expect_eq "$(sed -n '2,/^# guilt-remind.service/p' <<<"$out" | sed '$d')" \
        "$(<"$units/guilt-remind.timer")" "the installed timer against --print"
    # Another journal's evening leaves this journal's timer alone.
    local service
    service=$(<"$units/guilt-remind.service")
    GUILT_DB=$TEST_DIR/other/journal.db expect_exit 0 guilt config set remind-at 19:00
    expect_not_contains "$err" "timer"
    expect_contains "$(<"$units/guilt-remind.timer")" "OnCalendar=*-*-* 20:15:00"
    expect_eq "$service" "$(<"$units/guilt-remind.service")" "the service unit"
    # Without a timer installed, nothing is made.
    expect_exit 0 guilt remind timer uninstall
    expect_exit 0 guilt config set remind-at 21:45
    expect_not_contains "$err" "timer"
    [[ ! -e $units/guilt-remind.timer ]] || fail "config set made a timer"
}

t_timer_units_pass_systemd_analyze_verify() {
    need systemd-analyze
    one_entry
    guilt config set remind-at 21:30 2>/dev/null
    export GUILT_DB="$TEST_DIR/my journal's \$HOME %h \"quoted\"/journal.db"
    mkdir -p "${GUILT_DB%/*}" && copy_journal "$TEST_DIR/journal/journal.db" "$GUILT_DB"
    expect_exit 0 guilt remind timer install
    local units=$XDG_CONFIG_HOME/systemd/user
    expect_contains "$(<"$units/guilt-remind.timer")" "OnCalendar=*-*-* 21:30:00"
    expect_contains "$(<"$units/guilt-remind.timer")" "Persistent=true"
    expect_contains "$(<"$units/guilt-remind.service")" "remind notify"
    # systemd reads the units as it would run them: the binary exists and the quoting holds.
    export XDG_RUNTIME_DIR=$TEST_DIR/run
    mkdir -m 700 "$XDG_RUNTIME_DIR"
    out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze --user verify "$units/guilt-remind.timer" \
        "$units/guilt-remind.service" 2>&1) || fail "systemd-analyze verify: $out"
    expect_not_contains "$out" "guilt-remind"
    # The journal's path reaches the service unchanged, as systemd reads it.
    out=$(systemd-analyze --user cat-config "$units/guilt-remind.service" 2>/dev/null ||
        cat "$units/guilt-remind.service")
    expect_contains "$out" 'Environment="GUILT_DB='
    expect_contains "$out" '$$HOME %%h \"quoted\"'
    expect_exit 0 guilt remind timer uninstall
    [[ ! -e $units/guilt-remind.timer && ! -e $units/guilt-remind.service ]] ||
        fail "uninstall left a unit"
}

t_timer_print_writes_nothing() {
    one_entry
    expect_exit 0 guilt remind timer --print
    expect_contains "$out" "[Timer]"
    expect_contains "$out" "ExecStart=\"$GUILT_BIN\" remind notify"
    [[ ! -e $XDG_CONFIG_HOME/systemd ]] || fail "--print wrote units"
    expect_exit 2 guilt remind timer
}

t_ics_is_read_by_python_icalendar() {
    left_to_release_pass icalendar
    if ! "$PYTHON" -c 'import icalendar' 2>/dev/null; then
        [[ ${CI:-} == true ]] && fail "python3-icalendar is missing, and make test installs it"
        skip "python3-icalendar is not installed (make test installs it)"
    fi
    one_entry
    guilt config set remind-at 21:15 2>/dev/null
    expect_exit 0 guilt remind ics -o evening.ics
    expect_eq 600 "$(stat -c %a evening.ics)" "mode"
    grep -qv $'\r$' evening.ics && fail "a line of the .ics does not end with CRLF"
    awk '{ if (length($0) > 76) exit 1 }' evening.ics || fail "a line longer than 75 octets"
    out=$("$PYTHON" - evening.ics <<'PY' 2>&1
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = [c for c in cal.walk('VEVENT')]
assert len(events) == 1, events
e = events[0]
start = e.decoded('DTSTART')
print(start.strftime('%H:%M'), start.tzinfo, dict(e['RRULE']), bool(e.get('UID')),
      bool(e.get('DTSTAMP')), len(e.walk('VALARM')), str(e['SUMMARY']))
PY
    ) || fail "icalendar cannot read the file: $out"
    expect_contains "$out" "21:15 None {'FREQ': ['DAILY']} True True 1"
    expect_contains "$out" "reflection"
}

t_cron_line_runs_notify_at_remind_at() {
    one_entry
    guilt config set remind-at 20:45 2>/dev/null
    export GUILT_DB="$TEST_DIR/50% of me's/journal.db"
    mkdir -p "${GUILT_DB%/*}" && copy_journal "$TEST_DIR/journal/journal.db" "$GUILT_DB"
    expect_exit 0 guilt remind cron
    local line
    line=$(grep -v '^#' <<<"$out")
    expect_contains "$line" "45 20 * * * "
    expect_contains "$line" "50\\% of me'\\''s"
    # What cron would run (its % unescaped) is the right command in sh.
    local cmd=${line#45 20 \* \* \* }
    cmd=${cmd//\\%/%}
    cmd=${cmd/remind notify/remind check}
    GUILT_NOW=2026-11-26T21:00 sh -c "$cmd" >"$TEST_DIR/cron.out" || fail "cron's command: $cmd"
    expect_contains "$(<"$TEST_DIR/cron.out")" "when you want it"
}

t_remind_at_is_checked_as_a_time() {
    expect_exit 2 guilt config set remind-at 25:00
    expect_contains "$err" "remind-at must be"
    expect_contains "$err" "25:00"
    expect_exit 0 guilt config set remind-at 9:05
    expect_exit 0 guilt config get remind-at
    expect_eq "09:05" "$out"
}

t_json_gives_one_document_whatever_the_answer() {
    one_entry
    GUILT_NOW=2026-11-26T15:00 expect_exit 1 guilt --json remind check
    expect_jq '[.due, .line, .state]' '[false,null,"outside the evening"]'
    GUILT_NOW=2026-11-26T21:05 expect_exit 0 guilt --json remind check
    expect_jq '.due' 'true'
    expect_contains "$(jq -r .line <<<"$out")" "when you want it"
    GUILT_NOW=2026-11-26T21:10 expect_exit 0 guilt --json remind snooze 20m
    expect_jq '.snoozed_until' '"2026-11-26T21:30:00-05:00"'
    GUILT_NOW=2026-11-26T21:10 expect_exit 0 guilt --json pause --until 2026-11-27
    expect_jq '.paused_until' '"2026-11-27"'
}

run_tests
