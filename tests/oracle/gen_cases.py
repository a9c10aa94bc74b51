"""Seeded random signing requests for the oracle cross-checks.

Writes one JSON object per line: {"id", "algo", "text", ...} where `text` is the exact JSON request
given to the core (`rolehop sign --lines` and the wasm `sign`). Valid cases only use inputs the
core's contract accepts; `algo == "invalid"` cases carry the error the core must answer with.

Usage: python3 gen_cases.py OUT_DIR [--per-algo N] [--seed S]
Also writes OUT_DIR/oss2-subresources.json (the official Python SDK's sub-resource names) for the
Node adapters, which have no such list of their own.
"""

import argparse
import base64
import email.utils
import json
import os
import random

import oss2

from invalid_cases import invalid_cases

SEED = 20240611
NOW = 1_700_000_000  # the fixed clock of the presign oracles (Unix seconds)

RESERVED = list(" +*~/?&=%'()!#")
TRICKY = ["%7E", "%20", "%2A", "%", "%%", "+", "++", "&amp;", "a=b", "==", "&&", "\\", '"', "<>",
          "`", "^", "|", "{}", "[]", ";", ",", ":", "@", "$", "..", "./", "//"]
OTHER_BMP = list("éüßñçøåæœÀÿ¡¿§¶±×÷µ") + list("ПриветмирΣίσυφοςשלוםمرحبا") + \
    list("ひらがなカタカナ한국어") + ["\u00a0", "\u2028", "\u200b", "\ufeff", "\ufffd"]
LATIN1_PRINTABLE = [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xA1, 0x100)]


def cjk(rng):
    return chr(rng.randint(0x4E00, 0x9FFF))


def astral(rng):
    """A character beyond U+FFFF: emoji, CJK extension B, or a flag / ZWJ sequence."""
    pick = rng.random()
    if pick < 0.5:
        return chr(rng.randint(0x1F600, 0x1F64F))
    if pick < 0.7:
        return chr(rng.randint(0x1F300, 0x1F5FF))
    if pick < 0.85:
        return chr(rng.randint(0x20000, 0x2A6DF))
    if pick < 0.93:
        return "\U0001F1E8\U0001F1F3"
    return "\U0001F468\u200d\U0001F469\u200d\U0001F467"


def high_bmp(rng):
    """A character in U+E000..U+FFFF (fullwidth forms, private use)."""
    if rng.random() < 0.7:
        return chr(rng.randint(0xFF01, 0xFF5E))
    return chr(rng.randint(0xE000, 0xF8FF))


def ascii_word(rng, lo=1, hi=12):
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."
    return "".join(rng.choices(alphabet, k=rng.randint(lo, hi)))


def text(rng, max_pieces=12, controls=False):
    """Free text: ASCII, every reserved character, Chinese, other scripts, astral characters."""
    out = []
    for _ in range(rng.randint(0, max_pieces)):
        pick = rng.random()
        if pick < 0.25:
            out.append(ascii_word(rng))
        elif pick < 0.45:
            out.append(rng.choice(RESERVED))
        elif pick < 0.55:
            out.append(rng.choice(TRICKY))
        elif pick < 0.70:
            out.append("".join(cjk(rng) for _ in range(rng.randint(1, 4))))
        elif pick < 0.80:
            out.append(rng.choice(OTHER_BMP))
        elif pick < 0.90:
            out.append(astral(rng))
        elif pick < 0.95:
            out.append(high_bmp(rng))
        elif controls:
            out.append(rng.choice(["\n", "\t", "\r\n", "\u0001"]))
        else:
            out.append(rng.choice(RESERVED))
    return "".join(out)


def maybe_empty(rng, value, p=0.08):
    return "" if rng.random() < p else value


def scalar(rng, value):
    """Values are text, sometimes a JSON integer or boolean (taken as its JSON text)."""
    pick = rng.random()
    if pick < 0.05:
        return rng.randint(-10**12, 10**12)
    if pick < 0.07:
        return rng.random() < 0.5
    return value


