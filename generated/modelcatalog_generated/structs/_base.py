"""The base of every decoding Struct (machine-written, never edit).

``forbid_unknown_fields``: a response with a field the spec does not list fails the
fast decode, and the wrapper takes the slow path that reports the field as off-spec and
keeps the record. ``gc=False``: decoded records hold no reference cycles, and keeping
tens of thousands of them out of the cycle collector makes decoding several times faster.
"""

import msgspec


class DecodedStruct(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """A record decoded from a provider's JSON response."""
