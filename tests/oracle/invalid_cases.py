"""Invalid signing requests: each takes a valid random request, breaks exactly one rule of the
contract and records the error the core must answer with instead of a signature:
{"error": {"kind": <kind>, "path": <JSON path>, ...}}.
"""

import json

PER_MUTATION = 6


def child_path(parent, name):
    """The contract's JSON path of a field: `$.a.b`, or `$.a["odd key"]` (crate/src/contract/fields.rs)."""
    plain = name != "" and all(c.isascii() and (c.isalnum() or c in "_-") for c in name)
    return f"{parent}.{name}" if plain else f"{parent}[{json.dumps(name, ensure_ascii=False)}]"


def _header_name(req, lower):
    return next((k for k in req["headers"] if k.lower() == lower), None)


def _drop_dates(req):
    for name in list(req["headers"]):
        if name.lower() in ("date", "x-oss-date"):
            del req["headers"][name]


def _some_header_name(rng, req):
    """A header of the request to break (one is added when there is none)."""
    names = [k for k in req["headers"] if k.lower() not in ("date", "x-oss-date")]
    if not names:
        req["headers"]["x-oss-meta-note"] = "ok"
        names = ["x-oss-meta-note"]
    return rng.choice(names)


def _parses(text):
    try:
        json.loads(text)
        return True
    except ValueError:
        return False


# Each mutation: (label, base kind, fn(rng, req) -> (request object or raw text, kind, path)).

def m_method(rng, req):
    req["method"] = rng.choice(["PUT", "DELETE", "get", "PATCH", ""]) if req["kind"] == "rpc" \
        else rng.choice(["PATCH", "get", "CONNECT", ""])
    return req, "invalid-value", "$.method"


def m_missing(field):
    def fn(rng, req):
        req.pop(field, None)
        return req, "missing-field", f"$.{field}"
    return fn


def m_rpc_signature_param(rng, req):
    req["params"]["Signature"] = "abc="
    return req, "invalid-value", "$.params.Signature"


def m_rpc_param_not_scalar(rng, req):
    name = rng.choice(["RoleArn", "Tag.1.Key", "中文", "a b"])
    req["params"][name] = rng.choice([None, {"x": 1}, [1, 2]])
    return req, "invalid-value", child_path("$.params", name)


def m_not_an_object(field):
    def fn(rng, req):
        req[field] = rng.choice([[1], "text", 5])
        return req, "invalid-json", f"$.{field}"
    return fn


def m_wrong_type(field):
    def fn(rng, req):
        req[field] = rng.choice([5, True, ["x"], {"a": "b"}])
        return req, "invalid-value", f"$.{field}"
    return fn


def m_bucket(rng, req):
    req["bucket"] = rng.choice(["Ab-c", "ab", "-abc", "abc-", "a_bc", "a" * 64, "中文桶", "a.b.c", ""])
    return req, "invalid-value", "$.bucket"


def m_key(rng, req):
    if req.get("bucket") is None:
        req["bucket"] = "valid-bucket"
    req["key"] = rng.choice(["/leading", "\\leading", "/", "k" * 1024, "中" * 342])
    return req, "invalid-value", "$.key"


def m_dot_key(rng, req):
    req["bucket"] = req.get("bucket") or "valid-bucket"
    req["key"] = rng.choice([".", ".."])
    return req, "invalid-value", "$.key"


def m_key_without_bucket(rng, req):
    req["bucket"] = None
    req["key"] = rng.choice(["a.txt", "目录/文件"])
    return req, "invalid-value", "$.key"


def m_header_value(rng, req):
    name = _some_header_name(rng, req)
    bad = rng.choice(["中文", "\U0001F600", "€", "a\nb", "a\rb", "\u0000", "x\u007f", "\u0085", "\u0100"])
    req["headers"][name] = "v" + bad
    return req, "invalid-value", child_path("$.headers", name)


def m_header_name(rng, req):
    name = rng.choice(["bad header", "x-oss-meta-中", "", "a:b", "x-oss(meta)", "x-oss-meta-\t", "é"])
    req["headers"][name] = "v"
    return req, "invalid-value", child_path("$.headers", name)


def m_duplicate_header(rng, req):
    req["headers"]["x-oss-meta-dup"] = "1"
    req["headers"]["X-OSS-Meta-Dup"] = "2"
    return req, "invalid-value", child_path("$.headers", "X-OSS-Meta-Dup")


def m_no_date(rng, req):
    _drop_dates(req)
    return req, "missing-field", "$.headers.Date"


