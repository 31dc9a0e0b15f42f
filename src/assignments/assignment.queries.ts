/** The read side of assignments: hand-written SQL joined with the names a reader needs, visible for review. */

/** One assignment with contact, user and group names; mapped by AssignmentResponse / OwnAssignmentResponse. */
export const SELECT_ROWS = `
  SELECT a.id, a.contact_id, c.first_name AS contact_first_name, c.last_name AS contact_last_name,
         a.service_user_id, su.first_name AS user_first_name, su.last_name AS user_last_name,
         a.group_id, g.name AS group_name, g.status AS group_status,
         a.decision_id, a.weekly_hours, a.starts_on::text AS starts_on, a.ends_on::text AS ends_on,
         a.end_reason, a.end_note, a.started_without_introduction_reason, a.version, a.created_at
    FROM assignments a
    JOIN contacts c ON c.id = a.contact_id
    LEFT JOIN service_users su ON su.id = a.service_user_id
    LEFT JOIN activity_groups g ON g.id = a.group_id`;

/** A contact holding one of a group's seats (an open group assignment). */
export interface GroupContact {
  assignmentId: string;
  contactId: string;
  firstName: string;
  lastName: string;
  seat: number;
  startsOn: string;
  weeklyHours: number;
}

export interface GroupContactRow {
  group_id: string;
  id: string;
  contact_id: string;
  first_name: string;
  last_name: string;
  group_contact_seat: number;
  starts_on: string;
  weekly_hours: string;
}

/** The open assignments of the given groups ($1 uuid[]): the contacts holding their seats. */
export const GROUP_CONTACTS_SQL = `
  SELECT a.group_id, a.id, a.contact_id, c.first_name, c.last_name, a.group_contact_seat,
         a.starts_on::text AS starts_on, a.weekly_hours
    FROM assignments a JOIN contacts c ON c.id = a.contact_id
   WHERE a.group_id = ANY($1::uuid[]) AND a.end_reason IS NULL
   ORDER BY a.group_contact_seat`;

export const groupContactFrom = (row: GroupContactRow): GroupContact => ({
  assignmentId: row.id,
  contactId: row.contact_id,
  firstName: row.first_name,
  lastName: row.last_name,
  seat: row.group_contact_seat,
  startsOn: row.starts_on,
  weeklyHours: Number(row.weekly_hours),
});
