-- Rate limits shared by every app process on this database (sign-in, sign-up, invalid tokens):
-- the table rate-limiter-flexible's PostgreSQL store reads and writes (key, points, expiry in ms).

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