def access_key_id(rng, sts=False):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    body = "".join(rng.choice(alphabet) for _ in range(rng.randint(12, 24)))
    if rng.random() < 0.1:
        body += rng.choice(["+", "/", "=", "&", "%", "!", "~", "*", "."])
    return ("STS." if sts else "LTAI") + body


def secret(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_!@#$%^&*"
    s = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 40)))
    if rng.random() < 0.05:
        s += cjk(rng) + "x"  # non-ASCII secrets are keyed as UTF-8 everywhere
    return s


def security_token(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    body = "".join(rng.choices(alphabet, k=rng.randint(200, 1200)))
    return "CAIS" + body + "=" * rng.randint(0, 2)


def rfc1123(rng):
    return email.utils.formatdate(rng.randint(0, 4_102_444_799), usegmt=True)


def iso8601(rng, fraction=False):
    import datetime
    t = datetime.datetime.fromtimestamp(rng.randint(0, 4_102_444_799), datetime.timezone.utc)
    s = t.strftime("%Y-%m-%dT%H:%M:%S")
    if fraction:
        s += "." + str(rng.randint(0, 999)).zfill(3)
    return s + "Z"


def dumps(rng, obj):
    """The request as one line of JSON, sometimes with every non-ASCII character escaped."""
    return json.dumps(obj, ensure_ascii=rng.random() < 0.3)


# ---------------------------------------------------------------------------- RPC

ACTIONS = [("AssumeRole", "2015-04-01"), ("GetCallerIdentity", "2015-04-01"),
           ("ListRoles", "2015-05-01"), ("GetRole", "2015-05-01"), ("DescribeRegions", "2014-05-26")]
PARAM_NAMES = ["RoleArn", "RoleSessionName", "Policy", "DurationSeconds", "ExternalId", "RoleName",
               "Marker", "MaxItems", "RegionId", "PolicyDocument", "Description", "UserName",
               "Tag.1.Key", "Tag.1.Value", "Tag.2.Key", "PolicyName", "PolicyType", "SourceIdentity"]


def rpc_param_name(rng, taken):
    while True:
        pick = rng.random()
        if pick < 0.5:
            name = rng.choice(PARAM_NAMES)
        elif pick < 0.75:
            name = ascii_word(rng, 1, 20)
        elif pick < 0.85:
            name = ascii_word(rng, 1, 6) + rng.choice(RESERVED) + ascii_word(rng, 0, 6)
        elif pick < 0.95:
            name = "".join(cjk(rng) for _ in range(rng.randint(1, 3))) + ascii_word(rng, 0, 3)
        else:
            # Astral characters in names, never mixed with U+E000..U+FFFF: the SDKs disagree on
            # that order (see utf16_order_cases).
            name = ascii_word(rng, 1, 3) + astral(rng)
        if name not in taken and name != "Signature":
            return name


def rpc_case(rng, i):
    action, version = rng.choice(ACTIONS)
    sts = rng.random() < 0.35
    params = {
        "Action": action,
        "Version": version,
        "Format": rng.choice(["JSON", "XML"]),
        "AccessKeyId": access_key_id(rng, sts),
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "SignatureNonce": "%032x" % rng.getrandbits(128),
        "Timestamp": iso8601(rng),
    }
    if sts:
        params["SecurityToken"] = security_token(rng)
    count = rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 30, 45, 60]) if rng.random() < 0.9 else rng.randint(0, 60)
    for _ in range(count):
        name = rpc_param_name(rng, params)
        params[name] = scalar(rng, maybe_empty(rng, text(rng, 14, controls=True)))
    items = list(params.items())
    rng.shuffle(items)  # the core must sort: never rely on input order
    req = {"kind": "rpc", "method": rng.choice(["GET", "POST"]), "params": dict(items),
           "accessKeySecret": secret(rng)}
    return {"id": f"rpc-{i:05d}", "algo": "rpc", "text": dumps(rng, req)}