def m_bad_date(rng, req):
    bad = rng.choice(["Fri, 17 Nov 2005 18:49:58 GMT", "2005-11-17T18:49:58Z",
                      "Thu, 17 Nov 2005 18:49:58 UTC", "Thu, 7 Nov 2005 18:49:58 GMT", "now",
                      "Thu, 31 Nov 2005 18:49:58 GMT"])
    _drop_dates(req)
    if rng.random() < 0.5:
        req["headers"]["Date"] = bad
        return req, "invalid-value", "$.headers.Date"
    req["headers"]["Date"] = "Thu, 17 Nov 2005 18:49:58 GMT"  # x-oss-date wins, so it is checked
    req["headers"]["X-OSS-Date"] = bad
    return req, "invalid-value", "$.headers.x-oss-date"


def m_access_key_id(rng, req):
    req["accessKeyId"] = rng.choice(["", "LTAI:x", "LTAI x", "LTAI中", "LTAI\n"])
    return req, "invalid-value", "$.accessKeyId"


def m_empty_secret(rng, req):
    req["accessKeySecret"] = ""
    return req, "invalid-value", "$.accessKeySecret"


def m_security_token(rng, req):
    req["securityToken"] = rng.choice(["中文令牌", "   ", "", "tok\nen"])
    return req, "invalid-value", "$.securityToken"


def m_token_header_differs(rng, req):
    req["securityToken"] = "CAIStoken-one"
    req["headers"]["x-oss-security-token"] = "CAIStoken-two"
    return req, "invalid-value", "$.headers.x-oss-security-token"


def m_query_not_scalar(rng, req):
    name = rng.choice(["acl", "prefix", "uploadId"])
    req["query"][name] = rng.choice([{"a": 1}, [1]])
    return req, "invalid-value", child_path("$.query", name)


def m_expires(rng, req):
    value = rng.choice([0, -5, "1700000000", 1.5, True, None])
    req["expires"] = value
    if value is None:
        return req, "missing-field", "$.expires"
    return req, "invalid-value", "$.expires"


def m_endpoint(rng, req):
    req.pop("cname", None)
    req["endpoint"] = rng.choice(["ftp://oss-cn-hangzhou.aliyuncs.com", "http://oss-cn-hangzhou.aliyuncs.com",
                                  "", "https://", "oss cn.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com/path",
                                  "oss_cn.aliyuncs.com", "evil.example.com", "http://evil.example.com",
                                  "user@oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com:8080",
                                  "sts.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com.evil.com"])
    return req, "invalid-value", "$.endpoint"


def m_cname_endpoint(rng, req):
    """A custom domain is https too, and never an Alibaba Cloud host."""
    if req.get("bucket") is None:
        req["bucket"] = "examplebucket"
    req["cname"] = True
    req["endpoint"] = rng.choice(["http://static.example.com", "static.example.com:8080",
                                  "oss-cn-hangzhou.aliyuncs.com", "10.0.0.1", "a@static.example.com"])
    return req, "invalid-value", "$.endpoint"


def m_reserved_query(rng, req):
    name = rng.choice(["Signature", "Expires", "OSSAccessKeyId"])
    req["query"][name] = "x"
    return req, "invalid-value", f"$.query.{name}"


def m_query_token_differs(rng, req):
    req["securityToken"] = "CAIStoken-one"
    req["query"]["security-token"] = rng.choice(["CAIStoken-two", None, ""])
    return req, "invalid-value", "$.query.security-token"


def m_policy_text(rng, req):
    cases = [
        ('{"expiration": "2026-01-01T00:00:00Z", "conditions": [}', "invalid-value", "$.policy"),
        ("not json", "invalid-value", "$.policy"),
        ("[]", "invalid-value", "$.policy"),
        ('"text"', "invalid-value", "$.policy"),
        ('{"conditions": []}', "missing-field", "$.policy.expiration"),
        ('{"expiration": 5, "conditions": []}', "invalid-value", "$.policy.expiration"),
        ('{"expiration": "2026-01-01", "conditions": []}', "invalid-value", "$.policy.expiration"),
        ('{"expiration": "2026-02-30T00:00:00Z", "conditions": []}', "invalid-value", "$.policy.expiration"),
        ('{"expiration": "2026-01-01T00:00:00Z"}', "missing-field", "$.policy.conditions"),
        ('{"expiration": "2026-01-01T00:00:00Z", "conditions": {}}', "invalid-value", "$.policy.conditions"),
    ]
    text, kind, path = rng.choice(cases)
    req["policy"] = text
    return req, kind, path


