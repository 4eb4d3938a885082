# Safe look-alikes: the helper quotes or validates; nothing may be reported.
import os
import shlex


def compress(name):
    os.system("gzip -kf " + shlex.quote(name))


def export(request):
    compress(request.GET["file"])


def ping_command(host):
    return "ping -c 1 " + shlex.quote(host)


def ping(request):
    os.system(ping_command(request.POST["host"]))


def port_command(port):
    if not port.isdigit():
        return "true"
    return "nc -z localhost " + port


def probe(request):
    os.system(port_command(request.GET["port"]))
