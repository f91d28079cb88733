# SPDX-License-Identifier: MIT
# Escape codes planted in the journal by another program (issue 19): a kid name, a tag or a text
# written straight into the file with sqlite3, holding ESC [ ... sequences or a bidi override,
# is shown escaped (\x1b, \u202e) by every text view and file: `guilt kids`, `week --format md`,
# `export --format csv`, as `guilt list` and `show` already do. (`guilt complete` does not offer
# such names: completion_hostile_test.sh.)
source "$(dirname "$0")/lib.sh"

ESC=$'\e'
RLO=$'\u202e'

# One guilt moment this week naming Red, tagged plain, whose name, tag and text then get escape
# codes planted by sqlite3: a colour, a window title, a bidi override.
plant_escapes() {
    guilt log "Quiet evening" -k Red -t plain -w "2026-11-25 19:00" 2>/dev/null ||
        fail "cannot seed"
    sqlite3 "$GUILT_DB" "
        UPDATE kids SET name = 'Red' || char(27) || '[31mX' WHERE name = 'Red';
        UPDATE tags SET tag = 'plain' || char(27) || ']0;owned' || char(7) WHERE tag = 'plain';
        UPDATE entries SET text = 'Quiet ' || char(27) || '[2J evening ' || char(8238) || 'txt.exe'
            WHERE text = 'Quiet evening';" || fail "cannot plant"
}

# $out holds no ESC, BEL or bidi override, and shows the ESC escaped.
expect_escaped() {
    local what=$1
    expect_not_contains "$out" "$ESC" "$what (an ESC byte)"
    expect_not_contains "$out" $'\a' "$what (a BEL byte)"
    expect_not_contains "$out" "$RLO" "$what (a bidi override)"
    expect_contains "$out" '\x1b' "$what (the ESC shown escaped)"
}

t_kids_shows_a_planted_name_escaped() {
    plant_escapes
    expect_exit 0 guilt kids
    expect_escaped "guilt kids"
    expect_contains "$out" 'Red\x1b[31mX' "guilt kids"
}

t_week_markdown_shows_planted_names_and_text_escaped() {
    plant_escapes
    expect_exit 0 guilt week --format md
    expect_escaped "week --format md"
    expect_contains "$out" '\u202e' "week --format md (the bidi override shown escaped)"
    expect_exit 0 guilt week --format md -o week.md
    out=$(<week.md)
    expect_escaped "week.md"
}

t_csv_export_shows_planted_names_and_text_escaped() {
    plant_escapes
    expect_exit 0 guilt export --format csv
    expect_escaped "export --format csv"
    expect_contains "$out" 'Quiet \x1b[2J evening \u202etxt.exe' "the text column"
    expect_contains "$out" 'Red\x1b[31mX' "the kids column"
}

t_markdown_export_shows_planted_text_escaped() {
    plant_escapes
    expect_exit 0 guilt export --format md
    expect_escaped "export --format md"
}

run_tests
