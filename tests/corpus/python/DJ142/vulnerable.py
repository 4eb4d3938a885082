import yaml
import yaml as y
from yaml import load, Loader, FullLoader


def import_feed(request):
    return yaml.load(request.body, Loader=yaml.Loader)


def import_all(request):
    return list(yaml.load_all(request.POST["docs"], Loader=yaml.FullLoader))


def legacy(text):
    return yaml.load(text)


def unsafe(path):
    with open(path) as fh:
        return yaml.unsafe_load(fh)


def aliased(request):
    return y.load(request.GET.get("q", ""), y.UnsafeLoader)


def imported_names(stream):
    return load(stream, Loader=Loader)


def full(stream):
    return yaml.full_load(stream)


import requests  # noqa: E402


def supplier_feed():
    # A fetched document is a third party's data, even from a constant URL.
    resp = requests.get("https://supplier.example/feed.yaml", timeout=10)
    return yaml.load(resp.text, Loader=yaml.Loader)
