// The PDF step reads only the staged site: a print page naming http URLs, files elsewhere on
// the machine, ../ paths or a symlink out of the staging folder gets a PDF without them, a
// warning for each, and no connection is made. WeasyPrint also gets a time limit.
// Needs WeasyPrint and poppler-utils (pdfimages), like tests/pdf_check.py.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "render/pdf/pdf_writer.h"
#include "support.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

// A TCP listener on 127.0.0.1 (ephemeral port) that counts every connection it is offered,
// until it is destroyed (or, at the latest, after five minutes).
class ConnectionCounter {
 public:
  ConnectionCounter() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 || listen(fd_, 16) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      throw std::runtime_error("cannot listen on 127.0.0.1");
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] {
      for (int ms = 0; !stop_ && ms < 300000; ms += 50) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0) continue;
        int client = accept(fd_, nullptr, nullptr);
        if (client >= 0) {
          ++connections_;
          close(client);
        }
      }
    });
  }
  ~ConnectionCounter() {
    stop_ = true;
    thread_.join();
    close(fd_);
  }
  int port() const { return port_; }
  int connections() const { return connections_; }

 private:
  int fd_ = -1, port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
};

// A 1×1 PNG.
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00"
    "\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\x38\x21\x27\x07\x00\x02\xb6\x01\x05\x34"
    "\xa6\x75\xaa\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    69);
// Another 1×1 PNG, as a data: URL (allowed: it names no place to fetch from).
const std::string kDataPng =
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGOQkzsBAAFiAQURG6MhAAAAAElFTkSuQmCC";

std::string command_output(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  pclose(pipe);
  return out;
}

// The number of images in a PDF, by poppler's pdfimages (independent of kvalitet).
int image_count(const fs::path& pdf) {
  auto lines = command_output("pdfimages -list '" + pdf.string() + "'");
  int rows = 0;
  for (char c : lines) rows += c == '\n';
  return rows - 2;  // two header lines
}

std::vector<std::string> messages(const kv::Diagnostics& diagnostics, kv::Severity severity) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.list.items())
    if (d.severity == severity) out.push_back(d.pos.path + ": " + d.message);
  return out;
}

// The most processes seen at once, over half a second, whose command line mentions text (the
// test's unique folder): none may outlive the PDF step. Sampled repeatedly because a process
// that has just called exec may briefly show an empty command line.
int processes_mentioning(const std::string& text) {
  int most = 0;
  for (int sample = 0; sample < 10; ++sample) {
    int found = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/proc", ec)) {
      const std::string pid = entry.path().filename().string();
      if (pid.find_first_not_of("0123456789") != std::string::npos || pid == std::to_string(getpid())) continue;
      if (read(entry.path() / "cmdline").find(text) != std::string::npos) ++found;
    }
    most = std::max(most, found);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return most;
}

}  // namespace

TEST_CASE("pdf: WeasyPrint reads only the staged site and reports every refused URL") {
  TempDir dir;
  ConnectionCounter listener;
  const std::string server = "http://127.0.0.1:" + std::to_string(listener.port());
  const fs::path staging = dir.path() / "staging", outside = dir.path() / "outside.png";
  write(outside, kPng);
  write(staging / "doc" / "inside.png", kPng);
  fs::create_symlink(outside, staging / "doc" / "link.png");
  write(staging / "doc" / "print.css", "body { background: url(../../outside.png) }\n");  // from a staged stylesheet
  write(staging / "doc" / "utskrift.html",
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Prov</title>\n"
        "<link rel=\"stylesheet\" href=\"" + server + "/s.css\">\n"
        "<link rel=\"stylesheet\" href=\"print.css\">\n"
        "<style>h1 { background: url(" + server + "/bg.png) }</style></head><body>\n"
        "<h1>Prov</h1>\n"
        "<img src=\"" + server + "/x.png\" alt=\"remote\">\n"
        "<img src=\"file://" + outside.string() + "\" alt=\"absolute file\">\n"
        "<img src=\"../../outside.png\" alt=\"relative, outside\">\n"
        "<img src=\"link.png\" alt=\"symlink out\">\n"
        "<img src=\"inside.png\" alt=\"inside\">\n"
        "<img src=\"" + kDataPng + "\" alt=\"data\">\n"
        "</body></html>\n");

  kv::Diagnostics diagnostics;
  bool ok = kv::write_pdf_files({{"doc/utskrift.html", "doc/prov.pdf", 0, 0, ""}}, staging, "pdf/a-2b", 1,
                                kv::kPdfTimeLimit, diagnostics).ok;
  std::string all;
  for (const auto& d : diagnostics.list.items()) all += kv::format_diagnostic(d);
  INFO(all);
  CHECK(ok);
  CHECK(messages(diagnostics, kv::Severity::kError).empty());
  CHECK(listener.connections() == 0);
  REQUIRE(fs::exists(staging / "doc" / "prov.pdf"));
  CHECK(image_count(staging / "doc" / "prov.pdf") == 2);  // inside.png and the data: URL

  auto warnings = messages(diagnostics, kv::Severity::kWarning);
  const std::string outside_url = "file://" + outside.string();
  for (const std::string& url : {server + "/s.css", server + "/bg.png", server + "/x.png", outside_url,
                                std::string("doc/link.png")}) {  // a symlink out: shown site-relative
    INFO(url);
    CHECK(std::count_if(warnings.begin(), warnings.end(), [&](const std::string& w) {
            return w.find("”" + url + "”") != std::string::npos;
          }) == 1);
  }
  // outside.png is named three times (absolute, ../../, from print.css): one warning.
  CHECK(warnings.size() == 5);
  for (const auto& w : warnings) {
    CHECK_THAT(w, Contains("doc/utskrift.html: doc/prov.pdf: WeasyPrint fick inte hämta"));
    CHECK_THAT(w, !Contains(staging.string()));  // the staging folder means nothing to the user
  }
}

