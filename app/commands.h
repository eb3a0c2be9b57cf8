#pragma once
// The subcommands, one file each (cmd_<name>.cc).

#include "app/command.h"

namespace backscroll::app {

extern const Command kIngestCommand;
extern const Command kSearchCommand;
extern const Command kThreadCommand;
extern const Command kContextCommand;
extern const Command kExportCommand;
extern const Command kStatsCommand;
extern const Command kReindexCommand;
extern const Command kCheckCommand;
extern const Command kServeCommand;

}  // namespace backscroll::app
