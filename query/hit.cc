#include "query/hit.h"

#include "query/directory.h"

namespace backscroll::query {

Hit make_hit(core::Message message, const Directory& directory) {
  Hit hit;
  hit.conversation = directory.conversation_name(message.conversation_id);
  hit.user = directory.author_name(message);
  hit.message = std::move(message);
  return hit;
}

}  // namespace backscroll::query
