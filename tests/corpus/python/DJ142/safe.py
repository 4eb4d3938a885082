import yaml
from yaml import SafeLoader

DEFAULTS = yaml.load("debug: false", Loader=yaml.Loader)   # a constant document


def read_settings(path):
    with open(path) as fh:
        return yaml.safe_load(fh)


def read_with_safe_loader(request):
    return yaml.load(request.body, Loader=yaml.SafeLoader)


def read_with_c_safe_loader(text):
    return yaml.load(text, Loader=yaml.CSafeLoader)


def read_all_safely(request):
    return list(yaml.safe_load_all(request.POST["docs"]))


def imported_safe_loader(text):
    return yaml.load(text, Loader=SafeLoader)


def dump(data):
    return yaml.dump(data)


class Config:
    def load(self, text):
        return text.split()


def not_yaml(text):
    return Config().load(text)


import requests  # noqa: E402


def supplier_feed():
    resp = requests.get("https://supplier.example/feed.yaml", timeout=10)
    return yaml.safe_load(resp.text)
