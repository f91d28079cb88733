# SPDX-License-Identifier: MIT
# Issue 19: undo after a "did it help?" answer. The undo log's steps for the follow-ups table
# were read as if they named their entry in a key they do not have ("malformed JSON", exit 1,
# for ever); an undo log that cannot be read is reported by guilt doctor, and --fix forgets
# what cannot be read so that undo goes on with the rest.
source "$(dirname "$0")/lib.sh"

# Reflection #2 for Wednesday, imported, after guilt moment #1 was logged and deleted by mistake.
reflection_after_a_mistaken_delete() {
    guilt log "Missed the school play" -i 7 2>/dev/null || fail "cannot log"
    guilt delete 1 --yes 2>/dev/null || fail "cannot delete"
    cat >reflection.json <<'JSON'
{"format": "guilt", "version": 1, "exported_at": "2026-11-25T22:00:00-05:00",
 "entries": [{"uuid": "0b7c3f3e-8f0e-4c57-9a59-2f1f8d1c0a01", "type": "reflection",
              "at": "2026-11-25T21:30:00-05:00", "date": "2026-11-25", "strategy": "facts",
              "prompt": "What are the facts?", "answer": "I was there for most of it"}]}
JSON
    guilt import reflection.json 2>/dev/null || fail "cannot import the reflection"
}

t_undo_reverts_a_helped_answer_then_brings_back_an_earlier_delete() {
    reflection_after_a_mistaken_delete
    expect_exit 0 guilt helped 2 yes
    expect_exit 0 guilt helped 2 no
    expect_exit 0 guilt undo
    expect_eq "yes" "$(sqlite3 "$GUILT_DB" "SELECT answer FROM followups WHERE reflection_id = 2")" \
        "the answer after undoing the second one"
    expect_exit 0 guilt undo
    expect_eq "0" "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM followups")" \
        "follow-ups after undoing the first answer"
    expect_exit 0 guilt undo
    expect_contains "$err" "reflection #2"
    expect_exit 0 guilt undo
    expect_contains "$err" "it is back"
    expect_exit 0 guilt show 1
    expect_contains "$out" "Missed the school play"
}

t_undo_after_importing_an_export_that_carries_follow_ups() {
    reflection_after_a_mistaken_delete
    guilt helped 2 little 2>/dev/null || fail "cannot answer"
    guilt export -o backup.json 2>/dev/null || fail "cannot export"
    export GUILT_DB=$TEST_DIR/other/journal.db
    guilt log "Something new" 2>/dev/null || fail "cannot log in the other journal"
    expect_exit 0 guilt import backup.json
    expect_eq "1" "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM followups")" "follow-ups imported"
    expect_exit 0 guilt undo
    expect_eq "0" "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM followups")" "follow-ups after undo"
    list_json
    expect_eq "1" "$(ids)" "entries after undoing the import"
}

t_doctor_reports_an_undo_log_it_cannot_read_and_fix_lets_undo_go_on() {
    reflection_after_a_mistaken_delete
    guilt helped 2 yes 2>/dev/null || fail "cannot answer"
    # Another program spoils the record of the latest change.
    sqlite3 "$GUILT_DB" "UPDATE undo_steps SET row = 'not json' WHERE tbl = 'followups'; \
        UPDATE undo_steps SET key = 'not json', op = 'updated' WHERE tbl = 'followups'"
    expect_exit 1 guilt undo
    expect_error_line "undo log" "guilt doctor --fix"
    expect_exit 1 guilt doctor
    expect_contains "$out" "undo log"
    expect_contains "$out" "guilt doctor --fix"
    expect_exit 0 guilt doctor --fix
    expect_exit 0 guilt doctor
    # The spoiled change is forgotten; the ones before it are undone as before.
    expect_exit 0 guilt undo
    expect_contains "$err" "reflection #2"
    expect_exit 0 guilt undo
    expect_contains "$err" "it is back"
}

run_tests
