#!/usr/bin/env python3
"""The import graph of src/: fails on an upward edge or a cycle between files.

    python3 scripts/deps.py             # from anywhere; exit 1 on a violation
    python3 scripts/deps.py --graph     # also print every edge
    python3 scripts/deps.py --strict    # also count a child's edges to its parent's mod.rs

A module is a file (`src/places/detect.rs` is `places::detect`, `src/places/mod.rs` is
`places`). An edge A -> B is a path in A's code (comments, string literals and
`#[cfg(test)]` / `#[cfg(all(test, ..))]` modules removed) that names an item of B:
`crate::b::..`, `super::..`, `self::..`, a child module's `child::..`, or a name A imported
with `use`. A path to a name that B only imports (`use`, `pub use`) is followed to the module
that defines it, so a re-export neither hides an edge nor makes one up. Declaring a child
(`mod x;`) is not an edge; calling it (`x::f()`) is. The crate root (`lib.rs`: `Extractor`,
`Options`) and the binary (`main.rs`) are not checked.

Two rules:
- no upward edge: top-level modules are ordered (ORDER below) and a module imports only from
  its own top-level module and those before it. So the core (all but `cli` and `ui`)
  never imports `cli` or `ui`, and `cli` and `ui` never import each other.
- no cycle: no two files import each other, directly or through a ring (strongly connected
  components of more than one file). A child's edge to its own parent (`super::Item`, an item
  the parent's mod.rs defines) does not count: the parent is the module's facade, which
  declares and calls its children and holds the types they share (`--strict` counts it).
"""

import glob
import os
import re
import sys

ORDER = ['vocab', 'text', 'numbers', 'figures', 'places', 'incidents', 'report', 'eval', 'cli', 'ui']
# Top-level modules that sit side by side: neither may import the other.
SIDE_BY_SIDE = {('cli', 'ui'), ('ui', 'cli'), ('eval', 'ui'), ('ui', 'eval')}
STRICT_PARENT = '--strict' in sys.argv

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')


def module_of(path):
    p = os.path.relpath(path, os.path.join(ROOT, 'src'))[:-3].split(os.sep)
    if p == ['main']:  # the binary: a user of the library, not a module of it
        return ('<bin>',)
    if p[-1] in ('mod', 'lib', 'main'):
        p = p[:-1]
    return tuple(p)


