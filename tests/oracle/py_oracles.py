"""Adapters that run the official Python SDKs' OWN signing code on a contract request and return
their stage outputs under the contract's stage names.

Every adaptation to an SDK's calling convention is explained where it is made. The SDK code is
imported from the installed packages (tests/oracle/requirements.txt), never copied.
"""

import json
from unittest import mock
from urllib.parse import unquote

import oss2
import oss2.utils
from oss2.api import _UrlMaker
from oss2.http import CaseInsensitiveDict, Request
from aliyunsdkcore.auth.composer import rpc_signature_composer
from alibabacloud_openapi_util.client import Client as OpenApiUtil

# Module-level functions whose names start with two underscores: Python mangles such names only
# inside class bodies, so they sit in the module's namespace under their plain names.
COMPOSE_STRING_TO_SIGN = vars(rpc_signature_composer)["__compose_string_to_sign"]
GET_SIGNATURE = vars(rpc_signature_composer)["__get_signature"]


def text_of(value):
    """The contract takes a JSON number or boolean as its JSON text (`5`, `true`)."""
    return value if isinstance(value, str) else json.dumps(value)


def wire(value):
    """A header value as the server receives it. HTTP strips spaces and tabs around header values
    on the wire (RFC 9110 OWS) and ali-oss trims x-oss-* values itself; oss2 signs the value
    untrimmed (its quirk), so it is given the trimmed value the server will see."""
    return text_of(value).strip(" \t")


def rpc(req):
    """aliyun-python-sdk-core's composer (string to sign, signature) and alibabacloud-openapi-util's
    get_rpcsignature (signature). The canonical query is the SDK's own, read back from its string
    to sign (`METHOD&%2F&` + percent-encoded canonical query) by decoding it once."""
    params = {k: text_of(v) for k, v in req["params"].items()}
    method, secret = req["method"], req["accessKeySecret"]
    string_to_sign = COMPOSE_STRING_TO_SIGN(method, params)
    core_sdk = {
        "canonicalQuery": unquote(string_to_sign.split("&", 2)[2]),
        "stringToSign": string_to_sign,
        "signature": GET_SIGNATURE(string_to_sign, secret),
    }
    openapi = {"signature": OpenApiUtil.get_rpcsignature(dict(params), method, secret)}
    return {"aliyun-python-sdk-core": core_sdk, "alibabacloud-openapi-util": openapi}


def _oss_auth(req):
    """oss2.Auth for AccessKeys, oss2.StsAuth for STS credentials; plus the ProviderAuth doing the
    work (StsAuth delegates to a private one)."""
    token = req.get("securityToken")
    if token:
        auth = oss2.StsAuth(req["accessKeyId"], req["accessKeySecret"], token)
        return auth, auth._StsAuth__auth
    auth = oss2.Auth(req["accessKeyId"], req["accessKeySecret"])
    return auth, auth


def _oss_request(req, url):
    headers = CaseInsensitiveDict({k: wire(v) for k, v in (req.get("headers") or {}).items()})
    params = {k: (None if v is None else text_of(v)) for k, v in (req.get("query") or {}).items()}
    return Request(req["method"], url, params=params, headers=headers)


def _stages(provider, r, bucket, key):
    return {
        "canonicalizedOssHeaders": provider._ProviderAuth__get_headers_bytes(r).decode("utf-8"),
        "canonicalizedResource": provider._ProviderAuth__get_resource_string(r, bucket, key),
        "stringToSign": provider._ProviderAuth__get_bytes_to_sign(r, bucket, key).decode("utf-8"),
    }


def oss_header(req):
    """oss2's own request signing (`_sign_request`): it adds x-oss-security-token for STS and the
    Date header from `oss2.utils.http_date()`, which is patched to return the request's Date so the
    signature is deterministic. x-oss-date, when present, wins over Date (oss2 and ali-oss agree).
    oss2 takes the key as a string, so a bucket-level request passes `''`."""
    auth, provider = _oss_auth(req)
    bucket, key = req.get("bucket"), req.get("key") or ""
    r = _oss_request(req, "https://unused.invalid/")
    date = r.headers.get("date", "Thu, 01 Jan 1970 00:00:00 GMT")
    with mock.patch.object(oss2.utils, "http_date", lambda timeval=None: date):
        auth._sign_request(r, bucket, key)
    authorization = r.headers["authorization"]
    out = _stages(provider, r, bucket, key)
    out["signature"] = authorization.rsplit(":", 1)[1]
    out["authorization"] = authorization
    out["headers"] = {"Authorization": authorization}
    if req.get("securityToken"):
        out["headers"]["x-oss-security-token"] = r.headers["x-oss-security-token"]
    return {"oss2": out}


def endpoint_url(endpoint):
    """The contract's endpoint: a host, optionally with a scheme (https by default)."""
    return endpoint if "://" in endpoint else "https://" + endpoint


def oss_presign(req, now):
    """oss2's own `_sign_url` with `time.time` patched to `now`, so that `now + expires_in` is the
    request's `expires`. The base URL comes from oss2's `_UrlMaker` (with slash_safe, as the
    contract keeps `/` in keys; URLs are compared decoded anyway). `_UrlMaker` needs a string
    bucket: a service-level URL passes `''`."""
    auth, provider = _oss_auth(req)
    bucket, key = req.get("bucket"), req.get("key") or ""
    is_cname = bool(req.get("cname"))
    base = _UrlMaker(endpoint_url(req["endpoint"]), is_cname, False)(bucket or "", key, slash_safe=True)
    r = _oss_request(req, base)
    with mock.patch.object(oss2.auth.time, "time", lambda: float(now)):
        url = auth._sign_url(r, bucket, key, req["expires"] - now)
    out = _stages(provider, r, bucket, key)
    out["signature"] = r.params["Signature"]
    out["url"] = url
    return {"oss2": out}


def split_url(url):
    """(scheme, host, decoded path, sorted decoded query pairs) without any URL normalisation
    (a WHATWG parser would resolve `..` segments that are part of an object key). A bare `k` and
    `k=` both decode to (k, ''): oss2 writes empty values bare, the core writes `k=`."""
    scheme, rest = url.split("://", 1)
    host, _, rest = rest.partition("/")
    path, _, query = rest.partition("?")
    pairs = []
    for part in query.split("&") if query else []:
        k, _, v = part.partition("=")
        pairs.append((unquote(k, errors="strict"), unquote(v, errors="strict")))
    return {"scheme": scheme, "host": host, "path": "/" + unquote(path, errors="strict"),
            "query": sorted(pairs)}
