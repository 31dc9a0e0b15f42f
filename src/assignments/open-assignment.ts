/**
 * "An open assignment" (oppdrag) on a date, the one rule: not ended, or ending on that date or later, since the
 * contact still works with the user on the last day. The waiting list, the user's "has a contact", the contact's
 * load, the matching and group loaders, introductions and the assignment list all use this.
 * `alias`: the assignments table's alias (null for none); `onDate`: a bound date parameter or SQL date expression.
 */
export function openAssignmentSql(alias: string | null, onDate: string): string {
  const endsOn = alias ? `${alias}.ends_on` : 'ends_on';
  return `(${endsOn} IS NULL OR ${endsOn} >= ${onDate}::date)`;
}
