#!/usr/bin/env node
// The `tdkt` command: runs the TypeScript sources through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../server/src/cli/main.ts');
