/**
 * Words of French commune names that are also ordinary French words or first names (« Marie »,
 * « Frais », « Ligne », « Charge »…): a commune outside the territory with such a name is taken
 * for a place only when the sentence says it is one (« à Marie », « de Frais » with a capital).
 * Derived once from @etalab/decoupage-administratif's names filtered by a French word list,
 * minus the words lexicon.ts already knows.
 */
export const COMMON_WORDS_IN_PLACE_NAMES: ReadonlySet<string> = new Set(
  `
  abbatial abbaye abbesse abeille abondance abondant abries achard achards acon acres agenais agnat
  agneaux aigle aigre aigues aiguille aiguilles aiguillon ail ailette aillant aillas ailles aime air
  aire aires aisy albanais albigeois ales aligne alise allas alleux allier allies alloue alpes
  altier amadou amant ambon ambres amont amure anche ancre andouille ange anges angle angles anglet
  angoisse angoumois annelles anse anses ante aquilin aramon arboras arbres arc arceau arche arches
  archipel arcs ardentes ardoise ares argentan argentine armagnac armes aronde arque arques arrentes
  arroses ars art arts aspe asque asse assis attaques aubaine aube aubette aubiers aubin aubois
  aucun auge augerons auges augustin aulx aunes aurions aurons autels autruche auvent aval ave aven
  aveux aviron avirons avoine azur baby bac baccarat bachot baffe baguer bagues baie baignes bail
  baillons bain bains bais baise baleine baleines ballon ballons ballots ban bancs banne bannes bans
  bar barbas barbe barcelonnette bard bardais barde bardes barges barils baron baronnie barques
  barrais barras barre barres barrez bars basse basses basset bassets bassins bastide bastille
  bataille baud bauge bauges baume baux bavent bayas baye bayons beau beaujolais beaux bec bel belle
  belles bellot belon bernard berne bernes besace besson bessons bettes bey biche biches bidon bief
  bielle bigot bille billot binas bine bizou bizous blanc blancs blet bleu blond bocage boeuf boeufs
  boisseau boisseaux bondons bonhomme bonnet bora bord bordas borde bordeaux bordel bordes bords
  borne bornes bort bosquets bosse bossus bouc boucau bouchage boucherie bouchon boudes boue bouge
  bouges bougon bouillant bouillante bouille bouillie bouillon boulange boule boulin boulon
  boulonnais bouquet bourbon bourbonnais bourdon bourdonne bourdons bourg bourgogne bourgs
  bourguignon bourguignons bout bouteille bouteilles bouton boutonne bouvet brabant bran branche
  brancher branches bras brasseuse brave braye bren breton brette brettes bride brides brie briffons
  brigue brillant brin bris broc brocs brosse brosses brou brouilla brousse brout bru bruant bruche
  bruisse brunet brusque bue buire buis buisson buissons bulle bulles bure burelles buron busque
  buttant cabanasse cabanes cabris cagnes cagnotte cailla caille cailles caillot cailloux caisson
  calais cales calez camarade cambe cambes cambrai came camelle camembert camp campagne campes camps
  canal canari cancale canche canne cannelle canner cannes canton cap capelle captieux captif
  carcans cardan cardinal carne carreau carry cascade cascades case cases casse casses cassis casson
  castel castels castine castres cause causse causses cavaillon cavalerie caves cayeux ceignes
  cellier cendras cendre cent centenier cercles cercueil cerf cerfs cerise cerises cerisiers cesse
  cesseras chablais chablis chaise chaises chambertin chambre champ champagne champenoise
  champenoises champis champs chance change chanoines chant chanteau chanterelle chantes chanteurs
  chantilly chantre chapeau chapelle chapelles chapitre charbonnier charge charme charmes charron
  chars chartreuse chartreux chartrier chas chassant chasse chasselas chasses chat chatte chaudes
  chaufour chaume chaumes chauve chaux chef chemin cheminas cheminot cheminots chenille chenu cherre
  cheval chevalet chevaline chevelu chevennes chevillard cheville chevre chevreaux chevres chevreuil
  chevrier chiche choisies choux christ ciel cierge cierges cieux cigogne cinglais cinq cintre cire
  cires ciron citerne clair clam clans clapier clapiers claude clave clavette claviers clayette clef
  clefs clercs clisse clocher clochers clonas clos cloue cluse cluses coat coeur cogna cognac cognat
  coinces coings colle collet colline colombe colombes colombier colombiers colombine colonel
  colonne colons coltines combe combes comblanchien combles commanderie compas comporte compote
  comptes comtal comtesse concoures condom confort conne conques cons consolation constant contamine
  contamines conte contes contre contres coq coquet coquette coquille cor corail corbeilles cordelle
  cordes cordiers cordon cordonnet cornac cornant cornas corne corneille corneilles cornet cornier
  cornus coron corps cosse coteau coteaux coti cottes couarde couches coudes coudons coudrais coudre
  couleuvre coulomb coulombs coulommiers coupelle courant courbes courbette couronne course court
  courtes courtois couvains couve cramant crans creuse creux crevant crique crise crisse croise
  croix crosses crottes cubas cuire cuis cuise cultures cure cures cuve cuves cuvier damas dame
  dames dardez dauphin dauphine denier der dessous dessus deuil deux devant devise diamant diane
  dieu digne disse dive doigt dol dole dolent dolmen dom domaines don donjon dore dos douai double
  doue douelle douillet douve doux douze doyen drache dragon drap drenne dry duc due dunes duras eau
  eaux elbeuf embrun encontre engins entier entrains entrelacs erre escale escales esches escot
  espoir esprit essai essarts esse estampes estivaux eus eustache exempt exil fagne falaise fanais
  fargues faucher faucon faux feins fenouillet fer ferrat ferre ferres ferret ferreux feu feuilla
  feuille feuilles feule feux fiacre fieffes fiefs fiel fier fieu fieux fins fiole fion flat fleure
  fleurie fleurs florence florentin flots flotte foc foi fol folie folies folles fonds fontaine
  fontainebleau fontaines fontes forain force foret forets forez forge forges fors fort forteresse
  fortin fosse fosses fougerais fouilleuse foulon four fourches fourneaux fourrier fours fox frais
  franc francs fretin frette frise froid fromental front frontignan fronton fuisse fumas furieuse
  futaie gaillard gaillarde gal galant galante gambier gap gardais gardon gare garenne garennes
  garons garrigues gars gaucher gaude gaulois gave gay gaz gelais gemme gemmes genets genettes
  genevois genou germain germaine germaines germe germer gesse giraumont girolles giron gironde
  girons givre glaire gland glandage glane glanes gond gonds gorges gosier gouet goule goulet goupil
  gousse gouvernes goyave grain grange granges granits gras grasse grau graux grave gravelle graves
  gray grelot grenade grenant grenier grenouilles grignon grillon grimaud grisolles grives gros
  groseilles grottes grues guette gueux guiche guignes guillaume guillon guise habit habitants haie
  haies halles hameau hameaux han hanches haras hard hareng hauban haussez haute hautes havre hem
  henry herbasse herbe herbiers hermine heureux hilaire home homme hommes hongre honore hors houdan
  houilles houlette housse housseras housset houx huez huile huisserie humes hune hure ifs iles
  indien innocence innocent ire isola issus jacques jalons jard jardin jarret jars jas jasses jean
  job joli jolie jonc jongleurs joseph joue jouet joute joutes joyeuse joyeux juif juifs julien
  julienne jumel juntes jure jury kirsch kremlin labrit lac lacs laguiole laines lais laitiers laize
  lama lance landau lande landerneau landes lange langeais lanterne laps las lasse lattes laure
  laurent lauze laye layon lemmes lent lentilles lento lettre leu levas levier lez liards lias lier
  lierre lies liesse lieue liez ligne lilas limas lime limoges limon limons lin linge linotte lion
  lionne lions lisse lisses lit livarot livet livre loche loches lods loge loges loir lombard long
  longes longue longues lorette lorrain lorraine lorry lot louches loue louer loueuse lougres louis
  loup loupe loupes loups lourde lourdes loures loutre louvent louvet lue luisant lunaire lune lus
  lusse lutter lux luxe luzerne lyre lys machine maclas madeleine mage magenta mages magnan magnant
  magnas magnat magne maillas maille maillet maillot maillots main maire maisonnettes mana mande
  manoeuvre manoir mans manse mantes manuel marc marchais mare marennes marges marguerite maria
  marie maries marigot marin marines mariol marions marne marnes maroilles marque marques marquette
  marquise marre marron martel martial martin martinet martre martres martyre mas massas mathieu
  mathurin maure maures mauves maux maxime maye meaux menez mens menton mer mercier merle merles
  mers messe messieurs meules meures meursault meuse mieux mignon migre milieu millas mimosas
  minerve minier minot mire mirepoix miroir miroirs mitre mixe moeurs moine moines moire moisson
  moita molette molles mollettes mollo monceau monceaux monial monnaie montagne montagnes monte
  montjoie montmorency montoir montueux more morillon morne mort morte mortes mortiers motel motte
  mouchard mouche mouches mouettes moule moules moulin moulines moulinet moulins moulons moult
  mouriez mouron mousse mousson moutier mouton moutonne mue munster mur mure mures muret murette
  murs mus nages nais national nattages nectaire nef neuf neufs nids nie nielles nivelle noble
  nobles noce noeud noeuds noir noire nom nord normand norrois noue noues nouvel nouvelle noves
  noyant noyer noyers observatoire ocre oeuf oie oiseau oison olive olivet oliviers ombres omet
  ondes ongles opportune oraison orange orge orgelet orges orgueil orgueilleux orgues orin ormeaux
  ormes orne ornes orques ors osier ost ouche ouest ourdis ours oust ouste outille outre outremer
  ovin oye pachas pageas paille paillet pair pal palais palis palisse palmas palme palud palus
  pancrace pannes pantin pape parade parce pardon paris parisis paroisse paroisses passa passage
  passais passavant pater paterne patrice patrouille patte paulien paumes pauvre pauvres pavant
  pavie pavillon pavillons pays peille peintre peintures pelouse pende pendit pendue penne perche
  perles perron pers persan pertuis pesse peuple phare pian piano pie pied pierre pierres pieux pila
  pile piles pilles pin pince pins pire pis pithiviers pitre pitres plage plages plaigne plain
  plaine plaines plains plaisance plaisir plan planche plancher planchers planches planchez planes
  planque planques plans plantaire plante plateau plats pleine pleure pleurs poche poids poil pointe
  poire pois poisson poissons poivre poivres poix pommera pommier pommiers pompon pomponne ponceaux
  pont pontet ponts populeuse porcherie port porta porto ports poses possession poste pot poterie
  poteries potier pots pou pouilly poulain poulaines poule poulet prairie premiers presle presque
  pressoir preste preuve preux prieure priez primat prince prisse privas projet propre prouvais
  provin provins prune pruniers publier pucelle puits pure putois puy python quarante quarre quarte
  quarts quatre quernes queue quimper quint quintal quinte rabat racines rai raids ramasse rame
  rance rances rang ratel ratier raves ray raye reconduit recourt reculas redonne redoux regard
  reine reins rejet relevant remouille remparts renard renne rennes replonges repos reposoir
  restitue retourne ria rias riche richelieu riches rideau riel riez rimons rions ris rivas rive
  rives roc roche rocher rochers roches rocheux rocque rocques rodes rodez rogna rognes rognon
  rogues roi roide romain romaine roman romance romand romans ronce rond ronde rondelles ronds
  rongeant roque roquefort roquelaure roques roquette roquettes rose roses rosier rosiers rosis
  rossignol rotes rotin rotonde rots rouet rouez rouge rouges rouget rouille roule roulier rousse
  rousses routier rouvre rouvres roux royal royale royans ruelle rustiques sabine sable sables
  sablons sabres sache saignes saillant sain sains saint sainte saintes saints sale sales salies
  salin salines salins salives salon salves sana sancerre sancerrois sapins sarcelles sari
  sarrancolin sassenage saturnin saules saunier sauternes sauvage sauvages sauvant sauve sauves
  sauveur saxon sceau sceaux scelles scie sciez scille sec secourt secret seiche seiches seigneurs
  seille seillons sein seine sel selle selles seltz selve semeuse semons sen senaux sens sentinelle
  sept septmoncel serein sereine serez serge serpent serra serre serres sers servais serval servant
  serve serves servies seuil sevrai sienne signets simple sir sire six sixte soc soie solin sombre
  sommaire sommant sommeilles songeons sonnette sorbets sorbier sorbiers sore sorgue sorgues sort
  sorts souche soucia soudain soudaine soudan soude soues souille soulages souligne soupir source
  sources sourd souterraine soutiers soyer soyers soyons suce sud suisse sure surin sus sylvain
  sylvains sylve sylvestre table tablier tache taillades taillant taille taillis tain talais talant
  taller talon talus tampon tarare tardes tartre tasse taule taux tavernes teille temple templiers
  tende tendon tendron tendu teneur terce termes ternes terrasse terre terres terrier tertre tertres
  tesson teste thermes thons tiercelet tiercent tillac tille tilles tilleul tilleuls tirent titre
  toges toits tombe tombes tonnerre touche touches touille tourbe tourbes tournai tournas tourne
  tournedos tournes tourneur trait tranche transit trappe trappes treille treilles treize trente
  tresses tricot trie trilla trimer tripiers troche trois tronche tronchet truites tuilerie
  tuileries tulle union urbain usage usages vacherie vaillant vains vair val valence valenciennes
  valentin vallon vallons valouse vals vanne vanneau vannes vans var varaignes varans varenne varois
  vaudeville vaudois vaux velu venas vendes vendue venelles venette veneur vent ventes ventouse
  vents verdier verge verger vergers verges vergne vernaux verne vernie vernier verrerie verreries
  verrue vert verts vertu vertus veules veuve via vichy vicomte vicomtesse victoire vidai vidame
  videlles vieil viella vielle vienne viennois vieux vif vigne vigneaux vignes vignoble vignon
  vignot vilaine villas vin vineuse vineux vins violes viols vira vire vireux visa vit vital vitrai
  vitre vitreux vives vivier viviers viviez vogue voie voir voire voisines voisins voltaire voue
  vouvray voyer vraie vue wallon
`
    .split(/\s+/)
    .filter(Boolean),
);
