import re
import re as regex_module

from django.http import JsonResponse


def sku_lookup(request):
    pattern = re.compile(request.GET.get("pattern", ""), re.IGNORECASE)  # expect: DJ801
    return JsonResponse({"ok": bool(pattern)})


def search(request):
    query = request.POST["q"]
    matches = [n for n in NAMES if re.search(query, n)]  # expect: DJ801
    return JsonResponse({"matches": matches})


def replace(request, text):
    return re.sub(request.GET["find"], "", text)  # expect: DJ801


def split_by(request, text):
    sep = request.GET.get("sep", ",")
    parts = re.split(sep, text)  # expect: DJ801
    return parts


def aliased(request):
    return regex_module.match(pattern=request.data["rx"], string="abc")  # expect: DJ801


class SearchView:
    def get(self, request):
        return re.findall(self.request.GET["pattern"], "haystack")  # expect: DJ801


# ---- safe look-alikes ----

NAMES = ["a", "b"]


def escaped(request):
    needle = re.compile(re.escape(request.GET.get("text", "")), re.IGNORECASE)
    return needle


def constant(request):
    return re.match(r"^\d+$", request.GET.get("id", ""))


def subject_only(request):
    return re.search(r"[a-z]+", request.GET["q"])


def from_settings(settings):
    return re.compile(settings.ALLOWED_PATTERN)


def escaped_variable(request):
    term = re.escape(request.GET["q"])
    return re.compile(term)
