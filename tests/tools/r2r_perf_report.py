#!/usr/bin/env python3
"""Names the ReadyToRun code in a `perf record -g` profile of djangolsp (perf cannot: R2R methods are in no perf map).

Publish with symbols, record, report:
  dotnet publish server/DjangoLsp.Server -c Release -r linux-x64 --self-contained false \
      -p:PublishReadyToRunEmitSymbols=true -o /tmp/r2r        # writes *.ni.r2rmap (RVA, size, method) beside each dll
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -g -e cpu-clock -F 4000 -o /tmp/p.data \
      dotnet /tmp/r2r/djangolsp.dll check TREE --include-migrations --format json --no-config --output /dev/null
  python3 tests/tools/r2r_perf_report.py /tmp/p.data /tmp/r2r [TOP] [INCLUSIVE-REGEX]
  FOCUS='PythonNodeIndex::Build' python3 tests/tools/r2r_perf_report.py ...   # leaf breakdown below one method

Prints self samples per method, native leaves (GC, runtime helpers, stubs) with their first managed caller, and
optionally inclusive samples of methods matching a regex. Frame-pointer stacks skip the caller of a frameless leaf,
so "first managed caller" can be one level too high. perf prints DSO-relative addresses in call chains; the text
section of a crossgen2 image is mapped 0x10000 above its image base, hence the offset below.
"""
import bisect, collections, os, re, subprocess, sys

data, r2rdir = sys.argv[1:3]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 50
pattern = sys.argv[4] if len(sys.argv) > 4 else None
focus = os.environ.get('FOCUS')

def short(s):
    s = re.sub(r'\(.*\)', '()', s)
    s = re.sub(r'^\S+ (?=\S+::)', '', s)
    return s.replace('DjangoLsp.Python.Syntax.', '').replace('DjangoLsp.Analysis.', '')

tables = {}
def table(dll):
    if dll not in tables:
        rows = []
        path = os.path.join(r2rdir, dll[:-4] + '.ni.r2rmap')
        if os.path.exists(path):
            for line in open(path):
                parts = line.rstrip('\n').split(' ', 2)
                rva, size = int(parts[0], 16), int(parts[1], 16)
                if rva < 0xF0000000 and size:
                    rows.append((rva, rva + size, dll[:-4].replace('DjangoLsp.', '') + '!' + short(parts[2])))
        rows.sort()
        tables[dll] = ([r[0] for r in rows], rows)
    return tables[dll]

def name(ip, sym, dso):
    dll = os.path.basename(dso)
    if dll.endswith('.dll') and dll.lower().startswith('djangolsp'):
        starts, rows = table(dll)
        rva = int(ip, 16) + 0x10000
        i = bisect.bisect_right(starts, rva) - 1
        return rows[i][2] if i >= 0 and rows[i][0] <= rva < rows[i][1] else dll + '+' + hex(rva)
    if sym in ('[unknown]', ''):
        return dll + ' ?'
    return short(sym) if 'perf-' in dll else sym + ' [' + dll[:24] + ']'

out = subprocess.run(['perf', 'script', '-i', data, '-F', 'comm,tid,ip,sym,dso'], capture_output=True, text=True).stdout
samples, current = [], None
for line in out.splitlines():
    if not line.strip():
        if current: samples.append(current)
        current = None
    elif not line.startswith('\t'):
        current = []
    else:
        m = re.match(r'\s*([0-9a-f]+)\s+(.*)\((.*)\)\s*$', line)
        if m and current is not None: current.append(name(m.group(1), m.group(2).strip(), m.group(3)))
if current: samples.append(current)

managed = lambda n: '!' in n or '::' in n
def leaf(stack):
    if managed(stack[0]): return stack[0]
    caller = next((n for n in stack[1:] if managed(n)), '?')
    return stack[0] + '  <-  ' + caller

total = len(samples)
self_, native, inclusive, focused = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
for stack in samples:
    if not stack: continue
    self_[stack[0]] += 1
    if not managed(stack[0]): native[leaf(stack)] += 1
    for n in set(stack): inclusive[n] += 1
    if focus and any(re.search(focus, n) for n in stack): focused[leaf(stack)] += 1
def show(title, counter):
    print('---', title)
    for n, c in counter.most_common(top): print(f'{c:>6} {100 * c / total:5.1f}%  {n[:190]}')
print('samples', total)
show('self', self_)
show('native leaf, first managed caller', native)
if pattern:
    show('inclusive, matching ' + pattern, collections.Counter({n: c for n, c in inclusive.items() if re.search(pattern, n)}))
if focus:
    show(f'leaves below {focus} ({sum(focused.values())} samples)', focused)
