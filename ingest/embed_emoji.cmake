# Generates a C++ file holding Debian node-emoji's emoji.json (a flat JSON
# object, shortcode -> emoji) as one string literal, for ingest/slack/emoji.cc.
# cmake -DJSON=/usr/share/nodejs/node-emoji/lib/emoji.json -DOUT=emoji_json.cc -P embed_emoji.cmake
if(NOT EXISTS "${JSON}")
  message(FATAL_ERROR "emoji table ${JSON} is missing: install Debian's node-emoji "
                      "(scripts/install-deps.sh) or set BACKSCROLL_EMOJI_JSON")
endif()
file(READ "${JSON}" content)
string(JSON type ERROR_VARIABLE error TYPE "${content}")
if(error OR NOT type STREQUAL "OBJECT")
  message(FATAL_ERROR "${JSON} is not a JSON object: ${error}")
endif()
if(content MATCHES "\\)emoji_json\"")
  message(FATAL_ERROR "${JSON} contains the raw-string delimiter )emoji_json\"")
endif()
set(body "// Generated from ${JSON} by ingest/embed_emoji.cmake: do not edit.\n")
string(APPEND body "#include \"ingest/slack/emoji_json.h\"\n\nnamespace backscroll::ingest::slack {\n")
string(APPEND body "namespace {\nconstexpr char kJson[] = R\"emoji_json(${content})emoji_json\";\n}\n\n")
string(APPEND body "std::string_view emoji_json() { return {kJson, sizeof(kJson) - 1}; }\n\n")
string(APPEND body "}  // namespace backscroll::ingest::slack\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
