// SPDX-License-Identifier: MIT
// guilt manpage (hidden): the manual, guilt(1), in roff, written from the command definitions
// (every command, its arguments, options and examples) so it cannot drift from them. The build
// runs it to make guilt.1.
#include <fmt/format.h>

#include <iostream>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/data_files.hpp"

namespace guilt {

namespace {

// The sections that are not about one command, already in roff.
constexpr const char* kWhen = R"(.SH WHEN
Options that take a time (\fB\-w\fR, \fB\-\-since\fR, \fB\-\-until\fR, \fB\-\-date\fR) read a
\fIWHEN\fR:
.TP
\fBnow\fR, \fBtoday\fR, \fByesterday\fR
a day alone means that day at 12:00
.TP
\fBmon\fR, \fBmonday\fR, \fBlast fri\fR
the latest such day that is not in the future
.TP
\fByesterday 6pm\fR, \fBmon 6:30pm\fR, \fBtoday 18:30\fR, \fB06:05\fR
a day followed by a time; a bare time is today
.TP
\fB20m ago\fR, \fB2h ago\fR, \fB3d ago\fR
relative to now
.TP
\fB2026\-11\-25\fR, \fB2026\-11\-25 18:00\fR, \fB2026\-11\-25T18:00\-05:00\fR
absolute, with or without a UTC offset
.PP
A \fIWHEN\fR in the future is refused. Entries keep the UTC offset in force when they were
captured, so a journal keeps its days when you travel.
)";

constexpr const char* kTail = R"(.SH FILES
.TP
.I ~/.local/share/guilt/journal.db
The journal: one SQLite file (mode 0600, in a folder of mode 0700), created on the first
write.
Entries, priorities, mottos, preferences (\fBguilt config\fR) and the record of which
reflection prompts were shown all live in it, so \fBguilt backup\fR carries everything.
.TP
\fIjournal.db\fR.v\fIN\fR.backup
A copy of the journal made before upgrading it from schema \fIN\fR.
.TP
\fIjournal.db\fR.before\-restore\-\fIYYYY\-MM\-DD\fR.backup
The journal as it was before \fBguilt restore\fR put a backup in its place.
.TP
\fIjournal.db\fR\-remind
What \fBguilt remind\fR remembers: the evening it last spoke, a snooze, a pause (mode 0600).
.TP
.IR ~/.config/guilt/strategies.json ", " ~/.config/guilt/lexicon.json
Your own wording of the prompts and your own cue words, used instead of the built\-in ones
(start from the files in the source's \fIdata/\fR folder); checked on load.
.SH ENVIRONMENT
.TP
.B GUILT_DB
The journal file, unless \fB\-\-db\fR is given.
.TP
.B XDG_DATA_HOME
Without \fB\-\-db\fR or \fBGUILT_DB\fR, the journal is \fI$XDG_DATA_HOME/guilt/journal.db\fR.
.TP
.B XDG_CONFIG_HOME
Where your own \fIstrategies.json\fR, \fIlexicon.json\fR and \fIconfig\fR (a line
\fBeditor = COMMAND\fR names your editor) are looked for:
\fI$XDG_CONFIG_HOME/guilt/\fR, else \fI~/.config/guilt/\fR.
.TP
.B GUILT_NOW
Fixes "now", as local ISO time (\fB2026\-11\-26T21:00\fR), for tests and reproducible runs.
.TP
.B TZ
The local zone: days, weeks and times are local to it.
.TP
.B NO_COLOR
When set, output is never coloured (as with \fB\-\-no\-color\fR).
.TP
.BR VISUAL ", " EDITOR
The editor for \fBguilt log\fR without text and \fBguilt edit\fR without options, unless
\fBeditor = COMMAND\fR in your \fIconfig\fR file names one. Never taken from the journal.
.SH EXIT STATUS
.TP
.B 0
Success.
.TP
.B 1
Failure: the journal cannot be read or written, is locked past the timeout, or the disk is
full; or \fBguilt doctor\fR found a problem.
.TP
.B 2
Invalid usage or input: an unknown command or option, a bad value, an unknown id.
.PP
A failed command changes nothing in the journal. Errors are one line on standard error,
starting with \fBguilt:\fR.
.SH EXAMPLES
.nf
.RS 4
guilt log "Sent Theo to school crying" \-i 7 \-t school \-k Theo
guilt run 5k 28:30 \-\-with moms \-\-felt 8
guilt engage 20m \-k Theo \-\-child\-led
guilt deposit 30m nap
guilt win "Theo and I baked bread, he beamed" \-k Theo
guilt reflect
guilt remind hook bash >> ~/.bashrc
guilt pause \-\-until "next monday" \-\-reason holiday
guilt week \-o week.html
guilt month \-\-year
guilt list \-\-type guilt \-\-since mon
guilt backup
guilt backup ~/Sync/ \-\-to age1...
guilt restore guilt\-backup\-2026\-11\-26.db.age \-i backup\-key.txt
.RE
.fi
.SH NOTES
guilt is a journal, not therapy.
If guilt comes with hopelessness or thoughts of harming yourself or anyone else, please talk to
a doctor or call a crisis line: your country's is under CRISIS LINES below, and guilt reflect
names it on a heavy night (from the country setting, else from your time zone).
.SH SEE ALSO
.BR sqlite3 (1),
.BR age (1),
.BR jrnl (1)
)";

// `text` for roff: backslashes and hyphens escaped, and a line that would start with a control
// character (. or ') made plain text.
std::string roff(std::string_view text) {
    std::string out;
    bool line_start = true;
    for (char c : text) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
        line_start = c == '\n';
    }
    return out;
}

