-- Who wrote an article (its byline), as the page says; filled by the import from a URL, optional elsewhere.
ALTER TABLE "documents" ADD COLUMN "byline" TEXT;
