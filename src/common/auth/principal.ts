export const ROLES = ['coordinator', 'caseworker', 'contact', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Staff may see service users' case data; a contact only what their own work needs. */
export const STAFF_ROLES: readonly Role[] = ['coordinator', 'caseworker', 'admin'];

/** Who is calling, from a verified token. Every query is scoped by `municipalityId`. */
export interface Principal {
  subject: string;
  role: Role;
  municipalityId: string;
  /** Set for role `contact`: the roster entry this login belongs to. */
  contactId: string | null;
}

export const isStaff = (principal: Principal): boolean => STAFF_ROLES.includes(principal.role);
