import "vitest";

// What the e2e global setup hands to every test through inject().
declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
    /** A scratch folder of this run (server logs live here). */
    e2eDir: string;
  }
}
