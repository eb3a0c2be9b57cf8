#include "tests/generator/conversation_stream.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "tests/generator/day_file_writer.h"
#include "tests/generator/message_factory.h"
#include "tests/generator/timeline.h"

namespace backscroll::generator {
namespace {

constexpr std::int64_t kSecond = 1000000;

struct PendingReply {
  int thread = 0;  // Key into Stream::threads_.
  int user = 0;
  bool broadcast = false;
};

struct OpenThread {
  ReplyTarget target;
  int remaining = 0;
};

class Stream {
 public:
  Stream(const Workspace& ws, const Conversation& c, const StreamOptions& o, ExportSink& sink,
         ExportStats& stats)
      : ws_(ws),
        conv_(c),
        count_(o.count),
        rng_(o.seed),
        factory_(ws, c),
        timeline_(o.start, o.days, c.flavor != Flavor::kAlerts && c.flavor != Flavor::kIncidents),
        days_(sink, c.folder, stats),
        stats_(stats) {}

  core::Result<void> run() {
    const std::int64_t total = timeline_.total();
    const std::int64_t step = std::max<std::int64_t>(1, total / static_cast<std::int64_t>(count_));
    while (emitted_ < count_) {
      std::int64_t base =
          static_cast<std::int64_t>(static_cast<unsigned __int128>(total) * emitted_ / count_);
      std::int64_t candidate =
          timeline_.real(std::min(total - 1, base + static_cast<std::int64_t>(rng_.below(step))));
      std::int64_t ts = std::max(candidate, last_ + 1);
      std::uint64_t remaining = count_ - emitted_;
      auto r =
          (!pending_.empty() && (pending_.size() == remaining || pending_.begin()->first <= ts))
              ? emit_reply()
              : emit_top_level(ts);
      if (!r) return r;
    }
    return days_.finish();
  }

 private:
  MessageKind top_level_kind() {
    const bool dm = conv_.kind == ConversationKind::kDm || conv_.kind == ConversationKind::kMpim;
    int roll = static_cast<int>(rng_.below(1000));
    if (dm) return roll < 40 ? MessageKind::kFileShare : MessageKind::kHuman;
    switch (conv_.flavor) {
      case Flavor::kAlerts:
        if (roll < 450) return MessageKind::kPagerDuty;
        if (roll < 850) return MessageKind::kDatadog;
        break;
      case Flavor::kIncidents:
        if (roll < 250) return MessageKind::kPagerDuty;
        break;
      case Flavor::kDeploys:
        if (roll < 550) return MessageKind::kDeploy;
        break;
      case Flavor::kChat:
        break;
    }
    roll = static_cast<int>(rng_.below(1000));
    if (roll < 20) return MessageKind::kJoin;
    if (roll < 25) return MessageKind::kLeave;
    if (roll < 60) return MessageKind::kFileShare;
    return MessageKind::kHuman;
  }

  // Per-mille chance that a top-level message of this kind starts a thread.
  int thread_chance(MessageKind kind) const {
    const bool incident = conv_.flavor == Flavor::kIncidents;
    switch (kind) {
      case MessageKind::kHuman:
        return incident ? 300 : 100;
      case MessageKind::kFileShare:
        return 80;
      case MessageKind::kPagerDuty:
        return incident ? 400 : 150;
      case MessageKind::kDatadog:
        return 80;
      case MessageKind::kDeploy:
        return 50;
      default:
        return 0;
    }
  }

  int parent_user_of(MessageKind kind, int user) const {
    if (kind == MessageKind::kPagerDuty) return ws_.pagerduty.user;
    if (kind == MessageKind::kDatadog) return ws_.datadog.user;
    if (kind == MessageKind::kDeploy) return ws_.deploybot;
    return user;
  }

