import {
  assessEligibility,
  DEFAULT_ELIGIBILITY_POLICY,
  EligibilityFacts,
  EligibilityPolicy,
  policeCertificateValidUntil,
} from './eligibility';

const ON = '2025-06-15';
/** A contact who is eligible on ON under the default policy; tests override only what matters to them. */
const contact = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  birthYear: 1990,
  policeCertificateIssuedOn: '2025-03-01',
  policeCertificatePresentedOn: '2025-04-01',
  confidentialitySignedOn: '2025-04-01',
  ...overrides,
});
const policy = (overrides: Partial<EligibilityPolicy> = {}): EligibilityPolicy => ({
  ...DEFAULT_ELIGIBILITY_POLICY,
  ...overrides,
});
const codes = (facts: EligibilityFacts, onDate = ON, p = policy()) =>
  assessEligibility(facts, p, onDate).reasons.map((reason) => reason.code);

describe('DEFAULT_ELIGIBILITY_POLICY', () => {
  it('is 3 calendar months, 36 months, 18 years, and cannot be changed by accident', () => {
    expect(DEFAULT_ELIGIBILITY_POLICY).toEqual({
      policeCertificateMaxAgeMonths: 3,
      policeCertificateValidityMonths: 36,
      minimumAge: 18,
    });
    expect(Object.isFrozen(DEFAULT_ELIGIBILITY_POLICY)).toBe(true);
  });
});

