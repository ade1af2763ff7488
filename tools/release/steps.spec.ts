import { describe, expect, it } from 'vitest';
import { runSteps, type Step } from './steps.ts';

describe('runSteps', () => {
  it('prints one line per step and stops at the first failure', async () => {
    const lines: string[] = [];
    const ran: string[] = [];
    let clock = 0;
    const steps: Step<string[]>[] = [
      { title: 'one', run: async (log) => void log.push('one') },
      { title: 'two', run: async (log) => (log.push('two'), 'detail') },
      { title: 'three', run: async () => { throw new Error('boom'); } },
      { title: 'four', run: async (log) => void log.push('four') },
    ];
    await expect(runSteps(steps, ran, (line) => lines.push(line), () => (clock += 250))).rejects.toThrow('boom');
    expect(ran).toEqual(['one', 'two']);
    expect(lines).toEqual(['[1/4] one … ok (0.3s)', '[2/4] two … ok: detail (0.3s)', '[3/4] three … FAILED']);
  });
});
