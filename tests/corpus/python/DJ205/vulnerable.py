import jinja2
from jinja2 import Environment, FileSystemLoader

env1 = jinja2.Environment(autoescape=False)
env2 = Environment(loader=FileSystemLoader("t"))
env3 = Environment(autoescape=False, loader=FileSystemLoader("t"))

def make():
    return jinja2.Environment()

def make2(loader):
    return Environment(loader=loader, trim_blocks=True)
