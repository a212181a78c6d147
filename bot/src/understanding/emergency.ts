/**
 * Domestic violence or a child in danger. Deliberately generous: a resident in danger who does
 * not get the 3919 / 17 / 119 numbers is worse than a false alarm.
 *
 * Patterns run on the folded text: no accents, apostrophes and hyphens as spaces.
 */
const PATTERNS: readonly RegExp[] = [
  /\bviolen(ce|ces|t|te|ts|tes|ter)\b/,
  /\bviol(s|e|ee|es|ees|er|ent|ait)?\b/,
  /\bfrap+(e|es|ent|er|ait|aient|ee|ees|ions)?\b/,
  /\b(me|m|nous|la|le|les|l|te|vous|lui|leur|ma|mon|mes|sa|son|ses)\s+(bat|battu|battue|battent|battait|tape|tapent|tapait|cogne|cognent|cognait|gifle|giflent|giflait|etrangle|etranglait|brutalise|brutalisent|tabasse|tabassent|secoue|secouait|enferme|enfermait|menace|menacent|menacait|tue|tuer|terrorise|humilie|insulte|harcele|maltraite|torture|blesse|brule|viole|touche)\b/,
  /\bbattu(e|es|s)?\b/,
  /\btabass\w*/,
  /\bmaltrait\w*/,
  /\b(des|de|les|reçu|recu|recoit|recois|donne|donnent|porte) coups\b/,
  /\bcoups? (de poing|de pied|de ceinture|de couteau)\b/,
  /\bcoups et blessures\b/,
  /\ben danger\b/,
  /\bdanger de mort\b/,
  /\bmenace(s|e|es)? de mort\b/,
  /\bpeur (de|pour) (mon|ma|mes|lui|elle|eux|sa|son|ses|ma vie|leur)\b/,
  /\bpeur qu (il|elle) (me|nous|les|la|le|l)\b/,
  /\b(va|veut|vais|voulait|menace de) (me|nous|les|la|le|l) tuer\b/,
  /\bme tuer\b/,
  /\bsuicid\w*/,
  /\bmettre fin a (mes|ma) (jours|vie)\b/,
  /\babus(e|es|ee|ees)? sexuel\w*/,
  /\battouchement\w*/,
  /\binceste\b/,
  /\bpedo\w*/,
  /\bagress\w*/,
  /\bharcel\w*/,
  /\bemprise\b/,
  /\bau secours\b/,
  /\bsos\b/,
  /\b(3919|119)\b/,
  /\bme fait (du )?mal\b/,
  /\bfait du mal (a|aux) (mes|mon|ma|mon|son|sa|ses|enfant|enfants)\b/,
  /\benfants? (en danger|maltraite\w*|battu\w*|frappe\w*|abuse\w*|secoue\w*)\b/,
  /\bbebe secoue\b/,
  /\bfemmes? battues?\b/,
  /\bfugue\w*\b/,
  /\bnegligen\w*|\bdelaiss\w*/,
];

export function isEmergency(foldedText: string): boolean {
  return PATTERNS.some((p) => p.test(foldedText));
}
