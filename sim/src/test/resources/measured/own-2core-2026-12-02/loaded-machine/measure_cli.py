#!/usr/bin/env python3
"""Interleaved measurements on own-2core's cli workspace (cargo 1.95, this 2-core machine).

Usage: measure_cli.py WORKSPACE OUT.csv [--reps N] [--part cache|sccache|all]

cache:   rustc's expansion cache (-Zcache-proc-macros, RUSTC_BOOTSTRAP=1) against the same build
         without it, on incremental check and dev builds after a comment edit (a comment line
         appended to src/model.rs, which derives Serialize/Deserialize) and after a body edit (the
         literal returned by a probe function in src/main.rs changes). Each variant has its own
         target directory, built once before; runs alternate A B A B.
sccache: clean dev builds (-j2) without a wrapper, with sccache and a warm cache (filled by one
         unrecorded build), and with sccache and an empty cache; A B C A B C ...
"""
import csv, os, shutil, subprocess, sys, time

ws = os.path.abspath(sys.argv[1]); out = sys.argv[2]
reps = int(sys.argv[sys.argv.index('--reps') + 1]) if '--reps' in sys.argv else 5
part = sys.argv[sys.argv.index('--part') + 1] if '--part' in sys.argv else 'all'
JOBS = 2
rows = []

def run(kind, rep, cmd, env, cwd=ws):
    e = dict(os.environ); e.update(env)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, env=e, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    envs = ' '.join(f'{k}={v}' for k, v in env.items() if k != 'CARGO_TARGET_DIR')
    rows.append(dict(workspace='cli', kind=kind, jobs=JOBS, rep=rep, wall_s=f'{wall:.3f}',
                     rc=p.returncode, cmd=(envs + ' ' if envs else '') + ' '.join(cmd)))
    print(f'{kind:28s} r{rep} {wall:7.3f} s rc={p.returncode}', file=sys.stderr, flush=True)
    return p.returncode

main_rs = os.path.join(ws, 'src/main.rs'); model_rs = os.path.join(ws, 'src/model.rs')
orig_main = open(main_rs).read(); orig_model = open(model_rs).read()
PROBE = '\n#[allow(dead_code)]\nfn cratesim_probe() -> u64 {\n    %d\n}\n'
counter = [0]

def edit(kind):
    counter[0] += 1
    if kind == 'comment':
        with open(model_rs, 'a') as f:
            f.write(f'// cratesim edit {counter[0]}\n')
    else:
        open(main_rs, 'w').write(orig_main + PROBE % counter[0])

try:
    open(main_rs, 'w').write(orig_main + PROBE % 0)
    if part in ('cache', 'all'):
        variants = {
            'base': {'CARGO_TARGET_DIR': os.path.join(ws, 'target-base')},
            'cache': {'CARGO_TARGET_DIR': os.path.join(ws, 'target-cache'),
                      'RUSTC_BOOTSTRAP': '1', 'RUSTFLAGS': '-Zcache-proc-macros'},
        }
        for v, env in variants.items():  # prepare: both profiles fully built
            for c in (['cargo', 'build', '-j', str(JOBS)], ['cargo', 'check', '-j', str(JOBS)]):
                e = dict(os.environ); e.update(env)
                subprocess.run(c, cwd=ws, env=e, check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        for sub, cargo in (('check', 'check'), ('dev', 'build')):
            for ek in ('comment', 'body'):
                for r in range(1, reps + 1):
                    for v, env in variants.items():
                        edit(ek)
                        kind = f'incr-{sub}-{ek}' + ('' if v == 'base' else '+expansion-cache')
                        run(kind, r, ['cargo', cargo, '-j', str(JOBS)], env)
    if part in ('sccache', 'all'):
        open(main_rs, 'w').write(orig_main)
        open(model_rs, 'w').write(orig_model)
        cache_dir = '/tmp/cratesim-sccache'
        tgt = os.path.join(ws, 'target-clean')
        warm = {'CARGO_TARGET_DIR': tgt, 'RUSTC_WRAPPER': 'sccache', 'SCCACHE_DIR': cache_dir}
        shutil.rmtree(cache_dir, ignore_errors=True)
        subprocess.run(['sccache', '--stop-server'], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(tgt, ignore_errors=True)
        e = dict(os.environ); e.update(warm)
        subprocess.run(['cargo', 'build', '-j', str(JOBS)], cwd=ws, env=e, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fills the cache
        for r in range(1, reps + 1):
            for v in ('base', 'sccache-warm', 'sccache-cold'):
                shutil.rmtree(tgt, ignore_errors=True)
                env = {'CARGO_TARGET_DIR': tgt}
                if v == 'sccache-warm':
                    env = warm
                elif v == 'sccache-cold':
                    env = dict(warm); env['SCCACHE_DIR'] = cache_dir + '-cold'
                    subprocess.run(['sccache', '--stop-server'], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
                    shutil.rmtree(env['SCCACHE_DIR'], ignore_errors=True)
                kind = 'clean-dev' + ('' if v == 'base' else '+' + v)
                run(kind, r, ['cargo', 'build', '-j', str(JOBS)], env)
                if v == 'sccache-cold':
                    subprocess.run(['sccache', '--stop-server'], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
finally:
    open(main_rs, 'w').write(orig_main)
    open(model_rs, 'w').write(orig_model)
    with open(out, 'w', newline='') as f:
        w = csv.DictWriter(f, fieldnames=['workspace', 'kind', 'jobs', 'rep', 'wall_s', 'rc', 'cmd'])
        w.writeheader(); w.writerows(rows)