def utf16_order_cases(rng, n):
    """Parameter names mixing U+E000..U+FFFF with characters beyond U+FFFF. The official SDKs
    disagree here: aliyun-python-sdk-core and alibabacloud-openapi-util sort names by code
    point, @alicloud/pop-core (like the Java SDK) by UTF-16 code unit. The core follows
    UTF-16 order (crate/src/sign/rpc.rs), so these cases are checked against the Node SDK only."""
    cases = []
    for i in range(n):
        base = rpc_case(rng, i)
        req = json.loads(base["text"])
        stem = ascii_word(rng, 1, 4)
        req["params"][stem + high_bmp(rng)] = text(rng, 4)
        req["params"][stem + astral(rng)] = text(rng, 4)
        cases.append({"id": f"rpc-utf16-{i:03d}", "algo": "rpc", "text": dumps(rng, req),
                      "only": "node", "why": "SDKs disagree on the order of U+E000..U+FFFF vs "
                                             "astral names; the core follows UTF-16 order"})
    return cases


# ---------------------------------------------------------------------------- OSS

OSS_HEADERS = ["x-oss-acl", "x-oss-object-acl", "x-oss-storage-class", "x-oss-server-side-encryption",
               "x-oss-forbid-overwrite", "x-oss-tagging", "x-oss-copy-source", "x-oss-request-payer",
               "x-oss-content-type", "x-oss-"]
ORDINARY_HEADERS = ["Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Length",
                    "Expires", "Host", "Range", "If-Match", "x-ossfoo", "X-Oss", "x_oss_meta",
                    "Content-Language", "Accept"]
ORDINARY_QUERY = ["prefix", "marker", "max-keys", "delimiter", "encoding-type", "ACL", "Acl",
                  "uploadid", "x-oss-process2", "acl ", "list-type", "start-after", "fetch-owner"]


def bucket_name(rng):
    n = rng.choice([3, 4, 8, 12, 20, 40, 63]) if rng.random() < 0.6 else rng.randint(3, 63)
    inner = "abcdefghijklmnopqrstuvwxyz0123456789-"
    edge = "abcdefghijklmnopqrstuvwxyz0123456789"
    if n == 3:
        return rng.choice(edge) + rng.choice(inner) + rng.choice(edge)
    return rng.choice(edge) + "".join(rng.choice(inner) for _ in range(n - 2)) + rng.choice(edge)


def object_key(rng):
    segments = []
    for _ in range(rng.choice([1, 1, 1, 2, 3, 5, 8])):
        pick = rng.random()
        if pick < 0.06:
            segments.append(rng.choice([".", "..", ""]))
        else:
            seg = text(rng, 6) or ascii_word(rng)
            segments.append(seg)
    key = "/".join(segments)
    if rng.random() < 0.05:
        key += "/"
    if rng.random() < 0.02:
        key = "x" * rng.randint(900, 1000) + key  # near the 1023-byte limit
    key = key.lstrip("/\\") or ascii_word(rng)
    while len(key.encode()) > 1023:
        key = key[:-1]
    return key.lstrip("/\\") or "k"


def mixed_case(rng, name):
    return "".join(c.upper() if rng.random() < 0.3 else c for c in name)


def latin1_value(rng, max_len=30):
    """An ISO-8859-1 header value without control characters (tab allowed inside). U+00A0 only
    inside: real HTTP trims only spaces and tabs, but ali-oss's String.trim() also trims
    U+00A0 (a quirk of that SDK, not of the wire), so edge NBSPs would test the SDK's bug."""
    chars = LATIN1_PRINTABLE + ["\t", "\u00a0"]
    body = "".join(rng.choices(chars, k=rng.randint(0, max_len)))
    body = body.strip(" \t\u00a0")
    if len(body) >= 2 and rng.random() < 0.2:
        body = body[0] + "\u00a0" + body[1:]
    return body


def ows(rng):
    return "".join(rng.choice([" ", "\t"]) for _ in range(rng.choice([0, 0, 0, 1, 2, 3])))


