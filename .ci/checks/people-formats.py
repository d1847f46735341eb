"""Independent consumers of the formats for people (run by 40-people-formats).

Each format is read back by a program that did not write it:
- email: Python's `email` package parses every message; the decoded From, To (name and
  address), Subject and body must equal what was meant (the `*.intent.json` golden files,
  or the findings of a `--format json` run of the same inputs), and the headers must be
  plain 7-bit lines of at most 78 characters with no injected field.
- csv: Python's `csv` module reads the file back; after removing the formula guard the
  cells equal the findings of the JSON report of the same inputs.
- html: `xml.etree` (the page is well-formed XML) and `html5lib` (as a browser parses it)
  accept the page; it has no script and loads nothing.
- the page in a browser: headless Chromium renders it to a PNG, which must be large and
  far from blank.

Usage: people-formats.py CHECK_BINARY OUTPUT_FOLDER
"""

import csv
import email
import email.policy
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "Tests/RulesTests/Reporters/Golden")
FIXTURES = os.path.join(ROOT, "Tests/CheckTests/Fixtures")
CHECK = sys.argv[1]
OUT = os.path.abspath(sys.argv[2])
failures = []


def fail(what):
    failures.append(what)
    print("FAIL:", what)


def run_check(args):
    env = dict(os.environ, LANG="C", NO_COLOR="1")
    p = subprocess.run([CHECK] + args, capture_output=True, env=env, cwd=ROOT)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


BASE = ["-r", os.path.join(FIXTURES, "rules"), os.path.join(FIXTURES, "data.csv"), "--numbers", "vi"]


# ---------------------------------------------------------------- email

def check_headers(path, raw):
    head = raw.split(b"\r\n\r\n", 1)[0]
    if b"\n" in head.replace(b"\r\n", b""):
        fail(f"{path}: a bare LF in the header")
    for line in head.split(b"\r\n"):
        if len(line) > 78:
            fail(f"{path}: header line longer than 78: {line!r}")
        if any(b > 126 or (b < 32 and b != 9) for b in line):
            fail(f"{path}: header line is not 7-bit text: {line!r}")


def parse_mail(path):
    raw = open(path, "rb").read()
    check_headers(path, raw)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for name in ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version"]:
        if len(msg.get_all(name, [])) != 1:
            fail(f"{path}: expected exactly one {name} header")
    for name in ["Bcc", "Cc", "X-Evil"]:
        if msg.get_all(name):
            fail(f"{path}: an injected {name} header")
    if msg.get_content_type() != "text/plain" or msg.get_content_charset() != "utf-8":
        fail(f"{path}: not text/plain; charset=UTF-8")
    if msg.defects:
        fail(f"{path}: parser defects {msg.defects}")
    body = msg.get_content().replace("\r\n", "\n")
    return msg, body


def check_email_goldens():
    count = 0
    for name in sorted(os.listdir(GOLDEN)):
        if not (name.startswith("email.") and name.endswith(".intent.json")):
            continue
        folder = os.path.join(GOLDEN, name[: -len(".intent.json")])
        intents = json.load(open(os.path.join(GOLDEN, name), encoding="utf-8"))
        files = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        if sorted(i["file"] for i in intents) != files:
            fail(f"{name}: files {files} differ from the intended {[i['file'] for i in intents]}")
        for intent in intents:
            path = os.path.join(folder, intent["file"])
            msg, body = parse_mail(path)
            to = msg["To"].addresses
            if len(to) != 1:
                fail(f"{path}: To has {len(to)} addresses")
                continue
            checks = [
                ("From", msg["From"].addresses[0].addr_spec, intent["from"]),
                ("To address", to[0].addr_spec, intent["toAddress"]),
                ("To name", to[0].display_name, intent["toName"] or ""),
                ("Subject", str(msg["Subject"]), intent["subject"]),
                ("body", body, intent["body"]),
            ]
            for what, got, meant in checks:
                if got != meant:
                    fail(f"{path}: decoded {what} {got!r} differs from the intended {meant!r}")
            count += 1
    if count == 0:
        fail("no email golden files found")
    print(f"email: {count} golden messages decode to what was meant")


