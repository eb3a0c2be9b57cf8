#pragma once
// A cpp-httplib task queue with a fixed number of workers and a bounded queue:
// when `max_queued` accepted connections wait, enqueue() (the accept loop)
// waits too, so the kernel's listen backlog absorbs the excess instead of
// memory. Internal to server/.

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace backscroll::server {

class WorkerPool : public httplib::TaskQueue {
 public:
  WorkerPool(std::size_t threads, std::size_t max_queued) : max_queued_(max_queued) {
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }
  ~WorkerPool() override = default;

  void enqueue(std::function<void()> fn) override {
    {
      std::unique_lock lock(mutex_);
      has_room_.wait(lock, [this] { return jobs_.size() < max_queued_ || shutdown_; });
      jobs_.push_back(std::move(fn));
    }
    has_job_.notify_one();
  }

  // Runs the queued jobs, then joins the workers.
  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      shutdown_ = true;
    }
    has_job_.notify_all();
    has_room_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mutex_);
        has_job_.wait(lock, [this] { return !jobs_.empty() || shutdown_; });
        if (jobs_.empty()) return;
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      has_room_.notify_one();
      fn();
    }
  }

  const std::size_t max_queued_;
  std::vector<std::thread> threads_;
  std::deque<std::function<void()>> jobs_;
  bool shutdown_ = false;
  std::mutex mutex_;
  std::condition_variable has_job_;
  std::condition_variable has_room_;
};

}  // namespace backscroll::server
