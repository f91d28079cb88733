// SPDX-License-Identifier: MIT
// guilt reflect at the terminal: the follow-ups, then the answers, each in its own transaction.
#include "reflect_session.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>

#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/followup.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

constexpr std::size_t kQuotedAnswerChars = 60;  // of her earlier answer, in the follow-up
constexpr std::string_view kPromptMark = "   > ";

// "Last night", "On Tuesday" for a night of the week before, else "On 2026-11-17".
std::string when_it_was(Date night, Date day) {
    auto back = days_from_civil(day) - days_from_civil(night);
    if (back == 1) return "Last night";
    if (back < 7) return fmt::format("On {}", weekday_name(night));
    return fmt::format("On {}", format_date(night));
}

// Her private state folder, $XDG_STATE_HOME/guilt, else ~/.local/state/guilt; empty when
// neither variable is set.
std::string state_dir() {
    if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return std::string(x) + "/guilt";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/state/guilt";
    return "";
}

// Makes `dir` and the folders above it that are missing, each private (0700).
bool make_private_folders(const std::string& dir) {
    for (auto slash = dir.find('/', 1);; slash = dir.find('/', slash + 1)) {
        auto part = dir.substr(0, slash);
        if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
        if (slash == std::string::npos) return true;
    }
}

// Keeps the answer `e` that the journal could not take in a private (0600) file of her state
// folder, as a guilt JSON export of that one reflection, so that `guilt import FILE` adds it.
// Returns the file, or empty when it could not be written either.
std::string keep_unsaved_answer(Entry e, Timestamp now) {
    auto dir = state_dir();
    if (dir.empty() || !make_private_folders(dir)) return "";
    e.uuid = make_uuid();
    nlohmann::ordered_json doc{{"format", "guilt"},
                               {"version", 1},
                               {"exported_at", format_iso(now)},
                               {"entries", {entry_to_json(e, false)}}};
    auto text = doc.dump(2) + "\n";
    auto path = fmt::format("{}/unsaved-answer-{}-XXXXXX.json", dir, e.date);
    int fd = ::mkstemps(path.data(), 5);  // mode 0600
    if (fd < 0) return "";
    bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                   ::fsync(fd) == 0;
    ::close(fd);
    if (written) return path;
    ::unlink(path.c_str());
    return "";
}

}  // namespace

Date tonight(Context& ctx) {
    return ctx.today();
}

std::vector<Entry> followups_due(Context& ctx, Date day) {
    auto& store = ctx.store();
    auto recent = store.reflections_for_days(add_days(day, -kFollowUpDays), add_days(day, -1));
    std::set<std::int64_t> followed_up;
    for (const auto& e : recent)
        if (store.followup_of(e.id)) followed_up.insert(e.id);
    std::vector<Entry> out;
    for (const Entry* e : due_followups(day, recent, followed_up))
        out.push_back(*e);
    return out;
}

nlohmann::ordered_json followups_json(const std::vector<Entry>& due) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& e : due)
        out.push_back({{"reflection_id", e.id}, {"strategy", e.strategy}, {"asked_for", e.date}});
    return out;
}

AnswerSession::AnswerSession(Context& ctx, Date day) : m_ctx(ctx), m_day(day) {}

void AnswerSession::ask_followups(const std::vector<Entry>& due, const StrategyBook& book) {
    for (const auto& e : due) {
        auto text = book.find(e.strategy);
        auto title = text != book.end() ? text->second.title : e.strategy;
        // Wrapped by guilt to the terminal's width: the terminal would break it mid-word.
        auto width = static_cast<std::size_t>(std::max(40, terminal_width(stderr)));
        auto question = "\n" +
                        wrap(fmt::format("{} you looked at \"{}\" and wrote \"{}\". Did it help?",
                                         when_it_was(parse_date(e.date, "reflection date"), m_day),
                                         title, shorten(e.text, kQuotedAnswerChars)),
                             width) +
                        "   [y] yes  [l] a little  [n] no  [s] skip: ";
        std::cout << std::flush;
        auto key = m_editor.read_key(question, "ylns\n");
        if (!key) {
            std::cerr << '\n';
            return;
        }
        FollowUp f;
        f.reflection_id = e.id;
        f.night = m_day;
        f.at = m_ctx.now();
        std::string_view said = "skipped";
        switch (*key) {
            case 'y':
                f.answer = Helped::yes;
                break;
            case 'l':
                f.answer = Helped::little;
                break;
            case 'n':
                f.answer = Helped::no;
                break;
            default:
                break;
        }
        if (f.answer) said = *f.answer == Helped::little ? "a little" : to_string(*f.answer);
        std::cerr << said << '\n';
        auto& store = m_ctx.store(Store::Access::write);
        store.write([&] { store.set_followup(f); });
    }
}

bool AnswerSession::ask(const Prompt& p, const std::vector<std::string>& shown) {
    auto& store = m_ctx.store(Store::Access::write);
    store.write([&] { store.record_showings(m_day, shown); });
    std::string typed;  // what she typed that was refused, to edit rather than type again
    for (;;) {
        std::cout << std::flush;
        auto line = m_editor.read_line(kPromptMark, typed);
        if (!line) return false;
        auto answer = std::string(trim(*line));
        if (answer.empty()) return true;
        try {
            if (auto c = first_control_character(answer))
                throw UsageError(fmt::format("the answer holds a control character ({})",
                                             control_character_name(*c)));
            check_text(answer, "the answer");
        } catch (const UsageError& e) {
            // Only this answer is refused: the line comes back with her words, without the
            // control characters, for her to finish, and nothing else is lost.
            std::cerr << fmt::format(
                "guilt: {}; it was not saved: here it is again, without it, to edit and send\n",
                e.what());
            typed = without_control_characters(answer);
            continue;
        }
        Entry e;
        e.type = EntryType::reflection;
        e.at = m_ctx.now();
        e.date = format_date(m_day);
        e.strategy = p.strategy;
        e.prompt = p.message + " " + p.question;
        e.text = std::move(answer);
        save_answer(e);
        ++m_answers;
        return true;
    }
}

void AnswerSession::save_answer(Entry& e) {
    try {
        auto& store = m_ctx.store(Store::Access::write);
        store.write([&] { store.add(e); });
    } catch (const StoreError& error) {
        // The journal would not take it (locked past the timeout, read-only, a full disk): her
        // words are kept in a file of their own, and the session ends saying where.
        auto kept = keep_unsaved_answer(e, m_ctx.now());
        if (kept.empty())
            throw StoreError(
                fmt::format("{}; your answer was not saved, and could not be kept in a "
                            "file either; here it is: {}",
                            error.what(), e.text));
        throw StoreError(fmt::format("{}; your answer is kept in {} (guilt import {} adds it)",
                                     error.what(), kept, single_quoted(kept)));
    }
}

}  // namespace guilt
