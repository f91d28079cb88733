// SPDX-License-Identifier: MIT
// The texts guilt remind hands to other programs: the iCalendar file and the shells' hooks.
#include <fmt/format.h>

#include "guilt/core/remind.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

// One content line of RFC 5545: folded after 75 octets (a CRLF and a space), never inside a
// UTF-8 character, and ended with CRLF.
std::string ics_line(std::string_view line) {
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t len = 1;
        auto c = static_cast<unsigned char>(line[i]);
        if (c >= 0xf0)
            len = 4;
        else if (c >= 0xe0)
            len = 3;
        else if (c >= 0xc0)
            len = 2;
        if (width + len > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line.substr(i, len));
        width += len;
        i += len;
    }
    return out + "\r\n";
}

// TEXT of RFC 5545: backslash, semicolon, comma and newline escaped.
std::string ics_text(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch == '\n') {
            out += "\\n";
            continue;
        }
        if (ch == '\\' || ch == ';' || ch == ',') out += '\\';
        out += ch;
    }
    return out;
}

std::string ics_utc(std::int64_t utc) {
    auto d = civil_from_days(utc >= 0 ? utc / 86400 : (utc - 86399) / 86400);
    auto s = utc - days_from_civil(d) * 86400;
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", d.year, d.month, d.day, s / 3600,
                       s / 60 % 60, s % 60);
}

}  // namespace

std::string remind_ics(Date first, int remind_at, std::int64_t stamp) {
    auto start = fmt::format("{:04}{:02}{:02}T{:02}{:02}00", first.year, first.month, first.day,
                             remind_at / 3600, remind_at / 60 % 60);
    const std::string_view lines[] = {
        "BEGIN:VCALENDAR",    "VERSION:2.0",  "PRODID:-//guilt//guilt remind ics//EN",
        "CALSCALE:GREGORIAN", "BEGIN:VEVENT", "UID:guilt-remind-evening@guilt.localhost",
    };
    std::string out;
    for (auto l : lines)
        out += ics_line(l);
    out += ics_line("DTSTAMP:" + ics_utc(stamp));
    // Floating local time: the phone's own clock, wherever she is and across DST.
    out += ics_line("DTSTART:" + start);
    out += ics_line("DURATION:PT15M");
    out += ics_line("RRULE:FREQ=DAILY");
    out += ics_line("SUMMARY:" + ics_text("A few minutes for tonight's reflection (guilt)"));
    out += ics_line("DESCRIPTION:" +
                    ics_text("If you want them: a few quiet minutes with guilt reflect, to look "
                             "at the day kindly. Skipping an evening is fine; nothing counts it."));
    out += ics_line("TRANSP:TRANSPARENT");
    out += ics_line("BEGIN:VALARM");
    out += ics_line("ACTION:DISPLAY");
    out += ics_line("DESCRIPTION:" + ics_text("A few quiet minutes for yourself tonight?"));
    out += ics_line("TRIGGER:PT0M");
    out += ics_line("END:VALARM");
    out += ics_line("END:VEVENT");
    out += ics_line("END:VCALENDAR");
    return out;
}

std::optional<std::string> remind_hook(std::string_view shell, std::string_view guilt_path,
                                       int every_seconds) {
    if (shell == "bash" || shell == "zsh") {
        bool zsh = shell == "zsh";
        return fmt::format(
            R"SH(# guilt: a gentle reminder at the prompt on evenings you have not reflected yet.
# At most one check every {every} seconds (a timestamp in ~/.cache/guilt), so the prompt stays fast.
# Add to your ~/.{rc}:  eval "$(guilt remind hook {shell})"
{load}__guilt_remind() {{
    local rc=$?  # given back: a prompt that shows the last command's status still does
    [[ $- == *i* ]] || return $rc
    local dir="${{XDG_CACHE_HOME:-$HOME/.cache}}/guilt" last=0
    local stamp="$dir/remind-checked"
    [[ -r $stamp ]] && read -r last <"$stamp" 2>/dev/null
    [[ $last =~ ^[0-9]+$ ]] || last=0
    (( EPOCHSECONDS - last < {every} && EPOCHSECONDS >= last )) && return $rc
    [[ -d $dir ]] || mkdir -p -m 700 -- "$dir" 2>/dev/null
    [[ -e $stamp ]] || (umask 077; : >"$stamp") 2>/dev/null
    printf '%s\n' "$EPOCHSECONDS" >"$stamp" 2>/dev/null
    {guilt} remind check 2>/dev/null
    return $rc
}}
{install}
)SH",
            fmt::arg("every", every_seconds), fmt::arg("rc", zsh ? "zshrc" : "bashrc"),
            fmt::arg("shell", shell),
            fmt::arg("load", zsh ? "zmodload -F zsh/datetime p:EPOCHSECONDS\n" : ""),
            fmt::arg("guilt", single_quoted(guilt_path)),
            fmt::arg("install",
                     zsh ? "autoload -Uz add-zsh-hook\nadd-zsh-hook precmd __guilt_remind"
                         : "case \";${PROMPT_COMMAND:-};\" in\n    *\";__guilt_remind;\"*) "
                           ";;\n    *) PROMPT_COMMAND=\"__guilt_remind${PROMPT_COMMAND:+;"
                           "$PROMPT_COMMAND}\" ;;\nesac"));
    }
    if (shell != "fish") return std::nullopt;
    return fmt::format(
        R"SH(# guilt: a gentle reminder at the prompt on evenings you have not reflected yet.
# At most one check every {every} seconds (a timestamp in ~/.cache/guilt), so the prompt stays fast.
# Add to ~/.config/fish/config.fish:  guilt remind hook fish | source
function __guilt_remind --on-event fish_prompt
    status is-interactive; or return 0
    set -l dir "$HOME/.cache/guilt"
    set -q XDG_CACHE_HOME[1]; and set dir "$XDG_CACHE_HOME/guilt"
    set -l stamp "$dir/remind-checked"
    set -l now (date +%s)
    set -l last 0
    test -r "$stamp"; and read last <"$stamp" 2>/dev/null
    string match -qr '^[0-9]+$' -- "$last"; or set last 0
    if test "$now" -ge "$last"; and test (math "$now - $last") -lt {every}
        return 0
    end
    test -d "$dir"; or mkdir -p -m 700 -- "$dir" 2>/dev/null
    test -e "$stamp"; or command sh -c 'umask 077; : >"$1"' sh "$stamp" 2>/dev/null
    printf '%s\n' "$now" >"$stamp" 2>/dev/null
    {guilt} remind check 2>/dev/null
    return 0
end
)SH",
        fmt::arg("every", every_seconds), fmt::arg("guilt", fish_quoted(guilt_path)));
}

}  // namespace guilt