std::string bold(std::string_view text) {
    return "\\fB" + roff(text) + "\\fR";
}
std::string italic(std::string_view text) {
    return "\\fI" + roff(text) + "\\fR";
}

// Prose lines filled as paragraphs; indented lines (examples, lists) kept as they are.
std::string footer_roff(std::string_view footer) {
    std::string out = ".PP\n";
    bool in_block = false;
    auto close_block = [&] {
        if (in_block) out += ".fi\n.RE\n";
        in_block = false;
    };
    for (std::size_t start = 0; start <= footer.size();) {
        auto end = footer.find('\n', start);
        if (end == std::string_view::npos) end = footer.size();
        auto line = footer.substr(start, end - start);
        start = end + 1;
        if (line.empty()) {
            close_block();
            out += ".PP\n";
        } else if (line.starts_with("  ")) {
            if (!in_block) out += ".RS 4\n.nf\n";
            in_block = true;
            out += roff(line.substr(2)) + "\n";
        } else {
            close_block();
            out += roff(line) + "\n";
        }
    }
    close_block();
    return out;
}

// Its description, and its values unless its value name shows them already.
std::string description_roff(const OptionModel& o) {
    auto text = o.description;
    if (!o.choices.empty() && !o.value_name.starts_with("{"))
        text += fmt::format(": {}", fmt::join(o.choices, ", "));
    return roff(text);
}

std::string option_roff(const OptionModel& o) {
    std::vector<std::string> names;
    for (const auto& name : o.names)
        names.push_back(bold(name));
    auto tag = fmt::format("{}", fmt::join(names, ", "));
    if (o.takes_value) tag += " " + italic(o.value_name);
    return fmt::format(".TP\n{}\n{}\n", tag, description_roff(o));
}

std::string command_roff(const CommandModel& cmd) {
    std::string synopsis = command_line(cmd);
    if (!cmd.commands.empty()) synopsis += " COMMAND";
    for (const auto& a : cmd.arguments)
        synopsis += " " + a.value_name;
    if (cmd.options.size() > 1) synopsis += " [OPTIONS]";  // more than --help
    std::string out = fmt::format(".SS \"{}\"\n{}\n", roff(synopsis), roff(cmd.description));
    for (const auto& a : cmd.arguments)
        out += fmt::format(".TP\n{}\n{}\n", italic(a.value_name), description_roff(a));
    for (const auto& o : cmd.options)
        if (o.names.back() != "--help") out += option_roff(o);
    if (!cmd.footer.empty()) out += footer_roff(cmd.footer);
    for (const auto& sub : cmd.commands)
        out += command_roff(sub);
    return out;
}

// Every crisis line guilt knows, from data/helplines.json, with the date it was checked.
std::string crisis_lines_roff() {
    const auto& all = helplines();
    auto out = fmt::format(
        ".SH CRISIS LINES\nChecked {}; numbers change, so check the service's own site. guilt "
        "config set country CODE chooses the line; without it, the country of your time zone.\n",
        all.checked);
    for (const auto& line : all.lines)
        out += fmt::format(".TP\n{}\n{}\n", line.country,
                           roff(fmt::format("{}: {} ({})", line.service, line.call, line.hours)));
    return out + fmt::format(".TP\nelsewhere\n{}\n", roff(helpline_words(all.international)));
}

std::string manual(const CommandModel& root) {
    // The app's description: "guilt: <what it is>.\n<more>".
    auto first_line = root.description.substr(0, root.description.find('\n'));
    auto what = first_line.substr(first_line.find(": ") + 2);
    if (what.ends_with('.')) what.pop_back();
    auto more = root.description.substr(first_line.size() + 1);

    // Ragged right and no hyphenation: long paths neither stretch their lines nor break.
    std::string out =
        fmt::format(".TH GUILT 1 \"\" \"guilt {}\" \"User Commands\"\n.ad l\n.nh\n", GUILT_VERSION);
    out += fmt::format(".SH NAME\nguilt \\- {}\n", roff(what));
    out +=
        ".SH SYNOPSIS\n.B guilt\n[\\fB\\-\\-db\\fR \\fIPATH\\fR] [\\fB\\-\\-json\\fR] "
        "[\\fB\\-\\-no\\-color\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]\n.br\n"
        ".B guilt\n\\fICOMMAND\\fR \\fB\\-\\-help\\fR\n";
    out += ".SH DESCRIPTION\n" + roff(more) + "\n";
    out +=
        ".PP\nData (lists, reports, \\fB\\-\\-json\\fR, exports) goes to standard output; "
        "confirmations, hints and errors go to standard error.\n";
    out += ".SH OPTIONS\nThese work before or after any command.\n";
    for (const auto& o : root.options)
        out += option_roff(o);
    out += ".SH COMMANDS\n";
    for (const auto& cmd : root.commands)
        out += command_roff(cmd);
    std::string_view tail = kTail;
    auto see_also = tail.find(".SH SEE ALSO");
    return out + kWhen + std::string(tail.substr(0, see_also)) + crisis_lines_roff() +
           std::string(tail.substr(see_also));
}

// guilt manpage: the manual of the command line `root` describes.
void run_manpage(const CommandModel& root) {
    std::cout << manual(root);
}

}  // namespace

void setup_manpage(Command& app, Context&) {
    auto cmd = app.subcommand("manpage", "Print the manual, guilt(1), in roff");
    cmd.group("");  // for the build, not for her: kept out of guilt --help
    cmd.footer(R"(Examples:
  guilt manpage > guilt.1 && man -l guilt.1)");
    cmd.callback([&app] { run_manpage(describe_cli(*app.cli())); });
}

}  // namespace guilt
