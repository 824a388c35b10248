"""Compares two renderings of one exported picture (our PNG, and the SVG as
another renderer drew it): python3 same_picture.py OURS.png OTHER.png
PICTURE.svg. Labels must stand inside their halos in both: within every
halo of the SVG the two pictures agree but for anti-aliasing, and over the
whole picture nearly every pixel agrees."""
import re
import sys

from PIL import Image, ImageChops

ours, other, svg = sys.argv[1], sys.argv[2], sys.argv[3]
a = Image.open(ours).convert("RGB")
b = Image.open(other).convert("RGB")
if a.size != b.size:
    sys.exit(f"readers: {other} is {b.size}, {ours} is {a.size}")

diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 96 else 0)
w, h = a.size


def differing(box):
    x0, y0, x1, y1 = (max(0, int(box[0])), max(0, int(box[1])), min(w, int(box[2]) + 1), min(h, int(box[3]) + 1))
    if x1 <= x0 or y1 <= y0:
        return 0, 0
    histogram = diff.crop((x0, y0, x1, y1)).histogram()
    return sum(histogram[1:]), (x1 - x0) * (y1 - y0)


text = open(svg, encoding="utf-8").read()
view = [float(v) for v in re.search(r'viewBox="([^"]+)"', text).group(1).split()]
sx, sy = w / view[2], h / view[3]
halos = 0
for m in re.finditer(r'<rect class="halo"[^>]*?x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"', text):
    x, y, bw, bh = (float(v) for v in m.groups())
    bad, area = differing((x * sx, y * sy, (x + bw) * sx, (y + bh) * sy))
    if area and bad / area > 0.08:
        sys.exit(f"readers: a label at ({x:.0f}, {y:.0f}) differs in {bad} of {area} pixels of its halo")
    halos += 1
if halos < 20:
    sys.exit(f"readers: only {halos} labels in {svg}")
bad, area = differing((0, 0, w, h))
if bad / area > 0.01:
    sys.exit(f"readers: the pictures differ in {bad} of {area} pixels")
print(f"readers: the other renderer drew {halos} labels inside their halos as we do; "
      f"{bad} of {area} pixels differ over the whole picture")
