/**
 * Word lists the understanding leans on, all folded (no accents, lower case).
 *
 * KNOWN_WORDS matters most: a word in it is never taken for a place name (France has communes
 * called « Y », « Eu », « Bus », « La Garde »…), and a misspelt word is corrected towards it.
 */
import { stem } from "./stem.ts";

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** SMS and shorthand forms → plain French tokens. */
export const SMS_FORMS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    bb: ["bebe"], bebes: ["bebes"], bby: ["bebe"],
    pr: ["pour"], ds: ["dans"], ms: ["mais"], tt: ["tout"], tjs: ["toujours"], bcp: ["beaucoup"],
    qd: ["quand"], qnd: ["quand"], tps: ["temps"], pk: ["pourquoi"], pq: ["pourquoi"], pcq: ["parce", "que"],
    kel: ["quel"], kelle: ["quelle"], kels: ["quels"], kelles: ["quelles"], koi: ["quoi"], quoa: ["quoi"],
    ki: ["qui"], ke: ["que"], k: ["que"], kan: ["quand"], kom: ["comment"], komen: ["comment"], cmt: ["comment"],
    cc: ["coucou"], slt: ["salut"], bjr: ["bonjour"], bjour: ["bonjour"], bonjours: ["bonjour"], bsr: ["bonsoir"],
    mrc: ["merci"], mci: ["merci"], dsl: ["desole"], svp: ["svp"], stp: ["stp"],
    mn: ["mon"], chui: ["je", "suis"], chuis: ["je", "suis"], jsuis: ["je", "suis"], jss: ["je", "suis"],
    jai: ["j", "ai"], jveux: ["je", "veux"], jvoudrais: ["je", "voudrais"], jcherche: ["je", "cherche"],
    jsp: ["je", "sais", "pas"], jconnais: ["je", "connais"], cest: ["c", "est"], ya: ["il", "y", "a"], yaurait: ["il", "y", "aurait"],
    qqn: ["quelqu", "un"], qqch: ["quelque", "chose"], qlq: ["quelque"],
    st: ["saint"], ste: ["sainte"],
    dept: ["departement"], dpt: ["departement"], dep: ["departement"],
    rdv: ["rendez", "vous"], num: ["numero"], nums: ["numeros"], tel: ["telephone"], tels: ["telephone"], telephonne: ["telephone"],
    asmat: ["assistante", "maternelle"], assmat: ["assistante", "maternelle"], asmats: ["assistantes", "maternelles"],
    kreche: ["creche"], kreches: ["creches"], crech: ["creche"], perisco: ["periscolaire"], periscol: ["periscolaire"],
    ado: ["ado"], adolescent: ["ado"], adolescents: ["ados"], adolescente: ["ado"], adolescentes: ["ados"], ados: ["ados"],
    infos: ["informations"], info: ["information"],
  }),
);

/** Function words skipped when matching multi-word phrases (« centre DE loisirs », « aide POUR MES papiers »). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  words(`le la les l un une des de du d a au aux pour mes mon ma ses son sa nos notre vos votre leur leurs
    en et ce cet cette ces y sur par avec`),
);

/** Articles and possessives: a word after one of them is a common noun, not a place (« des âmes »). */
export const ARTICLES: ReadonlySet<string> = new Set(
  words(`le la les l un une des mes mon ma ses son sa nos notre vos votre leur leurs ce cet cette ces du`),
);

export const GREETING_WORDS: ReadonlySet<string> = new Set(
  words(`bonjour bonsoir salut coucou hello hi hey yo wesh allo rebonjour rebonsoir bienvenue re bjr
    merci remercie remerciements ok okay oki dac daccord accord super parfait top cool genial nickel
    bonne journee soiree nuit revoir adieu ciao bye tchao`),
);

/** Words that may accompany a greeting without turning it into a question. */
export const POLITENESS_WORDS: ReadonlySet<string> = new Set(
  words(`madame monsieur mademoiselle mme mr m tous tout toutes le la les a au vous toi tu ca va vas allez
    comment svp stp beaucoup bien et oui non d accord je j ai te ai encore bot robot chatbot assistant
    l equipe equipe pour votre ton aide cher chere`),
);

