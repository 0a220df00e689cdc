// Prisma CLI configuration. The app itself never runs the CLI: it applies prisma/migrations with its
// own runner (lib/db/migrate.ts). `url` is only read by CLI commands that need a database.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
