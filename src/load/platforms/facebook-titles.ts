// Reads the target of a Facebook activity out of its generated, localised `title` sentence.
// Facebook names the other party only inside sentences such as "Ana commented on Budi's post." in the
// account's language; these templates cover English, Indonesian and French (the languages we have seen).

const CONTENT_EN = '(?:post|comment|photo|video|reel|link|status|live video|album|event|story|memory)';
const CONTENT_ID = '(?:kiriman|postingan|komentar|foto|video|reel|tautan|status|album|acara|cerita)';
const CONTENT_FR = '(?:publication|commentaire|photo|vidéo|lien|statut|album|évènement|événement)';

const COMMENT_TEMPLATES = [
  new RegExp(`\\b(?:commented on|replied to) (.+?)'s ${CONTENT_EN}\\b`),
  new RegExp(`\\b(?:mengomentari|membalas) ${CONTENT_ID} (?:milik )?(.+?)\\.?$`),
  new RegExp(`\\ba (?:commenté|répondu à) (?:la |le |l'|au )?${CONTENT_FR} de (.+?)\\.?$`),
];

const REACTION_TEMPLATES = [
  new RegExp(`\\b(?:likes|liked|loves|loved|reacted to) (.+?)'s (?:own )?${CONTENT_EN}\\b`),
  new RegExp(`\\b(?:menyukai|menanggapi|memberi reaksi pada) ${CONTENT_ID} (?:milik )?(.+?)\\.?$`),
  new RegExp(`\\b(?:aime|a aimé|a réagi à) (?:la |le |l'|au )?${CONTENT_FR} de (.+?)\\.?$`),
];

/** Reposting someone else's content; "shared a link" or "shared a memory" is the owner's own post. */
const SHARE_TEMPLATES = [
  new RegExp(`\\bshared (.+?)'s ${CONTENT_EN}\\b`),
  /\bshared an? (?:post|photo|video|reel|live video)\b()/,
  new RegExp(`\\bmembagikan ${CONTENT_ID} (?:milik )?(.+?)\\.?$`),
  new RegExp(`\\ba partagé (?:la |le |l'|une? )?${CONTENT_FR} de (.+?)\\.?$`),
];

const CHECK_IN_TEMPLATES = [
  /\b(?:checked in at|was at|is at)\b/,
  /\b(?:check in di|berada di)\b/,
  /\b(?:était à|est à)\b/,
];

const GROUP_TEMPLATES = [
  /\b(?:became a member of|joined) (.+?)\.?$/,
  /\b(?:bergabung dengan|menjadi anggota) (.+?)\.?$/,
  /\ba rejoint (.+?)\.?$/,
];

function firstCapture(templates: readonly RegExp[], title: string): string | null {
  for (const template of templates) {
    const match = template.exec(title);
    if (match) return match[1] ?? '';
  }
  return null;
}

/** Whose content a comment was written on; '' when the title names nobody we can read. */
export function commentTargetFromTitle(title: string): string {
  return firstCapture(COMMENT_TEMPLATES, title) ?? '';
}

export function reactionTargetFromTitle(title: string): string {
  return firstCapture(REACTION_TEMPLATES, title) ?? '';
}

/** For a post whose title says it reshared content: the original author ('' if unnamed); null for own posts. */
export function shareTargetFromTitle(title: string): string | null {
  return firstCapture(SHARE_TEMPLATES, title);
}

export function isCheckInTitle(title: string): boolean {
  return CHECK_IN_TEMPLATES.some((template) => template.test(title));
}

export function groupFromTitle(title: string): string {
  return firstCapture(GROUP_TEMPLATES, title) ?? '';
}
