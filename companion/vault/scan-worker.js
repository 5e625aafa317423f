// Worker threads do not inherit the tsx loader the CLI registered, so the worker registers it before loading.
import { register } from 'tsx/esm/api';

register();
await import('./scan-worker-main.ts');
