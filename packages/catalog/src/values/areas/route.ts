// Values of the route feature (issue: the whole stack in the chart). Filled in by that feature's work.
import type { SpecNode } from '../spec.ts';

export const routeArea: Record<string, SpecNode> = {};
