/**
 * The allowed state changes of a user's way from proposal to assignment, as data. Pure: no Nest, no TypeORM.
 * A service asks `nextState` before it writes, and answers 409 with the current state when the answer is null.
 *
 *   proposal:      open ──accept──▶ accepted          open ──decline──▶ declined      open ──supersede──▶ superseded
 *   introduction:  awaiting_booking ──book──▶ booked ──agree──▶ started (the assignment starts)
 *                  booked ──book──▶ booked (moved)     booked ──cancel_booking──▶ awaiting_booking
 *                  awaiting_booking | booked ──decline──▶ declined     booked ──disagree──▶ declined
 *   assignment:    (none) ──start──▶ active ──end──▶ ended
 */

export const INTRODUCTION_STATUSES = ['awaiting_booking', 'booked', 'started', 'declined'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

/** Introductions on their way: the user is not matched again and the contact's capacity is held for them. */
export const PENDING_INTRODUCTION_STATUSES: readonly IntroductionStatus[] = ['awaiting_booking', 'booked'];

export type ProposalState = 'open' | 'accepted' | 'declined' | 'superseded';
export type AssignmentState = 'none' | 'active' | 'ended';

export type ProposalAction = 'accept' | 'decline' | 'supersede';
export type IntroductionAction = 'book' | 'cancel_booking' | 'decline' | 'agree' | 'disagree';
export type AssignmentAction = 'start' | 'end';

export type Table<S extends string, A extends string> = Readonly<Record<S, Readonly<Partial<Record<A, S>>>>>;

export const PROPOSAL_TRANSITIONS: Table<ProposalState, ProposalAction> = {
  open: { accept: 'accepted', decline: 'declined', supersede: 'superseded' },
  accepted: {},
  declined: {},
  superseded: {},
};

export const INTRODUCTION_TRANSITIONS: Table<IntroductionStatus, IntroductionAction> = {
  awaiting_booking: { book: 'booked', decline: 'declined' },
  booked: {
    book: 'booked',
    cancel_booking: 'awaiting_booking',
    decline: 'declined',
    agree: 'started',
    disagree: 'declined',
  },
  started: {},
  declined: {},
};

export const ASSIGNMENT_TRANSITIONS: Table<AssignmentState, AssignmentAction> = {
  none: { start: 'active' },
  active: { end: 'ended' },
  ended: {},
};

/** The state `action` leads to from `from`, or null when the table does not allow it. */
export function nextState<S extends string, A extends string>(
  table: Table<S, A>,
  from: S,
  action: A,
): S | null {
  const row = Object.prototype.hasOwnProperty.call(table, from) ? table[from] : undefined;
  if (!row || !Object.prototype.hasOwnProperty.call(row, action)) return null;
  return row[action] ?? null;
}

/** The actions allowed from `from`, for the 409's context. */
export function allowedActions<S extends string, A extends string>(table: Table<S, A>, from: S): A[] {
  const row = Object.prototype.hasOwnProperty.call(table, from) ? table[from] : undefined;
  return row ? (Object.keys(row) as A[]) : [];
}

/** Terminal states: nothing leads out of them. */
export function isTerminal<S extends string, A extends string>(table: Table<S, A>, state: S): boolean {
  return allowedActions(table, state).length === 0;
}
