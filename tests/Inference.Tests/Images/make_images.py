"""Writes the sample images the decoder tests read, with Pillow (Debian's python3-pil).

Each file shows the same synthetic digit, a light ellipse ring (a zero) on black, 60 x 80 pixels,
in one of the formats the service accepts. Run with /usr/bin/python3 from this folder.
"""
from PIL import Image, ImageDraw

WIDTH, HEIGHT = 60, 80


def ring(ink=255, background=0, mode="L"):
    image = Image.new(mode, (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((12, 10, 48, 70), outline=ink, width=7)
    return image


grey = ring()
grey.save("ring.png")
grey.save("ring.bmp")
grey.save("ring.gif")
grey.convert("RGB").save("ring.jpg", quality=95)
grey.save("ring.webp", lossless=True)

# Dark ink on white paper, in colour: blue ink.
paper = ring(ink=(20, 30, 140), background=(250, 248, 240), mode="RGB")
paper.save("ring-on-paper.jpg", quality=90)

# Black ink on a transparent canvas, as a browser drawing exports it.
transparent = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
ImageDraw.Draw(transparent).ellipse((12, 10, 48, 70), outline=(0, 0, 0, 255), width=7)
transparent.save("ring-transparent.png")

# Stored rotated 90 degrees counter-clockwise with EXIF orientation 6, which tells a viewer to turn it
# 90 degrees clockwise: decoded upright, it must equal ring.png.
exif = Image.Exif()
exif[0x0112] = 6
grey.rotate(90, expand=True).convert("RGB").save("ring-orientation-6.jpg", quality=95, exif=exif)
