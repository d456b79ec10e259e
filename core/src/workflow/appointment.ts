import type { AppointmentStatus } from '../domain/journal.js';
import type { Workflow } from './engine.js';

/** What the appointment workflow's guards read: the request's time and the appointment's start. */
export interface AppointmentFacts {
  now: Date;
  start: Date;
}

const RECEIVERS = ['travailleur_social', 'secretaire'] as const;
const OUTCOMES = ['honore', 'excuse', 'non_venu'] as const satisfies readonly AppointmentStatus[];
const started = (f: AppointmentFacts) =>
  f.now >= f.start ? null : 'Le rendez-vous n’a pas encore commencé : il peut seulement être annulé';
const notStarted = (f: AppointmentFacts) =>
  f.now < f.start ? null : 'Le rendez-vous a commencé : indiquez s’il a été honoré, excusé ou non venu';

/**
 * Appointment status (docs/domain.md, journal): honoré, excusé or non venu once the appointment has started (an outcome
 * can then be corrected); annulé before it starts, and a cancelled appointment can be restored while still ahead.
 */
export const APPOINTMENT_WORKFLOW: Workflow<AppointmentStatus, AppointmentFacts> = {
  name: 'appointment',
  states: ['prevu', 'honore', 'excuse', 'non_venu', 'annule'],
  transitions: [
    ...OUTCOMES.map((to) => ({
      from: ['prevu', ...OUTCOMES.filter((o) => o !== to)] as AppointmentStatus[],
      to,
      roles: RECEIVERS,
      guard: started,
    })),
    { from: ['prevu'], to: 'annule', roles: RECEIVERS, guard: notStarted },
    { from: ['annule'], to: 'prevu', roles: RECEIVERS, guard: notStarted },
  ],
};
