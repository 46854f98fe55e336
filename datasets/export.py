"""Export the real data the lessons use into this folder (run once; see README.md).

    python3 -m venv /tmp/exportenv
    /tmp/exportenv/bin/pip install scikit-learn scikit-image
    /tmp/exportenv/bin/python datasets/export.py

scikit-learn and scikit-image are needed only here, not by the lessons: the files
written below are plain formats that ``nnlessons.data`` reads with NumPy and
matplotlib alone.

Written files:
- digits.csv.gz   1,797 handwritten digits, 8x8 pixels (0..16) + label, gzip'd CSV
- camera.png      the "cameraman" photograph, 128x128, 8-bit grayscale
- astronaut.png   Eileen Collins (NASA), 128x128, 8-bit grayscale
- brick.png       a brick wall, 128x128, 8-bit grayscale

It prints the sha256 of every file; after a re-export, copy the new values into
datasets/README.md and ``_SHA256`` in src/nnlessons/data.py.
"""

import gzip
import hashlib
import io
from pathlib import Path

import numpy as np
import PIL
import skimage
import sklearn
from PIL import Image
from skimage import data as skdata
from skimage.color import rgb2gray
from skimage.transform import resize
from sklearn.datasets import load_digits

HERE = Path(__file__).resolve().parent
IMAGE_SIZE = (128, 128)

# name -> function returning the original scikit-image picture
PHOTOS = {
    "camera": skdata.camera,        # (512, 512) gray, CC0 (Lav Varshney)
    "astronaut": skdata.astronaut,  # (512, 512, 3) RGB, public domain (NASA)
    "brick": skdata.brick,          # (512, 512) gray, CC0 (CC0Textures Bricks25)
}


def export_digits(path):
    """One CSV row per digit: 64 pixels row by row (r0c0 .. r7c7), then the label."""
    digits = load_digits()
    pixels = digits.data.astype(np.int64)            # (1797, 64), values 0..16
    labels = digits.target.astype(np.int64)          # (1797,), values 0..9
    assert pixels.shape == (1797, 64) and pixels.min() == 0 and pixels.max() == 16
    header = ",".join([f"r{r}c{c}" for r in range(8) for c in range(8)] + ["label"])
    lines = [header] + [",".join(map(str, row)) for row in np.column_stack([pixels, labels])]
    text = ("\n".join(lines) + "\n").encode("ascii")
    # mtime=0 keeps the gzip header free of a timestamp, so re-exports are byte-identical
    path.write_bytes(gzip.compress(text, compresslevel=9, mtime=0))


def export_photo(load, path):
    """Grayscale, resized with anti-aliasing to IMAGE_SIZE, stored as 8-bit PNG."""
    picture = load()
    gray = rgb2gray(picture) if picture.ndim == 3 else picture / 255.0   # floats in [0, 1]
    small = resize(gray, IMAGE_SIZE, anti_aliasing=True)
    pixels = np.clip(np.rint(small * 255), 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels, mode="L").save(buffer, format="PNG", optimize=True)
    path.write_bytes(buffer.getvalue())


def main():
    written = [HERE / "digits.csv.gz"]
    export_digits(written[0])
    for name, load in PHOTOS.items():
        written.append(HERE / f"{name}.png")
        export_photo(load, written[-1])
    print(f"numpy {np.__version__}, scikit-learn {sklearn.__version__}, "
          f"scikit-image {skimage.__version__}, pillow {PIL.__version__}")
    for path in written:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        print(f"{path.name:15s} {path.stat().st_size:7d} bytes  sha256 {digest}")


if __name__ == "__main__":
    main()
