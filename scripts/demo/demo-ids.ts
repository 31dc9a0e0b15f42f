/** Fixed ids of the demo municipality, so a development token works against freshly seeded data. */
export const DEMO_MUNICIPALITY_ID = '5e7d0000-0000-4000-8000-000000000301';
export const DEMO_MUNICIPALITY_NAME = 'Demo kommune';
