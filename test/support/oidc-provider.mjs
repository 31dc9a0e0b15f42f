/* global process, console */
// A real OpenID provider (the `oidc-provider` package, ESM) in its own process for the sign-in e2e test. It is
// started by test/support/oidc-provider-process.ts; configuration comes as JSON in argv[2], and it prints its
// issuer URL as one line on stdout when it listens. Development interactions (a login form that accepts any
// account name, a consent form) are the package's own.
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2]);
const { port, client, accounts } = options;
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [client],
  // Claims a municipality's provider would send, in the id_token itself (the web sign-in reads only that).
  claims: { openid: ['sub'], profile: ['name', 'role', 'municipality_id', 'contact_id', 'roles'] },
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(_ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  // Quiet: the dev interactions warn about themselves on every start.
  renderError(ctx, out) {
    ctx.type = 'json';
    ctx.body = out;
  },
});
provider.on('server_error', (_ctx, error) => console.error(error));

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
