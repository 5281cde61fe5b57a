#include "serve/serve_command.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <system_error>

#include "diag/print_diagnostics.h"
#include "i18n/messages.h"
#include "util/escape.h"
#include "write/output_dir.h"

namespace kv::serve {

namespace fs = std::filesystem;

namespace {

// Ctrl-C, SIGTERM and SIGHUP (the terminal closed) are read from a signalfd instead of caught by a handler: blocked in
// every thread (the mask is set before any thread starts, and threads inherit it), they
// wait in the descriptor until the main thread reads them, so no handler and no global
// flag are needed. SIGPIPE is blocked too: a tab closed mid-answer is a failed write, not
// the end of the program.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGHUP);
    sigset_t blocked = set_;
    sigaddset(&blocked, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &blocked, &old_);
    fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC);
  }
  ~StopSignals() {
    if (fd_ >= 0) ::close(fd_);
    restore();
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Blocks until one of them arrives.
  void wait() const {
    signalfd_siginfo info;
    while (::read(fd_, &info, sizeof info) < 0 && errno == EINTR) {
    }
  }
  // A second Ctrl-C while shutting down then ends the program at once.
  void restore() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  bool ok() const { return fd_ >= 0; }

 private:
  sigset_t set_, old_;
  int fd_ = -1;
};

}  // namespace

int run_serve(const CommandContext& context, const ServeOptions& options, std::ostream& out, std::ostream& err) {
  const Lang lang = context.lang;
  if (!context.content_exists) {
    Diagnostics diags = context.diagnostics();
    diags.error({options.pipeline.content_root.generic_string(), 0, 0}, diags.t(Msg::kContentDirMissing), diags.t(Msg::kContentDirMissingHint));
    print_diagnostics(diags, context.options.style, out, err);
    return 1;
  }
  StopSignals signals;
  if (!signals.ok()) throw std::system_error(errno, std::generic_category(), "signalfd");
  std::optional<Session> session;
  try {
    ServeOptions with_lang = options;
    with_lang.lang = lang;
    session.emplace(std::move(with_lang), out, err);
  } catch (const std::system_error& e) {
    Diagnostics diags = context.diagnostics();
    diags.error({}, diags.t(Msg::kServeTempFailed, {write_error_reason(e.code().value(), diags)}), diags.t(Msg::kServeTempFailedHint));
    print_diagnostics(diags, context.options.style, out, err);
    return 1;
  }
  if (!session->start()) return 1;
  const Lang site_lang = session->state().current()->lang;
  std::ostream& people = people_stream(context.options.style, out, err);
  people << text(site_lang, Msg::kServeAddress, {"http://127.0.0.1:" + std::to_string(session->port()) + "/"})
      << std::endl;
  signals.wait();
  signals.restore();
  session->stop();
  people << text(site_lang, Msg::kServeStopped) << std::endl;
  return 0;
}

}  // namespace kv::serve
