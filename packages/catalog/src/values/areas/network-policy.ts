// Values of the network-policy feature (issue: the whole stack in the chart). Filled in by that feature's work.
import type { SpecNode } from '../spec.ts';

export const networkPolicyArea: Record<string, SpecNode> = {};
