import jinja2
from jinja2 import Environment, select_autoescape

env1 = jinja2.Environment(autoescape=True)
env2 = Environment(autoescape=select_autoescape())

def make(**options):
    return Environment(**options)

def make2(flag):
    return Environment(autoescape=flag)

class Environment2:
    pass
env3 = Environment2()