def oss_headers(rng, presign):
    headers = {}
    taken = set()

    def add(name, value):
        if name.lower() in taken or name.lower() == "__proto__":
            return
        taken.add(name.lower())
        headers[name] = value

    if presign:
        # The date slot of a presigned URL holds Expires; a Date header is ignored by all sides.
        # No x-oss-date here: oss2's _sign_url would let it override Expires in the date slot,
        # while ali-oss and the server (reference/signing.md section 3) use Expires.
        if rng.random() < 0.2:
            add("Date", rfc1123(rng))
    else:
        which = rng.random()
        if which < 0.45 or which >= 0.85:
            add(rng.choice(["Date", "date", "DATE"]), ows(rng) + rfc1123(rng) + ows(rng))
        if which >= 0.45:
            add(mixed_case(rng, "x-oss-date"), ows(rng) + rfc1123(rng) + ows(rng))
    if rng.random() < 0.5:
        md5 = base64.b64encode(rng.getrandbits(128).to_bytes(16, "big")).decode()
        add(rng.choice(["Content-MD5", "content-md5", "CONTENT-MD5"]), ows(rng) + md5 + ows(rng))
    if rng.random() < 0.5:
        ctype = rng.choice(["text/html", "application/octet-stream", "image/jpeg",
                            "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
                            'multipart/form-data; boundary="a b"', ""])
        add(rng.choice(["Content-Type", "content-type", "Content-type"]), ows(rng) + ctype + ows(rng))
    for _ in range(rng.choice([0, 0, 1, 2, 3, 5, 8, 12])):
        if rng.random() < 0.6:
            token_chars = "abcdefghijklmnopqrstuvwxyz0123456789-_"
            meta = "".join(rng.choice(token_chars) for _ in range(rng.randint(1, 12)))
            if rng.random() < 0.05:
                meta += rng.choice("!#$%&'*+.^`|~")
            name = mixed_case(rng, "x-oss-meta-" + meta)
        else:
            name = mixed_case(rng, rng.choice(OSS_HEADERS))
        add(name, ows(rng) + latin1_value(rng) + ows(rng))
    for _ in range(rng.choice([0, 0, 1, 2])):
        add(rng.choice(ORDINARY_HEADERS), ows(rng) + latin1_value(rng) + ows(rng))
    items = list(headers.items())
    rng.shuffle(items)
    return dict(items)


def oss_query(rng, subresources):
    query = {}
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 4, 6, 10])):
        name = rng.choice(subresources) if rng.random() < 0.6 else rng.choice(ORDINARY_QUERY)
        if rng.random() < 0.1:
            name = ascii_word(rng, 1, 10) + rng.choice(["", "中", " ", "&"])
        if name in query or name in ("OSSAccessKeyId", "Expires", "Signature", "security-token"):
            continue
        pick = rng.random()
        if pick < 0.25:
            value = None  # bare: ?acl
        elif pick < 0.35:
            value = ""
        else:
            value = scalar(rng, text(rng, 8))
        query[name] = value
    return query


def oss_common(rng, subresources, presign):
    sts = rng.random() < 0.35
    pick = rng.random()
    bucket = None if pick < 0.05 else bucket_name(rng)
    if bucket is None:
        key = None
    else:
        key_pick = rng.random()
        key = None if key_pick < 0.1 else ("" if key_pick < 0.15 else object_key(rng))
    req = {
        "method": rng.choice(["GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS"]),
        "bucket": bucket,
        "key": key,
        "headers": oss_headers(rng, presign),
        "query": oss_query(rng, subresources),
        "accessKeyId": access_key_id(rng, sts),
        "accessKeySecret": secret(rng),
    }
    if sts:
        req["securityToken"] = security_token(rng)
        if not presign and rng.random() < 0.2:
            req["headers"]["x-oss-security-token"] = req["securityToken"]
        if presign and rng.random() < 0.2:
            req["query"]["security-token"] = req["securityToken"]
    else:
        if rng.random() < 0.03:
            req["query"]["security-token"] = security_token(rng)  # just a sub-resource here
        if rng.random() < 0.05:
            req["securityToken"] = None
    return req


def oss_case(rng, i, subresources):
    req = {"kind": "oss", **oss_common(rng, subresources, presign=False)}
    return {"id": f"oss-{i:05d}", "algo": "oss", "text": dumps(rng, req)}


# The documented OSS endpoint shapes, https only (crate/src/endpoint.rs): plain http and other
# hosts are refused (invalid_cases.py).
ENDPOINTS = ["oss-cn-hangzhou.aliyuncs.com", "https://oss-cn-shanghai.aliyuncs.com",
             "https://oss-cn-beijing-internal.aliyuncs.com", "https://oss-ap-southeast-1.aliyuncs.com/",
             "oss-accelerate.aliyuncs.com", "cn-hongkong.oss.aliyuncs.com"]
