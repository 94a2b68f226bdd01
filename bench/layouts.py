#!/usr/bin/env python3
"""One novel laid out the ways people bring books, each read as the plain text is.

Usage: bench/layouts.sh [NOVEL...]  (folders of ../shared/data/pdnc-dev; default three)

Each novel of ../shared/data/pdnc-dev is written out as a plain text without blank lines (one
line per paragraph; wrapped lines with indented first lines), with CRLF, in Windows-1252 with
curly quotes, as HTML three ways (paragraphs, <br><br>, <pre>), and through pandoc, Chromium and
LibreOffice (when installed) as EPUB, Word and PDF (space between paragraphs; a book's indents,
running head and page numbers; a printed <pre>; Word's export). Each is parsed by the packaged
CLI, and compared with the parse of the plain text: chapters, segments, the share of the text's
speeches found with the same words, and with the same words and speaker.
"""
import collections
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(ROOT, '..', 'shared', 'data', 'pdnc-dev')
CLI = os.path.join(ROOT, 'etoaudiobook')
HEADING = re.compile(r'^(?:(?:CHAPTER|Chapter|PART|BOOK)\b.*|[IVXLC]+\.?)$')
BOOK_CSS = ('<style>html{font-size:15px} body{max-width:none;margin:0;padding:0;'
            'text-align:justify;font-family:serif} p{margin:0;text-indent:1.5em} '
            'h1{page-break-before:always;text-align:center}</style>')


def parse(path):
    env = dict(os.environ, ETOAUDIOBOOK_SKIP_BUILD='1')
    r = subprocess.run([CLI, 'parse', '--json', path], capture_output=True, text=True, env=env)
    return json.loads(r.stdout) if r.returncode == 0 else None


def norm(s):
    s = s.translate(str.maketrans({'\u201c': '"', '\u201d': '"', '\u2018': "'", '\u2019': "'",
                                   '\u2013': '-', '\u2014': '-'}))
    return re.sub(r'\s+', ' ', s.replace('--', '-').replace('_', '')).strip()


def speeches(book):
    return [(s['role'], norm(s['text'])) for c in book['chapters'] for s in c['segments']
            if s['role'] != 'Narrator']


def curly(text):
    out, opening = [], True
    for line in text.split('\n'):
        if not line.strip():
            opening = True
        for ch in line:
            if ch == '"':
                out.append('\u201c' if opening else '\u201d')
                opening = not opening
            else:
                out.append(ch)
        out.append('\n')
    return ''.join(out)


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          timeout=600).returncode == 0


def variants(novel, out):
    text = open(os.path.join(DEV, novel, 'novel_text.txt'), encoding='utf-8').read()
    paras = [p.strip('\n') for p in re.split(r'\n\s*\n', text) if p.strip()]
    joined = [' '.join(l.strip() for l in p.splitlines()) for p in paras]
    made = {}

    def write(name, content, encoding='utf-8', newline=None):
        path = os.path.join(out, novel + '.' + name)
        with open(path, 'w', encoding=encoding, errors='replace', newline=newline) as f:
            f.write(content)
        made[name] = path
        return path

    write('oneline.txt', '\n'.join(joined))
    write('indent.txt', '\n'.join('    ' + p for p in paras))
    write('crlf.txt', text, newline='\r\n')
    write('cp1252.txt', curly(text), encoding='cp1252')
    body = []
    br = []
    for p in joined:
        e = html.escape(p, quote=False)
        body.append(f'<h1>{e}</h1>' if HEADING.match(p) else f'<p>{e}</p>')
        br.append(f'<b>{e}</b><br><br>' if HEADING.match(p) else e + '<br><br>')
    head = f'<html lang="en"><head><meta charset="utf-8"><title>{novel}</title>'
    write('html', head + '</head><body>' + '\n'.join(body) + '</body></html>')
    write('br.html', head + '</head><body><font>' + '\n'.join(br) + '</font></body></html>')
    write('pre.html', head + '</head><body><pre>\n' + html.escape(text, quote=False)
          + '</pre></body></html>')
    book = write('book.html', head + BOOK_CSS + '</head><body>' + '\n'.join(body) + '</body></html>')
    if shutil.which('pandoc'):
        for ext in ('epub', 'docx'):
            path = os.path.join(out, f'{novel}.{ext}')
            if run(['pandoc', '-f', 'html', made['html'], '-o', path]):
                made[ext] = path
    chromium = shutil.which('chromium') or shutil.which('chromium-browser')
    if chromium:
        for name, src, extra in (('pdf', made['html'], ['--no-pdf-header-footer']),
                                 ('book.pdf', book, []),
                                 ('pre.pdf', made['pre.html'], ['--no-pdf-header-footer'])):
            path = os.path.join(out, f'{novel}.{name}')
            if run([chromium, '--headless', '--no-sandbox', '--disable-gpu', *extra,
                    '--print-to-pdf=' + path, 'file://' + src]):
                made[name] = path
    soffice = shutil.which('soffice')
    if soffice and 'docx' in made:
        lo = os.path.join(out, 'lo')
        for src, fmt, name in ((made['docx'], 'pdf', 'word.pdf'),
                               (made['oneline.txt'], 'docx:MS Word 2007 XML', 'oneline.docx'),
                               (made['crlf.txt'], 'docx:MS Word 2007 XML', 'wrapped.docx')):
            if run([soffice, '--headless', '--convert-to', fmt, '--outdir', lo, src]):
                base = os.path.splitext(os.path.basename(src))[0]
                got = os.path.join(lo, base + '.' + fmt.split(':')[0])
                path = os.path.join(out, f'{novel}.{name}')
                shutil.move(got, path)
                made[name] = path
    return made


def main(argv):
    novels = argv or ['TheAwakening', 'WinnieThePooh', 'DaisyMiller']
    totals = collections.defaultdict(lambda: [0, 0, 0])
    with tempfile.TemporaryDirectory() as out:
        for novel in novels:
            ref = parse(os.path.join(DEV, novel, 'novel_text.txt'))
            want = speeches(ref)
            print(f"{novel}: the text {len(ref['chapters'])} chapters, "
                  f"{sum(len(c['segments']) for c in ref['chapters'])} segments, {len(want)} speeches")
            for name, path in variants(novel, out).items():
                book = parse(path)
                if book is None:
                    print(f'  {name:13s} refused')
                    continue
                got = speeches(book)
                same_words = sum((collections.Counter(t for _, t in want)
                                  & collections.Counter(t for _, t in got)).values())
                same_speaker = sum((collections.Counter(want) & collections.Counter(got)).values())
                totals[name][0] += same_words
                totals[name][1] += same_speaker
                totals[name][2] += len(want)
                print(f"  {name:13s} {len(book['chapters']):3d} chapters {sum(len(c['segments']) for c in book['chapters']):5d} "
                      f"segments  speeches: same words {same_words / len(want):.3f}, "
                      f"same words and speaker {same_speaker / len(want):.3f}")
    print('all novels:')
    for name, (w, s, n) in totals.items():
        print(f'  {name:13s} same words {w / n:.3f}, same words and speaker {s / n:.3f}')


if __name__ == '__main__':
    main(sys.argv[1:])
