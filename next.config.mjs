/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@open-spaced-repetition/binding",
  ],
  // Lessons read content/ at build time; keep it traced into the server output.
  outputFileTracingIncludes: { "/lessons/**": ["./content/**/*"] },
};

export default nextConfig;
