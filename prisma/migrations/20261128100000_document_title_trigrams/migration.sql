-- Document search matches a partial word in titles (title ILIKE '%term%'): without a trigram index
-- that OR made every document search read the whole table (340 ms over 20,000 documents).
CREATE INDEX "documents_title_idx" ON "documents" USING GIN ("title" gin_trgm_ops);
