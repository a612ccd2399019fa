#!/usr/bin/env python3
"""Makes the small PDFs the error tests use (committed; rerun only to change them).
no-table.pdf: one page of plain text, no ruled table. encrypted.pdf: the same, password-protected
(needs qpdf). blank.pdf: one empty page. huge.pdf: a page of 20000 x 20000 pt."""
import subprocess

def pdf(content: bytes, size: bytes = b"595 842") -> bytes:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + size + b"] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out

open("no-table.pdf", "wb").write(pdf(b"BT /F1 14 Tf 72 760 Td (A page of text without any table.) Tj ET"))
open("blank.pdf", "wb").write(pdf(b""))
open("huge.pdf", "wb").write(pdf(b"BT /F1 14 Tf 72 760 Td (A huge page.) Tj ET", b"20000 20000"))
subprocess.run(["qpdf", "--encrypt", "secret", "secret", "256", "--", "no-table.pdf", "encrypted.pdf"], check=True)
