import { Principal, Role } from '../common/auth/principal';
import { DEMO_CONTACT_ID, DEMO_MUNICIPALITY_ID } from '../demo/demo-ids';

export const PERSONA_KEYS = ['coordinator', 'caseworker', 'admin', 'contact'] as const;
export type PersonaKey = (typeof PERSONA_KEYS)[number];

/** Someone of the demo municipality to sign in as with one click, where the local signer is enabled. */
export interface DemoPersona {
  key: PersonaKey;
  role: Role;
  name: string;
  description: string;
  principal: Principal;
}

const persona = (
  key: PersonaKey,
  name: string,
  description: string,
  contactId: string | null = null,
): DemoPersona => ({
  key,
  role: key,
  name,
  description,
  // Each persona its own subject, so the access log tells them apart.
  principal: { subject: `demo-${key}`, role: key, municipalityId: DEMO_MUNICIPALITY_ID, contactId },
});

/** The demo personas, each with its own subject in the demo municipality. */
export const DEMO_PERSONAS: readonly DemoPersona[] = [
  persona('coordinator', 'Kari Koordinator', 'Koordinator: tildeler støttekontakter og godkjenner forslag'),
  persona('caseworker', 'Sindre Saksbehandler', 'Saksbehandler: vedtak og introduksjonsmøter'),
  persona('admin', 'Anne Administrator', 'Administrator: kommunens innstillinger og satser'),
  persona('contact', 'Demo-støttekontakt', 'Støttekontakt: egne oppdrag, møter og timer', DEMO_CONTACT_ID),
];

export const personaOf = (key: unknown): DemoPersona | undefined => DEMO_PERSONAS.find((p) => p.key === key);