def m_policy_not_string(rng, req):
    req["policy"] = json.loads(req["policy"])
    return req, "invalid-value", "$.policy"


def m_raw(rng, req):
    text, kind, path = rng.choice([
        ("not json", "invalid-json", None),
        ('{"kind": "rpc",', "invalid-json", None),
        ('{"kind": rpc}', "invalid-json", None),
        ("[1, 2]", "invalid-json", "$"),
        ('"rpc"', "invalid-json", "$"),
        ("{}", "missing-field", "$.kind"),
        ('{"kind": 1}', "invalid-value", "$.kind"),
        ('{"kind": "acs3"}', "unsupported", "$.kind"),
        ('{"kind": "RPC"}', "unsupported", "$.kind"),
    ])
    return text, kind, path


MUTATIONS = [
    ("raw", "rpc", m_raw),
    ("rpc method", "rpc", m_method),
    ("rpc params missing", "rpc", m_missing("params")),
    ("rpc params not an object", "rpc", m_not_an_object("params")),
    ("rpc Signature parameter", "rpc", m_rpc_signature_param),
    ("rpc param not a scalar", "rpc", m_rpc_param_not_scalar),
    ("rpc secret missing", "rpc", m_missing("accessKeySecret")),
    ("rpc secret not a string", "rpc", m_wrong_type("accessKeySecret")),
    ("oss method", "oss", m_method),
    ("oss bucket", "oss", m_bucket),
    ("oss key", "oss", m_key),
    ("oss key without bucket", "oss", m_key_without_bucket),
    ("oss header value", "oss", m_header_value),
    ("oss header name", "oss", m_header_name),
    ("oss duplicate header", "oss", m_duplicate_header),
    ("oss no date", "oss", m_no_date),
    ("oss bad date", "oss", m_bad_date),
    ("oss accessKeyId", "oss", m_access_key_id),
    ("oss accessKeyId missing", "oss", m_missing("accessKeyId")),
    ("oss empty secret", "oss", m_empty_secret),
    ("oss securityToken", "oss", m_security_token),
    ("oss token header differs", "oss", m_token_header_differs),
    ("oss headers not an object", "oss", m_not_an_object("headers")),
    ("oss query value", "oss", m_query_not_scalar),
    ("oss bucket not a string", "oss", m_wrong_type("bucket")),
    ("presign expires", "oss-presign", m_expires),
    ("presign endpoint", "oss-presign", m_endpoint),
    ("presign endpoint missing", "oss-presign", m_missing("endpoint")),
    ("presign cname endpoint", "oss-presign", m_cname_endpoint),
    ("presign cname not a boolean", "oss-presign",
     lambda rng, r: ({**r, "cname": rng.choice([5, "true", ["x"], {"a": "b"}])}, "invalid-value", "$.cname")),
    ("presign reserved query", "oss-presign", m_reserved_query),
    ("presign query token differs", "oss-presign", m_query_token_differs),
    ("presign bucket", "oss-presign", m_bucket),
    ("presign dot key", "oss-presign", m_dot_key),
    ("presign header value", "oss-presign", m_header_value),
    ("post policy text", "post-policy", m_policy_text),
    ("post policy not a string", "post-policy", m_policy_not_string),
    ("post policy missing", "post-policy", m_missing("policy")),
    ("post accessKeyId empty", "post-policy", lambda rng, r: ({**r, "accessKeyId": ""}, "invalid-value", "$.accessKeyId")),
    ("post secret empty", "post-policy", m_empty_secret),
]


def invalid_cases(rng, make):
    """`make[kind]()` returns a fresh valid request object of that kind."""
    cases = []
    for label, kind, fn in MUTATIONS:
        for i in range(PER_MUTATION):
            req, err_kind, path = fn(rng, make[kind]())
            text = req if isinstance(req, str) else json.dumps(req, ensure_ascii=rng.random() < 0.3)
            # A JSON syntax error (of the request, or of the policy text) also gives line:column.
            broken = req if isinstance(req, str) else req.get("policy") if path == "$.policy" else None
            expect = {"kind": err_kind, "path": path,
                      "position": isinstance(broken, str) and not _parses(broken)}
            cases.append({"id": f"invalid-{label.replace(' ', '-')}-{i}", "algo": "invalid",
                          "what": label, "text": text, "expect": expect})
    return cases
