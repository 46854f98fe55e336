"""nnlessons: neural networks from scratch in NumPy, one lesson at a time."""
