// Runs the release steps in order, printing one progress line per step and stopping at the first failure.

export interface Step<C> {
  title: string;
  /** Returns a short detail for the progress line (or nothing). */
  run: (context: C) => Promise<string | void>;
}


export async function runSteps<C>(steps: readonly Step<C>[], context: C, print: (line: string) => void, now: () => number = () => performance.now()): Promise<void> {
  for (const [index, step] of steps.entries()) {
    const label = `[${index + 1}/${steps.length}] ${step.title}`;
    const started = now();
    try {
      const detail = await step.run(context);
      const seconds = ((now() - started) / 1000).toFixed(1);
      print(`${label} … ok${detail ? `: ${detail}` : ''} (${seconds}s)`);
    } catch (error) {
      print(`${label} … FAILED`);
      throw error;
    }
  }
}
