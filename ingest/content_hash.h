#pragma once
// content_hash(): XXH64 (seed 0) of a byte string, the fingerprint ingest
// records per day file to skip unchanged files on the next run. Persisted in
// the archive (store/FORMAT.md, meta "day_file/..."): never change it.
// Implemented here from the public XXH64 specification (xxhash.com, "xxHash
// fast digest algorithm", v0.1.1); Debian's libxxhash is not a dependency.

#include <cstdint>
#include <string_view>

namespace backscroll::ingest {

std::uint64_t content_hash(std::string_view bytes);

}  // namespace backscroll::ingest
