#!/usr/bin/env node
// The CLI is TypeScript shared with the extension; tsx compiles it on the fly so `npx refclip` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../companion/cli.ts');
