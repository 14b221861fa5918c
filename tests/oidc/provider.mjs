// A real OpenID Connect provider for the tests: panva's certified oidc-provider with its development
// login screen (any login name, any password). The login name is the person's e-mail; their groups come
// from OIDC_GROUPS. Started by tests/real_oidc.py; prints "ready" once it listens.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const groups = JSON.parse(process.env.OIDC_GROUPS || '{}');
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID,
    client_secret: process.env.OIDC_CLIENT_SECRET,
    redirect_uris: [process.env.OIDC_REDIRECT_URI],
    post_logout_redirect_uris: [process.env.OIDC_LOGOUT_URI],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
  conformIdTokenClaims: false, // the ID token carries email and groups: st.user reads them from it
  cookies: { keys: ['kunci-uji-penyedia'] },
  pkce: { required: () => false },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: id, groups: groups[id] || [] };
      },
    };
  },
});
provider.listen(port, '127.0.0.1', () => console.log('ready'));
