import traceback

import requests
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from rest_framework.response import Response


def track(request):
    try:
        resp = requests.get("https://carrier.internal/track", timeout=5)
    except requests.RequestException as exc:
        return JsonResponse({"error": str(exc)}, status=502)  # expect: DJ810
    return JsonResponse(resp.json())


def report(request):
    try:
        run_report()
    except Exception:
        return HttpResponse(traceback.format_exc(), content_type="text/plain", status=500)  # expect: DJ810
    return HttpResponse("ok")


def api(request):
    try:
        run_report()
    except Exception as e:
        return Response({"detail": repr(e)}, status=400)  # expect: DJ810


def fstring(request):
    try:
        run_report()
    except KeyError as err:
        return HttpResponse(f"failed: {err}")  # expect: DJ810


def through_local(request):
    try:
        run_report()
    except OSError as exc:
        message = "Error: " + str(exc)
        return JsonResponse({"error": message})  # expect: DJ810


def args(request):
    try:
        run_report()
    except RuntimeError as exc:
        return JsonResponse({"error": exc.args})  # expect: DJ810


# ---- safe look-alikes ----

def fixed_message(request):
    try:
        run_report()
    except Exception:
        return JsonResponse({"error": "Report failed, try again later."}, status=500)


def validation(request, form):
    try:
        form.full_clean()
    except ValidationError as exc:
        return JsonResponse({"errors": exc.messages}, status=400)


def logged(request, logger):
    try:
        run_report()
    except Exception as exc:
        logger.exception("report failed: %s", exc)
        return HttpResponse("failed", status=500)


def type_name_only(request):
    try:
        run_report()
    except Exception as exc:
        return JsonResponse({"error": "internal", "code": 500})


def validation_str(request, form):
    try:
        form.full_clean()
    except ValidationError as e:
        return HttpResponse(str(e), status=400)


def run_report():
    pass
