import { renderProxyInput } from './tools/conformance/chart-input.ts';
import { startBackends } from './tools/conformance/fake-backend.ts';
import { LiteLLMProxy } from './tools/conformance/proxy.ts';
import { RedisServer } from './tools/conformance/redis.ts';
import { backendValues, testSecret, chatBody } from './tools/conformance/scenario.ts';
import { sleep } from './tools/conformance/process.ts';
const redis = await new RedisServer('redis-test-password-123').start();
const backends = await startBackends(['azure_credential_us_east']);
const input = await renderProxyInput({ files: ['ci/01-minimal.yaml'], values: { ...backendValues(backends), models: { 'gpt-4-1-nano': { rpm: 6 } },
  litellm: { router: { routingStrategy: 'usage-based-routing-v2', numRetries: 0 }, settings: { cache: true, cache_params: { type: 'redis', host: '127.0.0.1', port: redis.port, username: 'litellm', password: 'os.environ/REDIS_PASSWORD', namespace: 'litellm' } } },
  extraEnv: [{ name: 'REDIS_PASSWORD', value: 'redis-test-password-123' }] } }, [testSecret('rel-litellm-stack')]);
const [a, b] = await Promise.all([LiteLLMProxy.start(input), LiteLLMProxy.start(input)]);
console.log('ready', a.startupMs, b.startupMs);
const out = [];
for (let i = 0; i < 12; i++) { const p = i % 2 ? b : a; const r = await p.call('/v1/chat/completions', chatBody('gpt-4.1-nano', `x-${i}-${Date.now()}`)); out.push(r.status); await sleep(1200); }
console.log(out, backends.azure_credential_us_east.requests.length);
const r1 = await a.call('/v1/chat/completions', chatBody('gpt-4.1', 'same')); const r2 = await a.call('/v1/chat/completions', chatBody('gpt-4.1', 'same')); const r3 = await b.call('/v1/chat/completions', chatBody('gpt-4.1', 'same'));
console.log('cache', r1.status, r2.status, r3.status, r3.headers.get('x-litellm-cache-key'), backends.azure_credential_us_east.requests.filter(r => JSON.stringify(r.body).includes('same')).length);
console.log(await redis.keys()); console.log(await redis.aclLog());
console.log((await a.call('/health/readiness')).text);
await a.stop(); await b.stop(); await redis.stop(); for (const x of Object.values(backends)) await x.stop();
