#pragma once
// Translating Xapian exceptions into core::Error, for index/ and query/ (the
// two folders that use Xapian). Mapping:
//   DatabaseLockError      -> kLocked   (another process is writing the index)
//   DatabaseCorruptError   -> kCorrupt
//   DatabaseVersionError   -> kCorrupt  (not a database this Xapian can read)
//   DatabaseNotFoundError  -> kNotFound
//   any other Xapian::Error -> kStorage, carrying Xapian's message
// Callers that open a database check for a missing directory themselves and
// report kNotFound, because Xapian 1.4 reports it as a generic opening error.

#include <xapian.h>

#include <exception>
#include <new>
#include <string>
#include <utility>

#include "core/error.h"
#include "core/result.h"

namespace backscroll::index {

// `context` says what we were doing, e.g. "opening index shard /x/shards/2020q4".
core::Error translate_xapian_error(const Xapian::Error& error, const std::string& context);

// Runs `body` (returning a core::Result<T>) and turns any exception it throws
// into an error result: Xapian errors as above, std::bad_alloc as kStorage,
// anything else as kInternal.
template <typename Body>
auto xapian_guard(const std::string& context, Body&& body) -> decltype(body()) {
  try {
    return std::forward<Body>(body)();
  } catch (const Xapian::Error& e) {
    return core::Unexpected{translate_xapian_error(e, context)};
  } catch (const std::bad_alloc&) {
    return core::fail(core::ErrorCode::kStorage, context + ": out of memory");
  } catch (const std::exception& e) {
    return core::fail(core::ErrorCode::kInternal, context + ": " + e.what());
  }
}

}  // namespace backscroll::index
