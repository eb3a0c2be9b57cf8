// Integration posts: classic bot_message posts (PagerDuty, Datadog) whose
// `text` is empty and whose content lives in legacy attachments, and modern
// app posts (deploybot) carrying user + bot_id + bot_profile + Block Kit
// blocks without a subtype. Part of MessageFactory (message_factory.h).
#include <string>

#include "core/json_writer.h"
#include "tests/generator/message_factory.h"
#include "tests/generator/rich_text.h"

namespace backscroll::generator {
namespace {

std::string escaped(std::string_view s) {
  std::string out;
  append_escaped(out, s);
  return out;
}

void short_field(core::JsonWriter& w, std::string_view title, const std::string& value) {
  w.begin_object();
  w.field("title", title);
  w.field("value", value);
  w.field("short", true);
  w.end_object();
}

struct Status {
  std::string_view name;
  std::string_view color;
};
constexpr Status kStatuses[] = {
    {"Triggered", "a30200"},
    {"Triggered", "a30200"},
    {"Acknowledged", "daa038"},
    {"Resolved", "2eb886"},
};

constexpr std::string_view kAlerts[] = {
    "disk_space > 90% on {host}",          "OutOfMemoryError in {service} on {host}",
    "High error rate (> 5%) on {service}", "Host {host} is unreachable",
    "replication lag > 60s on {host}",     "Certificate for {host} expires in 7 days",
    "{service} p99 latency > 2000ms",      "out of disk on {host}: /var/lib/docker",
};

void bot_header(core::JsonWriter& w, const Integration& bot, const core::SlackTs& ts) {
  w.begin_object();
  w.field("type", "message");
  w.field("subtype", "bot_message");
  w.field("text", "");
  w.field("ts", ts.str());
  w.field("bot_id", bot.bot_id);
  w.field("username", bot.username);
  w.key("icons");
  w.begin_object();
  w.field("image_48", bot.icon_url);
  w.end_object();
}

}  // namespace

void MessageFactory::write_pagerduty(core::JsonWriter& w, Rng& rng, const MessageSpec& spec) {
  const Status& status = rng.pick(kStatuses);
  std::string number = std::to_string(rng.between(1000, 99999));
  std::string title = "[#" + number + "] " + text_.plain(rng, rng.pick(kAlerts));
  std::string svc = text_.service(rng);
  std::string assignee = ws_.users[text_.member(rng)].id;
  bot_header(w, ws_.pagerduty, spec.ts);
  w.key("attachments");
  w.begin_array();
  w.begin_object();
  w.field("id", 1);
  w.field("color", status.color);
  w.field("fallback", escaped(std::string(status.name) + ": " + title));
  w.field("pretext", "Incident " + std::string(status.name));
  w.field("title", escaped(title));
  w.field("title_link", "https://acme.pagerduty.com/incidents/P" + rng.chars(6, kUpperAlnum));
  w.field("text", escaped("Service: " + svc + "-prod\nUrgency: high\n" +
                          text_.plain(rng, "{error} reported by {host}")));
  w.key("fields");
  w.begin_array();
  short_field(w, "Status", std::string(status.name));
  short_field(w, "Urgency", rng.percent(70) ? "High" : "Low");
  short_field(w, "Service", svc + "-prod");
  short_field(w, "Assigned to", "<@" + assignee + ">");
  w.end_array();
  w.field("footer", "PagerDuty");
  w.field("footer_icon", ws_.pagerduty.icon_url);
  w.field("ts", spec.ts.seconds());
  w.key("mrkdwn_in");
  w.begin_array();
  w.value("text");
  w.value("pretext");
  w.end_array();
  w.end_object();
  w.end_array();
  write_thread_fields(w, spec);
  w.end_object();
}

void MessageFactory::write_datadog(core::JsonWriter& w, Rng& rng, const MessageSpec& spec) {
  bool recovered = rng.percent(35);
  std::string host = text_.host(rng);
  std::string metric = text_.plain(rng, "{metric}");
  std::string monitor = std::to_string(rng.between(100000, 999999));
  std::string title = std::string(recovered ? "[Recovered] " : "[Triggered] ") + metric +
                      " above threshold on " + host;
  bot_header(w, ws_.datadog, spec.ts);
  w.key("attachments");
  w.begin_array();
  w.begin_object();
  w.field("id", 1);
  w.field("color", recovered ? "2eb886" : "e01e5a");
  w.field("fallback", escaped(title));
  w.field("title", escaped(title));
  w.field("title_link", "https://app.datadoghq.com/monitors/" + monitor);
  w.field("text",
          escaped(metric + " over host:" + host + " was > " + std::to_string(rng.between(80, 99)) +
                  ".0 on average during the last 5m.\nNotified @slack-ops-alerts"));
  w.key("fields");
  w.begin_array();
  short_field(w, "Monitor", "#" + monitor);
  short_field(w, "Priority", "P" + std::to_string(rng.between(1, 4)));
  w.end_array();
  w.field("image_url", "https://p.datadoghq.com/snapshot/view/dd-snapshots-prod/org_1/" +
                           rng.chars(24, kHex) + ".png");
  w.field("footer", "Datadog");
  w.field("ts", spec.ts.seconds());
  w.end_object();
  w.end_array();
  write_thread_fields(w, spec);
  w.end_object();
}

void MessageFactory::write_deploy(core::JsonWriter& w, Rng& rng, const MessageSpec& spec) {
  const User& bot = ws_.users[ws_.deploybot];
  std::string svc = text_.service(rng);
  std::string version = text_.version(rng);
  std::string commit = rng.chars(40, kHex);
  bool failed = rng.percent(10);
  std::string by = ws_.users[text_.member(rng)].id;
  std::string env = rng.percent(70) ? "prod" : "staging";
  w.begin_object();
  w.field("user", bot.id);
  w.field("type", "message");
  w.field("ts", spec.ts.str());
  w.field("bot_id", bot.bot_id);
  w.field("app_id", bot.app_id);
  w.field("text", (failed ? "Deploy FAILED: " : "Deployed ") + svc + " " + version + " to " + env);
  w.field("team", ws_.team_id);
  w.key("bot_profile");
  w.begin_object();
  w.field("id", bot.bot_id);
  w.field("deleted", false);
  w.field("name", "deploybot");
  w.field("updated", static_cast<std::int64_t>(1640995200));
  w.field("app_id", bot.app_id);
  w.key("icons");
  w.begin_object();
  w.field("image_36", "https://avatars.slack-edge.com/2021-01-01/deploybot_36.png");
  w.field("image_48", "https://avatars.slack-edge.com/2021-01-01/deploybot_48.png");
  w.field("image_72", "https://avatars.slack-edge.com/2021-01-01/deploybot_72.png");
  w.end_object();
  w.field("team_id", ws_.team_id);
  w.end_object();
  w.key("blocks");
  w.begin_array();
  w.begin_object();
  w.field("type", "header");
  w.field("block_id", rng.chars(4, kAlnum));
  w.key("text");
  w.begin_object();
  w.field("type", "plain_text");
  w.field("text", failed ? "Deploy failed: " + svc : "Deploy succeeded: " + svc);
  w.field("emoji", true);
  w.end_object();
  w.end_object();
  w.begin_object();
  w.field("type", "section");
  w.field("block_id", rng.chars(4, kAlnum));
  w.key("text");
  w.begin_object();
  w.field("type", "mrkdwn");
  w.field("text", "*" + svc + "* `" + version + "` to *" + env + "* by <@" + by +
                      ">\nCommit <https://github.com/acme/" + svc + "/commit/" + commit + "|" +
                      commit.substr(0, 7) + ">: " + escaped(text_.plain(rng, "{words}")));
  w.field("verbatim", false);
  w.end_object();
  w.key("fields");
  w.begin_array();
  for (const auto& [label, value] :
       {std::pair<std::string, std::string>{"*Environment*", env},
        {"*Duration*",
         std::to_string(rng.between(1, 14)) + "m " + std::to_string(rng.between(0, 59)) + "s"}}) {
    w.begin_object();
    w.field("type", "mrkdwn");
    w.field("text", label + "\n" + value);
    w.field("verbatim", false);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.begin_object();
  w.field("type", "context");
  w.field("block_id", rng.chars(4, kAlnum));
  w.key("elements");
  w.begin_array();
  w.begin_object();
  w.field("type", "mrkdwn");
  w.field("text", "Pipeline #" + std::to_string(rng.between(1000, 99999)) + " | " +
                      (failed ? text_.plain(rng, "{error}") : std::string("all checks passed")));
  w.field("verbatim", false);
  w.end_object();
  w.end_array();
  w.end_object();
  w.end_array();
  write_thread_fields(w, spec);
  w.end_object();
}

}  // namespace backscroll::generator