# Custom domains bound to a bucket, given with "cname": true.
CUSTOM_DOMAINS = ["static.example.com", "https://cdn.example.org", "https://files.example.net/"]


def presign_case(rng, i, subresources):
    req = {"kind": "oss-presign", **oss_common(rng, subresources, presign=True)}
    if req["key"] in (".", ".."):
        req["key"] += "x"  # not presignable: URL parsers drop such segments (invalid_cases.py)
    req["expires"] = NOW + rng.choice([1, 60, 3600, 86400 * 7, rng.randint(2, 10**8)])
    if req["bucket"] is not None and rng.random() < 0.1:
        req["endpoint"] = rng.choice(CUSTOM_DOMAINS)
        req["cname"] = True
    else:
        req["endpoint"] = rng.choice(ENDPOINTS)
        if rng.random() < 0.05:
            req["cname"] = rng.choice([False, None])
    return {"id": f"presign-{i:05d}", "algo": "presign", "text": dumps(rng, req), "now": NOW}


# ---------------------------------------------------------------------------- PostObject policy

def condition(rng):
    pick = rng.random()
    if pick < 0.15:
        return {"bucket": bucket_name(rng)}
    if pick < 0.3:
        return ["eq", "$key", text(rng, 6, controls=True)]
    if pick < 0.45:
        return ["starts-with", "$key", text(rng, 4)]
    if pick < 0.6:
        lo = rng.randint(0, 10**6)
        return ["content-length-range", lo, lo + rng.randint(0, 10**10)]
    if pick < 0.75:
        return [rng.choice(["in", "not-in"]), "$content-type",
                [text(rng, 3) for _ in range(rng.randint(0, 4))]]
    if pick < 0.9:
        return {"x-oss-meta-" + ascii_word(rng, 1, 8).lower(): text(rng, 6, controls=True)}
    return ["eq", "$success_action_status", rng.choice(["200", "201", "204"])]


def post_policy_case(rng, i):
    sts = rng.random() < 0.3
    fields = [("expiration", iso8601(rng, fraction=rng.random() < 0.3)),
              ("conditions", [condition(rng) for _ in range(rng.randint(0, 12))])]
    if rng.random() < 0.2:
        fields.reverse()
    policy = dict(fields)
    # Compact JSON as JavaScript's JSON.stringify writes it: ali-oss re-serialises the policy
    # before signing, while the core signs the exact bytes it is given.
    policy_text = json.dumps(policy, separators=(",", ":"), ensure_ascii=False)
    req = {"kind": "post-policy", "policy": policy_text, "accessKeyId": access_key_id(rng, sts),
           "accessKeySecret": secret(rng)}
    return {"id": f"post-{i:05d}", "algo": "post-policy", "text": dumps(rng, req)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--per-algo", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    subresources = sorted(oss2.auth.ProviderAuth._subresource_key_set)
    cases = []
    for i in range(args.per_algo):
        cases.append(rpc_case(rng, i))
        cases.append(oss_case(rng, i, subresources))
        cases.append(presign_case(rng, i, subresources))
        cases.append(post_policy_case(rng, i))
    cases += utf16_order_cases(rng, 40)
    cases += invalid_cases(rng, {
        "rpc": lambda: json.loads(rpc_case(rng, 0)["text"]),
        "oss": lambda: json.loads(oss_case(rng, 0, subresources)["text"]),
        "oss-presign": lambda: json.loads(presign_case(rng, 0, subresources)["text"]),
        "post-policy": lambda: json.loads(post_policy_case(rng, 0)["text"]),
    })
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "cases.jsonl"), "w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=True) + "\n")
    with open(os.path.join(args.out_dir, "oss2-subresources.json"), "w") as f:
        json.dump(subresources, f)
    print(f"generated {len(cases)} cases (seed {args.seed}, {args.per_algo} per algorithm)")


if __name__ == "__main__":
    main()
