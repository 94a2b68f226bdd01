#!/usr/bin/env python3
"""Fits TurnRanker's weights (conditional logit over each unit's candidates) and measures them
leave-one-novel-out. Input: a folder of NOVEL.out (AttributionScorer --verdicts NOVEL_FOLDER) and
NOVEL.err (same run with -Dattribution.features=true -Dattribution.weights=none), one pair per
novel.   bench/fit-turn-weights.py DUMP_DIR [L2] [ITERATIONS] [OUT_DIR]
TAG=AFEAT in the environment fits AnaphorRanker's weights instead (its AFEAT lines).
HIDDEN=H adds H tanh hidden units to the weighted sum (L-BFGS, seed 1, same L2); a .w file is
then the D linear weights, H x D input weights, H biases, H output weights (RankerScore.java).
Prints per novel the quotations of ranked units right with the rules and with weights fitted
without that novel; writes NOVEL.w (for -Dattribution.weights=) and ALL.w (for TurnWeights)."""
import sys, os, re, ast, csv, collections, bisect, numpy as np
DEV=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data', 'pdnc-dev')
TAG=os.environ.get('TAG','FEAT')
def bare(n):
    l=n.lower().strip()
    for a in ('the ','a ','an '):
        if l.startswith(a) and len(l)>len(a): return l[len(a):].strip()
    return l
def cw(whole,part):
    i=0
    while True:
        i=whole.find(part,i)
        if i<0: return False
        e=i+len(part)
        if (i==0 or not whole[i-1].isalnum()) and (e==len(whole) or not whole[e].isalnum()): return True
        i+=1
def aliases(nov):
    A={}
    with open(f'{DEV}/{nov}/character_info.csv') as f:
        for r in csv.DictReader(f):
            try: al=list(ast.literal_eval(r['Aliases']))
            except Exception: al=[]
            A[r['Main Name']]=al
    return A
def aliasesOf(A,sp):
    if sp in A: return A[sp]
    found=None
    for k,v in A.items():
        if sp in v:
            if found is not None: return []
            found=list(v)+[k]
    return found or []
def matches(pred,gold,names):
    if pred=='_narr': return '_narr' in names
    p=bare(pred)
    for a in names+[gold]:
        l=bare(a)
        if not l: continue
        if l==p or cw(l,p) or cw(p,l): return True
    return False
def load(d):
    data={}
    for fn in sorted(os.listdir(d)):
        if not fn.endswith('.err'): continue
        nov=fn[:-4]; A=aliases(nov)
        gold=[]
        for l in open(f'{d}/{nov}.out'):
            if l.startswith('VERDICT'):
                _,_,off,ok,typ,sp=l.split(); sp=sp.split('|')[0].replace('_',' ')
                gold.append((int(off),sp,typ,ok=='ok'))
        gold.sort(); offs=[g[0] for g in gold]
        units=collections.OrderedDict()
        for l in open(f'{d}/{nov}.err'):
            if not l.startswith(TAG+' '): continue
            _,s,e,rule,cand,fs=l.split()
            key=(int(s),int(e))
            units.setdefault(key,[]).append((rule,cand.replace('_',' ') if cand!='_narr' else '_narr',np.array([float(x) for x in fs.split(',')])))
        U=[]
        for (s,e),cs in units.items():
            i=bisect.bisect_left(offs,s); gs=[]
            while i<len(gold) and gold[i][0]<=e:
                gs.append(gold[i]); i+=1
            if not gs: continue
            g=gs[0]; names=aliasesOf(A,g[1])
            y=np.array([1.0 if matches(c[1],g[1],names) else 0.0 for c in cs])
            X=np.stack([c[2] for c in cs])
            pick=np.array([c[2][0] for c in cs])
            U.append(dict(X=X,y=y,w=len(gs),pick=pick,rule=cs[0][0],s=s,cands=[c[1] for c in cs]))
        data[nov]=U
    return data
def fit(units,l2=0.01,iters=300,lr=0.5):
    units=[u for u in units if u['y'].sum()>0]
    D=units[0]['X'].shape[1]; w=np.zeros(D); w[0]=1.0
    # pack
    Xs=np.concatenate([u['X'] for u in units]); ys=np.concatenate([u['y']/u['y'].sum() for u in units])
    gid=np.concatenate([np.full(len(u['y']),i) for i,u in enumerate(units)]); G=len(units)
    W=np.array([u['w'] for u in units],float); W/=W.sum()
    m=np.zeros(D); v=np.zeros(D)
    # units are contiguous: segment max and sums by reduceat (ufunc.at is many times slower)
    starts=np.concatenate([[0],np.cumsum([len(u['y']) for u in units])[:-1]])
    for it in range(iters):
        s=Xs@w
        mx=np.maximum.reduceat(s,starts)
        e=np.exp(s-mx[gid]); Z=np.add.reduceat(e,starts)
        p=e/Z[gid]
        g=((p-ys)*W[gid])@Xs + l2*w
        # adam
        m=0.9*m+0.1*g; v=0.999*v+0.001*g*g
        w-=0.05*(m/(1-0.9**(it+1)))/(np.sqrt(v/(1-0.999**(it+1)))+1e-8)
    return w
