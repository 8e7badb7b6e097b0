/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // better-sqlite3 is a native addon, and pg has optional native parts: load the database drivers from node_modules
  // at run time instead of bundling them.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@open-spaced-repetition/binding",
  ],
  // Lessons read content/ at build time; keep it traced into the server output.
  outputFileTracingIncludes: { "/lessons/**": ["./content/**/*"] },
};

export default nextConfig;
