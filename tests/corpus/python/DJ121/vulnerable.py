import subprocess
import subprocess as sp

def a(request):
    subprocess.run(f"convert {request.POST['f']} out.png", shell=True)

def b(request):
    subprocess.call("tar xf " + request.GET["a"], shell=True)

def c(request):
    sp.check_output("grep %s log" % request.GET["q"], shell=True)

def d(request):
    subprocess.Popen("echo {}".format(request.GET["m"]), shell=True)

def e(name):
    subprocess.check_call(f"ls {name}", shell=True)
