"""Checks that a W3C Web Annotation file keeps its meaning through WSIS
Atlas: ORIGINAL (a foreign file) and EXPORTED (what `wsis-atlas annotations
export` wrote after importing it) are expanded as JSON-LD with pyld, and
every annotation of ORIGINAL must be in EXPORTED under the same id with the
same motivation, creators, times, bodies (value, format, language,
purpose), target source and quote, and generator. Run by
tests/readers/check.sh: python3 w3c.py ORIGINAL EXPORTED."""
import json
import sys

from pyld import jsonld

ANNO = "http://www.w3.org/ns/anno.jsonld"
OA = "http://www.w3.org/ns/oa#"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
AS = "http://www.w3.org/ns/activitystreams#"

# The Web Annotation context's terms these files use, as the W3C Web
# Annotation Vocabulary defines them. The checks run offline, so this stands
# in for the remote context; no other remote document is loaded.
MOTIVATIONS = [
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
    "identifying", "linking", "moderating", "questioning", "replying", "tagging",
]
CONTEXT = {
    "@context": {
        "oa": OA, "dc": DC, "dcterms": DCTERMS, "as": AS,
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#",
        "id": {"@id": "@id", "@type": "@id"},
        "type": {"@id": "@type", "@type": "@id"},
        "Annotation": "oa:Annotation", "TextualBody": "oa:TextualBody", "SpecificResource": "oa:SpecificResource",
        "TextQuoteSelector": "oa:TextQuoteSelector", "Person": "foaf:Person", "Organization": "foaf:Organization",
        "Software": "as:Application", "AnnotationCollection": "as:OrderedCollection",
        "AnnotationPage": "as:OrderedCollectionPage",
        "body": {"@id": "oa:hasBody", "@type": "@id"},
        "target": {"@id": "oa:hasTarget", "@type": "@id"},
        "source": {"@id": "oa:hasSource", "@type": "@id"},
        "selector": {"@id": "oa:hasSelector", "@type": "@id"},
        "motivation": {"@id": "oa:motivatedBy", "@type": "@vocab"},
        "purpose": {"@id": "oa:hasPurpose", "@type": "@vocab"},
        "bodyValue": "oa:bodyValue", "value": "rdf:value",
        "exact": "oa:exact", "prefix": "oa:prefix", "suffix": "oa:suffix",
        "format": "dc:format", "language": "dc:language",
        "creator": {"@id": "dcterms:creator", "@type": "@id"},
        "created": {"@id": "dcterms:created", "@type": "xsd:dateTime"},
        "modified": {"@id": "dcterms:modified", "@type": "xsd:dateTime"},
        "generator": {"@id": "as:generator", "@type": "@id"},
        "name": "foaf:name", "nickname": "foaf:nick", "label": "rdfs:label",
        "total": {"@id": "as:totalItems", "@type": "xsd:nonNegativeInteger"},
        "startIndex": {"@id": "as:startIndex", "@type": "xsd:nonNegativeInteger"},
        "first": {"@id": "as:first", "@type": "@id"},
        "items": {"@id": "as:items", "@type": "@id", "@container": "@list"},
        **{m: "oa:" + m for m in MOTIVATIONS},
    }
}


def loader(url, options=None):
    if url != ANNO:
        sys.exit(f"readers: w3c: the file asks for a remote document {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": CONTEXT}


def fail(msg):
    sys.exit(f"readers: w3c: {msg}")


def annotations(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    expanded = jsonld.expand(doc, {"documentLoader": loader})
    found = {}

    def walk(v):
        if isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            if OA + "Annotation" in v.get("@type", []):
                found[v["@id"]] = v
            for k, x in v.items():
                if k != "@type":
                    walk(x)

    walk(expanded)
    return found


def values(node, key):
    out = []
    for v in node.get(key, []):
        out.extend(v["@list"] if isinstance(v, dict) and "@list" in v else [v])
    return out


def one(node, key):
    vs = values(node, key)
    if not vs:
        return None
    v = vs[0]
    return v.get("@value", v.get("@id"))


def bodies(a):
    motivations = [m["@id"] for m in values(a, OA + "motivatedBy")]
    implied = motivations[0] if len(motivations) == 1 else None
    out = []
    for b in values(a, OA + "hasBody"):
        purpose = one(b, OA + "hasPurpose") or implied
        out.append((one(b, RDF_VALUE), one(b, DC + "format"), one(b, DC + "language"), purpose))
    for v in values(a, OA + "bodyValue"):
        out.append((v["@value"], "text/plain", None, implied))
    return sorted(out, key=repr)


def target(a):
    t = values(a, OA + "hasTarget")[0]
    source = one(t, OA + "hasSource") or t.get("@id")
    selectors = [s for s in values(t, OA + "hasSelector") if OA + "TextQuoteSelector" in s.get("@type", [])]
    quote = None
    if selectors:
        s = selectors[0]
        quote = (one(s, OA + "exact"), one(s, OA + "prefix"), one(s, OA + "suffix"))
    return source, quote


def canonical(vs):
    return sorted(json.dumps(v, sort_keys=True) for v in vs)


original, exported = annotations(sys.argv[1]), annotations(sys.argv[2])
if not original:
    fail(f"no annotation in {sys.argv[1]}")
for aid, o in original.items():
    e = exported.get(aid)
    if e is None:
        fail(f"{aid} is not exported under its own id")
    same = {
        "motivation": lambda a: sorted(m["@id"] for m in values(a, OA + "motivatedBy")),
        "creator": lambda a: canonical(values(a, DCTERMS + "creator")),
        "created": lambda a: one(a, DCTERMS + "created"),
        "bodies": bodies,
        "generator": lambda a: canonical(values(a, AS + "generator")),
    }
    if DCTERMS + "modified" in o:
        same["modified"] = lambda a: one(a, DCTERMS + "modified")
    for name, f in same.items():
        if f(o) != f(e):
            fail(f"{aid}: {name} {f(o)!r} became {f(e)!r}")
    (source, quote), (e_source, e_quote) = target(o), target(e)
    if source != e_source:
        fail(f"{aid}: target source {source!r} became {e_source!r}")
    if quote is not None and quote != e_quote:
        fail(f"{aid}: quote {quote!r} became {e_quote!r}")
print(f"readers: w3c: {len(original)} annotations kept their ids, motivations, creators, bodies and targets "
      f"(JSON-LD expanded with pyld {jsonld.__version__ if hasattr(jsonld, '__version__') else ''})".rstrip())
