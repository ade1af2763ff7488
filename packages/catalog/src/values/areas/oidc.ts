// Values of the oidc feature (issue: the whole stack in the chart). Filled in by that feature's work.
import type { SpecNode } from '../spec.ts';

export const oidcArea: Record<string, SpecNode> = {};
