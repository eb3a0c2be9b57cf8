#include "app/commands.h"

#include <array>

namespace backscroll::app {

std::span<const Command> commands() {
  static const std::array<Command, 6> kAll = {kIngestCommand, kSearchCommand, kThreadCommand,
                                              kStatsCommand,  kReindexCommand, kCheckCommand};
  return kAll;
}

}  // namespace backscroll::app
