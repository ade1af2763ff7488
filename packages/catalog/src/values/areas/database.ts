// Values of the database feature (issue: the whole stack in the chart). Filled in by that feature's work.
import type { SpecNode } from '../spec.ts';

export const databaseArea: Record<string, SpecNode> = {};
