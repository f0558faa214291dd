#!/usr/bin/env node
// Runs Khối's TypeScript directly (tsx), so a checkout starts with no compile step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
