"""images pictures (see nnlessons.plots)."""

__all__ = []
