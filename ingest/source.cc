#include "ingest/source.h"

#include "ingest/slack/slack_source.h"

namespace backscroll::ingest {

core::Result<std::unique_ptr<ExportSource>> open_export_source(const std::filesystem::path& path,
                                                               const ExportLimits& limits) {
  auto slack = slack::SlackSource::open(path, limits);
  if (!slack) return core::Unexpected{slack.error()};
  return std::unique_ptr<ExportSource>(std::move(*slack));
}

}  // namespace backscroll::ingest
