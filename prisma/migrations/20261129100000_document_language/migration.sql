-- The language a document is written in, as a BCP 47 tag in canonical form ("en", "pt-BR"), when
-- known: given on create or update, read by the import from a URL from <html lang> or og:locale.
ALTER TABLE "documents" ADD COLUMN "language" TEXT;
