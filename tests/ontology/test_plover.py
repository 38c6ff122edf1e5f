from __future__ import annotations

from kronik.ontology import EVENT_TYPES, Ontology


def test_sixteen_types_with_quads_intensities_and_cameo() -> None:
    ontology = Ontology.load()
    assert set(ontology.types) == set(EVENT_TYPES) and len(EVENT_TYPES) == 16
    quads = {"VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT"}
    for kind in ontology.types.values():
        assert kind.quad in quads
        assert -10 <= kind.intensity <= 10
        assert kind.modes and all(code.isdigit() for code in kind.modes.values())
    assert ontology["CONSULT"].cameo_for("visit") == "042"
    assert ontology["CONSULT"].cameo_for("host") == "043"
    assert ontology["AGREE"].cameo_for("sign") == "057"
    assert ontology["ASSAULT"].intensity < 0 < ontology["AID"].intensity