def strip(src):
    """Removes comments, string and char literals (keeps newlines and byte count roughly)."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i)
            i = n if j < 0 else j
        elif src.startswith('/*', i):
            depth, i = 1, i + 2
            while i < n and depth:
                if src.startswith('/*', i):
                    depth, i = depth + 1, i + 2
                elif src.startswith('*/', i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif re.match(r'b?r#*"', src[i:i + 12]) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == '_')):
            m = re.match(r'b?r(#*)"', src[i:])
            end = '"' + m.group(1)
            j = src.find(end, i + m.end())
            i = n if j < 0 else j + len(end)
            out.append('""')
        elif c == '"' or (c == 'b' and src.startswith('b"', i) and (i == 0 or not src[i - 1].isalnum())):
            i += 2 if c == 'b' else 1
            while i < n and src[i] != '"':
                i += 2 if src[i] == '\\' else 1
            i += 1
            out.append('""')
        elif c == "'":
            m = re.match(r"'(\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\'])'", src[i:])
            if m:
                i += m.end()
                out.append("' '")
            else:  # a lifetime
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def drop_test_modules(code):
    """Removes `#[cfg(test)] mod name { .. }` blocks (also `#[cfg(all(test, ..))]`, and
    `mod name;`)."""
    out, pos = [], 0
    for m in re.finditer(r'#\[cfg\((?:test|all\(\s*test\b[^\]]*\))\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*([{;])', code):
        if m.start() < pos:
            continue
        out.append(code[pos:m.start()])
        if m.group(1) == ';':
            pos = m.end()
            continue
        depth, i = 1, m.end()
        while i < len(code) and depth:
            depth += {'{': 1, '}': -1}.get(code[i], 0)
            i += 1
        pos = i
    out.append(code[pos:])
    return ''.join(out)


def use_trees(code):
    """The paths (lists of segments) of `use` items (brace groups expanded, `as` renames
    dropped) and every other `a::b::c` path."""
    uses = []
    for m in re.finditer(r'\buse\s+([^;]*);', code):
        tree = re.sub(r'\s+as\s+\w+', '', m.group(1))
        for path in expand(re.sub(r'\s+', '', tree)):
            uses.append(path)
    rest = re.sub(r'\buse\s+[^;]*;', ' ', code)
    paths = [p.split('::') for p in re.findall(r'(?<![\w:])(?:\w+::)+\w+', rest)]
    return uses, paths


def expand(tree):
    """`a::{b,c::{d,e}}` -> [[a,b],[a,c,d],[a,c,e]] (`x as y` keeps x)."""
    if '{' not in tree:
        return [[s for s in tree.split('::') if s]]
    i = tree.index('{')
    prefix = [s for s in tree[:i].split('::') if s]
    inner, depth, parts, cur = tree[i + 1:tree.rindex('}')], 0, [], ''
    for ch in inner:
        if ch == ',' and depth == 0:
            parts.append(cur)
            cur = ''
            continue
        depth += {'{': 1, '}': -1}.get(ch, 0)
        cur += ch
    parts.append(cur)
    result = []
    for p in parts:
        if not p:
            continue
        for sub in expand(p):
            result.append(prefix + sub)
    return result


def main():
    files = sorted(glob.glob(os.path.join(ROOT, 'src', '**', '*.rs'), recursive=True))
    mods = {module_of(f): f for f in files}
    code = {m: drop_test_modules(strip(open(f, encoding='utf-8').read())) for m, f in mods.items()}
    children = {m: {c[-1] for c in mods if len(c) == len(m) + 1 and c[:len(m)] == m} for m in mods}

    def absolute(m, segs):
        """A path written in module m -> absolute segments, or None if not crate-local."""
        segs = [s for s in segs if s]
        if not segs:
            return None
        base = list(m)
        if segs[0] == 'crate':
            return segs[1:]
        if segs[0] == 'casualty_lens':  # the binary names the library
            return segs[1:]
        if segs[0] in ('super', 'self'):
            while segs and segs[0] in ('super', 'self'):
                if segs[0] == 'super':
                    base = base[:-1]
                segs = segs[1:]
            return base + segs
        if segs[0] in children[m]:
            return base + segs
        return None

    # name -> absolute path, for the names each module brings in with `use`.
    imports = {}
    uses_of = {}
    for m in mods:
        uses, paths = use_trees(code[m])
        uses_of[m] = (uses, paths)
        table = {}
        for u in uses:
            a = absolute(m, u)
            if a and u[-1] not in ('self', '*'):
                table[u[-1]] = a
            elif a and u[-1] == 'self' and len(a) > 1:
                table[a[-2]] = a[:-1]
        imports[m] = table

    def resolve(a, seen=()):
        """Absolute segments -> the module that defines the named item."""
        a = [s for s in a if s != 'self']
        k = len(a)
        while k > 0 and tuple(a[:k]) not in mods:
            k -= 1
        target = tuple(a[:k])
        if k < len(a):
            name = a[k]
            via = imports.get(target, {}).get(name)
            if via and (target, name) not in seen and via != a:
                return resolve(via + a[k + 1:], seen + ((target, name),))
        return target

    edges = {m: set() for m in mods}
    for m in mods:
        uses, paths = uses_of[m]
        local = imports[m]
        for segs in uses + paths:
            if segs and segs[0] in local and segs[0] not in children[m] and segs[0] not in ('crate', 'super', 'self'):
                a = local[segs[0]] + segs[1:]
            else:
                a = absolute(m, segs)
            if not a:
                continue
            if segs[-1] == '*':
                a = a[:-1]
            t = resolve(a)
            if t != m and t != ():
                edges[m].add(t)
    # `lib.rs` declares the stages and re-exports their types: it is the crate's facade.
    edges[()] = set()

    if '--graph' in sys.argv:
        for m in sorted(edges):
            for t in sorted(edges[m]):
                print('::'.join(m) or 'crate', '->', '::'.join(t) or 'crate')

    bad = 0
    rank = {name: i for i, name in enumerate(ORDER)}
    for m in sorted(edges):
        if not m or m[0] not in rank:
            continue
        for t in sorted(edges[m]):
            if not t or t[0] not in rank:
                continue
            if (m[0], t[0]) in SIDE_BY_SIDE or rank[t[0]] > rank[m[0]]:
                print(f"upward edge: {'::'.join(m)} -> {'::'.join(t)}")
                bad += 1

    # Cycles: Tarjan's strongly connected components.
    graph = {m: set(ts) for m, ts in edges.items()}
    if not STRICT_PARENT:
        for m in graph:
            # A child naming its parent's own items: the parent is the facade, not a peer.
            if len(m) > 0 and m[:-1] in graph and m[:-1] in graph[m]:
                graph[m].discard(m[:-1])
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    for comp in sorted(sccs):
        print('cycle: ' + ', '.join('::'.join(c) or 'crate' for c in comp))
        bad += 1
    if bad:
        print(f'{bad} violation(s) of the import rules (ARCHITECTURE.md, "Invariants")')
        return 1
    print(f'import graph: {len(mods)} modules, {sum(map(len, edges.values()))} edges, no upward edge, no cycle')
    return 0


if __name__ == '__main__':
    sys.exit(main())
