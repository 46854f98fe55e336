"""The picture of an explorer: a matplotlib figure redrawn by blitting (every lesson;
introduced in Lesson 00).

A full render of a small two-axes figure takes 60–100 ms here, most of it axes, ticks
and labels that never change. ``BlitFigure`` renders those once and caches the pixels
(the *background*); the artists an explorer changes on every update are marked
*animated* and painted over the cached background (blitting, about four times cheaper).
Whatever else changes (a title, axis limits) marks the figure stale, and the next
picture is a full render: never a stale picture. ``invalidate()`` asks for a full render
by name, for the changes matplotlib does not notice itself.
"""

import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from ..plots.style import use_language_ticks


class BlitFigure:
    """One off-screen matplotlib ``Figure`` (``fig``, drawn with Agg, never through
    pyplot), its cached background and its animated artists; ``render()`` gives the
    pixels, ``png()`` the PNG bytes.
    """

    def __init__(self, figsize, dpi):
        self.fig = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        FigureCanvasAgg(self.fig)
        self.animated = []        # the artists painted over the background, see animate()
        self.background = None    # the cached pixels of everything else; None: render it all

    def freeze_layout(self):
        """Lay the figure out once (constrained layout) and keep that layout: a redraw
        then costs ~35 ms less. Only for figures whose axes never change size."""
        self.fig.draw_without_rendering()
        self.fig.set_layout_engine("none")

    def animate(self, *artists):
        """Mark ``artists`` as the ones that change on every update. They are drawn over
        the cached background, in order of ``zorder`` among themselves (so above every
        static artist). Returns the artists as a list."""
        for artist in artists:
            artist.set_animated(True)     # matplotlib now leaves it out of full renders
            self.animated.append(artist)
        return list(artists)

    def replace_animated(self, old, make_new):
        """Remove the animated artists ``old`` and animate the ones ``make_new()`` creates
        (returned as a list). Adding or removing artists marks their axes stale, but
        animated artists are not in the cached background, so it stays valid: the next
        picture is still a blit. ``make_new`` must only create artists; a title or
        axis limits it changed would not be redrawn.
        """
        was_stale = self.fig.stale
        for artist in old:
            artist.remove()
        self.forget(*old)
        new = self.animate(*make_new())
        self.fig.stale = was_stale
        return new

    def forget(self, *artists):
        """Stop treating ``artists`` as animated (e.g. before ``ax.cla()`` removes them)."""
        self.animated = [artist for artist in self.animated if all(artist is not a for a in artists)]

    def invalidate(self):
        """Make the next ``render()`` a full one: for a static change matplotlib does not
        notice (e.g. the text of a figure legend)."""
        self.background = None

    def render(self):
        """Render the current picture into the Agg canvas; return its RGBA pixels,
        shape (height, width, 4).

        Full render when nothing is cached, after ``invalidate()``, or when a static
        artist changed since (the figure is then ``stale``); otherwise restore the cached
        background and paint only the animated artists. Tick labels follow the
        notebook's language (``use_language_ticks``).
        """
        canvas = self.fig.canvas
        if self.background is None or self.fig.stale:
            use_language_ticks(self.fig)
            canvas.draw()                                   # every artist not animated
            self.background = canvas.copy_from_bbox(self.fig.bbox) if self.animated else None
        else:
            canvas.restore_region(self.background)
        for artist in sorted(self.animated, key=lambda artist: artist.get_zorder()):
            if artist.get_visible():
                self.fig.draw_artist(artist)
        return np.asarray(canvas.buffer_rgba())

    def size(self):
        """(width, height) of the picture in pixels."""
        return self.fig.canvas.get_width_height()

    def png(self):
        """The current picture as PNG bytes (no version stamp: same bytes every run)."""
        buffer = io.BytesIO()
        # RGB (the figure is opaque) at a light compression: half the encoding time of
        # the default, files about the same size
        Image.fromarray(self.render()[..., :3]).save(buffer, format="png", compress_level=3)
        return buffer.getvalue()
