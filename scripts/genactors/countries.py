import gzip, unicodedata, re, sys
import os
G=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'dict', 'geo') + '/'
def ascii(s):
    return unicodedata.normalize('NFKD', s).encode('ascii','ignore').decode()
def phrase(s):
    s=ascii(s).strip()
    if not s or re.search(r"[^A-Za-z .'\-]", s): return None
    return s.upper().replace(' ','_')
rows=[]
ids=set()
for l in open(G+'countries.tsv'):
    if l.startswith('#'): continue
    f=l.rstrip('\n').split('\t'); rows.append(f); ids.add(f[2])
caps={}
for l in gzip.open(G+'places.tsv.gz','rt'):
    f=l.rstrip('\n').split('\t')
    if f[0] in ids: caps[f[0]]=f[1]
dem={}
for l in open(G+'demonyms.tsv'):
    if l.startswith('#') or l.startswith('@'): continue
    f=l.rstrip('\n').split('\t'); dem[f[0]]=f[1].split('|')
# names that are also common words or other places: not used as actors
skipnames={'US_OF_AMERICA','CONGO','GUINEA','GEORGIA','JORDAN','CHAD','TURKEY','NIGER','MALI','DOMINICA','JERSEY','GUERNSEY','MAN','MAYOTTE','REUNION'}
keepcommon={'TURKEY','GEORGIA','JORDAN','CHAD','NIGER','MALI','CONGO'}  # countries first in news
skipcaps={'MALE','VICTORIA','HAMILTON','KINGSTON','GEORGETOWN','SAINT_JOHN\'S','BASSETERRE','ROSEAU','CASTRIES','PRAIA','APIA','ALOFI','AVARUA','PALIKIR','MAJURO','FUNAFUTI','YAREN','SAN_JUAN','JAMESTOWN','ADAMSTOWN','PLYMOUTH','DOUGLAS','SAINT_HELIER','SAINT_PETER_PORT','ROAD_TOWN','THE_VALLEY','GUSTAVIA','MARIGOT','PHILIPSBURG','WILLEMSTAD','ORANJESTAD','NUUK','TORSHAVN','LONGYEARBYEN','MATA-UTU','NOUMEA','PAPEETE','HAGATNA','SAIPAN','PAGO_PAGO','CHARLOTTE_AMALIE','KINGSTON','FLYING_FISH_COVE','WEST_ISLAND','EDINBURGH_OF_THE_SEVEN_SEAS','GRYTVIKEN','STANLEY','KING_EDWARD_POINT','COCKBURN_TOWN','GEORGE_TOWN','SAINT-PIERRE','SAINT-DENIS','MAMOUDZOU','CAYENNE','FORT-DE-FRANCE','BASSE-TERRE','NASSAU','VICTORIA','SAN_MARINO','MONACO','LUXEMBOURG','DJIBOUTI','KUWAIT_CITY','PANAMA','GUATEMALA_CITY','MEXICO_CITY','SINGAPORE','VATICAN_CITY','BELIZE','ANDORRA_LA_VELLA','TRIPOLI','SUCRE','LA_PAZ','BERN','AMSTERDAM','BRIDGETOWN','MONROVIA','SANTIAGO','LIMA'}
# Santiago, Lima, Tripoli, Amsterdam: ambiguous or not the seat of government; some seats added below by hand
extra_caps={'BOL':['LA_PAZ'],'CHE':['BERN'],'NLD':['THE_HAGUE'],'CHL':['SANTIAGO'],'PER':['LIMA'],'LBY':['TRIPOLI'],'ISR':['JERUSALEM'],'PSE':['RAMALLAH'],'MEX':['MEXICO_CITY'],'KWT':['KUWAIT_CITY'],'LBR':['MONROVIA'],'GTM':['GUATEMALA_CITY'],'BRB':['BRIDGETOWN'],'BHS':['NASSAU'],'MMR':['NAYPYIDAW','NAYPYITAW'],'CIV':['ABIDJAN'],'NGA':[],'TZA':[],'KAZ':[],'IND':['DELHI'],'UKR':['KIEV'],'USA':['WASHINGTON_D.C.','WASHINGTON_DC'],'YEM':["SANA'A",'SANA'],'TUR':[],'COD':[],'VNM':['HA_NOI'],'IRN':['TEHERAN'],'LKA':['COLOMBO']}
seen={}
out=[]
def emit_block(primary, syns, code, comment=None):
    names=[]
    for s in [primary]+syns:
        if s and s not in seen and s not in names:
            names.append(s)
    if not names: return
    for s in names: seen[s]=code
    if comment: out.append('# '+comment)
    out.append('%s [%s]' % (names[0], code))
    for s in names[1:]: out.append('+'+s)
capsout=[]
for f in rows:
    a3=f[1]; names=f[6].split('|')
    ph=[]
    for n in names:
        p=phrase(n)
        if p is None: continue
        if p.startswith('THE_'): p=p[4:]
        if p in skipnames and p not in keepcommon: continue
        ph.append(p)
    for d in dem.get(a3,[]):
        p=phrase(d)
        if p: ph.append(p)
    if a3=='COG':  # "Congo" alone is taken by the DRC, more often in the news
        pass
    if not ph: continue
    emit_block(ph[0], ph[1:], a3, comment=names[0])
    cap=caps.get(f[2])
    cl=[]
    if cap:
        p=phrase(cap)
        if p and p not in skipcaps and int(f[5])>=200000: cl.append(p)
    cl+=extra_caps.get(a3,[])
    if cl:
        capsout.append((a3,cl))
out.append('')
out.append('# Capitals and seats of government, as metonyms for the government in')
out.append('# actor position ("Moscow said", "talks with Beijing").')
for a3,cl in capsout:
    emit_block(cl[0], cl[1:], a3+'GOV')
out.append('')
out.append('# "in <capital>" names a place, not the government: "protesters in')
out.append('# Nairobi" are Kenyan protesters (KENOPP), not KENGOVOPP.')
for a3,cl in capsout:
    emit_block('IN_'+cl[0], ['IN_'+c for c in cl[1:]], a3)
print('\n'.join(out))
