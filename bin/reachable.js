#!/usr/bin/env node
// `npx reachable …`: runs the TypeScript CLI (lib/cli/main.ts) through tsx's ESM loader.
import { register } from "tsx/esm/api";

register();
await import("../lib/cli/main.ts");
