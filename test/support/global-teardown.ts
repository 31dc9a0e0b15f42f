/** The database is left in place after the run so a failing test's data can be inspected. */
export default async function globalTeardown(): Promise<void> {}
