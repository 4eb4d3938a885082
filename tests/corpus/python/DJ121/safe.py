import subprocess

def a(request):
    subprocess.run(["convert", request.POST["f"], "out.png"], check=True)

def b(request):
    subprocess.run("ls -la", shell=True)

def c(request):
    subprocess.run(f"ls {request.GET['d']}", shell=False)

def d(request):
    subprocess.call(["tar", "xf", request.GET["a"]])

def e(request):
    size = int(request.GET["size"])
    subprocess.run(f"convert in.png -resize {size} out.png", shell=True)
