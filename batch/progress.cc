#include "batch/progress.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace jixiao::batch {

namespace {

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

Progress::Progress(std::ostream& out, int total, bool terminal)
    : out_(out), total_(total), terminal_(terminal), start_(std::chrono::steady_clock::now()) {}

std::string Progress::Duration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

std::string Progress::Line(const Event& e) const {
  std::ostringstream c;
  c << '[' << done_ << '/' << total_ << "] ";
  const std::string count = c.str();
  switch (e.outcome) {
    case Outcome::kImported: {
      std::string line = count + "imported " + e.path + " (" + std::to_string(e.pages) +
                         " pages, " + Fixed(e.seconds, 1) + " s";
      if (e.corrections > 0) line += ", " + std::to_string(e.corrections) + " corrections kept";
      line += ")";
      if (!e.corrections_changed.empty()) {
        line += "; the extraction changed under the correction of";
        for (const std::string& field : e.corrections_changed) line += " " + field;
      }
      return line;
    }
    case Outcome::kSkipped:
      return count + "skipped " + e.path + " (imported already)";
    case Outcome::kDuplicate:
      return count + "skipped " + e.path + " (the same file as " + e.detail + ")";
    case Outcome::kFailed:
      return count + "failed: " + e.detail;
  }
  return count;
}

void Progress::OnEvent(const Event& e) {
  ++done_;
  if (e.outcome == Outcome::kImported || e.outcome == Outcome::kFailed) ++extracted_;
  pages_ += e.pages;
  if (!terminal_) {
    out_ << "jixiao: batch: " << Line(e) << '\n' << std::flush;
    return;
  }
  // A failure, and corrections kept over a re-extraction, stay on the screen.
  if (e.outcome == Outcome::kFailed || e.corrections > 0)
    out_ << "\r\x1b[K"
         << "jixiao: batch: " << Line(e) << '\n';
  Draw();
}

void Progress::Tick() {
  if (terminal_) Draw();
}

void Progress::Draw() {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  constexpr int kWidth = 24;
  const int filled = total_ > 0 ? kWidth * done_ / total_ : kWidth;
  const std::string bar(static_cast<size_t>(filled), '#'), rest(static_cast<size_t>(kWidth - filled), '.');
  std::string eta = "--";
  if (extracted_ > 0 && done_ < total_) eta = Duration(elapsed / extracted_ * (total_ - done_));
  else if (done_ >= total_) eta = "0:00";
  out_ << "\r[" << bar << rest << "] " << done_ << '/' << total_ << " documents, " << pages_ << " pages, "
       << Fixed(elapsed > 0 ? pages_ / elapsed : 0, 1) << " pages/s, ETA " << eta << "\x1b[K" << std::flush;
}

std::string Progress::SummaryLine(const Summary& s, const std::string& target) {
  std::ostringstream line;
  line << "jixiao: batch: " << s.documents << " documents: " << s.imported << " imported, " << s.skipped << " skipped";
  if (s.duplicates > 0) line << " (" << s.duplicates << " duplicate" << (s.duplicates > 1 ? "s" : "") << ")";
  line << ", " << s.failed << " failed; " << s.pages << " pages in " << Duration(s.seconds) << " ("
       << Fixed(s.seconds, 1) << " s) into " << target;
  return line.str();
}

void Progress::Finish(const Summary& s, const std::string& target) {
  if (terminal_) out_ << "\r\x1b[K";
  out_ << SummaryLine(s, target) << '\n' << std::flush;
}

}  // namespace jixiao::batch
