import path from "node:path";
import { defineConfig } from "prisma/config";
import { postgresAdapter } from "./lib/db/postgres-adapter";
import { databaseUrl } from "./lib/db/url";

// The PostgreSQL twin of prisma.config.ts, for several app servers on one database (README, "Past one
// machine"): the schema derived from prisma/schema.prisma and the migration twins written beside the SQLite ones.
// scripts/db-migrate.mjs picks this file when DATABASE_URL is postgres:// or postgresql://.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgres", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgres", "migrations") },
  adapter() {
    return Promise.resolve().then(() => postgresAdapter(databaseUrl(process.env)));
  },
});
