import { describe, expect, it } from 'vitest';
import { seedCatalog, validateCatalog, type Catalog, type ModelDeployment } from '../src/index.ts';

/** The seed catalog with one model replaced (or added when the id is new). */
function withModel(model: ModelDeployment): Catalog {
  const others = seedCatalog.models.filter((m) => m.id !== model.id);
  return { credentials: seedCatalog.credentials, models: [...others, model] };
}
const model = (id: string) => structuredClone(seedCatalog.models.find((m) => m.id === id)!);
const paths = (catalog: Catalog) => validateCatalog(catalog).map((issue) => issue.path);

describe('the seed catalog', () => {
  it('is valid', () => {
    expect(validateCatalog(seedCatalog)).toEqual([]);
  });

  it('has the 25 seed deployments, each on a named credential', () => {
    expect(seedCatalog.models).toHaveLength(25);
    const credentialIds = new Set(seedCatalog.credentials.map((c) => c.id));
    for (const m of seedCatalog.models) expect(credentialIds.has(m.credential), m.id).toBe(true);
  });

  it('gives Cohere embed and Cohere rerank credentials of their own', () => {
    const embed = model('cohere-embed-v-4-0');
    const rerank = model('cohere-rerank-v3-5');
    expect(embed.credential).not.toBe(rerank.credential);
    expect(embed.model.startsWith('azure_ai/')).toBe(true);
    expect(rerank.model.startsWith('cohere/')).toBe(true);
    expect(embed.inputType).toBe('text');
  });
});

// One failing case per rule: each names the entry and field, and says what is allowed.
describe('catalog rules', () => {
  it('rejects duplicate model ids', () => {
    const catalog = { ...seedCatalog, models: [...seedCatalog.models, model('o3')] };
    expect(validateCatalog(catalog)).toContainEqual({ path: 'models.o3', message: 'duplicate model id' });
  });

  it('rejects duplicate credential ids', () => {
    const catalog = { ...seedCatalog, credentials: [...seedCatalog.credentials, seedCatalog.credentials[0]!] };
    expect(paths(catalog)).toContain('credentials.azure_credential_us_east');
  });

  it('rejects ids that are not lower-case dash-separated words', () => {
    expect(paths(withModel({ ...model('o3'), id: 'GPT_4.1' }))).toContain('models.GPT_4.1');
  });

  it('rejects an unknown credential, listing the known ones', () => {
    const [issue] = validateCatalog(withModel({ ...model('o3'), credential: 'azure_nowhere' }));
    expect(issue).toMatchObject({ path: 'models.o3.credential' });
    expect(issue!.message).toContain('unknown credential "azure_nowhere"');
    expect(issue!.message).toContain('azure_credential_us_east2');
  });

  it('rejects a model whose provider prefix does not match its credential', () => {
    const issues = validateCatalog(withModel({ ...model('claude-opus-4-5'), credential: 'azure_credential_us_east' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'models.claude-opus-4-5.model' });
    expect(issues[0]!.message).toContain('must start with "azure/"');
  });

  it('rejects a model without a known provider prefix', () => {
    expect(paths(withModel({ ...model('o3'), model: 'openai/o3' }))).toContain('models.o3.model');
  });

  it('rejects Cohere embeddings on Azure through cohere/ or azure/', () => {
    for (const name of ['cohere/embed-v-4-0', 'azure/cohere-embed-v-4-0']) {
      const issues = validateCatalog(withModel({ ...model('cohere-embed-v-4-0'), model: name }));
      expect(issues.map((i) => i.path)).toContain('models.cohere-embed-v-4-0.model');
      expect(issues.find((i) => i.message.includes('azure_ai/'))).toBeDefined();
    }
  });

  it('rejects a mode LiteLLM does not know, listing the allowed ones', () => {
    const bad = model('o3');
    (bad.info as { mode: string }).mode = 'conversation';
    const [issue] = validateCatalog(withModel(bad));
    expect(issue).toMatchObject({ path: 'models.o3.info.mode' });
    expect(issue!.message).toContain('chat, completion, embedding');
  });

  it('requires mode realtime for realtime models', () => {
    const bad = model('gpt-realtime');
    bad.info.mode = 'chat';
    expect(paths(withModel(bad))).toContain('models.gpt-realtime.info.mode');
  });

  it('requires the health-check exemption for realtime models', () => {
    const bad = model('gpt-realtime-mini');
    delete bad.info.disableBackgroundHealthCheck;
    const issues = validateCatalog(withModel(bad));
    expect(issues).toEqual([
      { path: 'models.gpt-realtime-mini.info.disableBackgroundHealthCheck', message: expect.stringContaining('realtime') },
    ]);
  });

  it('forbids audio_speech for gpt-audio models and requires their health-check exemption', () => {
    const speech = model('gpt-audio');
    speech.info = { ...speech.info, mode: 'audio_speech', healthCheckVoice: 'alloy' };
    expect(validateCatalog(withModel(speech)).map((i) => i.path)).toEqual(['models.gpt-audio.info.mode']);
    const checked = model('gpt-audio-mini');
    checked.info.disableBackgroundHealthCheck = false;
    expect(paths(withModel(checked))).toEqual(['models.gpt-audio-mini.info.disableBackgroundHealthCheck']);
  });

  it('requires the health-check exemption for Azure AI embeddings', () => {
    const bad = model('cohere-embed-v-4-0');
    delete bad.info.disableBackgroundHealthCheck;
    expect(paths(withModel(bad))).toEqual(['models.cohere-embed-v-4-0.info.disableBackgroundHealthCheck']);
  });

  it('leaves the health-check voice of audio_speech to the chart (needed only while background health checks run)', () => {
    const tts: ModelDeployment = { id: 'tts-1', modelName: 'tts-1', model: 'azure/tts-1', credential: 'azure_credential_us_east2', info: { mode: 'audio_speech' } };
    expect(validateCatalog(withModel(tts))).toEqual([]);
  });

  it.each([
    ['rpm', 0],
    ['rpm', 1.5],
    ['tpm', -10],
    ['timeout', 0],
    ['streamTimeout', -1],
  ] as const)('rejects %s = %s', (field, value) => {
    expect(paths(withModel({ ...model('o3'), [field]: value }))).toEqual([`models.o3.${field}`]);
  });

  it('rejects fields the catalog does not know', () => {
    const bad = { ...model('o3'), temperature: 0.2 } as ModelDeployment;
    expect(validateCatalog(withModel(bad))).toEqual([{ path: 'models.o3.temperature', message: 'is not a known field' }]);
  });

  it('rejects a credential with a provider LiteLLM does not know', () => {
    const credentials = seedCatalog.credentials.map((c) => (c.id === 'azure_anthropic' ? { ...c, provider: 'claude' as never } : c));
    expect(paths({ ...seedCatalog, credentials })).toContain('credentials.azure_anthropic.provider');
  });

  it('requires an api version for Azure credentials', () => {
    const credentials = seedCatalog.credentials.map((c) => (c.id === 'azure_credential_us_east' ? { ...c, apiVersion: undefined } : c));
    expect(paths({ ...seedCatalog, credentials })).toContain('credentials.azure_credential_us_east.apiVersion');
  });

  it('rejects secret key names that cannot be env vars', () => {
    const credentials = seedCatalog.credentials.map((c) => (c.id === 'azure_anthropic' ? { ...c, secretKeys: { apiKey: 'anthropic-key' } } : c));
    expect(paths({ ...seedCatalog, credentials })).toContain('credentials.azure_anthropic.secretKeys.apiKey');
  });
});
