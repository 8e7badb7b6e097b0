import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, ensureDatabaseDirectory } from "./lib/db/url";

// The JavaScript schema engine needs no download (Prisma 6.19, see README): migrations run through the
// same better-sqlite3 driver the app uses.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter() {
    return Promise.resolve().then(() => {
      const url = databaseUrl(process.env);
      ensureDatabaseDirectory(url);
      return new PrismaBetterSQLite3({ url });
    });
  },
});
