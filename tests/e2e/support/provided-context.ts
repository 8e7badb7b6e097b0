import "vitest";

// What the e2e global setup hands to every test through inject().
declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
  }
}
