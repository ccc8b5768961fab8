package understand

// crisisLexicon is the vocabulary of the compositional crisis tier (syntax in
// compose.go). Text is normalised first (Normalize): lower case, accents
// folded (Polish "się" is "sie"), contractions canonical ("i'm", "can't",
// "won't"; "gonna" is "going to", "wanna" "want to").
//
// Helper tags name concepts; the kind tags (S*, SH*, A*, E*) combine them. The
// rule of thumb for weights: 3 is a crisis on its own, 2 is a strong hint that
// needs one more signal, 1 is a weak hint. Boosters (time, decision, wanting)
// only add to an existing signal.
var crisisLexicon = `
# ======================= helpers: people, bodies, means =======================

tag ME
me; myself; meself; us

tag BODY
arm/arms/wrist/wrists/leg/legs/thigh/thighs/skin/stomach/belly/tummy/body/face/hip/hips/chest/hand/hands/knuckles/ankle/ankles/feet/foot/head/scalp/fingers/finger/neck/shoulder/shoulders/forearm/forearms/ribs/side/back/throat/breasts/breast/eye/eyes/nose/ear/ears/cheek/cheeks/calves/calf/shins/shin/wris/bum/bottom/boobs/privates/crotch/fist/fists/wrists

tag VBODY
face/head/arm/arms/wrist/wrists/neck/throat/body/stomach/belly/back/legs/leg/chest/ribs/eye/eyes/nose/mouth/hair/side/ear/ears/cheek/jaw/lip/lips/shoulder/shoulders/thigh/thighs

tag MYBODY
my [own] [left/right/upper/inner/lower] @BODY

tag PERSON
partner/husband/wife/boyfriend/girlfriend/ex/fiance/fiancee/dad/father/stepdad/stepfather/mum/mom/mam/mother/stepmum/stepmother/stepmom/brother/sister/stepbrother/stepsister/uncle/aunt/auntie/cousin/grandad/grandpa/grandma/nan/son/daughter/stepson/stepdaughter/grandson/granddaughter/nephew/niece/carer/carers/landlord/flatmate/housemate/lodger/neighbour/neighbours/boss/employer/manager/family/parents/teacher/coach/tutor/priest/babysitter/childminder/relative/relatives/he/she/they/someone/somebody/people/man/guy/men/bloke/pimp/gang/dealer/dealers/husband's/partner's/boyfriend's
step dad/mum/mom/father/mother/brother/sister
in laws; ex partner/husband/wife/boyfriend/girlfriend

# People someone lives with or depends on: coercive control is about them.
tag HOUSE
partner/husband/wife/boyfriend/girlfriend/ex/fiance/fiancee/dad/father/stepdad/stepfather/mum/mom/mam/mother/stepmum/stepmother/stepmom/brother/sister/son/daughter/stepson/grandson/granddaughter/carer/carers/family/parents/uncle/aunt/auntie/grandad/grandma/nan/he/she/they
step dad/mum/mom/father/mother
in laws; ex partner/husband/wife/boyfriend/girlfriend

# A person who may be in a medical emergency.
tag PE
my ~2 son/daughter/baby/child/kid/kids/husband/wife/partner/mum/mom/dad/friend/mate/brother/sister/nan/grandad/grandma/boyfriend/girlfriend/flatmate/neighbour/toddler/boy/girl/old/father/mother/housemate/grandson/granddaughter
he/she/someone/somebody/he's/she's/baby/they/they're/someone's/somebody's
a man/woman/child/guy/lady/boy/girl; the baby; my son's/daughter's/baby's/husband's/wife's/partner's/mum's/dad's/friend's/mate's

# Violence done to someone.
tag VIOL
hit/hits/hitting/beat/beats/beating/beaten/punch*/kick/kicks/kicked/kicking/slap*/smack*/chok*/strangl*/throttl*/push/pushes/pushed/pushing/shove/shoves/shoved/shoving/grab/grabs/grabbed/grabbing/drag/drags/dragged/dragging/shake/shakes/shook/shaking/pin/pins/pinned/pinning/restrain*/bite/bites/bit/biting/burn/burns/burned/burnt/scratch*/spit/spits/spat/headbutt*/batter*/stamp*/attack*/assault*/rape/rapes/raped/raping/molest*/hurt/hurts/hurting/harm/harms/harmed/stab/stabs/stabbed/whip*/belt/belts/belted/elbow*/squeez*/twist*/throws/threw/thrown/smother*/suffocat*/pinch*/knock/knocks/knocked/bash*/thump*/whack*/wallop*/lash*/clout*/tortur*/burnt/scald*/pull/pulls/pulled/yank*
! hit me up; hits me up; beat me at/in/to/by; beats me at/in/to; push/pushes/pushed/pushing me to/into/forward/harder; hurt my feelings; hurts my feelings; it hit me; hit me with the news; held my hand; holds my hand; hold my hand; held me close; holds me close; pull me up; pulled me up/aside/over; pulls me up; knocked me up; grabbed me a; knock me out with; knocks me out with; pull/pulls/pulled me out/back/from/into/in; day/week/time off myself

tag VICTIM
@ME; my @VBODY; my mum/mom/sister/brother/kids/children/son/daughter/baby/dog/cat/hair; the kids/children/baby

# Future or intended action by someone else.
tag FUT
he'll/she'll/they'll/he'd/she'd/they'd
he/she/they will/would/might/could/wants; he's/she's/they're/he/she going to; he/she is going to; they are going to; he's/she's going to try

tag MEDS
pills/pill/tablets/tablet/tabs/meds/medication/medicine/medicines/paracetamol/ibuprofen/aspirin/codeine/cocodamol/painkillers/antidepressants/sertraline/citalopram/fluoxetine/mirtazapine/amitriptyline/diazepam/valium/zopiclone/pregabalin/gabapentin/tramadol/morphine/oxycodone/insulin/lithium/quetiapine/olanzapine/propranolol/capsules/sleepers/naproxen/dihydrocodeine/fentanyl/nurofen/anadin/benzos/xanax/prozac/venlafaxine/duloxetine/lorazepam/temazepam/promethazine/antihistamines/piriton/kalms/nytol
co codamol; pain killers; anti depressants; sleeping pills/tablets; my mum's/dad's/nan's pills/tablets/meds

tag ALC
vodka/wine/whisky/whiskey/gin/rum/beer/cider/alcohol/booze/spirits/brandy/lager/prosecco/tequila/jager/buckfast

# Quantities that turn taking medicine into an overdose.
tag QTY
all/whole/entire/every/box/boxes/packet/packets/bottle/bottles/strip/strips/load/loads/lots/handful/handfuls/%num/dozens/stash/everything/tub
the lot; too many; a lot; the rest; all of; all my; a whole; the whole

tag MEANS
@MEDS
rope/noose/ligature/cord/cable/knife/knives/blade/blades/razor/razors/gun/shotgun/bleach/poison/antifreeze/weedkiller/charcoal/exhaust/helium
carbon monoxide; plastic bag; razor blades; anti freeze; weed killer

# Closeness or readiness: "in front of me", "lined up", "saved up".
tag PROX
in front of me; next to me; beside me; by my side; on my lap; in my hand/hands/pocket; lined up; all lined up; counted out; laid out; set out; all ready; ready; sorted; got ready
saved/saving/stockpil*/hoard*/stash*/collected/collecting/counted/counting/hidden/hiding/hid/holding/stockpiling
sat/sitting here with; sat/sitting next to me; staring/looking at; been saving/collecting/hoarding; saved up; kept back; put aside; set aside

# Innocent medicine talk: cancels the means-and-readiness reading.
tag MEDCTX cancels=SMEANS
pharmacy/chemist/chemists/prescription/prescriptions/prescribed/gp/doctor/doctors/nurse/dose/dosage/repeat/collect*/refill/dosette/organiser/organizer/blister/picking
side effects; for my blood/diabetes/heart/back/knee/pain/headache/migraine/asthma/epilepsy/arthritis/period/cold/flu/anxiety/depression/cough; every morning/day/night; each day; twice a day; with food; in the morning; picked up; pick up; from the pharmacy

# Places and acts of a suicide method.
tag SPLACE
bridge/roof/rooftop/building/cliff/cliffs/balcony/window/train/trains/tube/bus/lorry/truck/car/cars/traffic/tracks/platform/river/thames/sea/canal/motorway/road/edge/ledge/tower/block/wall/tree/water/lake/waves/railway/overpass/flyover/carriageway/van/lorries
car park; multi storey; oncoming traffic; railway line; fast train; the tracks

tag SMETHOD
jump/jumping/jumped/step/stepping/walk/walking/drive/driving/crash/crashing/swerve/swerving/drown/drowning/lie/lying/fall/falling/run/running/throw/throwing/launch/leap/leaping/plunge
throw/throwing/threw myself; put myself

tag SIDEATION
going/think/want/wanted/wanting/urge/urges/tempted/considering/imagine/imagining/fantasi*/picturing/planning/plan/ready/might/should/could/gonna/about/i'll/thinking/thought/dream/dreaming/keep

# Ending, finality, hopelessness and farewells live in the S_ tags below.

# ================================ suicide ====================================

tag NEG
no/not/don't/can't/cannot/isn't/haven't/without/never/nothing/hardly/won't/couldn't/didn't/doesn't/ain't
running out of; run out of; ran out of; lost all; lost my; no longer; there's no; there isn't; any more

tag GOON
keep_going/carry_on/carrying_on/go_on/going_on/continue/continuing/live/living/exist/existing/wake_up/waking_up/keep_fighting/be_alive/being_alive/stay_alive/staying_alive/be_here/being_here/get_up/getting_up/keep_living/stay/staying/fight/fighting/try_anymore/trying_anymore/breathe/breathing
! live in/with/at/near/on/there/here/by/round/around/together/alone/abroad/somewhere/anywhere/like_that; living in/with/at/near/on/there/here/by/round/around/together/alone/abroad/somewhere/anywhere; be here at/on/for/by/until/till/tomorrow/next/when/in_time; stay in/at/with/here/home/up/late/over/around/there/on/for/until/till/in_this/in_the/in_london; staying in/at/with/here/home/up/late/over/around/there/on/for; getting up early/at/for; get up early/at/for; go on holiday/a/the/trips; fight the/this/for/with/council/landlord/them/him/her; fighting the/this/for/with/council/landlord

tag BURDENN
problem/burden/bother/nuisance/pain/trouble/worry/weight/drain/strain/mess/disappointment/embarrassment

tag WANTV
want/wanna/wants/wanted/wanting/wish/wishing/wished/need/needed/longing/long/crave/craving/hope/hoping/prefer/rather/desperate/ready
would like; i'd like; feel like; can't wait

# States of not living: what a wish to die is a wish for.
tag ENDV
die/disappear/vanish/perish
be dead/gone/erased/forgotten/nothing/free; stop existing/breathing/living; not exist/be/live/wake; never wake/exist/existed; end it/everything/things/myself; end my life/existence; sleep forever/for_ever/and_never_wake/and_not_wake; fade away/out; leave this world/earth/planet/life; cease to exist; go to sleep forever; be with my ~1 mum/dad/nan/son/daughter/husband/wife/baby/brother/sister/grandad/grandma ~2 again/in_heaven/up_there

tag EXISTV
be_alive/be_here/live/exist/wake_up/be_around/carry_on/go_on/breathe/keep_going/continue/keep_living/stay_alive/survive
be on/in this/the world/earth/planet/life; do this anymore; see tomorrow/another_day; face tomorrow/another_day/today; be me; get up anymore/again; be in this world

tag BETTER
better/easier/happier/simpler/nicer/calmer/lighter/fine/okay/ok/alright/relieved/freer/glad/grateful
wouldn't mind; wouldn't care; don't care; wouldn't be sad; be a relief

tag GONEV
jumped/overdosed/wasn't/weren't/died/disappeared/vanished/left/didn't/never/wasn't_around/wasn't_here/was_gone/was_dead/were_gone/were_dead/wasnt/was_not/were_not/stopped
went away; ended it; killed myself; was never born; weren't born

tag PESTS cancels=S,S2,SMEANS
mice/rats/rat/mouse/weeds/weed/slugs/ants/mould/mold/moths/bugs/germs/bacteria/wasps/plant/plants/flies/fleas/nits/lice/cockroaches/bedbugs/virus/fish/hamster/battery/batteries/tree/grass/lawn/hedge/cancer/tumour

tag SMEANS kind=suicide
=3 @MEANS ~7 @PROX; @PROX ~5 @MEANS
=3 enough ~2 @MEANS ~1 to/for/left
! to last; to get through; to get me through; for the week/month/holiday/trip/weekend/day; till; until; left for the; for now; to see me through; for my blood/diabetes/heart/back/knee/pain/asthma

tag S kind=suicide
# Killing oneself in other words.
=3 top/off/neck/end/delete/gas/drown/poison/shoot/hang/suffocate/smother/electrocute/unalive/erase myself
=3 do myself in; do away with myself; finish myself off
! top myself up; topped myself up; shoot myself in the foot; drown myself in work/coffee/tea/wine/chocolate/books/netflix/tv/paperwork/music/games/sugar; i'm off myself; off myself next/tomorrow/today/this/now/soon/later; day/week/time/morning/afternoon off myself

# Nothing left, no future, no reason.
=3 will to live; six feet under; in my grave
=3 nothing [left] [here] for me here/anymore/now/$/left/there/in_this_world/in_this_life
=3 nothing left for me to live for
! for me in this job/area/town/city/country/place/company/house/flat/relationship/marriage/team; for me in london; for me to eat/do/buy/wear; for me here in
=3 no/not/there's/isn't/without/haven't/don't/any reason/reasons/point/purpose ~2 to/in/for/of keep_going/carry_on/carrying_on/go_on/going_on/continue/continuing/live/living/exist/existing/wake_up/waking_up/keep_fighting/be_alive/being_alive/stay_alive/staying_alive/be_here/being_here/get_up/getting_up/keep_living/stay_here
! live in/with/at/near/on/there/here/by/round/around/together/alone/abroad/somewhere/anywhere/like_that; living in/with/at/near/on/there/here/by/round/around/together/alone/abroad/somewhere/anywhere; be here at/on/for/by/until/till/tomorrow/next/when/in_time; being here at/on/for; stay here at/on/for/until/till/tonight; getting up early/at/for; get up early/at/for; go on holiday/a/the/trips
=3 don't/can't/cannot/couldn't/won't/never see ~1 a/any/much/my/myself/me ~1 future
! future in/at/with/for this/the/that/my/our/us; future together; future with him/her/them; future here in; future in london
=3 my time is/has up/come/coming/near; it's my time $; time for me to go/leave $
=3 my life is over $; my life's over $; it's all over for me; my life is finished/done $
=3 no way i can ~2 carry/go/keep/cope/continue/survive/live/face
! live in/with/at/on/there/here/near/off/like_that; go on holiday/a/the; keep up with; keep going to/on/with; face the/them/him/her/my/work/going
=3 last time ~3 hear/see ~1 from/me; never ~3 hear from me; never ~3 see me again/alive; won't/not ~3 hear/see ~2 me again/anymore/alive
=3 not/scared/afraid/worried/tempted/urge/close/nearly/almost ~1 to/i'll/i'd/i ~1 act on them/it/these/those/this
=3 act/acting on ~1 the/these/those/my/them ~1 thoughts/urges/impulses/voices
=3 voices/voice ~3 telling/tell/told/tells/saying/says/want/wants me to ~3 die/kill/end/jump/hurt/cut/overdose/hang/drown/harm/do
=3 join/be/see/meet/reunite/reunited/with ~4 in heaven; join/be/with ~4 up_there/on_the_other_side; join/with ~4 wherever he/she is
=3 how ~1 long/many/much/quick/fast/painful ~6 die/drown/drowning/kill/fatal/lethal/overdose/od/suffocate/unconscious
=3 how ~1 long/many/much/quick/fast/painful ~6 bleed out; how ~1 long/many/much/quick/fast ~6 to hang/hanging/hanged
=3 how many @MEDS ~3 would_it_take/does_it_take/would_kill/to_kill/is_fatal/is_lethal/to_die/is_too_many/is_an_overdose/to_overdose/to_od/will_kill/kill_you/before_you_die/until_you_die/till_you_die
=3 googled/googling/google/searched/searching/search/researching/researched/research/reading/read/looked/looking/look ~4 drown*/overdos*/lethal/fatal/suicid*/noose
=3 googled/googling/searched/searching/researching/researched/looked/looking ~4 bleed out
=3 googled/googling/searched/searching/researching/researched/looked/looking ~4 how to die/hang/drown/overdose
=3 googled/googling/searched/searching/researching/researched/looked/looking ~4 ways to die/go
=3 googled/googling/searched/searching/researching/researched/looked/looking ~4 carbon monoxide
=3 what ~2 happens/happen/happened/would/will ~1 if ~1 i ~3 took/take/swallowed/swallow/drank/drink/necked/had/mixed ~3 @QTY ~3 @MEDS
=3 what ~2 happens/happen/happened/would/will ~1 if ~1 i ~3 took/take/swallowed/swallow/necked ~3 @MEDS ~3 at once
=3 quickest/easiest/fastest/simplest/surest/quietest/cleanest/best way/ways to die/go/end_it/end_things/end_my_life/end_everything/kill_myself/do_it_without
=3 painless ~1 way/ways/death/method/methods; least/most painful way/ways/method/death
! quickest/easiest/fastest/simplest/best way to go to/into/from/about/through/there/home/back/in/by/on/and/if/for/via/round/around/with/across/up/down/out/over/after/forward
=3 world/everyone/everybody/they/family/kids/people/children/everything/wife/husband/partner ~3 better/happier/easier ~3 without me
=3 better off gone; happier without me; better without me; better off without me
=3 lost/losing/no ~2 will to live/carry/go/fight/keep
=3 @WANTV ~3 to ~2 @ENDV; @WANTV ~2 @ENDV
! die laughing/happy/of/for/from; want to die my/her/his/the hair; wanna die my hair; disappear for a bit/while/few/week/day/weekend/month/couple; disappear to/into/on/off/abroad/from/under/in/behind/all/back/somewhere/home/for_the/for_a/with/until/till; vanish for/to/into; end it with/between; end things with/between; be free to/for/on/this/next/at/from_work; live on/in/with; be nothing like; be gone for/by/at/in/on/until/till/before/when
=3 @NEG ~4 @WANTV ~3 to ~1 @EXISTV
=3 @NEG ~4 can/could/i'll/will ~1 survive/last/make_it/get_through/carry_on/go_on/keep_going ~2 another/much_longer/any_longer/anymore/the_night/till/until/tomorrow/like_this
! survive on/without/the_winter/winter/financially; get through the/to/on_the_phone
=3 engine ~1 running ~6 garage/hose/pipe/closed/shut/sealed; hose/pipe ~4 exhaust/window; exhaust ~4 window/hose/pipe/inside
=2 plan/planned/know/worked_out/figured_out ~1 how/when/where ~2 to/i'll/i'd/i'm_going_to ~1 do ~1 it
=3 so/then/and/until/till ~1 i ~1 don't/won't/never/wouldn't/can't ~1 wake ~1 up; so i never wake
! wake up early/in_the_night/at/before/during/on/for/the_kids/the_baby
=3 @NEG ~1 see ~1 the/any ~1 point ~1 in/of ~1 anything/anyting/anythin/life/living/me/going_on/carrying_on/it_all/waking_up/being_here/being_alive/existing/any_of_it; @NEG ~1 see ~1 the/any ~1 point ~1 anymore $
=2 researching/researched/googling/googled/looking_up/looked_up/reading_up ~2 what/how_much/how_many ~2 to ~1 take
! live in/with/at/near/on/there/here/by/round/around/together/alone/abroad/somewhere/anywhere; be here at/on/for/by/until/till/tomorrow/next/when/in/today/anymore_because; be around for/at/on/when/him/her/them/people; go on holiday/a/the/trips/to/with/about; carry on with/working/paying/doing; continue with/the/to/my/working/paying/doing; keep going to/on/with/back; wake up early/at/for/in; survive on/the/this_winter/winter/without_a; be me who/that
=3 @BETTER ~6 if ~1 i ~2 @GONEV
=3 nobody/noone/who/none/no_one ~3 care/cares/miss/notice/mind ~2 if/when ~1 i ~2 @GONEV
=3 @MEANS ~6 on/against/into ~1 myself
! on myself for; into myself; against myself in
=3 too ~1 much/hard/painful/exhausting/tiring ~2 to ~1 @EXISTV
=3 @WANTV ~4 everything/it_all/it/the_world/the_lights/life ~1 to ~1 go ~1 black/dark/quiet/silent/away/still
=3 insurance/insurance_money/payout ~6 if/when ~1 i ~2 @GONEV
! if i wasn't so/late/here_at/there_at/working; if i didn't have to work/pay/go/call/wait/travel; if i left early/work/the/my/london/this; if i never met/had/went; if i stopped smoking/drinking/eating/spending/working; if i went to/home/back/out/away_on; if i moved; if i died my hair
=3 picturing/imagining/imagine/visualising/visualizing/picture/see ~1 myself/me ~1 jumping/hanging/dying/dead/falling/drowning/gone/overdosing
=3 urge/urges/tempted/temptation/impulse/impulses ~3 to ~1 end_it/end_my_life/die/kill_myself/jump/overdose/end_everything/end_things/hang_myself/disappear_forever/not_exist
=3 thinking/think/thought/thoughts/obsessing/obsessed/fantasising/fantasizing/dreaming/dream ~3 about/of [my] [own] death/dying/suicide/killing_myself/ending_it/ending_my_life/not_being_here/not_existing/being_dead/my_funeral
! dying mum/mom/dad/nan/father/mother/husband/wife/friend/sister/brother/son/daughter/grandad/grandma/relative/dog/cat; death of
=3 if/when/once/in_case i'm/i_am/im ~1 gone/dead/not_here/no_longer_here/not_around ~3 tomorrow/tell/please/look/sorry/fault/love/remember/know
=3 texted/text/texting/messaged/message/sent/wrote/writing ~3 goodbye/goodbyes/farewell/my_last/final_message
! goodbye to my old; goodbye to the/this/that
=3 bought/buying/buy/got/getting/collected ~3 @MEDS ~3 from ~1 different/several/multiple/three/four/five/lots_of/all_the/loads_of/two/various shops/pharmacies/chemists/places/supermarkets/stores
=2 me out ~1 of ~1 the ~1 picture/way; me out the picture/way; without me around/there/here
=2 end ~1 my ~1 pain/suffering/misery/torment; (end) ~1 it/things/everything $; end it all/now
! end it with/between; end things with/between
=3 @NEG ~4 reason/reasons/point/purpose/meaning ~2 to/in/for/of @GOON
=3 world/everyone/everybody/they/family/kids/people/children/everything/wife/husband/partner/all ~4 fine/ok/okay/alright/better/happier/easier/great ~3 without me
=3 won't/not/never/no ~3 be ~2 @BURDENN ~3 much_longer/for_long/long_now/anymore/soon/for_much_longer
=3 planning/plan/planned/plotting/sorting/arranged ~2 my ~1 exit/death/suicide/funeral/way_out/ending
=3 @SIDEATION ~3 crash/crashing/drive/driving/swerve/swerving/steer/steering ~1 my ~1 car/van/bike/motorbike/scooter ~3 on_purpose/deliberately/into/off/in_front
# Method and place: "thinking about driving into a wall", "urges to step in
# front of a lorry", "i'm sitting on the roof".
=3 @SIDEATION ~3 @SMETHOD ~1 into/off/from/in_front_of/under/onto/over/of/in ~3 @SPLACE
! off/onto/into/from/in the/a ~1 bus/train/tube/car/van/platform/pool/lake/sea/water/road/town/traffic/beach; off the road/roof/wall/tree; from work/school/the_station/the_bus/the_train; in the car/van/sea/lake/pool/water; jump in the sea/pool/lake/water/shower/bath/car/queue; over the wall/road/fence; under the bus/train
=3 i'm/standing/stood/sitting/sat/climbed/climbing/up/leaning/hanging/looking/perched ~2 on/at/onto/over/by/off/top/edge/out ~3 roof/rooftop/ledge/cliff/cliffs/edge/tracks/railway_line/parapet/top_floor/railings
! roof terrace/garden/bar/party/top; rooftop bar/terrace/garden/party/cinema/pool/restaurant; edge of my/the bed/seat/sofa/chair/bath/town/london/the_city/my_seat; on the edge of my seat; over the edge of the bed; on the roof of the car/bus; tracks of/on my
tag SNEAR kind=suicide
=1 i'm/standing/stood/sitting/sat/walking/walked ~2 by/at/near/on/along ~2 river/thames/canal/sea/water/platform/station/tracks/railway/motorway/bridge/beach/cliffs/bridges
=1 go/going/went/walk/walking/drive/driving/head/heading/gonna ~2 to ~2 bridge/cliffs/cliff/river/thames/tracks/railway/roof/sea/canal/beachy_head/car_park/multi_storey
! bridge club/road/street/lane; at the station to/for/waiting; on the platform waiting
tag SABSENT kind=suicide
=2 won't/not/never ~2 be here/around/alive
=3 won't/not/never/don't/doubt ~3 be here/around/alive ~1 much_longer/for_much_longer/for_long/long_now/by_tomorrow/by_morning/next_week/tomorrow
! won't be around much this/next; won't be here much this/next
! be here at/in/on/for/until/till/next/from/because/cos/as/when/by/after/before/to; be around at/in/on/for/until/till/next/when/by/to

# An ordinary absence: "i won't be around tomorrow, can we do friday".
tag AWAY cancels=SABSENT scope=msg
holiday/abroad/busy/appointment/rearrange/reschedule/instead/visiting/moving/working
can we; could we; another day; staying with; in hospital; back on/next/in; i'm off; on leave/nights; at work; on a course; at my mum's/mums/dad's/dads/nan's/sister's/brother's/mate's/friend's

# "No way out": money trouble has its own way out, and advice for it.
tag SWAYOUT kind=suicide
=2 can't/cannot ~1 see ~1 a/any way out/forward/through/past; no way out $

tag MONEYCTX cancels=SWAYOUT
debt/debts/arrears/bills/overdraft/loan/loans/rent/money/bailiffs
council tax

tag S2 kind=suicide

# Endings: strong hints.
! over with
=2 it/everything/life ~1 to be over; it'll/everything'll ~2 over $; it/everything/this ~1 will ~2 over $; all of this/it to be over
=2 it/everything/this ~1 all to end/stop; the pain/suffering to end/stop; my life to end/stop; my suffering
=2 let go $; ready to go $; time to go $
=2 life/my_life/living/existence ~2 no ~1 meaning/purpose/point/value/sense; life/my_life ~2 meaningless/pointless/empty/worthless
=2 my exit
=3 ready to let go $
=2 go/went/gone/leave/leaving/left/disappear/disappeared/vanish/vanished/away/going ~1 forever/permanently; go/went/gone/leave/leaving/disappear/vanish/away/going ~1 for good/ever; and never come back
=2 tonight/tonight's/today/now/this ~1 the night/day $; the night i go/die/do
=2 sorry/apologise/apologies for everything; forgive me $; please forgive me
=2 tell ~4 i love him/her/them/you/em; i love you all/both/guys
=2 look/looking after ~4 for me $; take/taking care of ~4 for me $; look/take ~3 my ~2 when i'm gone/not/dead
=2 given/gave/giving/give ~1 away ~1 my ~1 cat/dog/pets/pet/things/stuff/belongings/possessions/jewellery/clothes/games/books/savings/money/phone/bike; given/gave/giving/give my ~1 cat/dog/pets/pet/things/stuff/belongings/possessions/jewellery ~3 away/to
=3 won't/doesn't/will_not/wont ~1 matter ~2 soon/anyway/tomorrow/after_tonight/much_longer/when_i'm; soon ~3 won't/doesn't ~1 matter
=2 just ~1 wanted/want ~1 someone/somebody/you/anyone ~1 to ~1 know $
=2 my last ~1 night/day/week/christmas/birthday/message/text/goodbye
! my last day at/of/in/before; my last night at/in/before/of; my last week at/of/in/before; my last message to/about/was
=3 won't/never/not ~2 have ~1 to ~1 worry/deal/put_up ~1 about/with ~1 me ~1 again/anymore/soon/much_longer/for_long/$
=3 tied/tie/tying/put/wrapped ~4 round/around ~1 my ~1 neck/throat
! tie round my neck for; scarf round my neck; his/her/their ~1 hands/hand/arm/arms/fingers/knee
=3 sewer slide; sewerslide; unalive
=2 world doesn't/won't/wouldn't/does need me; nobody/noone needs/wants me; no one needs/wants me; nobody/noone would/will ~1 miss me; no one would/will ~1 miss me; nobody/noone cares about me; no one cares about me
=2 waste of space/oxygen/air/skin/life; i'm/i/feel ~2 a waste
=2 be/being ~1 free from/of ~1 this/it/everything/pain/life; be/being ~1 out of ~1 everyone's/everybody's/your/their/the ~1 way/lives/life
=2 at peace soon; finally at peace; out of pain $; out of everyone's way
=2 everyone/everybody/people/family/kids/they ~3 be/cope/manage/move ~1 fine/better/on/without ~3 if_i/when_i'm/once_i'm/without_me
=2 peace/rest/sleep/silence/quiet forever/permanently
=2 what's ~1 the point $; what is the point $; whats the point $; what's the point in/of anything/living/life/me/trying/it_all/going_on/carrying_on
=2 none of this/it ~2 matter/matters
=2 not/never/don't ~3 wake up
! wake up early/on/in/for/at/before/till/until/when/with/feeling/rested/refreshed/during/to/and_go/in_time
=2 better/easier/happier ~1 for ~1 everyone/everybody/them/all/my_family/my_kids/the_kids/my_children/people ~2 if i
=3 my life is pointless/meaningless/worthless/hopeless/nothing/not_worth_living
=2 my life is empty/a_mess/over/ruined/a_waste/shit/hell
=2 i don't belong here/anywhere/in_this_world; i'm not meant to be here

# Weak hints: hopelessness and worth. One alone never fires; several together
# can ("exhausted" + "can't cope" + "it's too much").
tag SHOPE kind=suicide
=1 hopeless/pointless/trapped/worthless/useless/empty/numb/broken/exhausted/failure/disappointment/burden
=1 better off; stop/stopped/done/quit fighting; done trying; sick of trying; tired of trying; given up trying; fight the urge; fighting the urge; not come/coming back; never come/coming back
=1 no hope; lost all hope; no escape; can't escape; no future; give up; giving up; gave up; given up; had enough; i'm done $; too much $; it's too much; can't cope; can't do this; can't take it/this; can't fight; tired of fighting; no fight left; no point; nothing matters; nothing left; lost everything; no coming back; no going back; can't carry/go on; can't keep going; can't anymore; i hate myself; hate my life; nobody cares; no one cares; nobody loves me; no one loves me; so alone; all alone; so tired; too tired; tired of everything
! give up on this/the/that/my/finding/trying/looking/smoking/drinking/sugar/chocolate/work/job/form/diet/gym/college/uni/course/dating; gave up on this/the/that/my/finding/smoking/drinking/work/job/college/uni/course/dating/him/her; too much money/food/work/noise/paperwork/stuff/homework; empty flat/house/room/fridge/cupboard/stomach/purse/wallet/bank/cupboards; broken boiler/heating/fridge/phone/washing/window/leg/arm/wrist/ankle/lift/door/toilet/oven/hip/foot/toe/bone; trapped in this flat/house/room/job/lift/traffic/queue; hopeless at/with/cook/cooking; useless at/with; no future in/for/with

# Weak farewells: letters, apologies, goodbyes.
tag SBYE kind=suicide
=1 written/wrote/writing/write ~1 to/letters/notes/a_letter/a_note; letters/notes/letter/note ~1 to/for ~2 my/everyone/the_kids/mum/dad; say/said/saying sorry; say/said/saying goodbye; goodbye; thank you for everything; thanks for everything; love you all
! goodbye and thanks/thank; say goodbye to the/my old/job/flat/house/office/team; thanks for everything you; thank you for everything you

tag SDECIDE kind=suicide booster cap=2
=1 decided/ready/plan/planned/courage
=1 made my mind up; made up my mind; mind is made up; it's time; no going back; i'm ready; have a plan; got a plan; know how; know when; won't be long; not long now
=1 going/plan/planning/decided/i'll/will/about/ready ~1 to do it; do it tonight/today/now/soon/tomorrow
=2 working/work/built/building/build ~1 up ~1 the courage/nerve; nothing can/will stop me; nobody/no_one can stop me; tonight's the night $; tonight is the night $

tag STIME kind=suicide booster cap=1
=1 tonight/tonight's/today/tomorrow/soon/forever/finally/permanently
=1 right now; much longer; for long; long now; this weekend/week; for good; for ever; once and for all; by morning/tomorrow; at last; on monday/tuesday/wednesday/thursday/friday/saturday/sunday; after christmas; before christmas

tag SWANT kind=suicide booster cap=1
=1 want/wanted/wanting/wish/wishing/wished/hope/hoping/longing/tempted/urge/urges/considering/rather
=1 i'd rather; need to; going to; about to; ready to; plan to; planning to; thinking of/about; can't wait to; feel like; i'll; i will; let me; keep thinking

# Polish. Folded: "się" is "sie", "życie" "zycie", "żegnajcie" "zegnajcie".
tag SPL kind=suicide
=3 nie/brak/stracil*/trace/tracilam/tracilem/zadnej/zadnych ~2 sily/ochoty/checi/powodu/powodow/sensu/celu/motywacji/woli ~2 zyc/zycia/zyciu/istniec
=3 odejsc/odejde/odchodze/zniknac/znikne/zejsc/odejsciu ~2 z tego swiata/zycia; odejsc/odejde/odchodze/zniknac/znikne ~1 na zawsze; odejsc/odejde/zniknac/znikne/zejsc ze swiata
=3 zakonczyc/zakoncze/skonczyc/skoncze/skonczyl*/skonczyla ~1 swoje ~1 zycie; zakonczyc/zakoncze/skonczyc/skoncze/skonczyl* ze soba; zakonczyc/zakoncze/skonczyc/skoncze z tym wszystkim
=2 zakonczyc/zakoncze/skonczyc/skoncze to wszystko
=3 ostatnia wiadomosc; moja ostatnia/ostatnie wiadomosc/slowa; list pozegnalny; listy pozegnalne; koniec ze mna
=3 gdybym/jakbym ~1 umarl/umarla/zniknal/zniknela/zginal/zginela; gdybym/jakbym ~1 nie zyl/zyla/istnial/istniala
=3 nikt/nikomu ~3 brakowac/tesknic*/tesknil*/zaplacze/obchodzi*/zal/zauwaz*
=3 ciezarem; zasnac/usnac/spac/zasne/usne na zawsze; zmeczon* ~1 zyciem/zycia/zyc; nie bedzie mnie juz; mnie juz nie bedzie; mnie nie bedzie jutro
=2 nie bedzie mnie
! nie bedzie mnie w/na/przez/do/od/jutro_w/w_pracy
=3 zniknac/znikne/odejsc/odejde/wyjsc/wyjde/isc/pojde/pojsc ~3 nie ~1 wracac/wrocic/wroce/wracajac; nigdy nie wroce
=3 powiesic/powiesze/powiesil*/utopic/utopie/utopil*/otruc/otruje/zagazowac/podciac/podetne/podcielam/skoczyc/skocze/rzucic/rzuce ~1 sie/zyly/z_mostu/z_dachu/z_okna/pod_pociag/pod_samochod; sie ~1 powiesic/powiesze/utopic/utopie/otruc/otruje/zagazowac
! rzucic sie na/w/do_pracy/do_nauki; rzuce sie na; skoczyc na/do/po/z_radosci/do_sklepu; skocze na/do/po
=3 przygotowan*/uzbieran*/odlozon*/schowan*/gotowe/zebran*/zbieram ~3 tabletki/leki/tabletek/lekow/sznur/line/zyletki; tabletki/leki/sznur/line ~3 przygotowan*/uzbieran*/odlozon*/schowan*/gotowe/zebran*
=3 chcialbym/chcialabym/chce/wole/wolalbym/wolalabym/pragne ~2 nie zyc/istniec/budzic/obudzic
=2 nie widze ~1 wyjscia/przyszlosci/nadziei/sensu/celu/drogi/ratunku/swiatla; nie ma ~2 wyjscia/nadziei/ratunku/przyszlosci
=2 chce/chcialbym/chcialabym/musze/pora/czas ~1 to/wszystko ~1 zakonczyc/skonczyc; to koniec $; przepraszam za wszystko; zegnam; pozegnac sie; kocham was; wszystko mi jedno
=2 beze mnie; bez mnie lepiej
=2 plan/wiem/wymyslil*/zaplanowal* ~2 jak ~1 to ~1 zrobic/zrobie
=2 mam ~2 juz ~1 tabletki/leki/sznur/line/zyletki/petle; tabletki/leki/sznur/line ~2 juz ~1 mam/gotowe/czekaja
=3 kupil*/zalatwil*/przygotowal*/zrobil*/zawiazal* ~2 sznur/line/petle/stryczek
! sznur/line do prania/bielizny/suszenia/holowania; na pranie; linke do prania
=3 lepiej/latwiej/szczesliw*/lepsi/lepszy/lepsze ~3 beze/bez ~1 mnie
=3 nie chce/chcialbym/chcialabym/chcialam/chcialem ~3 budzic/obudzic/zyc/istniec/oddychac
! zyc w/tu/tutaj/z/na/pod/bez/tak/dalej_w/obok/razem/sam/sama; istniec w/na
=1 mam dosc $; nie daje rady; nie dam rady; jestem nikim; nic nie jestem wart*; do niczego
! nie dam rady z ~2 praca/rachunkami/czynszem/dziecmi; nie daje rady z ~2 praca/rachunkami/czynszem/dziecmi

tag SPLDECIDE kind=suicide booster cap=2
=1 zrobie to; to zrobie; mam plan; w weekend; w sobote; w piatek; zdecydowal*; postanowil*; jestem gotow*/gotowa/gotowy

tag SPLTIME kind=suicide booster cap=1
=1 dzis/dzisiaj/jutro/wieczorem
=1 tej nocy; w nocy; dzisiejszej nocy; na zawsze; juz czas; przyszedl czas

# =============================== self-harm ===================================

tag HARMV
cut/cuts/cutting/slice/sliced/slicing/slit/slitting/carve/carved/carving/scratch/scratched/scratching/scrape/scraped/scraping/burn/burns/burning/burnt/burned/punch/punched/punching/hit/hitting/bite/bit/biting/stab/stabbed/stabbing/bruise/bruised/bruising/bang/banged/banging/smash/smashed/smashing/pick/picked/picking/rip/ripped/ripping/tear/tore/tearing/gouge*/dig/digging/dug/pinch/pinched/pinching/hurt/hurting/harm/harming/harmed/injure/injured/injuring/whip*/punish/punishing/punished/mutilat*/slash/slashed/slashing/prick/pricked/pricking/pierce/pierced/claw/clawed/clawing/scald/scalded/scalding/hits/cutted/razor/razored/beat/beating/slam/slammed/slamming/ram/rammed/stub/stubbed/bash/bashed/bashing/thump/thumped/thumping

tag SHNOUN
cuts/scars/wounds/burns/marks/bruises/slashes/gashes/scabs/scratches/scar/wound/gash

tag BLADE
blade/blades/razor/razors/sharpener/sharpeners/compass/shard/shards/scalpel/boxcutter
razor blade/blades; broken glass; stanley knife; box cutter

# Accidents, chores, medical scars, small children: cancel self-harm and
# abuse readings in the sentence.
tag DELIB cancels=ACC,PLACC
on purpose; deliberately/purposely/intentionally; to punish/hurt/feel myself; to feel something/anything/pain; to cope; make myself bleed

# Marks someone else left are abuse, not self-harm.
tag FROMPERSON cancels=SH
from him/her/them/he/she; he did/gave/left; she did/gave/left; because of him/her; he's/she's given; from my @PERSON

tag CUTCTX cancels=SH
hours/benefits/budget/costs/pay/money/funding/wages/grass/hedge/lawn/price/prices/rent/tax/council/services/staff/spending

# Pets scratch and bite: not self-harm.
tag PETS cancels=SH
cat/dog/cats/dogs/kitten/puppy/hamster/rabbit/parrot

# Small children and accidents: cancel violence readings in the sentence.
tag KIDACC cancels=A
accident/accidentally/tantrum/tantrums/meltdown/meltdowns/toddler/teething/toy
by mistake; in his/her/their sleep; play fighting; not on purpose

tag ACC cancels=SH
chopping/cooking/shaving/shave/shaved/gardening/accident/accidentally/fell/fall/falling/tripped/slipped/trip/football/rugby/netball/gym/kitchen/oven/iron/kettle/cupboard/shelf/bike/opening/tin/lifting/moving/dinner/onions/bread/pan/hob/toast/sunburn/sunburnt/eczema/allergy/allergic/rash/itch/itchy/mosquito/insect/nettles/haircut/fringe/nails/wax/waxing/tattoo/piercing/operation/surgery/caesarean/acne/chickenpox/psoriasis/op/stitches/hospital/injection/jab/vaccine/blood_test/nurse/sport/sports/training/climbing/diy/hammer/drill/saw/papercut/tantrum/tantrums/meltdown/meltdowns/toddler/teething/autism/autistic/adhd/playing/play/brambles/thorns/legs_waxed/boxing/sparring/punchbag/gloves
punching the/a bag/pads; punch bag
at work; by mistake; the door; the car; the stairs; c section; car crash; my hair; in his/her/their sleep; play fighting; didn't mean; doesn't mean; not on purpose

tag SH kind=self_harm
=3 @HARMV ~3 @MYBODY; @HARMV ~2 myself/meself ~3 on/with/till/until/again/to/every/when/because/so/deliberately/purposely
=3 @SHNOUN ~3 on/all/across/up/down/over/in/into ~1 @MYBODY
=3 @MYBODY ~3 full/covered/riddled/littered ~3 @SHNOUN
=3 fresh/new/deep/deeper ~1 @SHNOUN ~4 hide/hiding/hid/cover/covering/covered/sleeves/plasters/notice/noticed/showing/see/sees/seen/bleeding/open/infected/won't/close/healing/heal/on/again
=3 hide/hiding/hid/cover/covering/covered ~3 my ~1 @SHNOUN
=3 i ~3 cut/cutting/cuts ~2 deep/deeper/deepest
=3 @BLADE ~5 @MYBODY; @MYBODY ~5 @BLADE; @HARMV ~3 myself/meself ~4 lighter/lighters/cigarette/cigarettes/fag/fags/needle/needles/pin/pins/knife/knives/scissors/glass/@BLADE
! blades for my razor/shaver/mower/lawnmower/saw; razor for/to shave; razor on my legs/face/armpits/chin; to shave my legs
=3 bought/buy/buying/got/get/getting/ordered/order/found/have/hid/hide/hiding/keep/keeping/stash*/took/take ~3 blades/sharpeners
! blades for
=3 sh'ing/sh'd/shing/sh'ed; self ~1 inflicted; i'm ~2 covered/full ~2 in/of ~2 @SHNOUN
=2 my ~1 @SHNOUN ~3 infected/heal/healing/bleeding/deep/open/scarring/worse/weeping
=2 i ~1 do ~1 it ~1 every/again/when/most/all/each/because/to
=3 cut/cutting/cuts ~4 deeper; deeper ~3 cut/cuts/cutting/than_usual/this_time
=3 s h ~1 again/urges/urge/relapse/tonight/free/clean/scars/cuts/streak/last; doing/did/do/done/been/started/relapsed/stop/stopped/stopping ~1 s h
=3 sh/self ~1 streak; broke/broken/lost/ruined/reset ~2 sh/s/clean ~1 streak
=3 want/need/wanna/crave/craving/have/got/deserve/needed/wanted ~1 to ~1 see/watch ~1 blood; want/need/crave/craving/deserve/needed/wanted ~1 to ~1 see/watch/feel ~1 myself/me ~1 bleed
=3 want/need/crave/craving/deserve/needed/wanted ~1 to ~1 feel ~1 the ~1 blade/pain; want/need/crave/craving/deserve/needed/wanted ~1 to bleed
! bleed the radiator/radiators/brakes
=3 day/days/week/weeks/month/months/year/years ~1 clean/free ~1 from/of ~1 sh/s/cutting/harming/burning/self
=3 on purpose/deliberately/purposely ~4 @MYBODY; @MYBODY ~4 on purpose/deliberately
=3 cigarette/cigarettes/lighter/lighters/fag/fags/iron/needle/needles/pin/pins/knife/knives/scissors/compass ~4 on/into/against/across/in/along/to ~1 @MYBODY; @BLADE ~4 on/into/against/across/in/along/to ~1 @MYBODY
=2 @MYBODY ~2 are/is ~1 a_mess/in_a_state/wrecked/ruined/shredded/covered
=3 @MYBODY ~3 cut/slashed/scratched/burnt ~1 up/to_bits/to_pieces/again/to_shreds
=3 put/putting/stubbed/stubbing/stub ~1 out ~3 on ~1 @MYBODY
=3 @BLADE ~6 calms/calm/helps/help/relief/release/numbs/only_thing/only_way/feel_better/feel_something; sh/cutting/bleeding ~6 calms/only_thing/only_way/feel_better/feel_something/numbs
! cutting down/out/back/costs/sugar/carbs/meat/ties
=3 bad/an/my/the/another/some/of/on/with/about/again/did/do/doing/more/no/after/from/for/to/into/had/having/started/stop/quit/any/urges/urge/relapsed/relapse/clean/free/been/i/done/not/stopped sh
=3 sh ing/ed/d
=3 sh night/day/again/urges/urge/last/tonight/scars/scar/cuts/cut/episode/free/clean/streak/habit/relapse/because/marks/wounds

tag PLSHV
tne/tniesz/ciel*/pociel*/pocie/pociac/ciac/potne/okalecz*/kalecz*/ranie/ranilam/ranilem/zranilam/zranilem/przypal*/tnac

tag PLSHW
drap*/podrap*/uderzam/uderzylam/uderzylem/bije/bilam/bilem/gryz*/pogryz*/dzgam/dzgalam/kluje

tag PLACC cancels=SHPL
przypadkiem/niechcacy/gotowaniu/goleniu/operacji/wypadku/upadku/kuchni/pracy/myslami

tag SHPL kind=self_harm
=3 @PLSHV ~1 sie/siebie/sobie; sie/siebie/sobie ~1 @PLSHV
=1 @PLSHW ~1 sie/siebie/sobie; sie/siebie/sobie ~1 @PLSHW
=2 do krwi; piescia; o sciane; w sciane; zyletk*/nozyk*; glowa ~1 o/w ~1 sciane
=3 robie/zrobilam/zrobilem/robilam/robilem/robi sobie ~1 rany/krzywde/ciecia/blizny/sznyty
=3 rany/blizny/ciecia/siniaki/sznyty/rane ~3 nadgarst*/rekach/rece/reke/udach/udzie/udo/nogach/ramionach/ramieniu/brzuchu/przedrami*

# ================================= abuse =====================================

tag PRIVATE
bum/bottom/breasts/boobs/chest/privates/crotch/legs/thighs/thigh/body/vagina/penis/willy/bits/private/genitals

tag CONTROL
won't/doesn't/didn't/never/wouldn't/don't/not/refuses ~2 let/lets/letting me ~1 leave/see/have/use/talk/speak/contact/call/ring/text/work/eat/access/spend/drive/answer
won't/doesn't/didn't/never/wouldn't/don't/not/refuses ~2 let/lets/letting me ~1 go ~1 out/anywhere/outside/alone
! let me see the/my kids/children/son/daughter/grandchildren/grandkids/baby/grandson/granddaughter; let me have a pet/dog/cat/pets/party/tattoo/sleepover; let me paint/decorate/smoke/park/sublet; let me have pets; let me use the car/garden/kitchen/bathroom/washing
stops/stopped/stopping me ~1 seeing/going/leaving/working/talking/having/using/calling/eating/contacting/speaking/getting
keeps/kept/keeping me ~1 from/locked/inside/away/prisoner/hostage/indoors/trapped/hungry
makes/made/make/making/forces/forced/forcing me ~1 ask/beg/account/hand/kneel/give
hand/handing/give/giving over ~1 my ~1 money/wages/card/pay/salary/benefits/pension/phone
have/has/had to ask ~1 him/her/them ~1 for/before/permission
takes/took/taken/keeps/kept/hides/hid/steals/stole/controls/control/withholds/cashes/spends/spent ~2 my ~1 money/card/cards/bank/phone/keys/passport/benefits/wages/pension/medication/meds/food/documents/id/salary/pay/savings/earnings/credit/pip/allowance
smashed/smashes/smashing/destroyed/destroys/threw/throws/snapped/stamped ~1 my ~1 phone/things/stuff/belongings/glasses/laptop
checks/checking/check/checked/reads/read/reading/tracks/tracking/tracked/monitors/monitoring/monitored ~2 my ~1 phone/messages/texts/emails/location/bank/whatsapp/social/receipts/spending/statements/calls/browser/history
goes/went/going/looks/looked/looking through my ~1 phone/messages/texts/emails/bank/whatsapp/receipts/bag/things
tracks/tracking/tracked/follows/followed/following/stalks/stalking me
locks/locked/locking me in/out/up/inside/outside/away
isolates/isolated/isolating me; cut/cuts/cutting me off from ~1 everyone/everybody/friends/family/people/my_friends/my_family/the_outside; controls/controlled/controlling ~1 what/where/who/when/how/everything/my/me
doesn't/won't/never/refuses/didn't/wouldn't ~1 give/gives/let ~1 me ~1 food/money/any/water/anything/enough/access/my_money/my_meds/my_medication
puts me down
! following me on instagram/insta/tiktok/twitter/facebook/x/snapchat/social; follows me around the house; follows me everywhere like; follows me on

tag FEAR
scared/afraid/frightened/terrified/petrified/fear/fearful/fearing/worried/scare/dread/dreading

# Help, not control: family handling money or a phone for someone, or a
# parent's rules for a child.
tag HELPCTX cancels=A scope=msg
safekeeping/appointee/bedtime
to help me; helps me; help me with/budget/manage; for safe keeping; because i lose/forget/spend; so i don't lose/forget/spend; do my shopping; shopping for me; at bedtime; till i'm; until i'm; power of attorney

tag ABOOST kind=abuse booster cap=1
=1 scared/afraid/frightened/terrified/petrified/always/constantly/keeps
=1 every day/night/time; all the time

tag A kind=abuse
=3 @PERSON ~2 @VIOL ~1 @VICTIM
=3 @PERSON ~2 held/holds/holding/pinned/pins/pushed/pushes ~1 me ~1 down/against/by/up/to_the/over
=3 @PERSON ~3 leaves/left/leaving/gives/gave/giving/give ~1 me ~1 bruises/marks/black/scars/cuts
=3 @PERSON ~3 leaves/left/leaving/gives/gave/giving/give ~1 bruises/marks/scars ~2 on ~1 me/my
=3 bruises/marks/black ~3 from/because ~1 my/him/her/he/she/them ~1 @PERSON
=3 @HOUSE ~5 @CONTROL
=3 being/been/am/i'm/we're/keeps/kept ~2 kept/locked/held/trapped/imprisoned ~2 in/inside ~2 the/my/our/his/her/this ~1 house/flat/room/home/bedroom
=3 bruises/marks/scratches/cuts/burns ~5 from/because_of ~1 him/her/them/@PERSON
=3 @HOUSE ~3 makes/made/forces/forced/making me ~2 sleep ~1 on_the_floor/outside/in_the_car/in_the_hallway/in_the_garden/on_the_sofa_every/in_the_shed
=2 turning/turns/turned/showing/shows/showed/keeps_turning/keeps_showing up ~1 at/outside ~1 my ~1 house/door/flat/work/school/home/place/mum's/window
=2 won't leave me alone; won't stop messaging/calling/texting/following me
=1 keeps ~1 messaging/calling/texting/ringing/following/contacting me
=3 @PERSON ~4 hands/hand/arm/arms/fingers/belt/rope/pillow/cord/knee ~3 round/around/over/on/across/against ~1 my ~1 neck/throat/mouth/face/nose
=3 what ~2 @PERSON ~2 does/did/is_doing/has_done/keeps_doing/used_to_do ~1 to me; @FEAR ~2 to tell ~4 what ~2 @PERSON ~2 does/did/is_doing/has_done/keeps_doing
=3 threw/throws/throwing/thrown/chucked/chucks/hurled/lobbed ~3 at ~1 me/us/my_head/my_face
=3 @FEAR ~3 what @FUT ~2 do
=3 @FEAR ~4 @FUT ~2 find/hurt/hit/kill/beat/snap/attack/track/rape/strangle/choke/stab/smash/batter/punch ~1 me/us/out/my/him/her
=3 @FEAR ~4 @FUT ~2 come ~1 after/back/for ~1 me/us
=3 @FEAR ~2 of/around/near/when ~3 @HOUSE $; @FEAR ~2 of/around/near/when ~3 @HOUSE and/because/cos/he/she/they/when/so/now/again/but/since/after/all/he's/she's/as/if/who/at/in/too/more; @FEAR ~2 to be ~1 alone/around/near/home/in ~2 with/him/her/them
! of what ~3 think/say/says/thinks/react/reaction/reacts/said
=3 @FEAR ~3 when/before/until/till @HOUSE ~2 gets/comes/get/come/is ~1 home/back/in/drunk
=3 hiding/hid/hide/fled/flee/fleeing/escaped/escaping/run/ran/running ~1 away ~1 from ~1 @HOUSE
=3 hiding/hid/hide/fled/flee/fleeing/escaped/escaping from ~1 @HOUSE
=3 refuge/marac/idva/injunction; safe house; women's/womens aid; non molestation; restraining order; occupation order; domestic abuse
! refuge from the rain/heat/cold/storm
=2 walking/walk ~1 on eggshells
=2 @HOUSE ~3 calls/called/calling me ~1 useless/worthless/stupid/fat/ugly/names/slag/whore/bitch/pathetic/disgusting/nothing/waste/crazy/psycho/mental/thick/failure/cow/vile/horrible/retard/idiot
=2 @HOUSE ~3 tells/told/telling/says/said [me] [that] i'm/im ~1 useless/worthless/stupid/fat/ugly/nothing/pathetic/disgusting/crazy/mental/failure/unlovable
=2 @PERSON ~3 lashes/lashed/lashing out; @PERSON ~3 punched/punches/smashed/smashes ~3 wall/walls/door/doors/hole/holes/things/everything
=1 @HOUSE ~2 explodes/exploded/kicks/kicked/rages/raged/snaps/snapped/flips/flipped ~1 off/out/his/her/it/temper/over/at
=1 @HOUSE ~3 scream/screams/screamed/screaming/shouts/shouted/shouting/yells/yelled/swears at me
=2 @HOUSE ~4 found/knows/finds/find/know/knew [out] where i ~1 live/am/work/stay/i'm/live
=2 @PERSON ~2 drunk/high ~3 @VIOL
# Threats.
=3 threatens/threatened/threatening/warned/warns ~8 if i ~1 leave/tell/report/left/told/ever/try/tried/went/speak/talk/contact/say/go/call
=3 says/said/told/tells/keeps/saying ~8 if i ~2 go/went/call/called/ring/tell/told/report/reported/speak/talk/contact ~2 the_police/police/anyone/anybody/social/someone/the_cops/999
=3 @FUT ~3 take/taking/kill/hurt/ruin/destroy/burn/post/share/beat/hit/stab/find ~5 if i ~1 leave/tell/report/left/told/ever/try/tried/call/speak/talk/contact
=3 @FUT ~2 take/taking ~1 the/my/our ~1 kids/children/baby/son/daughter/child/kid ~2 from/off ~1 me
=3 get/have/send me deported; deport me
=3 @FUT ~2 post/share/send/leak/show/put ~4 nudes/intimate/naked; @FUT ~2 post/share/send/leak/show/put ~4 pictures/pics/photos/videos/video ~1 of ~1 me/us
# Exploitation.
=3 made/make/makes/making/forced/force/forces/forcing ~2 work ~6 no/nothing/free/without/debt/pay_off/pay_back
=3 made/make/makes/forced/forcing/force ~2 me/us ~2 sell/carry/deliver/hold/move/hide/stash ~3 drugs/packages/parcels/weed/gear/bags
=3 county lines; cuckooing/cuckooed
=3 @FUT ~2 kill/hurt/poison/drown/get_rid_of ~1 the/my/our ~1 dog/cat/pet/pets/puppy/kitten/kids/children/baby
=3 @PERSON ~4 keep ~2 secret/secrets/it_a_secret/quiet/it_quiet ~2 from/or/$/about
=3 @PERSON ~2 steals/stole/stealing/takes/took/taking ~1 money ~1 from ~1 me/us/my_mum/my_dad/my_nan
=3 @PERSON ~2 steals/stole/stealing ~1 from ~1 me/us/my_mum/my_dad/my_nan
=3 leaves/left/leaving ~2 me/us ~2 alone ~4 days/nights/no_food/without_food/for_days/all_night
=2 @HOUSE ~3 hasn't/hadn't/not/isn't ~2 been/come home ~3 days/nights/since
=2 comes/came/walks/walked/barges/barged ~1 in/into ~2 the/my ~1 bathroom/bedroom/room/shower ~3 when/while ~1 i'm/i/im
=1 makes/made ~1 me ~1 feel ~1 uncomfortable/weird/scared/unsafe; makes me uncomfortable
=3 blackmail*/sextort*/extort* ~2 me/us/my; being blackmailed/extorted; threatening to share/post/send/leak ~2 my/pictures/photos/nudes/videos
# Sexual abuse.
=3 @PERSON ~2 touch/touches/touched/touching/grope*/fondl*/undress*/flashed/flashes ~1 me/inappropriately/himself/herself/down_there/under_my
=3 @PERSON ~2 touch/touches/touched/touching/grope*/fondl*/rubs/rubbed/rubbing/strokes/stroked ~1 my ~1 @PRIVATE
=3 when/after/though/but i said no; i said no but; didn't/wouldn't/won't stop when/after i
=2 i told him/her to stop
=3 spiked ~1 my/me/drink; drugged ~1 me/my; woke/wake ~3 him/he/someone/somebody/man ~3 on_top/touching/inside/undressing/having_sex/in_my_bed
=2 took advantage of me
=3 older ~1 man/men/guy/boy/lad ~6 meet/meeting/pictures/pics/photos/nudes/secret/gifts/presents/money/messages

tag PLVIOL
bije/bil/bila/bija/pobil*/uderz*/kopie/kopnal/kopnela/kopal/kopala/szarp*/dusi/dusil*/udusi*/podduszal*/popych*/popchn*/gwalc*/zgwalc*/molest*/dotyk*/grozi/grozil*/groza/zastrasz*/strasz*/zneca*/znecal*/wyzyw*/poniz*/upokarz*/kontroluj*/sledzi/sledzil*/zamyka*/zamkn*/wyrzuc*/rzuca/rzucil*/policzk*/spoliczk*/leje/lal/tluk*/tlucze/terroryz*/szantaz*/przesladuj*/nek*/obmacuj*/macal*/maca

tag APL kind=abuse
=3 mnie/mi/nas/mna/mojej/mojego/dzieci ~1 @PLVIOL; @PLVIOL ~1 mnie/mi/nas/mna/dzieci/moja/mojego/moje/corke/syna
! uderzyl/uderzyla/uderza/uderzylem/uderzylam/bije/bil/bila/bilem/bilam sie; grozi mi eksmisja/komornik/kara/mandat/zwolnienie/utrata; mi grozi eksmisja/komornik/kara/mandat/zwolnienie; mnie z pracy; mnie ze szkoly; mnie z mieszkania; nie dotyka mnie; wyrzucili mnie; wyrzucili mi
=3 maz/partner/chlopak/ojciec/ojczym/tata/matka/mama/macocha/brat/syn/konkubent/byly/zona/dziewczyna/wujek/dziadek/opiekun/opiekunka/on/ona/narzeczony ~2 bije/bil/bila/uderz*/kopie/kopnal/szarp*/dusi/dusil*/popych*/popchn*/gwalc*/zgwalc*/zneca*/znecal*/leje/tlucze
=3 zabiera/zabral/zabrala/zabieral/zabierala/trzyma/chowa ~1 mi/moje/moja/moj ~1 pieniadze/dokumenty/paszport/telefon/karte/emeryture/rente/wyplate/klucze/dowod
=3 nie daje mi ~1 pieniedzy/jesc/jedzenia/wychodzic/telefonu
=3 zabierze/odbierze/zabiore/odbiore/zabrac/odebrac ~2 mi ~1 dzieci/dziecko/corke/syna; grozi ~4 dzieci/dziecko
=3 boje sie ~2 go/jej/ich/meza/partnera/ojca/ojczyma/matki/brata/syna/bylego/chlopaka/zony/wracac/wrocic
=3 ukrywam sie ~2 przed; uciekla*/ucieklam/ucieklem/ucieklismy ~2 od/przed ~1 meza/partnera/niego/niej/ojca/ojczyma; schronisk*/osrodek ~2 dla ofiar; niebieska karta/karte/karty; zakaz zblizania

# =============================== emergency ===================================

# "i've done something stupid": the euphemism, unless the message says what
# harmless thing it was.
# Not able to keep oneself safe: treated as now, like "can't keep myself safe".
tag ESAFE kind=emergency
=3 @FEAR ~2 of ~1 what ~1 i ~1 might/could/will/may/i'll/would/'ll ~1 do; @FEAR ~2 what ~1 i'll/i'd ~1 do; @FEAR ~3 i'll/i ~2 do something ~1 to ~1 myself
=3 don't/can't/cannot/do_not ~1 trust ~1 myself; not ~1 safe ~1 with/around/from ~1 myself; danger ~1 to ~1 myself; a risk to myself
=3 @NEG ~2 promise/guarantee/sure ~3 i'll/i_will/i'm_going_to/i'd/i_can/i'm ~2 be/stay/keep ~1 safe/alive/here/okay/ok
! trust myself to/with/around/driving/cooking/in_the_kitchen/on/near_cake/near_chocolate/with_money/with_my_money/not_to_eat/not_to_spend/to_cook
=3 nie ufam/ufam sobie; boje sie ~3 co ~1 sobie/ze_soba ~1 zrobie; nie wiem co ~1 sobie ~1 zrobie

tag EDONE kind=emergency
=3 done something ~2 stupid/silly/bad/dumb/terrible/awful/drastic

tag EOOPS cancels=EDONE scope=msg
wrong/paid/deleted/typo/clicked/pressed/spent/bought/ordered/booked/forgot/sent/bill/form/email/car/keys/locked/work/boss/money/lost
said to; told my

tag EBOOST kind=emergency booster cap=1
=1 now/please/help/scared/hiding/locked/knife/gun/weapon/shouting/screaming/threatening/threatened/urgent/quick/quickly/hurry/terrified
=1 goodbye/drowsy/sleepy/vomiting/unconscious/confused
=1 saying goodbye; won't wake; not answering; being sick; right now; won't leave; won't go; i don't know him/her/them/who; broke in; breaking in; still here/there/inside/in_the_house/in_the_flat/upstairs/downstairs

tag ECANCEL cancels=E
recovered/recovering/anniversary
years/months/weeks/year/month ago; last year/month/week; fine now; ok now; okay now; alright now; all fine; he's/she's/they're/is/are/seems/seem/was fine/ok/okay/alright/safe/well; better now; when i was; as a child/kid/teenager; years back; in the past; used to

tag BLEEDOK cancels=E
gums/gum/nose/nosebleed/nosebleeds/period/periods/menstrual/piles/haemorrhoids/spotting/pad/pads/tampon/tampons

tag ALCQ
bottle/bottles/litre/litres/pints/cans/half/whole/loads/lots ~2 of ~1 @ALC; @ALC ~1 bottle/bottles

tag E kind=emergency
=3 @PE ~3 collapsed/fainted/choking/fitting/seizure/seizures/convulsing/unconscious/unresponsive/overdosed/overdosing
=3 @PE ~3 passed out $; @PE ~3 has/just/is passed out; @PE ~3 having a fit/seizure/stroke/heart; @PE ~3 not/isn't/stopped/can't/cannot/barely/hardly breathing/breathe/responding; @PE ~3 won't/can't wake up; @PE ~3 turning/turned/gone/going/went blue
! wake up for/in/early/on/at/before/till/until/when; breathe through his/her/their/my nose
=3 @PE ~3 not/isn't/stopped/won't/can't/cannot ~1 moving/move/respond/responding/conscious; @PE ~6 and ~1 not/isn't/stopped/won't/can't/cannot/he's_not/she's_not ~1 moving/move/respond/responding/conscious/breathing/waking; @PE ~3 gone/is/'s/went/going ~1 floppy/limp/grey/lifeless; floppy and
! moving out/in/house/home/flat/on/to/away/forward/there/here/back/abroad
=3 blood ~2 everywhere/all_over/pouring/gushing/spurting/pissing/won't_stop/wont_stop
=2 following/followed/chasing/chased/stalking me ~2 now/right_now/home/still
=3 can't/cannot/couldn't ~1 feel ~1 my ~1 legs/arms/arm/leg/face/body/side
! feel my legs/arms/hands/fingers/toes/feet/face ~3 cold/freezing/in_the_cold
=3 face ~3 dropped/drooping/droopy/fallen/dropping/lopsided/drooped/sagging; one side of ~2 face; slurring ~1 words/speech/her/his/$; @PE ~4 can't/cannot/isn't/couldn't ~1 talk/speak/move_her_arm/move_his_arm/lift ~1 properly/clearly/her/his/$
=3 @PE ~4 not/isn't making sense; @PE ~3 confused_and/disorientated/disoriented/delirious/incoherent
=3 diabetic/hypo/sugar/insulin ~8 confused/shaking/sweating/drowsy/unconscious/fitting/floppy/not_making_sense/won't_wake/collapsed
=3 hit/banged/bashed/knocked ~1 his/her/their/my head ~6 not_making_sense/confused/vomiting/being_sick/sick/drowsy/unconscious/bleeding/won't_wake/can't_remember/passed_out/sleepy/fitting
=3 throat/tongue ~2 swelling/swollen/closing/tight/tightening; lips/face/eyes ~2 swelling/swollen/puffing ~4 nuts/allergic/allergy/ate/eating/sting/bee/wasp/peanut/reaction/can't_breathe
=3 kill/hurt/stab/strangle ~1 me ~2 tonight/now/right_now/when_he_gets_home/when_she_gets_home/later
=2 broken/broke/breaking/break/got ~1 into/in ~2 my/our/the ~1 flat/house/home/room/bedroom/place
=3 lips ~2 blue/grey/purple; not breathing; stopped breathing; struggling to breathe; can't wake him/her/them
! bleed a lot when; bleed loads when; bleed easily; bleeds a lot when
=3 bleed/bleeding/bled ~2 badly/heavily/lot/loads/so/everywhere/won't/wont/can't/really/profusely/lots/out/through/non/alot
=3 swallowed/swallow/ate/eaten/drank/drunk/necked ~3 battery/batteries/magnet/magnets/bleach/poison/antifreeze/weedkiller/detergent/liquitabs/pods/screenwash/petrol/paraffin
=3 swallowed/swallow/ate/eaten/drank/drunk/necked ~3 button_battery/washing_tablet/washing_tablets/dishwasher_tablet/dishwasher_tablets/washing_pods/drain_cleaner/rat_poison/fairy_liquid/white_spirit/lighter_fluid/cleaning_fluid/cleaning_products/cleaning_spray
=3 @PE ~3 swallowed/ate/eaten/drank/drunk/got_into ~4 @MEDS
=3 @PE ~3 took/taken/necked/downed ~1 my/all/a/loads/lots/some/too/%num/every/mum's/dad's/nan's ~3 @MEDS
=3 @ALCQ ~6 took/taken/swallowed/necked/downed/had/popped ~4 @MEDS; took/taken/swallowed/necked/downed/popped ~4 @MEDS ~6 @ALCQ
=2 @ALC ~6 took/taken/swallowed/necked/downed/popped ~4 @MEDS; took/taken/swallowed/necked/downed/popped ~4 @MEDS ~6 @ALC
=2 took/taken/swallowed/necked/downed ~1 all ~1 of ~1 them/it $; took/taken/swallowed/necked/downed them all $; took/taken/swallowed/necked/downed the lot/rest $; took/taken/swallowed/necked/downed everything $
=2 there's/there/is/are/someone's/somebody's/someone/somebody ~2 man/men/woman/guy/stranger/strangers/someone/somebody/intruder/intruders/burglar/burglars/lad/lads/boys ~2 in/inside/downstairs/upstairs ~1 my/our/the ~1 flat/house/home/room/bedroom/garden/hallway/place/kitchen/bathroom
=2 banging/kicking/smashing/hammering/pounding/bashing/kick/kicked/smashed/forcing/force/breaking ~2 my/the/our/front/back ~1 door/doors/window/windows
=3 kicking/kick/smashing/smash/breaking/break/forcing/force ~2 my/the/our/front/back ~1 door/doors/window/windows ~1 in/down/open
=3 hitting/attacking/strangling/beating/choking/stabbing/kicking/punching ~2 me/my_mum/my_mom/my_sister/my_brother/the_kids ~2 right_now/now/as_we_speak/at_the_moment
=3 fallen/fell ~4 can't/cannot/couldn't ~1 get ~1 up
! can't get up the/to/for/in_the_morning/early
=2 @PE ~2 taken/took/swallowed ~2 pills/tablets/meds/something/stuff/some_pills/some_tablets
=3 full/filling/filled ~1 of/with ~1 smoke; fire/flames in my/the flat/house/kitchen/building/room/block/bedroom/home; smell/smells ~2 gas
=3 been/got/getting stabbed/shot/glassed; was/is/i've stabbed/glassed; been run over; got run over; hit by a car $
# Polish.
=3 nie rusza sie; nie reaguje; nie mozna go/jej dobudzic; nie oddycha; przestal/przestala oddychac; nie moze oddychac; zemdlal*/zaslabl*/nieprzytomn*; stracil* przytomnosc; nie mozna go/jej obudzic; nie budzi sie
=3 wlamuje/wlamal*/wlamuja/wlamac/wlamywac/dobija/dobijaja/wywaza/wywazyc/wywazaja ~1 sie/drzwi
=3 ma/trzyma ~1 noz/nozem/bron/bronia/pistolet/maczete/siekiere
=3 pozar; dym w ~1 mieszkaniu/domu; dym ~2 wszedzie
=3 polknal*/polknel*/zjadl*/wypil* ~2 baterie/bateryjke/wybielacz/trucizne/kapsulke/kapsulki/srodek/chemie/plyn
=3 ma atak serca; ma udar/drgawki; ma atak padaczki; dusi sie; krztusi sie
`

var crisisComposer = mustComposer(crisisLexicon)
