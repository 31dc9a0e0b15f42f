import { InvalidTokenError, principalFromClaims } from './claims';

const municipalityId = '5e7d0000-0000-4000-8000-000000000301';
const entra = { role: 'roles', municipality: 'extn.municipality', contact: 'extn.contact' };

describe('principalFromClaims', () => {
  it('maps our own claim names', () => {
    expect(principalFromClaims({ sub: 'a', role: 'caseworker', municipality_id: municipalityId })).toEqual({
      subject: 'a',
      role: 'caseworker',
      municipalityId,
      contactId: null,
    });
  });

  it('takes the first known role from an array claim under a configured name (Entra ID app roles)', () => {
    const principal = principalFromClaims(
      { sub: 'b', roles: ['Reader', 'coordinator', 'admin'], 'extn.municipality': municipalityId },
      entra,
    );
    expect(principal.role).toBe('coordinator');
  });

  it('uses the fixed municipality when the token names none, never over the claim', () => {
    const other = '5e7d0000-0000-4000-8000-000000000999';
    const names = { ...entra, fixedMunicipalityId: municipalityId };
    expect(principalFromClaims({ sub: 'c', roles: ['admin'] }, names).municipalityId).toBe(municipalityId);
    expect(
      principalFromClaims({ sub: 'c', roles: ['admin'], 'extn.municipality': other }, names).municipalityId,
    ).toBe(other);
  });

  it.each([
    [{ sub: 'd', municipality_id: municipalityId }, 'claim role invalid'],
    [{ sub: 'd', role: 'root', municipality_id: municipalityId }, 'claim role invalid'],
    [{ sub: 'd', role: 'admin', municipality_id: 'x' }, 'claim municipality_id invalid'],
    [{ sub: 'd', role: 'contact', municipality_id: municipalityId }, 'claim contact_id invalid'],
    [{ role: 'admin', municipality_id: municipalityId }, 'claim sub invalid'],
  ])('refuses %p', (claims, reason) => {
    expect(() => principalFromClaims(claims)).toThrow(new InvalidTokenError(reason));
  });
});
