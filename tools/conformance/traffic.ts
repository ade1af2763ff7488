// Bounded request loops against a proxy, and the minute alignment rpm tests need.
import type { LiteLLMProxy } from './proxy.ts';
import { sleep } from './process.ts';

type Response = Awaited<ReturnType<LiteLLMProxy['call']>>;

/** `count` chat requests one after another (each after the previous answered), optionally spaced. */
export async function sendSequentially(
  proxies: LiteLLMProxy | readonly LiteLLMProxy[],
  count: number,
  body: (index: number) => object,
  gapMs = 0,
): Promise<Response[]> {
  const pool = Array.isArray(proxies) ? proxies : [proxies as LiteLLMProxy];
  const responses: Response[] = [];
  for (let index = 0; index < count; index++) {
    if (index > 0 && gapMs > 0) await sleep(gapMs);
    responses.push(await pool[index % pool.length]!.call('/v1/chat/completions', body(index)));
  }
  return responses;
}

/** Milliseconds to wait so that `needSeconds` fit before the minute ends (0 when they fit now). */
export function waitForRoom(now: Date, needSeconds: number): number {
  const left = 60_000 - (now.getUTCSeconds() * 1000 + now.getUTCMilliseconds());
  return left >= needSeconds * 1000 ? 0 : left + 50;
}

/** LiteLLM counts rpm per UTC minute (`…:rpm:HH-MM`): a test must not straddle two minutes. */
export async function startOfFreshMinute(needSeconds: number): Promise<void> {
  if (needSeconds >= 55) throw new Error(`${needSeconds} s do not fit in one rpm window`);
  await sleep(waitForRoom(new Date(), needSeconds));
}
