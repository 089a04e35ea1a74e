import re,os,sys
# Replaces the inline literal of each check(state, w, h, "name", """…""") with the screen recorded as name.txt.
p=sys.argv[1]; d=sys.argv[2]
s=open(p).read()
out=[];pos=0
pat=re.compile(r'"([\w\-]+)", """\n(.*?)\n([ \t]*)"""', re.S)
count=0
for m in pat.finditer(s):
    name=m.group(1); indent=m.group(3)
    f=os.path.join(d,name+'.txt')
    if not os.path.exists(f): continue
    text=open(f).read()
    lines=text.split('\n')
    body='\n'.join((indent+l) if l else l for l in lines)
    # snapshot compare probably trims trailing spaces; keep lines as recorded
    out.append(s[pos:m.start(2)]); out.append(body); pos=m.end(2); count+=1
out.append(s[pos:])
open(p,'w').write(''.join(out))
print(count,'replaced')
