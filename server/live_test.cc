// The server stays live while an ingest writes: new messages become
// searchable within seconds, without a restart and without a failed request.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "server/test_server.h"

namespace backscroll::server {
namespace {

using namespace std::chrono_literals;

TEST(LiveTest, NewMessagesBecomeSearchableWhileRequestsKeepSucceeding) {
  testing::PlantedArchive archive;  // The writer stays open: it holds the write lock.
  testing::RunningServer server(archive, 100ms);

  std::atomic<bool> done{false};
  std::atomic<int> requests{0};
  std::atomic<int> failures{0};
  std::string failure;
  std::mutex failure_mutex;
  std::vector<std::thread> clients;
  for (int i = 0; i < 3; ++i) {
    clients.emplace_back([&, i] {
      auto client = server.client(i == 0 ? testing::kAllToken : "");
      while (!done) {
        auto res = client->Get(i == 2 ? "/api/stats" : "/api/search?q=deploy%20OR%20zebra");
        ++requests;
        if (!res || res->status != 200) {
          ++failures;
          std::lock_guard lock(failure_mutex);
          failure = res ? std::to_string(res->status) + " " + res->body : "no response";
        }
      }
    });
  }

  for (int round = 0; round < 5; ++round) {
    const std::string word = "zebra" + std::to_string(round);
    archive.add({testing::message("C2", 1000 + round, "U1", "a " + word + " appears")});
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    std::string body;
    auto client = server.client();
    while (std::chrono::steady_clock::now() < deadline) {
      auto res = client->Get("/api/search?q=" + word);
      ASSERT_TRUE(res);
      body = res->body;
      if (body.find(R"("total":1)") != std::string::npos) break;
      std::this_thread::sleep_for(20ms);
    }
    EXPECT_NE(body.find(R"("total":1)"), std::string::npos) << word << ": " << body;
  }
  done = true;
  for (std::thread& t : clients) t.join();
  EXPECT_GT(requests.load(), 10);
  EXPECT_EQ(failures.load(), 0) << failure;
}

TEST(LiveTest, StopsPromptlyEvenBeforeServing) {
  testing::PlantedArchive archive;
  const auto start = std::chrono::steady_clock::now();
  { testing::RunningServer server(archive); }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

}  // namespace
}  // namespace backscroll::server
