#include "render/pdf/weasyprint_script.h"

namespace kv {

// WeasyPrint's own URL fetcher follows any URL a page names (http, https, file: anywhere on
// the machine) with no limit; this one lets it read the built site and nothing else.
// Every line this program writes on stderr is one line: log records and errors have their
// control characters percent-encoded, so text from a page cannot forge a refused-URL line.
const std::string_view kWeasyPrintScript = R"py(
import inspect, logging, mimetypes, os, re, sys, urllib.parse, urllib.request

import weasyprint
from weasyprint.urls import default_url_fetcher, iri_to_uri

REFUSED = 'kvalitet-refused-url: '
staging, page, base_url, target, variant, identifier = sys.argv[1:7]
root = os.path.realpath(staging)


def one_line(text, limit=300):
    text = re.sub(r'[\x00-\x1f\x7f]', lambda m: '%%%02X' % ord(m.group()), str(text))
    return text if len(text) <= limit else text[:limit] + '...'


class OneLine(logging.Formatter):
    def format(self, record):
        return one_line(super().format(record), 2000)


def inside_staging(path):
    return path == root or path.startswith(root + os.sep)


def staged_file(url):
    """The real path of a file: URL's file when it lies inside the staging folder."""
    try:
        parts = urllib.parse.urlsplit(url.split('?')[0])
        if parts.netloc not in ('', 'localhost'):
            return None
        path = os.path.realpath(urllib.request.url2pathname(parts.path))
    except (ValueError, OSError):
        return None
    return path if inside_staging(path) else None


def shown(url, scheme):
    """A refused file: URL within the staging folder (a symlink out) as a site-relative path:
    the staging folder's name means nothing to the user."""
    if scheme == 'file':
        try:
            path = os.path.normpath(urllib.request.url2pathname(urllib.parse.urlsplit(url).path))
            if path.startswith(os.path.abspath(staging) + os.sep):
                return os.path.relpath(path, os.path.abspath(staging))
        except ValueError:
            pass
    return url


def fetch(url):
    scheme = url.split(':', 1)[0].lower()
    if scheme == 'data':
        return default_url_fetcher(url)
    path = staged_file(url) if scheme == 'file' else None
    if path is None:
        sys.stderr.write(REFUSED + one_line(shown(url, scheme)) + '\n')
        sys.stderr.flush()
        raise ValueError('kvalitet reads only the files of the built site')
    # The file checked is the file read: the resolved path, not the URL again.
    with open(path, 'rb') as f:
        data = f.read()
    # What urllib would answer for the same file, so that output matches WeasyPrint's own.
    return {'string': data, 'mime_type': mimetypes.guess_type(path)[0] or 'text/plain',
            'encoding': None, 'filename': None, 'redirected_url': iri_to_uri(url.split('?')[0])}


def main():
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine('%(levelname)s: %(message)s'))
    weasyprint.LOGGER.addHandler(handler)
    # WeasyPrint 57 (Debian 12) names the options variant and identifier; later versions
    # prefix them with pdf_.
    prefix = '' if 'variant' in inspect.signature(weasyprint.HTML.write_pdf).parameters else 'pdf_'
    html = weasyprint.HTML(filename=page, base_url=base_url, url_fetcher=fetch, media_type='print')
    html.write_pdf(target, **{prefix + 'variant': variant, prefix + 'identifier': identifier})


try:
    main()
except Exception as e:
    sys.stderr.write('ERROR: ' + one_line(f'{type(e).__name__}: {e}', 2000) + '\n')
    sys.exit(1)
)py";

}  // namespace kv
