import type { TFunction } from 'i18next';

/** "tirsdag 17:00–19:00" */
export function slotText(t: TFunction, slot: { day: string; start: string; end: string }): string {
  return t('slot', {
    ns: 'groups',
    day: t(`days.${slot.day}`, { ns: 'groups' }),
    from: slot.start,
    to: slot.end,
  });
}

export const STATUS_COLOR = { forming: 'warning', active: 'success', closed: 'neutral' } as const;
