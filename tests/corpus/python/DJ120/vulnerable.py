import os
from os import system as run

def a(request):
    os.system("ping -c 1 " + request.GET["host"])

def b(request):
    os.popen(f"nslookup {request.POST['name']}")

def c(request):
    run("rm -rf /tmp/%s" % request.GET["d"])

def d(path):
    os.system("gzip " + path)

def e(request):
    cmd = "convert " + request.FILES["f"].name
    os.system(cmd)
