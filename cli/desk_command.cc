// jixiao serve --db TARGET … and jixiao review INPUT [-o review.html]: see docs/DESK.md.
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/environment.h"
#include "desk/review.h"
#include "desk/server.h"
#include "output/json.h"

namespace jixiao::cli {

namespace {

// Serves until SIGINT or SIGTERM: the signals are blocked in every thread and awaited by one,
// which stops the server (no work inside a signal handler).
int RunServe(desk::ServeOptions options) {
  if (options.user.empty())
    if (const char* user = std::getenv("USER")) options.user = user;
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  desk::Server server(std::move(options));
  std::cerr << "jixiao: serve: " << server.Url() << std::endl;
  std::atomic<bool> signalled{false};
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    signalled = true;
    server.Stop();
  });
  server.Run();
  // Stopped otherwise than by a signal (the server failed): wake the waiter.
  if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return 0;
}

struct ReviewArgs {
  std::string input;
  std::string out = "review.html";
};

int RunReview(const ReviewArgs& a) {
  ExtractOptions options;
  options.ocr_options = OcrOptionsFromEnvironment();
  std::string source;
  const nlohmann::ordered_json records = desk::ReviewRecords(a.input, options, &source);
  WriteFileAtomic(a.out, desk::ReviewHtml(records, source));
  std::cerr << "jixiao: review: " << records["projects"].size() << " records of " << source
            << " into " << a.out << '\n';
  return 0;
}

}  // namespace

Runner AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<desk::ServeOptions>();
  auto* cmd = app.add_subcommand(
      "serve", "The review desk: a local web application over a database (docs/DESK.md)");
  cmd->add_option("--db", options->db,
                  "SQLite file or postgresql://user@host/dbname (what `jixiao batch` filled)")
      ->required();
  cmd->add_option("--bind", options->bind,
                  "Address to listen on (default 127.0.0.1; others need --token)");
  cmd->add_option("--port", options->port, "Port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--token", options->token,
                  "The token every request must carry (default: a random one)");
  cmd->add_option("--user", options->user,
                  "Who corrections are recorded as when they name nobody (default $USER)");
  cmd->footer(
      "Prints its address on stderr (jixiao: serve: http://127.0.0.1:PORT/?token=…) and serves "
      "until interrupted.\n"
      "Exit status: 0 stopped; 64 bad command line (another address without --token); 65/66 the "
      "database file is "
      "not a jixiao database / does not exist; 73 the database cannot be read or the address not "
      "bound.");
  return [options] { return RunServe(*options); };
}

Runner AddReviewCommand(CLI::App& app) {
  auto args = std::make_shared<ReviewArgs>();
  auto* cmd = app.add_subcommand(
      "review", "One self-contained HTML file: every record beside its page (docs/DESK.md)");
  cmd->add_option("INPUT", args->input,
                  "PDF, page image, or extract JSON (its source file must be there)")
      ->required();
  cmd->add_option("-o,--output", args->out, "The HTML file to write (default review.html)");
  cmd->footer(
      "Exit status: 0 written; 64 bad command line; 65 unreadable input; 66 the input (or the "
      "JSON's source) does "
      "not exist; 67 encrypted; 73 the output cannot be written.");
  return [args] { return RunReview(*args); };
}

}  // namespace jixiao::cli
