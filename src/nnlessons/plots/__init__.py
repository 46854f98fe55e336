"""Pictures the lessons draw, one module per kind of picture.

network   diagrams of neurons and layers (Lessons 01–03, 07)
training  decision boundaries and loss curves (Lessons 06, 07, 10, 15)
images    images, kernels and feature maps (Lessons 14, 15)
style     what every picture shares: the class palette, the number format (true minus
          sign), few ticks, nice axis limits, contour lines of a loss
"""

from .images import *     # noqa: F401,F403
from .network import *    # noqa: F401,F403
from .style import *      # noqa: F401,F403
from .training import *   # noqa: F401,F403
