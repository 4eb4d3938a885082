# Inter-procedural: request data reaches os.system through a helper.
import os
import shlex


def compress(name):
    os.system("gzip -kf " + name)  # helper itself: unknown data (warning)


def export(request):
    compress(request.GET["file"])  # request data into the helper's shell command


def ping_command(host):
    return "ping -c 1 " + host


def ping(request):
    os.system(ping_command(request.POST["host"]))  # the helper returns the command with request data


def half_quoted(a, b):
    os.system("cp " + shlex.quote(a) + " " + b)  # b is not quoted (warning)


def copy(request):
    half_quoted(request.GET["src"], request.GET["dst"])  # dst reaches the shell unquoted
