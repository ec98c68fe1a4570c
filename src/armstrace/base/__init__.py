"""The shared base every wing builds on: the error hierarchy, the settings and the output schema."""
