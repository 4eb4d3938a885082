import os
import shlex
import subprocess

def a(request):
    os.system("uptime")

def b(request):
    subprocess.run(["ping", "-c", "1", request.GET["host"]], check=True)

def c(request):
    os.system("ping -c 1 " + shlex.quote(request.GET["host"]))

def d(request):
    n = int(request.GET["n"])
    os.system("sleep %d" % n)

def e(request):
    if request.GET["mode"] in ("fast", "slow"):
        os.system("run-" + request.GET["mode"])
