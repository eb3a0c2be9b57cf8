#pragma once
// The one lookup behind `backscroll thread` and `backscroll context`: a
// conversation as the user names it and a ts string -> the stored message.
// Internal to query/.

#include <string_view>

#include "core/model.h"
#include "core/result.h"

namespace backscroll::store {
class Archive;
}

namespace backscroll::query {

class Directory;

// `conversation` is an id, a name or #name. Errors: kNotFound for an unknown
// conversation (close names in the hint) or no stored message at `ts`; kUsage
// when `ts` is not a Slack timestamp; the archive's errors.
[[nodiscard]] core::Result<core::Message> find_message(const store::Archive& archive,
                                                       const Directory& directory,
                                                       std::string_view conversation,
                                                       std::string_view ts);

}  // namespace backscroll::query
