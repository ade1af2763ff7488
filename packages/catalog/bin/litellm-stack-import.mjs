#!/usr/bin/env -S node --import tsx
// The catalog package's bin: npm run import's command (tools/import.ts runs when started under this name).
import '../../../tools/import.ts';
