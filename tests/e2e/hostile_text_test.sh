# SPDX-License-Identifier: MIT
# What reaches her terminal, and entries too big to handle: C1 controls, CR and bidi controls
# are refused on input like C0; anything unprintable planted in the journal by another program
# is shown escaped by list, show, week and reflect, and reported by doctor; tags and kids per
# entry are capped, and a flood of names is refused at once instead of taking minutes.
source "$(dirname "$0")/lib.sh"

# The characters, as UTF-8 bytes (bash's \u needs a UTF-8 locale).
NEL=$'\xc2\x85'  # U+0085, a C1 control
RLO=$'\xe2\x80\xae'  # U+202E, right-to-left override
LRI=$'\xe2\x81\xa6'  # U+2066, left-to-right isolate
ESC=$'\x1b'

t_c1_cr_and_bidi_controls_are_refused_naming_the_field_and_the_code_point() {
    guilt log "kept" 2>/dev/null || fail "cannot log"
    refused 2 "TEXT" "U+0085" -- guilt log "next${NEL}line"
    refused 2 "TEXT" "U+000D" -- guilt log $'carriage\rreturn'
    refused 2 "TEXT" "U+202E" -- guilt log "invoice${RLO}fdp.exe"
    refused 2 "TEXT" "U+2066" -- guilt log "isolate${LRI}here"
    refused 2 "--note" "U+202E" -- guilt run 5k --note "x${RLO}y"
    refused 2 "--kid" "U+0085" -- guilt log "x" -k "Sam${NEL}"
    refused 2 "TITLE" "U+202E" -- guilt priority add "Kids${RLO}"
    # A right-to-left mark is a letter's companion, not a control: still kept.
    expect_exit 0 guilt log $'Hebrew \xe2\x80\x8f mark'
}

t_an_import_with_a_bidi_override_is_refused_with_its_path() {
    guilt log "one" 2>/dev/null || fail "cannot log"
    guilt export -o all.json 2>/dev/null || fail "cannot export"
    export GUILT_DB=$TEST_DIR/other/journal.db
    jq --arg t "evil${RLO}txt" '.entries[0].text = $t' all.json >bidi.json
    refused 2 "bidi.json: /entries/0/text" "U+202E" -- guilt import bidi.json
    [[ ! -e $GUILT_DB ]] || fail "a refused import created the journal"
}

# Plants ESC, CR, a C1 control and a bidi override in entry 1 with sqlite3, as another program
# could.
plant() {
    guilt log "Missed pickup #school @Sam" -i 7 -w "2026-11-26 08:00" 2>/dev/null ||
        fail "cannot log"
    sqlite3 "$GUILT_DB" "UPDATE entries SET text = 'red' || char(27) || '[31m alert' || char(13) ||
        'over' || char(133) || 'written' || char(8238) || 'txt' WHERE id = (SELECT max(id) FROM entries);
        UPDATE kids SET name = 'Sam' || char(27) || ']0;pwned' || char(7) WHERE name = 'Sam';" ||
        fail "cannot plant"
}

# The output holds no raw ESC, CR, C1 or bidi override, and shows them escaped.
expect_escaped() {
    local what=$1
    [[ $out != *"$ESC"* && $out != *$'\r'* && $out != *"$NEL"* && $out != *"$RLO"* ]] ||
        fail "$what prints control characters raw: $(printf '%s' "$out" | od -c | head -5)"
    expect_contains "$out" '\x1b[31m' "$what"
}

t_planted_control_characters_are_shown_escaped() {
    plant
    expect_exit 0 guilt list
    expect_escaped "list"
    expect_contains "$out" '\x0dover\u0085written\u202etxt' "list"
    expect_exit 0 guilt show 1
    expect_escaped "show"
    expect_contains "$out" 'Sam\x1b]0;pwned\x07' "show (the kid's name)"
    expect_exit 0 guilt week
    expect_escaped "week"
    expect_exit 0 guilt reflect --no-input --all --date 2026-11-26
    [[ $out != *"$ESC"* && $out != *"$RLO"* ]] || fail "reflect prints control characters raw"
    # The data itself is left as it is: JSON carries it exactly, escaped the JSON way.
    expect_exit 0 guilt --json show 1
    expect_jq '.text | contains("\u001b[31m")' 'true'
}

t_doctor_reports_entries_holding_control_characters() {
    guilt log "fine" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt doctor
    plant
    expect_exit 1 guilt doctor
    expect_contains "$out" "control or bidi characters"
    expect_contains "$out" "#2"
    expect_contains "$out" "guilt edit"
    expect_not_contains "$out" "#1 "
}

t_an_entry_holds_at_most_32_tags_and_32_kids() {
    local tags=() words="" i
    for i in $(seq 1 33); do tags+=(-t "tag$i"); done
    refused 2 "--tag" "33" "32" -- guilt log "too many" "${tags[@]}"
    expect_exit 0 guilt log "just enough" "${tags[@]:2}"
    for i in $(seq 1 33); do words+=" @Kid$i"; done
    refused 2 "kids" "33" "32" -- guilt log "so many kids$words"
    # And on import, naming the entry's path.
    "$PYTHON" - many.json <<'PY'
import json, sys
json.dump({"format": "guilt", "version": 1, "entries": [
    {"uuid": "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60", "type": "guilt",
     "at": "2026-11-25T18:05:00-05:00", "text": "x", "tags": [],
     "kids": ["Kid%d" % i for i in range(40)]}]}, open(sys.argv[1], "w"))
PY
    refused 2 "/entries/0/kids" "40" "32" -- guilt import many.json
}

t_thirty_thousand_kids_are_refused_at_once() {
    local kids=() i start=$SECONDS
    for i in $(seq 1 30000); do kids+=(-k "K$i"); done
    run_cmd 2 guilt log "so many" "${kids[@]}"
    expect_error_line "kids" "30000" "32"
    "$PYTHON" -c 'print(" ".join("@K%d" % i for i in range(8000)))' >kids.txt
    run_cmd 2 guilt log "$(<kids.txt)"
    expect_error_line "kids" "8000" "32"
    ((SECONDS - start < 10)) || fail "refusing the kids took $((SECONDS - start)) s"
}

run_tests
