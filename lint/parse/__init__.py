"""One parser per input format; each turns text into a :class:`lint.model.Page`."""