def one_line(s):
    out, last_break = [], False
    for c in s:
        if c in "\r\n\u2028\u2029\x85\x0b\x0c":
            if not last_break:
                out.append(" ")
            last_break = True
        else:
            out.append(c)
            last_break = False
    return "".join(out)


def check_email_run():
    folder = os.path.join(OUT, "mail")
    status, _, stderr = run_check(BASE + ["--as-of", "2027-01-10", "--lang", "vi", "-f", "email", "-o", folder])
    if status != 1:
        fail(f"email run: exit status {status}")
    status, out, _ = run_check(BASE + ["--as-of", "2027-01-10", "--lang", "vi", "-f", "json"])
    findings = json.loads(out)["findings"]
    plan = json.load(open(os.path.join(FIXTURES, "rules/xa-mau.json"), encoding="utf-8"))
    owners = plan["owners"]
    bodies = {}
    for f in sorted(os.listdir(folder)):
        msg, body = parse_mail(os.path.join(folder, f))
        bodies[f[:-4]] = body
        owner = owners.get(f[:-4])
        if owner is None or msg["To"].addresses[0].addr_spec != owner.get("email"):
            fail(f"{f}: addressed to {msg['To']}, not to its owner")
        elif msg["To"].addresses[0].display_name != owner["name"]:
            fail(f"{f}: display name {msg['To'].addresses[0].display_name!r} is not {owner['name']!r}")
    for finding in findings:
        owner = finding.get("owner") or plan["owner"]
        if "email" not in owners.get(owner, {}):
            if f"'{owner}'" not in stderr:
                fail(f"owner {owner} without an address is not named on standard error")
            continue
        if one_line(finding["message"]) not in bodies.get(owner, ""):
            fail(f"the finding {finding['code']} {finding.get('rule')} is not in the mail to {owner}")
    print(f"email: {len(bodies)} messages of a real run parse and carry every finding of their owner")


# ---------------------------------------------------------------- csv

def unneutralise(cell):
    if cell.startswith("'") and cell[1:2] and cell[1] in "=+-@\t\r":
        return cell[1:]
    return cell


def compare_csv(label, text, report):
    if not text.startswith("\ufeff"):
        fail(f"{label}: no byte order mark")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    header, rows = rows[0], rows[1:]
    findings = report["findings"]
    if len(rows) != len(findings):
        fail(f"{label}: {len(rows)} rows for {len(findings)} findings")
    fields = ["code", "plan", "rule", "title", "unit", "indicator", "period", "due", "expected", "owner", "message", "hint"]
    positions = {"code": 1, "plan": 3, "rule": 4, "title": 5, "unit": 6, "indicator": 7, "period": 8, "due": 9,
                 "expected": 10, "actual": 11, "owner": 12, "message": 13, "hint": 14, "file": 15, "line": 16}
    for row, finding in zip(rows, findings):
        if len(row) != len(header):
            fail(f"{label}: a row with {len(row)} cells under {len(header)} columns")
            continue
        cells = [unneutralise(c) for c in row]
        for first in row:
            if first[:1] in ("=", "+", "@", "\t", "\r") or (first[:1] == "-" and not is_number(first)):
                fail(f"{label}: a formula-like cell is not neutralised: {first!r}")
        for field in fields:
            if cells[positions[field]] != (finding.get(field) or ""):
                fail(f"{label}: {field} {cells[positions[field]]!r} != {finding.get(field)!r}")
        actual = finding.get("actual")
        got = cells[positions["actual"]]
        if isinstance(actual, (int, float)) and not isinstance(actual, bool):
            if not is_number(got) or abs(float(got) - actual) > 1e-9:
                fail(f"{label}: actual {got!r} != {actual!r}")
        elif got != (actual or ""):
            fail(f"{label}: actual {got!r} != {actual!r}")
        location = finding.get("location") or {}
        if cells[positions["file"]] != location.get("file", "") or cells[positions["line"]] != str(location.get("line", "")):
            fail(f"{label}: location differs")
    return len(rows)


def is_number(s):
    try:
        float(s)
        return s.strip() == s and s != ""
    except ValueError:
        return False