describe('assessEligibility', () => {
  it('finds a complete, recent record eligible, with the lapse date', () => {
    expect(assessEligibility(contact(), policy(), ON)).toEqual({
      eligible: true,
      reasons: [],
      validUntil: '2028-02-29', // 2025-03-01 + 36 months − 1 day, in a leap year
    });
  });

  describe('politiattest', () => {
    it('is missing', () => {
      const result = assessEligibility(
        contact({ policeCertificateIssuedOn: null, policeCertificatePresentedOn: null }),
        policy(),
        ON,
      );
      expect(result).toEqual({
        eligible: false,
        reasons: [{ code: 'police_certificate_missing', message: 'No politiattest is recorded.' }],
        validUntil: null,
      });
    });

    it('is missing even when a presentation date is recorded without an issue date', () => {
      expect(codes(contact({ policeCertificateIssuedOn: null }))).toEqual(['police_certificate_missing']);
    });

    it('has not been presented', () => {
      const result = assessEligibility(contact({ policeCertificatePresentedOn: null }), policy(), ON);
      expect(result.eligible).toBe(false);
      expect(result.reasons.map((r) => r.code)).toEqual(['police_certificate_not_presented']);
      expect(result.validUntil).toBe('2028-02-29');
    });

    it('is presented only after the date asked about', () => {
      const recent = { policeCertificateIssuedOn: '2025-06-01' };
      expect(codes(contact({ ...recent, policeCertificatePresentedOn: '2025-06-16' }))).toEqual([
        'police_certificate_not_presented',
      ]);
      expect(codes(contact({ ...recent, policeCertificatePresentedOn: '2025-06-15' }))).toEqual([]);
    });

    it('may be exactly the maximum age when presented, but not a day older', () => {
      // 2025-03-01 + 3 calendar months = 2025-06-01 (92 days, not 90)
      expect(codes(contact({ policeCertificatePresentedOn: '2025-06-01' }))).toEqual([]);
      const result = assessEligibility(contact({ policeCertificatePresentedOn: '2025-06-02' }), policy(), ON);
      expect(result.reasons).toEqual([
        {
          code: 'police_certificate_too_old_when_presented',
          message:
            'The politiattest issued on 2025-03-01 was older than 3 months when presented on 2025-06-02 ' +
            '(the municipality accepts it through 2025-06-01). A new politiattest is needed.',
        },
      ]);
    });

    it('reads month ends as a person does: issued 30 November is accepted through 28 February', () => {
      const issued = { policeCertificateIssuedOn: '2026-11-30', confidentialitySignedOn: '2026-12-01' };
      const on = '2027-03-15';
      expect(codes(contact({ ...issued, policeCertificatePresentedOn: '2027-02-28' }), on)).toEqual([]);
      expect(codes(contact({ ...issued, policeCertificatePresentedOn: '2027-03-01' }), on)).toEqual([
        'police_certificate_too_old_when_presented',
      ]);
      // In a leap year February has its 29th.
      const leap = { policeCertificateIssuedOn: '2027-11-30', confidentialitySignedOn: '2027-12-01' };
      expect(codes(contact({ ...leap, policeCertificatePresentedOn: '2028-02-29' }), '2028-03-15')).toEqual(
        [],
      );
    });

    it('uses the municipality’s own maximum age', () => {
      const strict = policy({ policeCertificateMaxAgeMonths: 1 });
      expect(codes(contact({ policeCertificatePresentedOn: '2025-04-01' }), ON, strict)).toEqual([]);
      expect(codes(contact({ policeCertificatePresentedOn: '2025-04-02' }), ON, strict)).toEqual([
        'police_certificate_too_old_when_presented',
      ]);
    });

    describe('on the day the oppdragsavtale is signed', () => {
      const recent = contact({
        policeCertificateIssuedOn: '2025-03-31',
        policeCertificatePresentedOn: '2025-04-01',
      });
      it('is judged again, in calendar months: issued 31 March is accepted through 30 June', () => {
        expect(assessEligibility(recent, policy(), ON, { contractSignedOn: '2025-06-30' }).eligible).toBe(
          true,
        );
        expect(assessEligibility(recent, policy(), ON, { contractSignedOn: '2025-07-01' }).reasons).toEqual([
          {
            code: 'police_certificate_too_old_at_signing',
            message:
              'The politiattest issued on 2025-03-31 is older than 3 months on 2025-07-01, the day the ' +
              'oppdragsavtale is signed (accepted through 2025-06-30). A new politiattest is needed for this ' +
              'assignment.',
          },
        ]);
      });

      it('is not asked for proposals and introductions, which sign nothing', () => {
        expect(assessEligibility(recent, policy(), '2025-09-01').eligible).toBe(true);
      });
    });

    it('is valid through the day before the anniversary and lapsed on it', () => {
      const facts = contact({
        policeCertificateIssuedOn: '2022-03-15',
        policeCertificatePresentedOn: '2022-03-20',
        confidentialitySignedOn: '2022-03-20',
      });
      expect(assessEligibility(facts, policy(), '2025-03-14')).toMatchObject({
        eligible: true,
        validUntil: '2025-03-14',
      });
      const lapsed = assessEligibility(facts, policy(), '2025-03-15');
      expect(lapsed).toMatchObject({ eligible: false, validUntil: '2025-03-14' });
      expect(lapsed.reasons).toEqual([
        {
          code: 'police_certificate_expired',
          message: 'The politiattest was valid until 2025-03-14 (36 months from issue) and must be renewed.',
        },
      ]);
    });

    it('uses the municipality’s own validity period', () => {
      const facts = contact({
        policeCertificateIssuedOn: '2024-06-15',
        policeCertificatePresentedOn: '2024-06-20',
      });
      const yearly = policy({ policeCertificateValidityMonths: 12 });
      expect(assessEligibility(facts, yearly, '2025-06-14')).toMatchObject({
        eligible: true,
        validUntil: '2025-06-14',
      });
      expect(codes(facts, '2025-06-15', yearly)).toEqual(['police_certificate_expired']);
    });

    it('clamps the lapse date at the end of a short month', () => {
      expect(policeCertificateValidUntil('2024-01-31', { policeCertificateValidityMonths: 1 })).toBe(
        '2024-02-28',
      );
      expect(policeCertificateValidUntil('2024-02-29', { policeCertificateValidityMonths: 12 })).toBe(
        '2025-02-27',
      );
      expect(policeCertificateValidUntil('2024-03-01', { policeCertificateValidityMonths: 36 })).toBe(
        '2027-02-28',
      );
    });

    it('is issued after the date asked about', () => {
      const result = assessEligibility(
        contact({ policeCertificateIssuedOn: '2025-07-01', policeCertificatePresentedOn: '2025-07-02' }),
        policy(),
        ON,
      );
      expect(result.reasons.map((r) => r.code)).toEqual([
        'issued_in_future',
        'police_certificate_not_presented',
      ]);
      expect(result.reasons[0].message).toBe(
        'The politiattest is recorded as issued on 2025-07-01, which is after 2025-06-15.',
      );
    });

    it('is recorded as presented before it was issued', () => {
      expect(
        codes(
          contact({ policeCertificateIssuedOn: '2025-04-02', policeCertificatePresentedOn: '2025-04-01' }),
        ),
      ).toEqual(['issued_in_future']);
    });

    it('reports both a late presentation and a lapse', () => {
      const facts = contact({
        policeCertificateIssuedOn: '2020-01-01',
        policeCertificatePresentedOn: '2020-06-01',
      });
      expect(codes(facts)).toEqual([
        'police_certificate_too_old_when_presented',
        'police_certificate_expired',
      ]);
    });
  });

  describe('taushetserklæring', () => {
    it('is not signed', () => {
      expect(codes(contact({ confidentialitySignedOn: null }))).toEqual(['confidentiality_not_signed']);
    });

    it('is signed only after the date asked about', () => {
      expect(codes(contact({ confidentialitySignedOn: '2025-06-16' }))).toEqual([
        'confidentiality_not_signed',
      ]);
      expect(codes(contact({ confidentialitySignedOn: '2025-06-15' }))).toEqual([]);
    });
  });

  describe('minimum age (only the birth year is known, so judged as if born on 31 December)', () => {
    it('accepts a contact who has certainly turned 18', () => {
      expect(codes(contact({ birthYear: 2006 }), '2025-06-15')).toEqual([]);
      expect(codes(contact({ birthYear: 2007 }), '2025-12-31')).toEqual([]);
    });

    it('refuses a contact who may still be 17, saying from when it is certain', () => {
      const result = assessEligibility(contact({ birthYear: 2007 }), policy(), '2025-12-30');
      expect(result.reasons).toEqual([
        {
          code: 'under_minimum_age',
          message:
            'The contact must be at least 18. From the birth year 2007 alone that is certain only from 2025-12-31.',
        },
      ]);
    });

    it('refuses a contact who is certainly too young', () => {
      expect(codes(contact({ birthYear: 2010 }))).toEqual(['under_minimum_age']);
      expect(codes(contact({ birthYear: 2030 }))).toEqual(['under_minimum_age']);
    });

    it('refuses when the birth year is not recorded', () => {
      const result = assessEligibility(contact({ birthYear: null }), policy(), ON);
      expect(result.eligible).toBe(false);
      expect(result.reasons).toEqual([
        {
          code: 'under_minimum_age',
          message: "The contact's birth year is not recorded, so the minimum age of 18 cannot be confirmed.",
        },
      ]);
    });

    it('uses the municipality’s minimum age', () => {
      expect(codes(contact({ birthYear: 2004 }), ON, policy({ minimumAge: 20 }))).toEqual([]);
      expect(codes(contact({ birthYear: 2005 }), ON, policy({ minimumAge: 20 }))).toEqual([
        'under_minimum_age',
      ]);
    });
  });

  it('lists every reason at once, in a stable order', () => {
    const result = assessEligibility(
      {
        birthYear: null,
        policeCertificateIssuedOn: null,
        policeCertificatePresentedOn: null,
        confidentialitySignedOn: null,
      },
      policy(),
      ON,
    );
    expect(result).toMatchObject({ eligible: false, validUntil: null });
    expect(result.reasons.map((r) => r.code)).toEqual([
      'under_minimum_age',
      'police_certificate_missing',
      'confidentiality_not_signed',
    ]);
  });

  it('accepts an entity with more fields than it needs', () => {
    const entity = { ...contact(), id: 'c1', name: 'Kari', active: true };
    expect(assessEligibility(entity, policy(), ON).eligible).toBe(true);
  });

  it('throws on invalid dates and policies (programming errors, caught by DTO validation first)', () => {
    expect(() => assessEligibility(contact(), policy(), '2025-02-30')).toThrow(RangeError);
    expect(() => assessEligibility(contact({ policeCertificateIssuedOn: '2025-3-1' }), policy(), ON)).toThrow(
      RangeError,
    );
    expect(() => assessEligibility(contact({ policeCertificatePresentedOn: '' }), policy(), ON)).toThrow(
      RangeError,
    );
    expect(() => assessEligibility(contact({ confidentialitySignedOn: 'yesterday' }), policy(), ON)).toThrow(
      RangeError,
    );
    expect(() => assessEligibility(contact({ birthYear: 1990.5 }), policy(), ON)).toThrow(RangeError);
    expect(() => assessEligibility(contact(), policy({ policeCertificateMaxAgeMonths: 0 }), ON)).toThrow(
      RangeError,
    );
    expect(() => assessEligibility(contact(), policy({ policeCertificateValidityMonths: 0 }), ON)).toThrow(
      RangeError,
    );
    expect(() => assessEligibility(contact(), policy({ policeCertificateValidityMonths: 1.5 }), ON)).toThrow(
      RangeError,
    );
    expect(() => assessEligibility(contact(), policy({ minimumAge: Number.NaN }), ON)).toThrow(RangeError);
  });
});
