// A Google service account for the Vertex fake: a key pair made here, the public half the fake's token
// endpoint verifies the JWT assertion with, and the key file LiteLLM (google-auth) signs it from.
import { generateKeyPairSync } from 'node:crypto';

export interface TestServiceAccount {
  /** What the Vertex fake checks a token request's JWT against (its `auth`). */
  auth: { publicKey: string; clientEmail: string };
  /** The service-account key file's JSON; its token_uri is the fake's token endpoint. */
  keyFile(projectId: string, tokenUri: string): string;
}

export function testServiceAccount(): TestServiceAccount {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientEmail = 'litellm@contoso-ai.iam.gserviceaccount.com';
  return {
    auth: { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), clientEmail },
    keyFile: (projectId, tokenUri) => JSON.stringify({
      type: 'service_account', project_id: projectId, private_key_id: 'test-key', client_email: clientEmail, client_id: '1',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), token_uri: tokenUri,
    }),
  };
}
