#include "app/commands.h"

#include <array>

namespace backscroll::app {

std::span<const Command> commands() {
  static const std::array<Command, 9> kAll = {kIngestCommand,  kSearchCommand, kThreadCommand,
                                              kContextCommand, kExportCommand, kStatsCommand,
                                              kReindexCommand, kCheckCommand,  kServeCommand};
  return kAll;
}

}  // namespace backscroll::app