TEST_CASE("pdf: a refused URL is shown escaped for the terminal") {
  TempDir dir;
  const fs::path staging = dir.path() / "staging";
  // \x1b[2J would clear the screen; U+202E would reverse the text after it.
  write(staging / "doc" / "utskrift.html",
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Prov</title></head><body>"
        "<img src=\"http://example.invalid/\x1b[2J\xe2\x80\xae.png\" alt=\"x\"></body></html>");
  kv::Diagnostics diagnostics;
  CHECK(kv::write_pdf_files({{"doc/utskrift.html", "doc/prov.pdf", 0, 0, ""}}, staging, "pdf/a-2b", 1,
                            kv::kPdfTimeLimit, diagnostics).ok);
  auto warnings = messages(diagnostics, kv::Severity::kWarning);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find('\x1b') == std::string::npos);
  CHECK(warnings[0].find("\xe2\x80\xae") == std::string::npos);
  CHECK_THAT(warnings[0], Contains("http://example.invalid/"));
}

TEST_CASE("pdf: a document that exceeds the time limit is stopped with an error naming it") {
  TempDir dir;
  const fs::path staging = dir.path() / "staging";
  write(staging / "doc" / "utskrift.html", "<!DOCTYPE html><html><head><title>Prov</title></head><body>x</body></html>");
  kv::Diagnostics diagnostics;
  // Starting Python and importing WeasyPrint alone takes far longer than 1 ms.
  bool ok = kv::write_pdf_files({{"doc/utskrift.html", "doc/prov.pdf", 0, 0, ""}}, staging, "pdf/a-2b", 1,
                                std::chrono::milliseconds(1), diagnostics).ok;
  CHECK_FALSE(ok);
  auto errors = messages(diagnostics, kv::Severity::kError);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "doc/utskrift.html: WeasyPrint blev inte klart med doc/prov.pdf inom 1 ms och stoppades");
  CHECK_FALSE(fs::exists(staging / "doc" / "prov.pdf"));
  CHECK(processes_mentioning(staging.string()) == 0);
}

// The end-to-end case: `kvalitet pdf` on content whose answers name images by http
// URL, by absolute path and by a ../ path out of the content folder. `check` refuses them, so
// the build stops before any page is written, the listener is never called, and the
// previous output stays as it was.
TEST_CASE("pdf: kvalitet pdf on content with remote and absolute image URLs fetches nothing") {
  ConnectionCounter listener;
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "ut";
  copy_fixture("valid", content);
  write(dir.path() / "ute.png", kPng);
  const std::string url = "http://127.0.0.1:" + std::to_string(listener.port());
  replace(submission_dir(content) / "fraga-03.md", "Nya arbetssätt.",
          "Nya arbetssätt. ![a](" + url + "/x.png) ![b](" + (dir.path() / "ute.png").string() +
              ") ![c](../../../../ute.png)\n\n```bild\nbildtext: D\nfil: " + (dir.path() / "ute.png").string() + "\n```");
  auto options = options_for(content);
  options.output_dir = out.string();
  options.pdf_variant = "pdf/a-2b";
  std::ostringstream stdout_text, stderr_text;
  CHECK(kv::run_build(options, stdout_text, stderr_text) == 1);
  INFO(stderr_text.str());
  CHECK_THAT(stderr_text.str(), Contains("anges med en adress"));
  CHECK_THAT(stderr_text.str(), Contains("ligger utanför innehållsmappen"));
  CHECK_FALSE(fs::exists(out));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(listener.connections() == 0);
}
