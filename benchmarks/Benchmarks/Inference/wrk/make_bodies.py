"""Writes the request bodies of the HTTP benchmark: one MNIST digit as JSON pixels and as a PNG upload, and
one review as JSON. Run with Debian's /usr/bin/python3; it reads the test fixtures of the repository."""
import io
import json
import os
import sys
import zlib
import struct

out = sys.argv[1]
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
fixtures = os.path.join(root, "tests", "Inference.Tests", "Fixtures")

digit = json.load(open(os.path.join(fixtures, "mnist-zero-parity.json")))["samples"][0]["pixels"]
with open(os.path.join(out, "pixels.json"), "w") as stream:
    json.dump({"pixels": [[value / 255 for value in digit]]}, stream)


def png(pixels, side):
    """Encode an 8-bit greyscale PNG with zlib only, so that no imaging package is needed."""
    raw = b"".join(b"\x00" + bytes(pixels[row * side:(row + 1) * side]) for row in range(side))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


boundary = "sigmoid-benchmark-boundary"
upload = io.BytesIO()
upload.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"images\"; filename=\"digit.png\"\r\n"
             "Content-Type: image/png\r\n\r\n".encode())
upload.write(png(digit, 28))
upload.write(f"\r\n--{boundary}--\r\n".encode())
with open(os.path.join(out, "upload.bin"), "wb") as stream:
    stream.write(upload.getvalue())
with open(os.path.join(out, "upload.type"), "w") as stream:
    stream.write(f"multipart/form-data; boundary={boundary}")

# The review of median length among the sample reviews, as a typical request.
reviews = sorted((sample["text"] for sample in json.load(open(os.path.join(fixtures, "imdb-sample.json")))["samples"]), key=len)
review = reviews[len(reviews) // 2]
with open(os.path.join(out, "text.json"), "w") as stream:
    json.dump({"texts": [review]}, stream)
print(f"review of {len(review)} characters; PNG upload of {len(upload.getvalue())} bytes")
