#pragma once
// Archive statistics as one caller may see them: the whole archive's for a
// caller who sees everything, otherwise counted over the visible
// conversations only (messages scanned from the archive, so private
// conversations leave no trace in any count). Users are counted in full:
// people are not private.

#include "core/result.h"
#include "server/access.h"
#include "store/archive.h"

namespace backscroll::server {

// Errors: the archive's.
[[nodiscard]] core::Result<store::ArchiveStats> visible_stats(const store::Archive& archive,
                                                              const View& view);

}  // namespace backscroll::server
