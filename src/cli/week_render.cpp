// SPDX-License-Identifier: MIT
// render_week. Each format is its own file (week_text.cpp, week_markdown.cpp, week_html.cpp,
// week_json.cpp), on the words they share (week_words.hpp); each one shows the same figures, her
// words escaped.
#include "guilt/cli/week_render.hpp"

namespace guilt {

std::string render_week(const WeekSummary& s, ReportFormat format, bool utf8) {
    return render_report(s, format, utf8);
}

}  // namespace guilt
