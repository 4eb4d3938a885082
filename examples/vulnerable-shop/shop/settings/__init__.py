# Settings are split per environment:
#   base.py        shared by everything
#   local.py       developer machines (manage.py default)
#   production.py  the live shop (wsgi.py)
