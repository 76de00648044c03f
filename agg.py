import sys,re,collections
# parse `jfr print --events jdk.ExecutionSample` output; count top frames and inclusive frames (dev.iamlint)
top=collections.Counter(); incl=collections.Counter(); n=0
for block in sys.stdin.read().split("jdk.ExecutionSample")[1:]:
    frames=re.findall(r'^\s+([\w.$<>]+)\(', block, re.M)
    if not frames: continue
    n+=1
    top[frames[0]]+=1
    seen=set()
    for f in frames:
        if f not in seen: incl[f]+=1; seen.add(f)
print("samples",n)
print("--- top self"); [print(c,f) for f,c in top.most_common(25)]
print("--- inclusive"); [print(c,f) for f,c in incl.most_common(60)]