  // Plans the replies of a new thread at `parent_ts`; fills `summary`.
  void plan_replies(std::int64_t parent_ts, int parent_user, int thread, int budget,
                    ThreadSummary& summary, bool& any_broadcast) {
    int n = rng_.percent(2) ? static_cast<int>(rng_.between(15, 60))
                            : 1 + static_cast<int>(rng_.skewed(9));
    n = std::min(n, budget);
    std::int64_t t = parent_ts;
    for (int i = 0; i < n; ++i) {
      int pct = static_cast<int>(rng_.below(100));
      std::int64_t gap = i == 0 && pct < 70 ? rng_.between(20, 1800)
                         : pct < 70         ? rng_.between(10, 1200)
                         : pct < 90         ? rng_.between(1200, 6 * 3600)
                                            : rng_.between(6 * 3600, 48 * 3600);
      t += gap * kSecond + rng_.between(0, kSecond - 1);
      while (pending_.count(t) != 0) ++t;
      int user = (parent_user >= 0 && rng_.percent(35) && !ws_.users[parent_user].is_bot)
                     ? parent_user
                     : factory_.member(rng_);
      bool broadcast = rng_.percent(2);
      any_broadcast = any_broadcast || broadcast;
      pending_[t] = PendingReply{thread, user, broadcast};
      if (std::find(summary.reply_users.begin(), summary.reply_users.end(), user) ==
          summary.reply_users.end()) {
        summary.reply_users.push_back(user);
      }
    }
    summary.reply_count = n;
    summary.latest_reply = core::SlackTs::from_micros(t);
  }

  core::Result<void> emit_top_level(std::int64_t ts) {
    MessageSpec spec;
    spec.kind = top_level_kind();
    spec.ts = core::SlackTs::from_micros(ts);
    spec.user = factory_.member(rng_);
    std::int64_t budget = static_cast<std::int64_t>(count_ - emitted_) - 1 -
                          static_cast<std::int64_t>(pending_.size());
    ThreadSummary summary;
    int thread = -1;
    bool any_broadcast = false;
    if (budget > 0 && rng_.per_mille(thread_chance(spec.kind))) {
      thread = next_thread_++;
      int parent_user = parent_user_of(spec.kind, spec.user);
      plan_replies(ts, parent_user, thread, static_cast<int>(std::min<std::int64_t>(budget, 1000)),
                   summary, any_broadcast);
      spec.thread = &summary;
      if (spec.kind == MessageKind::kHuman && rng_.percent(3)) spec.kind = MessageKind::kTombstone;
      OpenThread& open = threads_[thread];
      open.target.thread_ts = spec.ts;
      open.target.parent_user = parent_user;
      open.remaining = summary.reply_count;
    }
    std::string json = factory_.build(rng_, spec);
    if (thread >= 0) {
      stats_.threads += 1;
      if (any_broadcast) threads_[thread].target.root_json = json;
    }
    if (spec.kind == MessageKind::kPagerDuty || spec.kind == MessageKind::kDatadog) {
      stats_.bot_messages += 1;
    }
    if (spec.kind == MessageKind::kDeploy) stats_.app_posts += 1;
    return write(ts, json);
  }

  core::Result<void> emit_reply() {
    auto it = pending_.begin();
    std::int64_t ts = it->first;
    PendingReply plan = it->second;
    pending_.erase(it);
    auto open = threads_.find(plan.thread);
    ReplyTarget& target = open->second.target;
    target.broadcast = plan.broadcast;
    MessageSpec spec;
    spec.kind = rng_.percent(4) ? MessageKind::kFileShare : MessageKind::kHuman;
    spec.ts = core::SlackTs::from_micros(ts);
    spec.user = plan.user;
    spec.reply = &target;
    std::string json = factory_.build(rng_, spec);
    stats_.replies += 1;
    if (--open->second.remaining == 0) threads_.erase(open);
    return write(ts, json);
  }

  core::Result<void> write(std::int64_t ts, const std::string& json) {
    last_ = ts;
    ++emitted_;
    stats_.messages += 1;
    return days_.add(ts, json);
  }

  const Workspace& ws_;
  const Conversation& conv_;
  std::uint64_t count_;
  Rng rng_;
  MessageFactory factory_;
  Timeline timeline_;
  DayFileWriter days_;
  ExportStats& stats_;
  std::map<std::int64_t, PendingReply> pending_;
  std::map<int, OpenThread> threads_;
  int next_thread_ = 0;
  std::uint64_t emitted_ = 0;
  std::int64_t last_ = 0;
};

}  // namespace

core::Result<void> write_conversation(const Workspace& ws, const Conversation& conversation,
                                      const StreamOptions& options, ExportSink& sink,
                                      ExportStats& stats) {
  if (options.count == 0) return {};
  Stream stream(ws, conversation, options, sink, stats);
  return stream.run();
}

}  // namespace backscroll::generator
