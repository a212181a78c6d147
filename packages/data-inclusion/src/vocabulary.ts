/**
 * The closed lists (« référentiels ») of the data·inclusion v1 schema that the hub reads or writes.
 * Codes only: labels live with the producers. A value outside these lists makes a record invalid.
 */

/** The producer's name for this hub when it publishes the territory's services. */
export const HUB_SOURCE = "ctg-cabbalr";

export const THEMATIQUE_CATEGORIES = [
  "choisir-un-metier",
  "creer-une-entreprise",
  "difficultes-administratives-ou-juridiques",
  "difficultes-financieres",
  "equipement-et-alimentation",
  "famille",
  "lecture-ecriture-calcul",
  "logement-hebergement",
  "mobilite",
  "numerique",
  "preparer-sa-candidature",
  "remobilisation",
  "sante",
  "se-former",
  "souvrir-a-linternational",
  "trouver-un-emploi",
] as const;

export const THEMATIQUES = [
  "choisir-un-metier--confirmer-son-choix-de-metier",
  "choisir-un-metier--connaitre-les-opportunites-demploi",
  "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
  "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
  "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
  "creer-une-entreprise--developper-son-entreprise",
  "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
  "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
  "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
  "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
  "difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte",
  "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
  "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
  "difficultes-financieres--acquerir-une-autonomie-budgetaire",
  "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
  "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere",
  "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
  "difficultes-financieres--situation-dendettement-surendettement",
  "equipement-et-alimentation--aide-menagere",
  "equipement-et-alimentation--alimentation",
  "equipement-et-alimentation--electromenager",
  "equipement-et-alimentation--habillement",
  "famille--garde-denfants",
  "famille--prise-en-charge-personne-dependante",
  "famille--soutien-a-la-parentalite-et-a-leducation",
  "famille--soutien-aidants",
  "famille--surmonter-conflits-separation-violence",
  "lecture-ecriture-calcul--maitriser-le-calcul",
  "lecture-ecriture-calcul--maitriser-le-francais",
  "logement-hebergement--acheter-un-logement",
  "logement-hebergement--changer-de-logement",
  "logement-hebergement--louer-un-logement",
  "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
  "logement-hebergement--reduire-les-impayes-de-loyer",
  "logement-hebergement--se-maintenir-dans-le-logement",
  "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
  "mobilite--acceder-a-un-vehicule",
  "mobilite--entretenir-reparer-son-vehicule",
  "mobilite--etre-accompagne-dans-son-parcours-mobilite",
  "mobilite--financer-ma-mobilite",
  "mobilite--preparer-un-permis",
  "mobilite--mobilite-douce-partagee-collective",
  "numerique--acceder-a-des-services-en-ligne",
  "numerique--acceder-a-une-connexion-internet",
  "numerique--acquerir-un-equipement",
  "numerique--maitriser-les-fondamentaux-du-numerique",
  "preparer-sa-candidature--developper-son-reseau",
  "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
  "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
  "preparer-sa-candidature--valoriser-ses-competences",
  "remobilisation--activites-sportives-et-culturelles",
  "remobilisation--benevolat-action-citoyenne",
  "remobilisation--bien-etre-confiance-en-soi",
  "remobilisation--lien-social",
  "sante--acces-aux-soins",
  "sante--addictions",
  "sante--constituer-un-dossier-mdph-invalidite",
  "sante--sante-mentale",
  "sante--sante-sexuelle",
  "se-former--monter-son-dossier-de-formation",
  "se-former--trouver-sa-formation",
  "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
  "souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger",
  "souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france",
  "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
  "trouver-un-emploi--faire-des-candidatures-spontanees",
  "trouver-un-emploi--maintien-dans-lemploi",
  "trouver-un-emploi--repondre-a-des-offres-demploi",
  "trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs",
] as const;
export type Thematique = (typeof THEMATIQUES)[number] | (typeof THEMATIQUE_CATEGORIES)[number];

export const RESEAUX_PORTEURS = [
  "60000-rebonds", "action-logement", "adie", "afpa", "agefiph", "aidants-connect", "alliance-villes-emploi", "anlci",
  "apprentis-dauteuil", "ase", "banques-alimentaires", "caarud", "cada", "caf", "campus-connecte", "cap-emploi-reseau-cheops",
  "cava", "ccas-cias", "chambres-consulaires", "chantier-ecole", "chrs", "chu", "cidff", "cmp", "cms", "cnam",
  "collectif-emploi", "communes", "conseillers-numeriques", "coorace", "cpam", "cph", "creches-avip", "crepi", "cresus",
  "croix-rouge", "csapa", "departements", "duo-for-a-job", "ecoles-de-la-deuxieme-chance", "egee", "emmaus", "epide",
  "espaces-publics-numeriques", "etcld", "fabrique-de-territoire", "face", "fcsf", "federation-des-acteurs-de-la-solidarite",
  "federation-professionnelle-femmes", "france-active", "france-service", "france-travail", "french-tech", "geiq",
  "grandes-ecoles-du-numerique", "huda", "hup", "inae", "initiative-france", "konexio", "la-cravate-solidaire", "la-poste",
  "les-premieres", "maison-departementale-de-lautonomie", "maisons-de-l-emploi", "maisons-des-solidarites",
  "mission-locale", "mjc", "mobin", "msap", "mutualite-sociale-agricole", "nqt", "pimms-mediation", "pjj", "plie",
  "points-conseil-budget", "points-justice", "positive-planet", "regions", "reseau-app", "reseau-bge",
  "reseau-entreprendre", "reseau-information-jeunesse", "residences-fjt", "ressourceries", "restos-du-coeur",
  "secours-populaire", "siae", "siao", "simplon", "singa", "snc", "spip", "tous-tes-possibles", "unaf", "unea",
  "unis-cite", "wimoov",
] as const;
export type ReseauPorteur = (typeof RESEAUX_PORTEURS)[number];

export const PUBLICS = [
  "actifs",
  "beneficiaires-des-minimas-sociaux",
  "demandeurs-emploi",
  "etudiants",
  "familles",
  "femmes",
  "jeunes",
  "personnes-en-situation-de-handicap",
  "personnes-en-situation-durgence",
  "personnes-en-situation-juridique-specifique",
  "personnes-exilees",
  "residents-qpv-frr",
  "seniors",
] as const;
export type Public = (typeof PUBLICS)[number];

export const FRAIS = ["gratuit", "payant"] as const;
export type Frais = (typeof FRAIS)[number];

export const MODES_ACCUEIL = ["a-distance", "en-presentiel"] as const;
export type ModeAccueil = (typeof MODES_ACCUEIL)[number];

export const TYPES_DE_SERVICES = ["accompagnement", "aide-financiere", "aide-materielle", "atelier", "formation", "information"] as const;
export type TypeDeService = (typeof TYPES_DE_SERVICES)[number];

const THEMATIQUE_SET = new Set<string>([...THEMATIQUES, ...THEMATIQUE_CATEGORIES]);
const RESEAU_SET = new Set<string>(RESEAUX_PORTEURS);
export const isThematique = (code: string): code is Thematique => THEMATIQUE_SET.has(code);
export const isReseauPorteur = (code: string): code is ReseauPorteur => RESEAU_SET.has(code);
