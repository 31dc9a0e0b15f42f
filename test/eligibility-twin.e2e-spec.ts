import fc from 'fast-check';
import { Client } from 'pg';
import { addDays } from '../src/common/dates';
import {
  assessEligibility,
  EligibilityFacts,
  EligibilityPolicy,
  eligibleContactSql,
  eligibleContactSqlParameters,
} from '../src/contacts/eligibility';
import { TEST_DATABASE_URL } from './support/test-env';

/**
 * The eligibility rule and its SQL twin (src/contacts/eligibility.ts) give the same answer: thousands of generated
 * contacts, dated around month ends and leap days, judged by both, in PostgreSQL and in TypeScript.
 */
describe('eligibility: the rule and its SQL twin agree', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => db.end());

  const day = (base: string) => fc.integer({ min: -400, max: 5 }).map((offset) => addDays(base, offset));
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 8 });

  async function sqlVerdicts(
    facts: EligibilityFacts[],
    policy: EligibilityPolicy,
    today: string,
  ): Promise<boolean[]> {
    const parameters = eligibleContactSqlParameters(policy, today);
    const order = ['today', 'maxAgeMonths', 'validityMonths', 'minimumAge'] as const;
    const condition = eligibleContactSql('c').replace(
      /:(today|maxAgeMonths|validityMonths|minimumAge)\b/g,
      (_, name: (typeof order)[number]) => `$${order.indexOf(name) + 1}`,
    );
    const { rows } = await db.query<{ eligible: boolean }>(
      `SELECT ${condition} AS eligible
         FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e(row, n),
              jsonb_to_record(e.row)
              AS c(birth_year int, police_certificate_issued_on date, police_certificate_presented_on date,
                   confidentiality_signed_on date)
        ORDER BY e.n`,
      [
        ...order.map((name) => parameters[name]),
        JSON.stringify(
          facts.map((f) => ({
            birth_year: f.birthYear,
            police_certificate_issued_on: f.policeCertificateIssuedOn,
            police_certificate_presented_on: f.policeCertificatePresentedOn,
            confidentiality_signed_on: f.confidentialitySignedOn,
          })),
        ),
      ],
    );
    return rows.map((row) => row.eligible);
  }

  it('on generated contacts, policies and days', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('2028-02-29', '2027-03-31', '2026-12-31', '2030-01-01', '2031-05-31'),
        fc.record({
          policeCertificateMaxAgeMonths: fc.integer({ min: 1, max: 6 }),
          policeCertificateValidityMonths: fc.integer({ min: 1, max: 4 }),
          minimumAge: fc.constantFrom(16, 18),
        }),
        async (today, policy) => {
          // Dates packed close to the boundaries (a certificate issued a few months back, presented within
          // days or months of it), so the last valid day, the oldest accepted day and New Year's Eve all come up.
          const facts = fc.sample(
            fc
              .record({
                birthYear: maybe(fc.integer({ min: 2005, max: 2016 })),
                issuedOffset: maybe(fc.integer({ min: -130, max: 5 })),
                presentedAfter: maybe(fc.integer({ min: -3, max: 100 })),
                confidentialitySignedOn: maybe(day(today)),
              })
              .map(
                ({ birthYear, issuedOffset, presentedAfter, confidentialitySignedOn }): EligibilityFacts => {
                  const issuedOn = issuedOffset === null ? null : addDays(today, issuedOffset);
                  return {
                    birthYear,
                    policeCertificateIssuedOn: issuedOn,
                    policeCertificatePresentedOn:
                      issuedOn === null || presentedAfter === null ? null : addDays(issuedOn, presentedAfter),
                    confidentialitySignedOn,
                  };
                },
              ),
            400,
          );
          const expected = facts.map((f) => assessEligibility(f, policy, today).eligible);
          expect(await sqlVerdicts(facts, policy, today)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
