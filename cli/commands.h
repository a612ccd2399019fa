// Command groups that live in their own files: each adds its subcommand to the app and returns
// what runs it once parsed (the exit status). main.cc calls every Add…Command.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace jixiao::cli {

using Runner = std::function<int()>;

Runner AddBatchCommand(CLI::App& app);   // cli/batch_command.cc: jixiao batch
Runner AddExportCommand(CLI::App& app);  // cli/export_command.cc: jixiao export
Runner AddEnqueueCommand(CLI::App& app);  // cli/queue_command.cc: jixiao enqueue
Runner AddWorkerCommand(CLI::App& app);   // cli/queue_command.cc: jixiao worker
Runner AddStatusCommand(CLI::App& app);   // cli/queue_command.cc: jixiao status
Runner AddServeCommand(CLI::App& app);    // cli/desk_command.cc: jixiao serve
Runner AddReviewCommand(CLI::App& app);   // cli/desk_command.cc: jixiao review

}  // namespace jixiao::cli