def pack(units):
    units=[u for u in units if u['y'].sum()>0]
    Xs=np.concatenate([u['X'] for u in units]); ys=np.concatenate([u['y']/u['y'].sum() for u in units])
    gid=np.concatenate([np.full(len(u['y']),i) for i,u in enumerate(units)])
    W=np.array([u['w'] for u in units],float); W/=W.sum()
    starts=np.concatenate([[0],np.cumsum([len(u['y']) for u in units])[:-1]])
    return Xs,ys,gid,W,starts
def unflat(p,D,H):
    """The weight file's layout: D linear weights, then per hidden unit D input weights and a bias,
    then H output weights (score = w.x + w2.tanh(W1 x + b1))."""
    w=p[:D]; W1=p[D:D+H*D].reshape(H,D); b1=p[D+H*D:D+H*D+H]; w2=p[D+H*D+H:]
    return w,W1,b1,w2
def fit_mlp(units,hidden,l2=0.01,iters=600,seed=1):
    """The linear model plus HIDDEN tanh units, all weights under the same L2, by L-BFGS from the
    linear fit and small random input weights (fixed seed)."""
    from scipy.optimize import minimize
    w0=fit(units,l2,iters)
    Xs,ys,gid,W,starts=pack(units); D=Xs.shape[1]; H=hidden
    rng=np.random.default_rng(seed)
    p0=np.concatenate([w0,rng.normal(0,0.3,H*D),np.zeros(H),rng.normal(0,0.1,H)])
    Wg=W[gid]
    def f(p):
        w,W1,b1,w2=unflat(p,D,H)
        A=np.tanh(Xs@W1.T+b1); s=Xs@w+A@w2
        mx=np.maximum.reduceat(s,starts); e=np.exp(s-mx[gid]); Z=np.add.reduceat(e,starts)
        loss=-(W*(np.add.reduceat(ys*(s-mx[gid]),starts)-np.log(Z))).sum()
        d=(e/Z[gid]-ys)*Wg
        dA=np.outer(d,w2)*(1-A*A)
        g=np.concatenate([d@Xs,(dA.T@Xs).ravel(),dA.sum(0),d@A])
        reg=np.concatenate([p[:D+H*D],np.zeros(H),p[D+H*D+H:]])
        return loss+0.5*l2*(reg@reg), g+l2*reg
    r=minimize(f,p0,jac=True,method='L-BFGS-B',options=dict(maxiter=iters))
    return r.x
def scores(X,p):
    D=X.shape[1]
    if len(p)==D: return X@p
    H=(len(p)-D)//(D+2); w,W1,b1,w2=unflat(p,D,H)
    return X@w+np.tanh(X@W1.T+b1)@w2
def evaluate(units,w):
    ok=base=n=0
    for u in units:
        sc=scores(u['X'],w); i=int(np.argmax(sc))
        ok+=u['w']*u['y'][i]; n+=u['w']
        j=int(np.argmax(u['pick'])) if u['pick'].max()>0 else None
        base+=u['w']*(u['y'][j] if j is not None else 0)
    return ok,base,n
if __name__ == "__main__":
    src=sys.argv[1]; l2=float(sys.argv[2]) if len(sys.argv)>2 else 0.01
    iters=int(sys.argv[3]) if len(sys.argv)>3 else 600; out=sys.argv[4] if len(sys.argv)>4 else None
    import pickle
    pk=src.rstrip('/')+('.pkl' if TAG=='FEAT' else '.'+TAG+'.pkl')
    if os.path.exists(pk): data=pickle.load(open(pk,'rb'))
    else:
        data=load(src); pickle.dump(data,open(pk,'wb'))
    hidden=int(os.environ.get('HIDDEN','0'))
    fitter=(lambda us: fit_mlp(us,hidden,l2,iters)) if hidden else (lambda us: fit(us,l2,iters))
    T=[0,0,0]
    for nov in data:
        tr=[u for k,U in data.items() if k!=nov for u in U]
        w=fitter(tr)
        ok,base,n=evaluate(data[nov],w); T[0]+=ok;T[1]+=base;T[2]+=n
        print(f"{nov:30s} quotes {n:5d} base {base:5.0f} model {ok:5.0f} delta {ok-base:+5.0f}",flush=True)
        if out:
            os.makedirs(out,exist_ok=True); np.savetxt(f'{out}/{nov}.w',w)
    print(f"TOTAL quotes {T[2]} base {T[1]:.0f} model {T[0]:.0f} delta {T[0]-T[1]:+.0f}")
    wall=fitter([u for U in data.values() for u in U])
    print(' '.join(f'{i}:{x:.2f}' for i,x in enumerate(wall[:53 if hidden else None])))
    if out: np.savetxt(f'{out}/ALL.w',wall)
