#include "tests/generator/workspace.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "core/json_writer.h"

namespace backscroll::generator {
namespace {

constexpr int kHumanCount = 145;
constexpr int kDeletedCount = 5;

struct Name {
  std::string_view shown;  // As written in real_name.
  std::string_view ascii;  // For the handle.
};

constexpr Name kFirstNames[] = {
    {"Alice", "alice"},   {"Bob", "bob"},         {"Carol", "carol"},     {"Dave", "dave"},
    {"Erin", "erin"},     {"Frank", "frank"},     {"Grace", "grace"},     {"Heidi", "heidi"},
    {"Ivan", "ivan"},     {"Judy", "judy"},       {"Mallory", "mallory"}, {"Niaj", "niaj"},
    {"Olivia", "olivia"}, {"Peggy", "peggy"},     {"Rupert", "rupert"},   {"Sybil", "sybil"},
    {"Trent", "trent"},   {"Victor", "victor"},   {"Walter", "walter"},   {"Priya", "priya"},
    {"Rahul", "rahul"},   {"Fatima", "fatima"},   {"Omar", "omar"},       {"Chen", "chen"},
    {"Mei", "mei"},       {"Hiroshi", "hiroshi"}, {"Yuki", "yuki"},       {"Sofia", "sofia"},
    {"Mateo", "mateo"},   {"Lucas", "lucas"},     {"Emma", "emma"},       {"Noah", "noah"},
    {"Liam", "liam"},     {"Ava", "ava"},         {"Jürgen", "juergen"},  {"Zoë", "zoe"},
    {"Søren", "soren"},   {"José", "jose"},       {"Anaïs", "anais"},     {"Łukasz", "lukasz"},
    {"Björn", "bjorn"},   {"Chloé", "chloe"},     {"Dmitri", "dmitri"},   {"Ingrid", "ingrid"},
    {"Kwame", "kwame"},   {"Amara", "amara"},     {"Tomás", "tomas"},     {"Nadia", "nadia"},
    {"Hannah", "hannah"}, {"Felix", "felix"},     {"Greta", "greta"},     {"Sam", "sam"},
    {"Alex", "alex"},     {"Jordan", "jordan"},
};

constexpr Name kLastNames[] = {
    {"Smith", "smith"},
    {"Johnson", "johnson"},
    {"Williams", "williams"},
    {"Brown", "brown"},
    {"Jones", "jones"},
    {"Garcia", "garcia"},
    {"Miller", "miller"},
    {"Davis", "davis"},
    {"Martinez", "martinez"},
    {"Lopez", "lopez"},
    {"Wilson", "wilson"},
    {"Anderson", "anderson"},
    {"Thomas", "thomas"},
    {"Taylor", "taylor"},
    {"Moore", "moore"},
    {"Müller", "mueller"},
    {"Schröder", "schroeder"},
    {"Weiß", "weiss"},
    {"Becker", "becker"},
    {"Nowak", "nowak"},
    {"Kowalski", "kowalski"},
    {"Dubois", "dubois"},
    {"Lefèvre", "lefevre"},
    {"Rossi", "rossi"},
    {"Fernández", "fernandez"},
    {"Novák", "novak"},
    {"Andersen", "andersen"},
    {"Nakamura", "nakamura"},
    {"Kim", "kim"},
    {"Patel", "patel"},
    {"Singh", "singh"},
    {"Okafor", "okafor"},
    {"Haddad", "haddad"},
    {"O'Brien", "obrien"},
    {"Van der Berg", "vanderberg"},
    {"Ivanova", "ivanova"},
};

// Full names written in their own script, with a romanised handle.
struct CjkName {
  std::string_view real;
  std::string_view first;
  std::string_view last;
  std::string_view handle;
  std::string_view tz;
};
constexpr CjkName kCjkNames[] = {
    {"田中 太郎", "太郎", "田中", "taro.tanaka", "Asia/Tokyo"},
    {"佐藤 花子", "花子", "佐藤", "hanako.sato", "Asia/Tokyo"},
    {"鈴木 一郎", "一郎", "鈴木", "ichiro.suzuki", "Asia/Tokyo"},
    {"高橋 美咲", "美咲", "高橋", "misaki.takahashi", "Asia/Tokyo"},
    {"山本 健", "健", "山本", "ken.yamamoto", "Asia/Tokyo"},
    {"王伟", "伟", "王", "wei.wang", "Asia/Shanghai"},
    {"李娜", "娜", "李", "na.li", "Asia/Shanghai"},
    {"张敏", "敏", "张", "min.zhang", "Asia/Shanghai"},
    {"刘洋", "洋", "刘", "yang.liu", "Asia/Shanghai"},
    {"陈静", "静", "陈", "jing.chen", "Asia/Shanghai"},
};

constexpr std::string_view kTitles[] = {
    "",
    "",
    "Software Engineer",
    "Senior Software Engineer",
    "SRE",
    "Staff Engineer",
    "Engineering Manager",
    "Support Engineer",
    "Product Manager",
    "Data Engineer",
    "Designer",
    "Security Engineer",
    "DBA",
    "Frontend Engineer",
    "Customer Success",
};

constexpr std::string_view kWesternZones[] = {
    "America/Los_Angeles", "America/Los_Angeles", "America/New_York", "America/Chicago",
    "Europe/Berlin",       "Europe/London",       "Europe/Paris",     "Asia/Kolkata",
};

struct ChannelSpec {
  std::string_view name;
  Flavor flavor;
  int weight;
  std::string_view purpose;
  std::string_view topic;
  int languages[kLanguageCount];
};

constexpr ChannelSpec kChannels[] = {
    {"general",
     Flavor::kChat,
     8,
     "Company-wide announcements and work-based matters",
     "Welcome! Please read the handbook: https://wiki.example.com/handbook",
     {90, 5, 3, 2}},
    {"random",
     Flavor::kChat,
     7,
     "Non-work banter and water cooler conversation",
     "",
     {85, 6, 5, 4}},
    {"ops-alerts",
     Flavor::kAlerts,
     14,
     "Automated alerts from PagerDuty and Datadog",
     "Do not chat here, use #incidents",
     {95, 3, 1, 1}},
    {"incidents",
     Flavor::kIncidents,
     7,
     "Incident coordination & post-mortems",
     "Current: none :white_check_mark:",
     {93, 4, 2, 1}},
    {"deploys",
     Flavor::kDeploys,
     7,
     "Deploy notifications and release coordination",
     "Freeze: none",
     {95, 3, 1, 1}},
    {"dev-backend", Flavor::kChat, 10, "Backend services, APIs and databases", "", {90, 6, 2, 2}},
    {"dev-frontend", Flavor::kChat, 6, "Web & mobile clients", "", {92, 4, 2, 2}},
    {"support-eu", Flavor::kChat, 4, "Escalations from EU customers", "", {70, 28, 1, 1}},
    {"support-us", Flavor::kChat, 4, "Escalations from US customers", "", {98, 1, 1, 0}},
    {"support-apac", Flavor::kChat, 3, "Escalations from APAC customers", "", {50, 0, 30, 20}},
    {"data-eng", Flavor::kChat, 4, "Pipelines, warehouse and the DAT board", "", {92, 4, 2, 2}},
    {"infra", Flavor::kChat, 5, "Kubernetes, Terraform, networking", "", {92, 5, 2, 1}},
    {"security", Flavor::kChat, 2, "Security questions and advisories", "", {95, 3, 1, 1}},
    {"design", Flavor::kChat, 2, "Design reviews", "", {95, 3, 1, 1}},
    {"product", Flavor::kChat, 3, "Roadmap and specs", "", {95, 3, 1, 1}},
    {"team-berlin",
     Flavor::kChat,
     2,
     "Büro Berlin: Organisatorisches",
     "Mittagessen um 12:30",
     {25, 75, 0, 0}},
    {"tokyo-office", Flavor::kChat, 2, "東京オフィスの連絡用チャンネル", "", {30, 0, 70, 0}},
    {"shanghai-office", Flavor::kChat, 1, "上海办公室", "", {30, 0, 0, 70}},
    {"oncall", Flavor::kIncidents, 3, "On-call handover notes", "", {95, 3, 1, 1}},
    {"old-monolith", Flavor::kChat, 1, "Archived: the PHP monolith", "", {100, 0, 0, 0}},
};
constexpr std::string_view kArchivedChannel = "old-monolith";

struct GroupSpec {
  std::string_view name;
  Flavor flavor;
  int weight;
  std::string_view purpose;
};
constexpr GroupSpec kGroups[] = {
    {"leadership", Flavor::kChat, 2, "Leads only"},
    {"security-private", Flavor::kIncidents, 2, "Embargoed security issues"},
    {"hiring-committee", Flavor::kChat, 1, "Candidate debriefs"},
    {"inc-2023-db-outage", Flavor::kIncidents, 1, "War room for the database outage"},
};

constexpr int kDmCount = 14;
constexpr int kMpimCount = 4;

std::string unique_id(Rng& rng, char prefix, std::size_t n, std::set<std::string>& used) {
  for (;;) {
    std::string id = std::string(1, prefix) + rng.chars(n, kUpperAlnum);
    if (used.insert(id).second) return id;
  }
}

std::string profile_json(const Workspace& ws, const User& u) {
  core::JsonWriter w;
  w.begin_object();
  w.field("avatar_hash", u.avatar_hash);
  w.field("image_72", "https://avatars.slack-edge.com/2022-03-14/" + u.avatar_hash + "_72.png");
  w.field("first_name", u.first_name);
  w.field("real_name", u.real_name);
  w.field("display_name", u.display_name);
  w.field("team", ws.team_id);
  w.field("name", u.name);
  w.field("is_restricted", false);
  w.field("is_ultra_restricted", false);
  w.end_object();
  return w.take();
}

void add_humans(Workspace& ws, Rng& rng, std::set<std::string>& ids) {
  std::set<std::string> handles;
  for (int i = 0; i < kHumanCount; ++i) {
    User u;
    u.id = unique_id(rng, 'U', 10, ids);
    std::string handle;
    if (rng.percent(8)) {
      const auto& n = rng.pick(kCjkNames);
      u.real_name = n.real;
      u.first_name = n.first;
      u.last_name = n.last;
      u.tz = n.tz;
      handle = n.handle;
    } else {
      const auto& f = rng.pick(kFirstNames);
      const auto& l = rng.pick(kLastNames);
      u.first_name = f.shown;
      u.last_name = l.shown;
      u.real_name = std::string(f.shown) + " " + std::string(l.shown);
      u.tz = rng.pick(kWesternZones);
      handle = std::string(f.ascii) + (rng.percent(70) ? "." : "") + std::string(l.ascii);
      if (rng.percent(15)) handle = std::string(f.ascii);
    }
    std::string base = handle;
    for (int k = 2; !handles.insert(handle).second; ++k) handle = base + std::to_string(k);
    u.name = handle;
    if (rng.percent(45)) {
      u.display_name = rng.percent(60) ? u.first_name : handle;
    }
    u.title = rng.pick(kTitles);
    u.avatar_hash = rng.chars(12, kHex);
    u.color = rng.chars(6, kHex);
    u.is_admin = i < 4;
    u.deleted = i >= kHumanCount - kDeletedCount;
    ws.users.push_back(std::move(u));
  }
}

User bot_user(Rng& rng, std::set<std::string>& ids, std::string_view name,
              std::string_view real_name, bool deleted) {
  User u;
  u.id = unique_id(rng, 'U', 10, ids);
  u.name = name;
  u.real_name = real_name;
  u.first_name = real_name;
  u.is_bot = true;
  u.deleted = deleted;
  u.bot_id = unique_id(rng, 'B', 10, ids);
  u.app_id = unique_id(rng, 'A', 10, ids);
  u.avatar_hash = rng.chars(12, kHex);
  u.color = rng.chars(6, kHex);
  u.tz = "America/Los_Angeles";
  return u;
}

std::vector<int> sample_members(Rng& rng, const std::vector<int>& pool, std::size_t n) {
  std::vector<int> v = pool;
  n = std::min(n, v.size());
  for (std::size_t i = 0; i < n; ++i) {  // Partial Fisher-Yates.
    std::size_t j = i + rng.below(v.size() - i);
    std::swap(v[i], v[j]);
  }
  v.resize(n);
  std::sort(v.begin(), v.end());
  return v;
}

void add_conversations(Workspace& ws, Rng& rng, std::set<std::string>& ids, std::int64_t epoch) {
  auto created_before = [&](int max_days) {
    return epoch - rng.between(86400, max_days * 86400LL);
  };
  for (const auto& spec : kChannels) {
    Conversation c;
    c.kind = ConversationKind::kChannel;
    c.flavor = spec.flavor;
    c.id = unique_id(rng, 'C', 10, ids);
    c.name = c.folder = spec.name;
    c.is_general = spec.name == "general";
    c.archived = spec.name == kArchivedChannel;
    c.members = c.is_general ? ws.humans : sample_members(rng, ws.humans, 8 + rng.below(60));
    c.creator = ws.humans[rng.below(4)];
    c.created = created_before(1500);
    c.created_as_string = rng.percent(30);
    c.purpose = spec.purpose;
    c.topic = spec.topic;
    c.weight = spec.weight * 4;
    std::copy(std::begin(spec.languages), std::end(spec.languages), c.language_weights);
    ws.conversations.push_back(std::move(c));
  }
  for (const auto& spec : kGroups) {
    Conversation c;
    c.kind = ConversationKind::kGroup;
    c.flavor = spec.flavor;
    c.id = unique_id(rng, rng.percent(50) ? 'G' : 'C', 10, ids);
    c.name = c.folder = spec.name;
    c.members = sample_members(rng, ws.humans, 3 + rng.below(10));
    c.creator = c.members.front();
    c.created = created_before(700);
    c.purpose = spec.purpose;
    c.weight = spec.weight * 4;
    ws.conversations.push_back(std::move(c));
  }
  for (int i = 0; i < kDmCount; ++i) {
    Conversation c;
    c.kind = ConversationKind::kDm;
    c.id = unique_id(rng, 'D', 10, ids);
    c.folder = c.id;
    c.members = sample_members(rng, ws.humans, 2);
    if (i == 0) c.members = {c.members[0], c.members[0]};  // A self-DM, as in real exports.
    c.creator = c.members.front();
    c.created = created_before(900);
    c.weight = 1 + static_cast<int>(rng.below(3));
    ws.conversations.push_back(std::move(c));
  }
  for (int i = 0; i < kMpimCount; ++i) {
    Conversation c;
    c.kind = ConversationKind::kMpim;
    c.id = unique_id(rng, 'G', 10, ids);
    c.members = sample_members(rng, ws.humans, 3 + rng.below(2));
    c.name = "mpdm-";
    std::string with;
    for (std::size_t k = 0; k < c.members.size(); ++k) {
      const std::string& handle = ws.users[c.members[k]].name;
      c.name += (k ? "--" : "") + handle;
      with += (k ? " @" : "@") + handle;
    }
    c.name += "-1";
    c.folder = c.name;
    c.purpose = "Group messaging with: " + with;
    c.creator = c.members.front();
    c.created = created_before(400);
    c.weight = 1 + static_cast<int>(rng.below(2));
    ws.conversations.push_back(std::move(c));
  }
}

}  // namespace

Workspace build_workspace(std::uint64_t seed, std::int64_t epoch) {
  Rng rng(mix_seed(seed ^ 0x5741534B53504143ULL));
  Workspace ws;
  std::set<std::string> ids;
  ws.team_id = unique_id(rng, 'T', 10, ids);
  ws.domain = "acme";
  add_humans(ws, rng, ids);
  for (int i = 0; i < static_cast<int>(ws.users.size()); ++i) {
    if (!ws.users[i].deleted || rng.percent(50)) ws.humans.push_back(i);
  }
  ws.deploybot = static_cast<int>(ws.users.size());
  ws.users.push_back(bot_user(rng, ids, "deploybot", "deploybot", false));
  ws.users.push_back(bot_user(rng, ids, "pagerduty", "PagerDuty", false));
  ws.users.push_back(bot_user(rng, ids, "datadog", "Datadog", false));
  ws.users.push_back(bot_user(rng, ids, "jirabot", "Jira", true));
  ws.pagerduty = {ws.users[ws.deploybot + 1].bot_id, "PagerDuty",
                  "https://avatars.slack-edge.com/2021-01-01/pagerduty_48.png", ws.deploybot + 1};
  ws.datadog = {ws.users[ws.deploybot + 2].bot_id, "Datadog",
                "https://avatars.slack-edge.com/2021-01-01/datadog_48.png", ws.deploybot + 2};
  User slackbot;
  slackbot.id = "USLACKBOT";
  slackbot.name = "slackbot";
  slackbot.real_name = slackbot.first_name = "Slackbot";
  slackbot.avatar_hash = "sv41d8cd98f0";
  slackbot.color = "757575";
  slackbot.tz = "America/Los_Angeles";
  ws.slackbot = static_cast<int>(ws.users.size());
  ws.users.push_back(std::move(slackbot));
  for (auto& u : ws.users) u.profile_json = profile_json(ws, u);
  add_conversations(ws, rng, ids, epoch);
  return ws;
}

}  // namespace backscroll::generator
