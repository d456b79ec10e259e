import { DEFAULT_MOTIFS, DEFAULT_PLACE, type EntryType } from '@jalon/core';
import { sql } from 'kysely';
import type { Queryable } from '../db/schema.js';
import type { Rng } from './random.js';

/** A directory of typical Paris partners (generic names, no real contact details). */
export const DEMO_PARTNERS = [
  { name: 'CAF de Paris — accueil', kind: 'CAF', address: 'Paris', phone: '32 30' },
  { name: 'France Travail — agence locale', kind: 'France Travail', address: 'Paris', phone: '39 49' },
  { name: 'CMP adultes du secteur', kind: 'CMP', address: 'Paris', phone: null },
  { name: 'PMI du quartier', kind: 'PMI', address: 'Paris', phone: null },
  { name: 'Point d’accès au droit', kind: 'Accès au droit', address: 'Paris', phone: null },
  { name: 'Association d’aide alimentaire', kind: 'Association', address: 'Paris', phone: null },
  { name: 'SIAO 75 (115)', kind: 'Hébergement', address: 'Paris', phone: '115' },
] as const;

/** Neutral wording (nothing the note linter flags); the scale dataset draws from the same notes. */
export const NEUTRAL_NOTES = [
  'Point sur les démarches en cours ; dossier de demande déposé, en attente de réponse.',
  'Madame souhaite être accompagnée pour sa demande de logement social. Pièces à fournir listées ensemble.',
  'Monsieur a apporté ses justificatifs de ressources. Prochain rendez-vous fixé.',
  'Échange sur le budget mensuel ; un plan d’apurement de la dette de loyer est envisagé.',
  'Appel pour confirmer le rendez-vous de la semaine prochaine.',
  'Orientation proposée et acceptée ; coordonnées transmises.',
  'Visite au domicile : logement visité avec l’accord de la famille, besoins en mobilier notés.',
];

const TYPES: readonly (readonly [EntryType, number])[] = [
  ['entretien_bureau', 30],
  ['appel_entrant', 15],
  ['appel_sortant', 15],
  ['visite_domicile', 8],
  ['rendez_vous', 15],
  ['orientation', 6],
  ['demarche', 6],
  ['accueil', 5],
];

/** Moves a date off the week-end (Paris services are closed): to the Friday before or the Monday after. */
function onWeekday(at: Date, direction: 1 | -1): void {
  while (at.getUTCDay() === 0 || at.getUTCDay() === 6) at.setTime(at.getTime() + direction * 86_400_000);
}

interface FileForJournal {
  id: string;
  referentId: string | null;
  opened: Date;
}

/** Journal entries over the life of each demo file; the file's last contact follows the latest entry. */
export async function seedJournal(trx: Queryable, rng: Rng, now: Date, files: FileForJournal[]): Promise<void> {
  const partners = await trx
    .insertInto('partner')
    .values(DEMO_PARTNERS.map((p) => ({ ...p })))
    .returning('id')
    .execute();
  const entries = [];
  const workers = [];
  for (const f of files) {
    if (!f.referentId) continue;
    for (let i = 0, n = rng.int(0, 6); i < n; i++) {
      const type = rng.weighted(TYPES);
      const future = type === 'rendez_vous' && rng.next() < 0.3;
      const at = future ? new Date(now.getTime() + rng.int(1, 14) * 86_400_000) : rng.date(f.opened, now);
      // Office hours in Paris (UTC+1/+2): 8:00–15:45 UTC.
      at.setUTCHours(rng.int(8, 15), rng.pick([0, 15, 30, 45]), 0, 0);
      if (!future && at > now) at.setTime(at.getTime() - 86_400_000);
      onWeekday(at, future ? 1 : -1);
      if (!future && at < f.opened) {
        at.setTime(f.opened.getTime());
        onWeekday(at, 1);
      }
      while (!future && at > now) {
        at.setTime(at.getTime() - 86_400_000);
        onWeekday(at, -1);
      }
      const id = crypto.randomUUID();
      entries.push({
        id,
        case_file_id: f.id,
        type,
        occurred_at: at,
        duration_minutes: type.startsWith('appel') ? rng.int(5, 20) : rng.pick([30, 45, 60]),
        place: DEFAULT_PLACE[type] ?? (type === 'rendez_vous' ? 'bureau' : null),
        motifs: [rng.pick(DEFAULT_MOTIFS).code],
        note: type === 'accueil' || rng.next() < 0.4 ? null : rng.pick(NEUTRAL_NOTES),
        visibility: rng.weighted([
          ['referents', 70],
          ['equipe', 20],
          ['privee', 10],
        ] as const),
        author_id: f.referentId,
        appointment_worker_id: type === 'rendez_vous' ? f.referentId : null,
        appointment_status:
          type === 'rendez_vous'
            ? future
              ? 'prevu'
              : rng.weighted([
                  ['honore', 75],
                  ['non_venu', 12],
                  ['excuse', 8],
                  ['prevu', 5],
                ] as const)
            : null,
        partner_id: type === 'orientation' ? (rng.pick(partners)?.id ?? null) : null,
        orientation_reason: type === 'orientation' ? 'Accompagnement spécialisé proposé' : null,
        created_at: at < now ? at : now,
        updated_at: at < now ? at : now,
      });
      workers.push({ entry_id: id, user_id: f.referentId });
    }
  }
  for (let i = 0; i < entries.length; i += 500)
    await trx
      .insertInto('journal_entry')
      .values(entries.slice(i, i + 500))
      .execute();
  for (let i = 0; i < workers.length; i += 500)
    await trx
      .insertInto('journal_entry_worker')
      .values(workers.slice(i, i + 500))
      .execute();
  await sql`
    update case_file cf set last_contact_at = j.last
    from (select case_file_id, max(occurred_at) as last from journal_entry
          where occurred_at <= ${now} and (type <> 'rendez_vous' or appointment_status = 'honore') group by case_file_id) j
    where j.case_file_id = cf.id`.execute(trx);
}
