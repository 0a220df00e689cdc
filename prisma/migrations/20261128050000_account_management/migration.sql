-- Account management: API tokens may expire; sessions remember which browser opened them and when
-- they were last used, so a person can recognise and end them.

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN "user_agent" TEXT,
ADD COLUMN "last_seen_at" TIMESTAMPTZ(3);
