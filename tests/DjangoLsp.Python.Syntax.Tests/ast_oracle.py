"""Oracle for the differential test: prints CPython's ast for each file in the same JSON shape as
`djangolsp debug ast` (PythonDebugCommands.DebugAst). Reads file paths from stdin, one per line.
Only reads and parses files; never executes them."""
import ast
import json
import sys


def const_value(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, str):
        return v
    if isinstance(v, bytes):
        return {"bytes": v.hex()}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, complex):
        return {"complex": repr(v.imag)}
    if v is Ellipsis:
        return {"ellipsis": True}
    raise TypeError(type(v))


def conv(node):
    if isinstance(node, ast.AST):
        d = {"_type": type(node).__name__}
        for f in node._fields:
            if f == "type_comment":
                continue
            value = getattr(node, f, None)
            if f == "value" and isinstance(node, (ast.Constant, ast.MatchSingleton)):
                d[f] = const_value(value)
            else:
                d[f] = conv(value)
        return d
    if isinstance(node, list):
        return [conv(x) for x in node]
    return node


def main():
    sys.setrecursionlimit(100000)
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        try:
            with open(path, "rb") as f:
                source = f.read()
            tree = ast.parse(source, filename=path)
            out = {"path": path, "ast": conv(tree)}
        except SyntaxError as e:
            out = {"path": path, "error": {"line": e.lineno or 0, "message": e.msg}}
        except Exception as e:  # ValueError (null bytes), RecursionError, MemoryError
            out = {"path": path, "error": {"line": 0, "message": type(e).__name__ + ": " + str(e)}}
        sys.stdout.write(json.dumps(out) + "\n")


main()
