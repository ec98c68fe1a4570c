"""The model boundary: the OpenAI-compatible client, the embedded llama.cpp server and its weights, redaction of what leaves the machine."""
