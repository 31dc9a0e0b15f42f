import {
  allowedActions,
  ASSIGNMENT_TRANSITIONS,
  INTRODUCTION_STATUSES,
  INTRODUCTION_TRANSITIONS,
  IntroductionAction,
  isTerminal,
  nextState,
  PENDING_INTRODUCTION_STATUSES,
  PROPOSAL_TRANSITIONS,
} from './transitions';

describe('proposal transitions', () => {
  it.each([
    ['accept', 'accepted'],
    ['decline', 'declined'],
    ['supersede', 'superseded'],
  ] as const)('an open proposal may %s', (action, to) => {
    expect(nextState(PROPOSAL_TRANSITIONS, 'open', action)).toBe(to);
  });

  it.each(['accepted', 'declined', 'superseded'] as const)(
    'a %s proposal is final: it can be neither accepted nor declined',
    (state) => {
      expect(nextState(PROPOSAL_TRANSITIONS, state, 'accept')).toBeNull();
      expect(nextState(PROPOSAL_TRANSITIONS, state, 'decline')).toBeNull();
      expect(isTerminal(PROPOSAL_TRANSITIONS, state)).toBe(true);
    },
  );
});

describe('introduction transitions', () => {
  const allowed: [string, IntroductionAction, string][] = [
    ['awaiting_booking', 'book', 'booked'],
    ['awaiting_booking', 'decline', 'declined'],
    ['booked', 'book', 'booked'],
    ['booked', 'cancel_booking', 'awaiting_booking'],
    ['booked', 'decline', 'declined'],
    ['booked', 'agree', 'started'],
    ['booked', 'disagree', 'declined'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(INTRODUCTION_TRANSITIONS, from as never, action)).toBe(to);
  });

  it('allows nothing else: every other (state, action) pair is refused', () => {
    const actions: IntroductionAction[] = ['book', 'cancel_booking', 'decline', 'agree', 'disagree'];
    for (const from of INTRODUCTION_STATUSES) {
      for (const action of actions) {
        const listed = allowed.find(([f, a]) => f === from && a === action);
        expect([from, action, nextState(INTRODUCTION_TRANSITIONS, from, action)]).toEqual([
          from,
          action,
          listed ? listed[2] : null,
        ]);
      }
    }
  });

  it('starts an assignment only after a booked meeting: no agreeing before a time is set', () => {
    expect(nextState(INTRODUCTION_TRANSITIONS, 'awaiting_booking', 'agree')).toBeNull();
    expect(nextState(INTRODUCTION_TRANSITIONS, 'awaiting_booking', 'disagree')).toBeNull();
  });

  it('has started and declined as its only final states, and the pending ones are exactly the others', () => {
    const terminal = INTRODUCTION_STATUSES.filter((s) => isTerminal(INTRODUCTION_TRANSITIONS, s));
    expect(terminal).toEqual(['started', 'declined']);
    expect([...PENDING_INTRODUCTION_STATUSES].sort()).toEqual(
      INTRODUCTION_STATUSES.filter((s) => !terminal.includes(s)).sort(),
    );
  });

  it('lists the allowed actions for the 409 context', () => {
    expect(allowedActions(INTRODUCTION_TRANSITIONS, 'awaiting_booking')).toEqual(['book', 'decline']);
    expect(allowedActions(INTRODUCTION_TRANSITIONS, 'started')).toEqual([]);
  });

  it('is not fooled by prototype keys', () => {
    expect(nextState(INTRODUCTION_TRANSITIONS, 'booked', 'constructor' as never)).toBeNull();
    expect(nextState(INTRODUCTION_TRANSITIONS, '__proto__' as never, 'book')).toBeNull();
    expect(allowedActions(INTRODUCTION_TRANSITIONS, 'toString' as never)).toEqual([]);
  });
});

describe('assignment transitions', () => {
  it('starts once and ends once', () => {
    expect(nextState(ASSIGNMENT_TRANSITIONS, 'none', 'start')).toBe('active');
    expect(nextState(ASSIGNMENT_TRANSITIONS, 'active', 'end')).toBe('ended');
    expect(nextState(ASSIGNMENT_TRANSITIONS, 'ended', 'end')).toBeNull();
    expect(nextState(ASSIGNMENT_TRANSITIONS, 'active', 'start')).toBeNull();
  });
});
