// Points lib/db at the test run's database before any test module touches it.

import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
