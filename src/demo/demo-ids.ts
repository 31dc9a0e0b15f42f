/**
 * Fixed ids of the demo municipality (seeded by scripts/demo), so a development token and the demo sign-in work
 * against freshly seeded data. The server needs them for the demo personas; the seed imports them from here.
 */
export const DEMO_MUNICIPALITY_ID = '5e7d0000-0000-4000-8000-000000000301';
export const DEMO_MUNICIPALITY_NAME = 'Demo kommune';
/** The first støttekontakt of the demo roster (scripts/demo/demo-municipality.ts numbers contacts from 1). */
export const DEMO_CONTACT_ID = '5e7d0001-0000-4000-8000-000000000001';
