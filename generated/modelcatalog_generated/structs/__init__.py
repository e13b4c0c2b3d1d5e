"""msgspec Structs that decode each provider's responses (datamodel-code-generator).

Generated from the same derived documents as the typed clients, adapted to what msgspec
can express (see ``modelcatalog.tooling.open_enums.decoding_variant``). Never edit by hand.
"""