def check_csv():
    count = 0
    for sample in ["awkward", "empty"]:
        for lang in ["en", "vi"]:
            text = open(os.path.join(GOLDEN, f"csv.{sample}.{lang}.csv"), encoding="utf-8", newline="").read()
            report = json.load(open(os.path.join(GOLDEN, f"findings.{sample}.{lang}.json"), encoding="utf-8"))
            count += compare_csv(f"csv.{sample}.{lang}", text, report)
    for lang in ["en", "vi"]:
        _, text, _ = run_check(BASE + ["--as-of", "2026-07-01", "--lang", lang, "-f", "csv"])
        _, out, _ = run_check(BASE + ["--as-of", "2026-07-01", "--lang", lang, "-f", "json"])
        count += compare_csv(f"csv run {lang}", text, json.loads(out))
    print(f"csv: {count} rows read back to the cells of the JSON findings")


# ---------------------------------------------------------------- html

def check_html(label, text, expect_svg):
    import html5lib
    try:
        root = ET.fromstring(text.split("\n", 1)[1] if text.startswith("<!DOCTYPE html>") else text)
    except ET.ParseError as e:
        fail(f"{label}: not well-formed XML: {e}")
        return
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(text)
    except Exception as e:  # html5lib raises ParseError with the position
        fail(f"{label}: html5lib reports a parse error: {e}")
    ns = {"h": "http://www.w3.org/1999/xhtml", "s": "http://www.w3.org/2000/svg"}
    if root.findall(".//h:script", ns):
        fail(f"{label}: has a script")
    for element in root.iter():
        for attribute in ("src", "href"):
            if attribute in element.attrib:
                fail(f"{label}: loads {element.attrib[attribute]!r}")
    svgs = root.findall(".//s:svg", ns)
    if expect_svg and not svgs:
        fail(f"{label}: no inline SVG chart")
    title = root.find(".//h:title", ns)
    if title is None or not title.text:
        fail(f"{label}: no title")


def screenshot(html_path, png_path):
    browser = next((b for b in ["chromium", "chromium-browser"] if subprocess.run(["which", b], capture_output=True).returncode == 0), None)
    if browser is None:
        fail("chromium is not installed")
        return
    subprocess.run(["timeout", "180", browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1100,2000", f"--screenshot={png_path}", "file://" + os.path.abspath(html_path)],
                   capture_output=True)
    if not os.path.exists(png_path):
        fail(f"chromium wrote no screenshot of {html_path}")
        return
    from PIL import Image
    image = Image.open(png_path).convert("RGB")
    small = image.resize((image.width // 4, image.height // 4))
    data = small.tobytes()
    pixels = [data[i:i + 3] for i in range(0, len(data), 3)]
    colours = len(set(pixels))
    background = max(set(pixels), key=pixels.count)
    inked = sum(1 for p in pixels if p != background) / len(pixels)
    size = os.path.getsize(png_path)
    print(f"html: {os.path.basename(png_path)}: {image.width}x{image.height}, {size} bytes, {colours} colours, {inked:.0%} inked")
    if size < 30000 or colours < 40 or inked < 0.05:
        fail(f"{png_path}: the rendered page looks blank ({size} bytes, {colours} colours, {inked:.0%} inked)")


def check_pages():
    count = 0
    for sample in ["awkward", "empty"]:
        for lang in ["en", "vi"]:
            path = os.path.join(GOLDEN, f"html.{sample}.{lang}.html")
            check_html(f"html.{sample}.{lang}", open(path, encoding="utf-8").read(), expect_svg=True)
            count += 1
    page = os.path.join(OUT, "xa-mau.vi.html")
    status, _, _ = run_check(BASE + ["--as-of", "2026-07-01", "--lang", "vi", "-f", "html", "-o", page])
    if status != 1:
        fail(f"html run: exit status {status}")
    check_html("html run", open(page, encoding="utf-8").read(), expect_svg=True)
    print(f"html: {count + 1} pages are well-formed XML, valid for html5lib, self-contained")
    screenshot(page, os.path.join(OUT, "xa-mau.vi.png"))
    screenshot(os.path.join(GOLDEN, "html.awkward.en.html"), os.path.join(OUT, "awkward.en.png"))


check_email_goldens()
check_email_run()
check_csv()
check_pages()
if failures:
    print(f"{len(failures)} failed")
    sys.exit(1)
print("people formats: all independent consumers agree")