export const OFF_TOPIC_WORDS: ReadonlySet<string> = new Set(
  words(`meteo temps pluie pleuvoir pleut soleil neige neiger orage temperature recette recettes cuisine
    cuisiner crepe crepes gateau gateaux pizza restaurant resto foot football match matchs psg ligue
    rugby tennis blague blagues film films serie series netflix musique chanson chansons politique
    election elections president ministre bourse bitcoin crypto voiture voitures horoscope astrologie
    capitale poeme poesie traduire traduis traduction calcule calculer jeu jeux video console amour
    bus train trains sncf tram metro avion vol vols loto tierce`),
);

/**
 * Ordinary French words, including every word the intent patterns rely on. Kept as stems so that
 * plural forms are known too.
 */
const COMMON = words(`
  le la les l un une des de du d a au aux pour par sur sous dans en entre vers chez avec sans
  et ou ni mais donc or car que qu qui quoi quel quelle quels quelles lequel laquelle dont
  ce cet cette ces c ca cela ceci celui celle ceux celles ici bas haut
  je j me m moi tu te t toi il elle on nous vous ils elles se s lui leur leurs eux y en
  mon ma mes ton ta tes son sa ses notre nos votre vos
  est es suis sont sommes etes etre ete etais etait etaient sera seront serait
  ai as a avons avez ont avoir avais avait aura aurait aurais eu
  vais vas va allons allez vont aller irai irais
  fais fait faisons faites font faire ferai ferais
  peux peut pouvons pouvez peuvent pouvoir pourrais pourrait pourriez puis
  veux veut voulons voulez veulent vouloir voudrais voudrait voudrions
  sais sait savons savez savent savoir saurais
  dois doit devons devez doivent devoir devrais
  faut falloir
  cherche cherches cherchons cherchez cherchent chercher recherche recherches rechercher
  trouve trouves trouver trouvez trouvent trouverai
  existe existent exister propose proposent proposez proposer proposes proposee offre offrent offrir
  gere gerent gerer geree gerees geres gestion gestionnaire gestionnaires
  occupe occupent occuper occupes
  tient tiennent tenir dirige dirigent diriger organise organisent organiser anime animent animer
  porte portent porter porteur porteurs pilote piloter administre administrer chapeaute
  appartient appartiennent responsable responsables operateur operateurs prestataire prestataires
  organisme organismes structure structures association associations entite partenaire partenaires
  finance financent financer financee financees finances financement financements financeur financeurs
  paie paye payent paient payer payee subvention subventions subventionne subventionner
  argent euro euros million millions milliard montant montants budget budgets enveloppe cout coute
  coutent couter combien bonus territoire territoires total somme represente rapporte verse versent
  numero numeros telephone joindre contacter contact contacts coordonnees appeler appelle appel
  adresse adresses mail email mel courriel horaire horaires heure heures ouverture ouvert ouverte
  ouverts ouvertes ouvre ouvrent ferme fermee fermees fermeture ferment site internet web tarif tarifs
  prix inscription inscrire inscrit permanence permanences rendez vous quand
  signe signee signes signees signer signataire signataires signature signatures
  participe participent participer participation engage engagee engagees engages engager engagement
  engagements adhere adherent adherents adhesion partie membre membres rejoint rejoindre delibere
  deliberation inclus incluse concerne concernee couvert couverte dedans
  convention conventions ctg territoriale globale globales territorial
  commune communes ville villes village mairie mairies municipalite agglo agglomeration communaute
  departement departemental departementale region conseil caf msa sivom syndicat intercommunal
  bonjour bonsoir salut coucou merci aide aides aider aidez help
  question questions reponse repondre demande demander renseignement renseignements information
  informations explique expliquer explication definition signifie veut dire sert servir
  marche fonctionne fonctionner utiliser utilise menu exemple exemples
  enfant enfants fils fille filles garcon bebe nourrisson nourrissons nouveau ne jumeaux jumelles
  famille familles familial familiale parent parents maman papa mere pere mari femme conjoint
  conjointe compagnon compagne copain copine ex epoux epouse grand grands grande petit petite
  petits petites gamin gamins gosse gosses ado ados jeune jeunes jeunesse adulte adultes
  an ans annee annees mois semaine semaines jour jours demi demie age agee
  ecole ecoles college lycee classe maternelle primaire cantine maison domicile travail boulot emploi
  service services activite activites loisir loisirs sport sports accueil accueils place places
  creche creches garde garder gardes garderie nounou nounous relais centre centres social sociale
  sociaux espace vie lieu lieux soutien parentalite devoir devoirs scolaire scolarite handicap
  handicape handicapee violence violences ecoute proche proches pres loin cote proximite autour
  secteur quartier coin environ alentours rue route km kilometre kilometres
  lundi mardi mercredi jeudi vendredi samedi dimanche matin soir midi apres journee nuit
  vacances ete hiver printemps automne rentree janvier fevrier mars avril mai juin juillet aout
  septembre octobre novembre decembre noel paques toussaint
  oui non pas ne n plus moins tres trop bien mal bon bonne mauvais beaucoup peu assez
  aussi encore deja toujours jamais souvent parfois maintenant aujourd hui demain hier bientot
  tout tous toute toutes autre autres meme chaque plusieurs quelque quelques chose choses rien
  comment pourquoi combien ou quand besoin urgent urgence vite rapidement possible
  gratuit gratuite payant payante cher chere public publique prive privee
  moyen moyens solution solutions aide possible dispo disponible disponibles libre
  temps partiel plein complet mi heure
  tard tot avant pendant depuis durant jusqu
  alors sinon ensuite puis pareil idem ok okay accord daccord super parfait merci
  madame monsieur svp stp plait
  cours couture ames comte venant mont neuve vieille blanche marais tour legal bois mines
  arriver arrive venir viens vient demenage demenager habite habiter habitons vis vivre
  travaille travailler inscrire reserver reservation
  papiers papier demarche demarches administratif administrative dossier dossiers
  medecin docteur sante soin soins hopital urgences pharmacie
  salle salles piscine bibliotheque mediatheque parc stade
  local locaux point points mobile mobiles maisons
  intrafamiliale intrafamiliales conjugale conjugales domestique domestiques
  danger frappe frapper bat battre peur
  quoi dire dit parle parler
  connais connait connaitre
  sais

  saint sainte sers sert servent servez rends rend rendre prends prend prendre mets met mettre
  donne donnes donner donnent dis dit dire disent vois voit voir voyez regarde regarder
  attends attend attendre appelle appellent appeler ecris ecrit ecrire lis lit lire
  pense penses pensez penser crois croit croire comprends comprend comprendre
  change changer charge prise pris prendre frais fraise ligne lignes compte comptes
  maire maires adjoint elu elus elue president presidente vice
  simple plaisir confort chemin jardin jardins port pont mer long longue lent vue force contre
  corps culture cultures fosse plaine moulin moulins prince sache cesse vire sens us hommes homme
  bras francs devise seuil cure cures don dunes issus rang louer publier servant relevant courant
  vert rouge orange gras doux riche pauvre pauvres folle fou joyeux vieux lourde lourd vif
  baby babysitting bisou bisous ange merite marche marcher
  nouvelle nouvelles nouveau nouveaux nouvel ancien ancienne vrai vraie faux fausse
  premier premiere dernier derniere deuxieme prochain prochaine
  personne personnes gens monde habitant habitants resident residents citoyen citoyens
  situation situations cas probleme problemes difficulte difficultes souci soucis
  seul seule seuls seules ensemble
  mamie papi grand-mere grand-pere tante oncle cousin cousine voisin voisine nounou
  combien heure heures minute minutes
  etat prefecture gouvernement
  augmente augmentee augmenter augmentation baisse baisser diminue diminuer passe passer evolue evoluer
  ferme fermee ouvre ouvert cree creee creer construit construire
`);

/** Every known word as written (for spelling correction, which needs a readable form). */
export const KNOWN_WORD_FORMS: readonly string[] = [...COMMON, ...GREETING_WORDS, ...OFF_TOPIC_WORDS];

export const KNOWN_WORDS: ReadonlySet<string> = new Set(
  [...COMMON, ...FUNCTION_WORDS, ...GREETING_WORDS, ...POLITENESS_WORDS, ...OFF_TOPIC_WORDS].map(stem),
);

export function isKnownWord(stemmed: string): boolean {
  return KNOWN_WORDS.has(stemmed);
}
